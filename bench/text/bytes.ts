import * as Y from "yjs";
import { recordsOf } from "@journeyboard/shared";
import { CLIENT_ID, boardWithCards, copyFor, keystrokes, textField, typedText, wholeField, type Field } from "./keys";

export interface StoreCost {
  /** Bytes the update log grows by per keystroke: every update, as the server appends it. */
  logPerKey: number;
  /** Bytes the stored board (a snapshot, `encodeStateAsUpdate`) grows by per keystroke. */
  storedPerKey: number;
}

/**
 * One person types `keys` keystrokes (a backspace every tenth) into a card
 * of a board; the log is what one update per keystroke adds, the stored
 * board what the snapshot grows by. Ours and the schema-4 layout type the
 * same keys and must end with the same text.
 */
export function storeCost(keys: number): { ours: StoreCost; whole: StoreCost } {
  const typed = keystrokes(keys);
  const measure = (layout: "ours" | "whole") => {
    const board = boardWithCards(1, layout);
    const [doc, ids] = [copyFor(board.doc, CLIENT_ID), board.ids];
    const map = recordsOf(doc, "cards").get(ids[0]!)!;
    const field: Field = layout === "ours" ? textField(doc, ids[0]!) : wholeField(map, "text");
    const before = Y.encodeStateAsUpdate(doc).length;
    let log = 0;
    doc.on("update", (update: Uint8Array) => (log += update.length));
    typed.forEach((key) => field.type(key));
    if (field.value() !== typedText(typed)) throw new Error(`${layout}: the card does not hold what was typed`);
    return { logPerKey: log / keys, storedPerKey: (Y.encodeStateAsUpdate(doc).length - before) / keys };
  };
  return { ours: measure("ours"), whole: measure("whole") };
}
