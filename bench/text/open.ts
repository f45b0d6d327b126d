import * as Y from "yjs";
import { readAll, recordsOf } from "@journeyboard/shared";
import { CLIENT_ID, boardWithCards, copyFor, keystrokes, textField, wholeField, type Field } from "./keys";

const AUTHORS = 10;
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * A board of `cards` cards whose texts have an editing history: each card
 * typed key by key (`keysPerCard`, a backspace every tenth) by one of ten
 * people, then one card in five extended by a reviewer, each its own Yjs
 * client. Answers its stored size and how long opening it takes (decode
 * the stored state into a new document and read every card, as the web
 * app does before its first frame; and the decoding alone), `repeat` times,
 * in this process's CPU time: on a shared machine, wall time mostly
 * measures the other processes.
 */
export function openBoard(cards: number, keysPerCard: number, layout: "ours" | "whole", repeat: number) {
  const { doc, ids } = boardWithCards(cards, layout);
  const fieldOf = (copy: Y.Doc, id: string): Field =>
    layout === "ours" ? textField(copy, id) : wholeField(recordsOf(copy, "cards").get(id)!, "text");
  const typeInto = (clientID: number, cardIds: string[], keys: number) => {
    const copy = copyFor(doc, clientID);
    cardIds.forEach((id, i) => {
      const field = fieldOf(copy, id);
      keystrokes(keys, i * 7).forEach((key) => field.type(key));
    });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(copy, Y.encodeStateVector(doc)));
    copy.destroy();
  };
  for (let author = 0; author < AUTHORS; author++)
    typeInto(
      CLIENT_ID + author,
      ids.filter((_, i) => i % AUTHORS === author),
      keysPerCard,
    );
  typeInto(
    CLIENT_ID + AUTHORS,
    ids.filter((_, i) => i % 5 === 0),
    Math.ceil(keysPerCard / 4),
  );

  const stored = Y.encodeStateAsUpdate(doc);
  const times: number[] = [];
  const decodeTimes: number[] = [];
  let texts = "";
  // One more than measured: the first decode also compiles the decoder.
  for (let i = -1; i < repeat; i++) {
    const start = cpuMs();
    const opened = new Y.Doc();
    Y.applyUpdate(opened, stored);
    const decoded = cpuMs();
    const read = readAll(opened, "cards");
    if (i >= 0) times.push(cpuMs() - start);
    if (i >= 0) decodeTimes.push(decoded - start);
    texts = read.map((card) => card.text).join("\n");
    opened.destroy();
  }
  doc.destroy();
  return { bytes: stored.length, times, decodeTimes, texts };
}
