import * as Y from "yjs";
import { move } from "piscina";
import {
  FileRefused,
  exportBoard,
  fileProblem,
  importBoard,
  parseBoardFile,
  type BoardWorkshop,
  type FileProblem,
} from "@journeyboard/shared";
import type { ExportFile } from "../exports/files";
import { renderExport, type ExportAbout } from "../exports/render";
import type { StoredBoard } from "../storage/BoardStore";
import { splitUpdate } from "../storage/splitUpdate";
import { applyStored, piecesOf, readStored } from "../storage/storedBoard";

/**
 * The work that grows with a board's size: each job runs in a worker
 * thread, on the board as stored (its snapshot and update log, which hold
 * every acknowledged update), so the thread that relays edits never builds,
 * walks or encodes a whole board for a download, an import, a snapshot,
 * the folding of its update log, or the cutting of a large one into pieces
 * to load.
 */
export type HeavyJob =
  | { kind: "export"; file: ExportFile; board: StoredBoard; about: ExportAbout }
  | { kind: "import"; text: string }
  | { kind: "snapshot"; board: StoredBoard; workshop: BoardWorkshop }
  | { kind: "compact"; board: StoredBoard }
  | { kind: "split"; board: StoredBoard; structsPerPiece: number };

export type ImportResult =
  | { ok: true; state: Uint8Array; title: string; workshop: BoardWorkshop | undefined }
  | { ok: false; problem: FileProblem };

export interface HeavyResults {
  export: string | Uint8Array;
  import: ImportResult;
  snapshot: string;
  compact: Uint8Array;
  split: Uint8Array[];
}

/** A board file read, checked and built into a new board's document; its state is what the store keeps. */
function readImport(text: string): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: fileProblem("notJson", "file", "not JSON") };
  }
  const parsed = parseBoardFile(json);
  if (!parsed.ok)
    return { ok: false, problem: { problem: parsed.problem, field: parsed.field, message: parsed.message } };
  let doc: Y.Doc;
  try {
    doc = importBoard(parsed.board);
  } catch (error) {
    if (error instanceof FileRefused) return { ok: false, problem: error.refusal };
    throw error;
  }
  // Copied back to the server thread: piscina moves only a job's whole result, not a part of it.
  return {
    ok: true,
    state: Y.encodeStateAsUpdate(doc),
    title: parsed.board.meta.title,
    workshop: parsed.board.workshop,
  };
}

export async function runHeavyJob(job: HeavyJob): Promise<HeavyResults[HeavyJob["kind"]]> {
  switch (job.kind) {
    case "export": {
      const content = await renderExport(job.file, readStored(job.board), job.about);
      return typeof content === "string" ? content : (move(content) as Uint8Array);
    }
    case "import":
      return readImport(job.text);
    case "snapshot":
      return JSON.stringify(exportBoard(readStored(job.board), job.workshop));
    case "compact": {
      // The board as the server holds it, not migrated: the log already holds the migration the server applied.
      const doc = new Y.Doc();
      applyStored(doc, job.board);
      return move(Y.encodeStateAsUpdate(doc)) as Uint8Array;
    }
    case "split":
      return piecesOf(job.board).flatMap((piece) => splitUpdate(piece, job.structsPerPiece));
  }
}
