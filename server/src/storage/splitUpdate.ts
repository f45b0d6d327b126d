import * as encoding from "lib0/encoding";
import * as Y from "yjs";

/**
 * Splits an update into updates of at most `structsPerPiece` structs that,
 * applied in order, build the same document: the structs in ranges of
 * each client's clock, as Yjs's own merge writes them, and the delete set
 * last. A large board applied in one go holds the event loop for as long
 * as Yjs takes over all of it; in pieces, other work runs between them.
 * A piece whose structs build on a later piece waits in Yjs's pending
 * structs until that one arrives, so any order of clients is sound.
 */
export function splitUpdate(update: Uint8Array, structsPerPiece: number): Uint8Array[] {
  const { structs } = Y.decodeUpdate(update);
  const pieces: Uint8Array[] = [];
  for (let start = 0; start < structs.length; start += structsPerPiece) {
    pieces.push(encodeRuns(runsOf(structs.slice(start, start + structsPerPiece))));
  }
  // No structs, only what the update deletes.
  pieces.push(Y.diffUpdate(update, Y.encodeStateVectorFromUpdate(update)));
  return pieces;
}

type Struct = ReturnType<typeof Y.decodeUpdate>["structs"][number];

/** Structs grouped by client, each group one unbroken range of its clock (an update holds a client once). */
function runsOf(structs: Struct[]): Struct[][] {
  const runs: Struct[][] = [];
  for (const struct of structs) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && last.id.client === struct.id.client && last.id.clock + last.length === struct.id.clock) {
      run.push(struct);
    } else {
      runs.push([struct]);
    }
  }
  return runs;
}

/** The update format's first part as `Y.encodeStateAsUpdate` writes it, then an empty delete set. */
function encodeRuns(runs: Struct[][]): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, runs.length);
  for (const run of runs) {
    encoding.writeVarUint(encoder.restEncoder, run.length);
    encoder.writeClient(run[0]!.id.client);
    encoding.writeVarUint(encoder.restEncoder, run[0]!.id.clock);
    for (const struct of run) struct.write(encoder, 0);
  }
  encoding.writeVarUint(encoder.restEncoder, 0);
  return encoder.toUint8Array();
}
