import { MessageType } from "@hocuspocus/server";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as Y from "yjs";
import {
  COLLAB_PATH,
  MAX_RECORDS_PER_KIND,
  keyAtEnd,
  type BoardFile,
  type CreateBoardResponse,
} from "@journeyboard/shared";
import { authFrame } from "../../server/tests/support/fuzz";

/**
 * A board file of `records` records: as many cards in the first cell as a
 * board file may hold of one kind, and ratings of them for the rest.
 */
export function fullFile(source: BoardFile, records: number): BoardFile {
  const held = Object.values(source.records).reduce((sum, list) => sum + list.length, 0);
  const cards = Math.min(records - held, MAX_RECORDS_PER_KIND);
  const file = fileWithCards(source, cards);
  file.records.ratings = Array.from({ length: records - held - cards }, (_, i) => ({
    id: `c${i}:p${i}`,
    cardId: `c${i}`,
    participantId: `p${i}`,
    department: "sales",
    value: (i % 5) - 2,
  }));
  return file;
}

/** A board file holding `count` cards in its first cell. */
export function fileWithCards(source: BoardFile, count: number): BoardFile {
  const file = structuredClone(source);
  const journey = file.records.journeys[0]!;
  let order = keyAtEnd([]);
  for (let i = 0; i < count; i++) {
    order = keyAtEnd([{ id: "", order }]);
    file.records.cards.push({
      id: `c${i}`,
      journeyId: journey.id,
      stageId: file.records.stages.find((stage) => stage.journeyId === journey.id)!.id,
      laneId: file.records.lanes.find((lane) => lane.journeyId === journey.id)!.id,
      text: `Card ${i}: I wait on the phone for an answer that never comes`,
      order,
      authorName: "",
      authorDepartment: "sales",
      createdAt: 1,
      authorId: null,
      textDirection: "auto",
      mergedInto: null,
      cluster: null,
    });
  }
  return file;
}

export const importFile = (url: string, file: unknown) =>
  fetch(`${url}/api/boards/import`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(file),
  });

/** A viewer downloads the board's PDF, board.json and journey.csv at once; the statuses, in that order. */
export async function heavyExports(url: string, board: CreateBoardResponse): Promise<number[]> {
  const headers = { authorization: `Bearer ${board.links.viewer.token}` };
  const answers = await Promise.all(
    ["journey.pdf", "board.json", "journey.csv"].map(async (file) => {
      const answer = await fetch(`${url}/api/boards/${board.id}/export/${file}`, { headers });
      await answer.arrayBuffer();
      return answer.status;
    }),
  );
  return answers;
}

/** A stranger's import of 50,000 empty records per kind, then one of `cards` cards; the statuses. */
export async function hostileImports(url: string, source: BoardFile, cards: number): Promise<number[]> {
  const empty = (kind: string) => Array.from({ length: 50_000 }, (_, i) => ({ id: `${kind}${i}` }));
  const bomb = {
    ...source,
    records: Object.fromEntries(Object.keys(source.records).map((kind) => [kind, empty(kind)])),
  };
  const first = await importFile(url, bomb);
  await first.arrayBuffer();
  const second = await importFile(url, fileWithCards(source, cards));
  await second.arrayBuffer();
  return [first.status, second.status];
}

/** `sockets` viewers each asking `times` for the whole board (a first sync step with an empty state vector). */
export async function syncFlood(url: string, board: CreateBoardResponse, sockets: number, times: number) {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, board.id);
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(new Y.Doc()));
  const ask = encoding.toUint8Array(encoder);
  let bytes = 0;
  const closes: number[] = [];
  await Promise.all(
    Array.from({ length: sockets }, async () => {
      const socket = new WebSocket(`${url.replace(/^http/, "ws")}${COLLAB_PATH}`);
      await new Promise((resolve) => socket.once("open", resolve));
      socket.on("message", (data: Buffer) => (bytes += data.byteLength));
      socket.send(authFrame(board.id, board.links.viewer.token));
      for (let i = 0; i < times; i++) socket.send(ask);
      const closed = new Promise<void>((resolve) => socket.once("close", (code) => (closes.push(code), resolve())));
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      socket.terminate();
    }),
  );
  return { bytes, closes };
}
