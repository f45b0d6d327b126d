import WebSocket from "ws";
import * as Y from "yjs";
import { DEFAULT_MAP_TYPE, MAP_TYPE_STAGE_SET, addJourney, initBoard, localUserOrigin } from "@journeyboard/shared";
import { putCard } from "../../server/tests/support/cards";
import { Writer, createBoard } from "../../server/tests/support/crash";
import { WIRES, type ServerKind } from "./wire";

/** A board of a run, as the server holds it, and what its clients need to join and type. */
export interface BenchBoard {
  name: string;
  token: string;
  /** The board's state (base64): what a writer types into. */
  seed: string;
  /** Lets the server go of the board once the run's clients hold it. */
  release(): void;
  /** Ours': the facilitator's token, to run a voting round. */
  facilitatorToken?: string;
}

/** A board as ours creates one (a journey of the default map type) with the given cards, built here for the baselines. */
export function localBoard(cards: readonly string[]): Uint8Array {
  const doc = new Y.Doc();
  const origin = localUserOrigin();
  initBoard(doc, { title: "Relay", locale: "en", createdAt: 1 }, origin);
  const stageSet = MAP_TYPE_STAGE_SET[DEFAULT_MAP_TYPE];
  addJourney(doc, { id: "journey", title: "", mapType: DEFAULT_MAP_TYPE, stageSet, personaId: null }, origin);
  // One transaction: a card each would make Yjs clean up after every one of 10,000.
  doc.transact(() => cards.forEach((id) => putCard(doc, { id, text: id }, origin)), origin);
  return Y.encodeStateAsUpdate(doc);
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

/**
 * Makes a board on a server with `cards` in it (each card's text its
 * id), held open by a setup
 * client until `release`: ours creates it over HTTP and the cards are
 * added through a provider; a baseline is sent the same kind of board,
 * built here, and B-raw holds nothing.
 */
export async function benchBoard(
  kind: ServerKind,
  url: string,
  name: string,
  cards: readonly string[],
  /** For a baseline: the board to send it, instead of one built here (the join storm sends ours' board). */
  state: Uint8Array = kind === "ours" ? new Uint8Array() : localBoard(cards),
): Promise<BenchBoard> {
  if (kind === "ours") {
    const created = await createBoard(url);
    const setup = new Writer(url, created.id, created.links.facilitator.token, "setup");
    await setup.whenSynced();
    // In updates of a thousand cards: a message of the whole of a large board would pass the server's 4 MiB.
    for (let i = 0; i < cards.length; i += 1000) {
      setup.doc.transact(() => cards.slice(i, i + 1000).forEach((id) => putCard(setup.doc, { id, text: id })));
      await setup.whenSynced();
    }
    const seed = base64(Y.encodeStateAsUpdate(setup.doc));
    const { participant, facilitator } = created.links;
    return {
      name: created.id,
      token: participant.token,
      seed,
      release: () => setup.destroy(),
      facilitatorToken: facilitator.token,
    };
  }
  if (kind === "B-hp") {
    const setup = new Writer(url, name, "any", "setup");
    await setup.whenSynced();
    Y.applyUpdate(setup.doc, state);
    await setup.whenSynced();
    return { name, token: "any", seed: base64(state), release: () => setup.destroy() };
  }
  if (kind === "B-raw") return { name, token: "any", seed: base64(state), release: () => {} };
  return { name, token: "any", seed: base64(state), release: await sendToYws(url, name, state) };
}

/** Sends B-yws a board's state and waits until it has applied it (its answer to the sync step sent after). */
async function sendToYws(url: string, name: string, state: Uint8Array): Promise<() => void> {
  const wire = WIRES["B-yws"];
  const socket = new WebSocket(`${url.replace(/^http/, "ws")}${wire.path(name)}`);
  await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
  socket.send(wire.update(name, state));
  await new Promise<void>((resolve) => {
    socket.on("message", (data: Buffer) => {
      const incoming = wire.read(name, data);
      if (incoming.kind === "answer") socket.send(incoming.frame);
      if (incoming.kind === "synced") resolve();
    });
    for (const frame of wire.opening(name, "")) socket.send(frame);
  });
  return () => socket.close();
}
