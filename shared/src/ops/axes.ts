import type * as Y from "yjs";
import type { LaneKind } from "../model/laneKinds";
import type { Origin } from "../origins";
import { DomainError, readAll, readRecord, patchRecord, recordsOf, writeRecord } from "../schema/layout";
import { repairOrphans } from "../repair";
import { byOrder, keyAtIndex } from "./order";

/**
 * Stages (columns) and lanes (rows) behave alike: add, rename, reorder,
 * delete. Deleting one marks it deleted and removes its cards in the same
 * transaction, so undo brings both back together.
 */
type Axis = "stages" | "lanes";

function liveSiblings(doc: Y.Doc, axis: Axis, journeyId: string, excludeId?: string) {
  return readAll(doc, axis)
    .filter((r) => r.journeyId === journeyId && !r.deleted && r.id !== excludeId)
    .sort(byOrder);
}

function requireJourney(doc: Y.Doc, journeyId: string): void {
  if (!recordsOf(doc, "journeys").has(journeyId))
    throw new DomainError("not-found", `journey ${journeyId} does not exist`);
}

function requireLive(doc: Y.Doc, axis: Axis, id: string) {
  const record = readRecord(doc, axis, id);
  if (!record) throw new DomainError("not-found", `${axis} ${id} does not exist`);
  if (record.deleted) throw new DomainError("deleted", `${axis} ${id} was deleted`);
  return record;
}

export interface AddStageArgs {
  id: string;
  journeyId: string;
  title: string;
  index: number;
}

export function addStage(doc: Y.Doc, args: AddStageArgs, origin: Origin): void {
  doc.transact(() => {
    requireJourney(doc, args.journeyId);
    const order = keyAtIndex(liveSiblings(doc, "stages", args.journeyId), args.index);
    writeRecord(doc, "stages", {
      id: args.id,
      journeyId: args.journeyId,
      title: args.title,
      preset: null,
      order,
      deleted: false,
    });
  }, origin);
}

export interface AddLaneArgs extends AddStageArgs {
  kind: LaneKind;
}

export function addLane(doc: Y.Doc, args: AddLaneArgs, origin: Origin): void {
  doc.transact(() => {
    requireJourney(doc, args.journeyId);
    const order = keyAtIndex(liveSiblings(doc, "lanes", args.journeyId), args.index);
    writeRecord(doc, "lanes", {
      id: args.id,
      journeyId: args.journeyId,
      kind: args.kind,
      title: args.title,
      preset: null,
      order,
      deleted: false,
    });
  }, origin);
}

function rename(doc: Y.Doc, axis: Axis, args: { id: string; title: string }, origin: Origin): void {
  doc.transact(() => {
    requireLive(doc, axis, args.id);
    patchRecord(doc, axis, args.id, { title: args.title });
  }, origin);
}

/** Moves to `index` among the other live items of the same journey. */
function move(doc: Y.Doc, axis: Axis, args: { id: string; index: number }, origin: Origin): void {
  doc.transact(() => {
    const record = requireLive(doc, axis, args.id);
    const order = keyAtIndex(liveSiblings(doc, axis, record.journeyId, record.id), args.index);
    patchRecord(doc, axis, args.id, { order });
  }, origin);
}

function remove(doc: Y.Doc, axis: Axis, args: { id: string }, origin: Origin): void {
  doc.transact(() => {
    requireLive(doc, axis, args.id);
    patchRecord(doc, axis, args.id, { deleted: true });
    repairOrphans(doc);
  }, origin);
}

export const renameStage = (doc: Y.Doc, args: { id: string; title: string }, origin: Origin) =>
  rename(doc, "stages", args, origin);
export const renameLane = (doc: Y.Doc, args: { id: string; title: string }, origin: Origin) =>
  rename(doc, "lanes", args, origin);
export const moveStage = (doc: Y.Doc, args: { id: string; index: number }, origin: Origin) =>
  move(doc, "stages", args, origin);
export const moveLane = (doc: Y.Doc, args: { id: string; index: number }, origin: Origin) =>
  move(doc, "lanes", args, origin);
export const deleteStage = (doc: Y.Doc, args: { id: string }, origin: Origin) => remove(doc, "stages", args, origin);
export const deleteLane = (doc: Y.Doc, args: { id: string }, origin: Origin) => remove(doc, "lanes", args, origin);
