import { CARDS_MIME, cardsFromText, copyCards, parseClipboard, type ParsedClipboard } from "@journeyboard/shared";
import type { BoardController } from "./BoardController";

/**
 * Puts the selected cards on the clipboard: as cards, for a paste on this or
 * another board, and as plain text (one card per line) for other programs.
 */
export function writeSelection(controller: BoardController, data: DataTransfer): boolean {
  const copied = copyCards(controller.doc, [...controller.getUi().selection]);
  if (!copied) return false;
  data.setData(CARDS_MIME, JSON.stringify(copied));
  data.setData("text/plain", copied.cards.map((card) => card.text).join("\n"));
  return true;
}

/** Reads a paste: copied cards when there are some, else one card per line of text. */
export function readPaste(data: DataTransfer): ParsedClipboard {
  const cards = data.getData(CARDS_MIME);
  return cards ? parseClipboard(cards) : cardsFromText(data.getData("text/plain"));
}
