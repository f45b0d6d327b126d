import type * as Y from "yjs";
import type { LaneKind } from "../model/laneKinds";
import type { Origin } from "../origins";
import { DomainError, readAll, readRecord, patchRecord, recordsOf, writeRecord } from "../schema/layout";
import { repairOrphans } from "../repair";
import { newLane } from "../schema/lane";
import { MAX_STAGE_WIDTH, MIN_STAGE_WIDTH, newStage } from "../schema/stage";
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
    writeRecord(doc, "stages", newStage({ id: args.id, journeyId: args.journeyId, title: args.title, order }));
  }, origin);
}

export interface AddLaneArgs extends AddStageArgs {
  kind: LaneKind;
}

export function addLane(doc: Y.Doc, args: AddLaneArgs, origin: Origin): void {
  doc.transact(() => {
    requireJourney(doc, args.journeyId);
    const order = keyAtIndex(liveSiblings(doc, "lanes", args.journeyId), args.index);
    writeRecord(
      doc,
      "lanes",
      newLane({ id: args.id, journeyId: args.journeyId, kind: args.kind, title: args.title, order }),
    );
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

export function setStageCollapsed(doc: Y.Doc, args: { id: string; collapsed: boolean }, origin: Origin): void {
  doc.transact(() => {
    requireLive(doc, "stages", args.id);
    patchRecord(doc, "stages", args.id, { collapsed: args.collapsed });
  }, origin);
}

export function setLaneCollapsed(doc: Y.Doc, args: { id: string; collapsed: boolean }, origin: Origin): void {
  doc.transact(() => {
    requireLive(doc, "lanes", args.id);
    patchRecord(doc, "lanes", args.id, { collapsed: args.collapsed });
  }, origin);
}

/** Sets a stage's column width in pixels (null: the default), within the allowed range. */
export function setStageWidth(doc: Y.Doc, args: { id: string; width: number | null }, origin: Origin): void {
  doc.transact(() => {
    requireLive(doc, "stages", args.id);
    const width =
      args.width === null ? null : Math.round(Math.min(MAX_STAGE_WIDTH, Math.max(MIN_STAGE_WIDTH, args.width)));
    patchRecord(doc, "stages", args.id, { width });
  }, origin);
}
