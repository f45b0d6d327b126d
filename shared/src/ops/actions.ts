import type * as Y from "yjs";
import type { Origin } from "../origins";
import { ActionRecord, newAction } from "../schema/action";
import { DomainError, patchRecord, readAll, readRecord, recordsOf, writeRecord } from "../schema/layout";
import { byOrder, keyAtIndex } from "./order";

export type ActionFields = Omit<ActionRecord, "id" | "order" | "createdAt">;

/** The plan's actions in priority order. */
export const actionsInOrder = (doc: Y.Doc): ActionRecord[] => readAll(doc, "actions").sort(byOrder);

export interface NewAction extends Partial<ActionFields> {
  id: string;
  createdAt: number;
}

/** Adds actions at the end of the plan, in one change (e.g. the top cards of a round). */
export function addActions(doc: Y.Doc, args: { actions: readonly NewAction[] }, origin: Origin): void {
  doc.transact(() => {
    const ordered = actionsInOrder(doc);
    for (const action of args.actions) {
      // writeRecord checks every field, so a bad value refuses the whole change.
      const record = newAction({ ...action, order: keyAtIndex(ordered, ordered.length) });
      writeRecord(doc, "actions", record);
      ordered.push(record);
    }
  }, origin);
}

/** Changes some fields of an action; a bad value is refused, naming the field, and nothing changes. */
export function updateAction(doc: Y.Doc, args: { id: string } & Partial<ActionFields>, origin: Origin): void {
  const { id, ...patch } = args;
  const current = readRecord(doc, "actions", id);
  if (!current) throw new DomainError("not-found", `action ${id} does not exist`);
  const checked = ActionRecord.safeParse({ ...current, ...patch });
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new DomainError("invalid", `actions.${issue?.path.join(".")}: ${issue?.message ?? "invalid"}`);
  }
  doc.transact(() => patchRecord(doc, "actions", id, patch), origin);
}

export function deleteActions(doc: Y.Doc, args: { ids: readonly string[] }, origin: Origin): void {
  doc.transact(() => {
    for (const id of args.ids) recordsOf(doc, "actions").delete(id);
  }, origin);
}

/** Puts an action at a place in the priority order; concurrent moves never duplicate or lose one. */
export function moveAction(doc: Y.Doc, args: { id: string; index: number }, origin: Origin): void {
  doc.transact(() => {
    if (!readRecord(doc, "actions", args.id)) throw new DomainError("not-found", `action ${args.id} does not exist`);
    const others = actionsInOrder(doc).filter((a) => a.id !== args.id);
    patchRecord(doc, "actions", args.id, { order: keyAtIndex(others, args.index) });
  }, origin);
}

/** The order votes, impact and effort suggest: most dots first, then most impact, then least effort. */
export const suggestedPriority = (actions: readonly ActionRecord[]): ActionRecord[] =>
  [...actions].sort((a, b) => b.dots - a.dots || b.impact - a.impact || a.effort - b.effort || byOrder(a, b));

/** Rewrites the shared order to the suggested one, as one change. */
export function prioritiseActions(doc: Y.Doc, origin: Origin): void {
  doc.transact(() => {
    const suggested = suggestedPriority(actionsInOrder(doc));
    const placed: Array<{ id: string; order: string }> = [];
    for (const action of suggested) {
      const order = keyAtIndex(placed, placed.length);
      patchRecord(doc, "actions", action.id, { order });
      placed.push({ id: action.id, order });
    }
  }, origin);
}
