import type * as Y from "yjs";
import { LIMITS } from "../model/limits";
import type { Origin } from "../origins";
import { newCard, type CardRecord } from "../schema/card";
import { DomainError, patchRecord, readRecord, recordsOf, writeRecord } from "../schema/layout";
import { cardsInCell, cellKey } from "../read/grid";
import { mergedOriginals } from "../read/merges";
import { keyAtIndex } from "./order";

function requireLiveCell(doc: Y.Doc, journeyId: string, stageId: string, laneId: string): void {
  const stage = readRecord(doc, "stages", stageId);
  const lane = readRecord(doc, "lanes", laneId);
  if (!stage || !lane) throw new DomainError("not-found", "that cell does not exist");
  if (stage.deleted || lane.deleted) throw new DomainError("deleted", "that cell was deleted");
  if (stage.journeyId !== journeyId || lane.journeyId !== journeyId) {
    throw new DomainError("invalid", "stage and lane belong to another journey");
  }
}

function checkText(text: string): void {
  if (text.length > LIMITS.cardText) {
    throw new DomainError("invalid", `card text is longer than ${LIMITS.cardText} characters`);
  }
}

export interface AddCardArgs {
  id: string;
  journeyId: string;
  stageId: string;
  laneId: string;
  text: string;
  authorName: string;
  authorDepartment: string;
  /** The author's person id; nobody's card when omitted. */
  authorId?: string | null;
  createdAt: number;
  /** Position in the cell; the end when omitted. */
  index?: number;
}

export function addCard(doc: Y.Doc, args: AddCardArgs, origin: Origin): void {
  checkText(args.text);
  doc.transact(() => {
    requireLiveCell(doc, args.journeyId, args.stageId, args.laneId);
    const siblings = cardsInCell(doc, args.stageId, args.laneId);
    writeRecord(
      doc,
      "cards",
      newCard({
        id: args.id,
        journeyId: args.journeyId,
        stageId: args.stageId,
        laneId: args.laneId,
        order: keyAtIndex(siblings, args.index ?? siblings.length),
        text: args.text,
        authorName: args.authorName,
        authorDepartment: args.authorDepartment,
        authorId: args.authorId ?? null,
        createdAt: args.createdAt,
      }),
    );
  }, origin);
}

export function editCardText(doc: Y.Doc, args: { id: string; text: string }, origin: Origin): void {
  checkText(args.text);
  doc.transact(() => patchRecord(doc, "cards", args.id, { text: args.text }), origin);
}

export interface MoveCardArgs {
  id: string;
  stageId: string;
  laneId: string;
  index: number;
}

/** Moves a card to a position in a cell of its own journey; the originals merged into it go with it. */
export function moveCard(doc: Y.Doc, args: MoveCardArgs, origin: Origin): void {
  doc.transact(() => {
    const card = readRecord(doc, "cards", args.id);
    if (!card) throw new DomainError("not-found", `card ${args.id} does not exist`);
    requireLiveCell(doc, card.journeyId, args.stageId, args.laneId);
    const siblings = cardsInCell(doc, args.stageId, args.laneId).filter((c) => c.id !== card.id);
    const cluster = clusterAt(siblings, args.index, card.cluster);
    patchRecord(doc, "cards", args.id, {
      stageId: args.stageId,
      laneId: args.laneId,
      order: keyAtIndex(siblings, args.index),
      // Written only when it changes: a move does not undo someone's grouping made at the same moment.
      ...(cluster !== card.cluster && { cluster }),
    });
    for (const original of mergedOriginals(doc, args.id)) {
      patchRecord(doc, "cards", original.id, { stageId: args.stageId, laneId: args.laneId });
    }
  }, origin);
}

/**
 * The cluster a card placed at `index` among a cell's other cards belongs
 * to, as its neighbours show it: dropped between two cards of a cluster it
 * joins it; still beside a card of its own cluster it stays in it; anywhere
 * else it leaves it, so a cluster's cards never stand apart under two
 * headings of one name.
 */
function clusterAt(siblings: readonly CardRecord[], index: number, own: string | null): string | null {
  const before = siblings[Math.min(index, siblings.length) - 1]?.cluster ?? null;
  const after = siblings[index]?.cluster ?? null;
  if (before !== null && before === after) return before;
  return own !== null && (before === own || after === own) ? own : null;
}

/**
 * Several cards moved in one transaction (one step of undo), in the order
 * given, each placed among the cards its cell holds by then: a cell's end
 * (any index past it) takes them in that order.
 */
export function moveCards(doc: Y.Doc, args: { moves: readonly MoveCardArgs[] }, origin: Origin): void {
  doc.transact(() => {
    for (const move of args.moves) moveCard(doc, move, origin);
  }, origin);
}

/** Deletes cards, each with the originals merged into it (undo brings them back together). */
export function deleteCards(doc: Y.Doc, args: { ids: readonly string[] }, origin: Origin): void {
  doc.transact(() => {
    const cards = recordsOf(doc, "cards");
    const originals = args.ids.flatMap((id) => mergedOriginals(doc, id).map((card) => card.id));
    for (const id of [...args.ids, ...originals]) cards.delete(id);
  }, origin);
}

export interface AppendedCard {
  stageId: string;
  laneId: string;
  text: string;
  /** Content some lane kinds use (channel, owner, indicator) and the text's direction, kept as given. */
  content?: Partial<Pick<CardRecord, "channel" | "ownerDepartment" | "indicator" | "textDirection">>;
}

/** Who adds a batch of cards, to which journey, and how their ids are made. */
export interface CardsAuthor {
  journeyId: string;
  newId(): string;
  authorName: string;
  authorDepartment: string;
  /** The author's person id; nobody's cards when omitted. */
  authorId?: string | null;
  createdAt: number;
}

/**
 * Writes cards at the end of their cells, in the order given, inside the
 * caller's transaction (paste, table import): each cell's cards are read
 * once, however many cards land in it. Returns the new ids.
 */
export function appendCards(doc: Y.Doc, cards: readonly AppendedCard[], author: CardsAuthor): string[] {
  const cells = new Map<string, Array<{ id: string; order: string }>>();
  return cards.map(({ stageId, laneId, text, content }) => {
    const key = cellKey(stageId, laneId);
    const siblings = cells.get(key) ?? cardsInCell(doc, stageId, laneId);
    cells.set(key, siblings);
    const id = author.newId();
    const order = keyAtIndex(siblings, siblings.length);
    siblings.push({ id, order });
    writeRecord(
      doc,
      "cards",
      newCard({
        id,
        journeyId: author.journeyId,
        stageId,
        laneId,
        order,
        text,
        authorName: author.authorName,
        authorDepartment: author.authorDepartment,
        authorId: author.authorId ?? null,
        createdAt: author.createdAt,
        ...content,
      }),
    );
    return id;
  });
}

/** Adds cards at the end of their cells as one change (a table import); returns the new ids. */
export function addCardsAtEnd(
  doc: Y.Doc,
  cards: readonly AppendedCard[],
  author: CardsAuthor,
  origin: Origin,
): string[] {
  let ids: string[] = [];
  doc.transact(() => {
    ids = appendCards(doc, cards, author);
  }, origin);
  return ids;
}
