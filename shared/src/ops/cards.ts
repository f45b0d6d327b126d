import type * as Y from "yjs";
import { LIMITS } from "../model/limits";
import type { Origin } from "../origins";
import { DomainError, patchRecord, readRecord, recordsOf, writeRecord } from "../schema/layout";
import { cardsInCell } from "../read/grid";
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
  createdAt: number;
  /** Position in the cell; the end when omitted. */
  index?: number;
}

export function addCard(doc: Y.Doc, args: AddCardArgs, origin: Origin): void {
  checkText(args.text);
  doc.transact(() => {
    requireLiveCell(doc, args.journeyId, args.stageId, args.laneId);
    const siblings = cardsInCell(doc, args.stageId, args.laneId);
    writeRecord(doc, "cards", {
      id: args.id,
      journeyId: args.journeyId,
      stageId: args.stageId,
      laneId: args.laneId,
      order: keyAtIndex(siblings, args.index ?? siblings.length),
      text: args.text,
      authorName: args.authorName,
      authorDepartment: args.authorDepartment,
      createdAt: args.createdAt,
    });
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

/** Moves a card to a position in a cell of its own journey. */
export function moveCard(doc: Y.Doc, args: MoveCardArgs, origin: Origin): void {
  doc.transact(() => {
    const card = readRecord(doc, "cards", args.id);
    if (!card) throw new DomainError("not-found", `card ${args.id} does not exist`);
    requireLiveCell(doc, card.journeyId, args.stageId, args.laneId);
    const siblings = cardsInCell(doc, args.stageId, args.laneId).filter((c) => c.id !== card.id);
    patchRecord(doc, "cards", args.id, {
      stageId: args.stageId,
      laneId: args.laneId,
      order: keyAtIndex(siblings, args.index),
    });
  }, origin);
}

export function deleteCards(doc: Y.Doc, args: { ids: readonly string[] }, origin: Origin): void {
  doc.transact(() => {
    const cards = recordsOf(doc, "cards");
    for (const id of args.ids) cards.delete(id);
  }, origin);
}
