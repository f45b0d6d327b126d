import { createInterface } from "node:readline";
import {
  readAll,
  setStageWidth,
  stagesOf,
  localUserOrigin,
  type BoardFile,
  type CreateBoardResponse,
} from "@journeyboard/shared";
import { Writer } from "../../server/tests/support/crash";
import { heavyExports, hostileImports, syncFlood } from "./attacks";

/**
 * One attack, in a process of its own so that what it costs the attacker
 * (building a 30,000-card file, receiving hundreds of megabytes, 590 local
 * transactions on a full board) never holds up the process measuring the
 * other board's latency. It reads its input as one JSON line, prepares
 * (connects, syncs), prints `ready`, waits for `go`, attacks, and prints
 * what it got as one JSON line; `open` then stays, holding the board open.
 */
export interface AttackInput {
  url: string;
  board: CreateBoardResponse;
  source: BoardFile;
}

const attacks: Record<string, (input: AttackInput) => Promise<() => Promise<unknown>>> = {
  open:
    async ({ url, board }) =>
    async () => {
      // Stays connected until the benchmark ends, so the board stays loaded.
      await new Writer(url, board.id, board.links.viewer.token, "holder").whenSynced();
      return "synced";
    },
  exports:
    async ({ url, board }) =>
    () =>
      heavyExports(url, board),
  imports:
    async ({ url, source }) =>
    () =>
      hostileImports(url, source, 30_000),
  flood:
    async ({ url, board }) =>
    () =>
      syncFlood(url, board, 10, 10),
  burst: async ({ url, board }) => {
    const attacker = new Writer(url, board.id, board.links.participant.token, "attacker");
    await attacker.whenSynced();
    const journeyId = readAll(attacker.doc, "journeys")[0]!.id;
    const stageId = stagesOf(attacker.doc, journeyId)[0]!.id;
    return async () => {
      const origin = localUserOrigin();
      for (let i = 0; i < 590; i++) setStageWidth(attacker.doc, { id: stageId, width: 160 + (i % 400) }, origin);
      await attacker.whenSynced();
      attacker.destroy();
      return "acknowledged";
    };
  },
};

const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const input = JSON.parse((await lines.next()).value as string) as AttackInput;
const attack = await attacks[process.argv[2]!]!(input);
console.log("ready");
await lines.next();
console.log(JSON.stringify(await attack()));
if (process.argv[2] !== "open") process.exit(0);
