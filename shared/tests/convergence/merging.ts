import type * as Y from "yjs";
import {
  addCard,
  cardsInCell,
  deleteCards,
  lanesOf,
  mergeCards,
  mergeRootOf,
  mergedOriginals,
  moveCard,
  readAll,
  redo,
  restoreMergedCard,
  stagesOf,
  undo,
} from "../../src/index";
import type { Random } from "./random";
import type { Typist } from "./typing";

/** The two cells merges happen in: the first lane in the first two stages, so concurrent merges overlap. */
function cellsOf(doc: Y.Doc, journeyId: string) {
  const lane = lanesOf(doc, journeyId)[0];
  return lane
    ? stagesOf(doc, journeyId)
        .slice(0, 2)
        .map((stage) => ({ stageId: stage.id, laneId: lane.id }))
    : [];
}

/** A few distinct cards of a list, in random order. */
function some<T>(rnd: Random, items: readonly T[], count: number): T[] {
  const left = [...items];
  const out: T[] = [];
  while (out.length < count && left.length) out.push(left.splice(rnd.int(left.length), 1)[0]!);
  return out;
}

/**
 * What people do while merging duplicates: add cards to two crowded
 * cells, merge two or three of a cell's cards (merged ones included, so
 * merges overlap), restore an original, move and delete cards as the
 * board shows them, undo and redo.
 */
export function mergeOperations(rnd: Random, seed: number, journeyId: string): Array<(p: Typist) => void> {
  let counter = 0;
  const shownCards = (doc: Y.Doc) =>
    cellsOf(doc, journeyId).flatMap((cell) => cardsInCell(doc, cell.stageId, cell.laneId));
  const merge = (p: Typist) => {
    const cell = rnd.pick(cellsOf(p.doc, journeyId));
    const cards = cell ? some(rnd, cardsInCell(p.doc, cell.stageId, cell.laneId), 2 + rnd.int(2)) : [];
    if (cards.length >= 2) {
      mergeCards(p.doc, { into: cards[0]!.id, ids: cards.slice(1).map((card) => card.id) }, p.origin);
    }
  };
  return [
    (p) => {
      const cell = rnd.pick(cellsOf(p.doc, journeyId));
      const id = `card-${seed}-${counter++}`;
      if (cell) {
        const author = { authorName: "", authorDepartment: rnd.pick(["sales", "support", "it"])!, createdAt: counter };
        addCard(p.doc, { id, journeyId, ...cell, text: id, ...author }, p.origin);
      }
    },
    // Merging is what these people do most.
    merge,
    merge,
    (p) => {
      const merged = shownCards(p.doc).filter((card) => mergedOriginals(p.doc, card.id).length > 0);
      const card = rnd.pick(merged);
      const original = card && rnd.pick(mergedOriginals(p.doc, card.id));
      if (original) restoreMergedCard(p.doc, { id: original.id }, p.origin);
    },
    (p) => {
      const card = rnd.pick(shownCards(p.doc));
      const cell = rnd.pick(cellsOf(p.doc, journeyId));
      if (card && cell) moveCard(p.doc, { id: card.id, ...cell, index: rnd.int(3) }, p.origin);
    },
    (p) => {
      const card = rnd.pick(shownCards(p.doc));
      if (card && rnd.next() < 0.3) deleteCards(p.doc, { ids: [card.id] }, p.origin);
    },
    (p) => undo(p.undoManager),
    (p) => redo(p.undoManager),
  ];
}

/**
 * Cards the board shows nowhere: neither on their own in a cell nor as an
 * original of a card that is. A merge may hide a card; it never loses one.
 */
export function unseenCards(doc: Y.Doc, journeyId: string): string[] {
  const shown = new Set(
    cellsOf(doc, journeyId).flatMap((cell) => cardsInCell(doc, cell.stageId, cell.laneId).map((card) => card.id)),
  );
  const cells = new Set(cellsOf(doc, journeyId).map((cell) => `${cell.stageId} ${cell.laneId}`));
  return readAll(doc, "cards")
    .filter((card) => card.journeyId === journeyId && cells.has(`${card.stageId} ${card.laneId}`))
    .filter((card) => !shown.has(mergeRootOf(doc, card.id)))
    .map((card) => card.id);
}
