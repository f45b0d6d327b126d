import * as Y from "yjs";
import { recordsOf } from "./schema/layout";

/**
 * The one invariant repaired in place: a card exists only while its stage and
 * its lane are live. Operations that remove a stage or lane, and undo/redo,
 * call this inside their own transaction. Two people can still break it at
 * the same moment (one deletes a stage while the other drops a card into it);
 * the server, the one replica that sees every change first, repairs those
 * with `repairOrphansAfter`.
 */
export function isCardOrphan(doc: Y.Doc, card: Y.Map<unknown>): boolean {
  const stage = recordsOf(doc, "stages").get(String(card.get("stageId")));
  const lane = recordsOf(doc, "lanes").get(String(card.get("laneId")));
  return !stage || !lane || stage.get("deleted") === true || lane.get("deleted") === true;
}

/** Deletes every orphan card; call inside a transaction. Returns the deleted ids. */
export function repairOrphans(doc: Y.Doc): string[] {
  const cards = recordsOf(doc, "cards");
  const orphans: string[] = [];
  cards.forEach((card, id) => {
    if (isCardOrphan(doc, card)) orphans.push(id);
  });
  for (const id of orphans) cards.delete(id);
  return orphans;
}

/**
 * The cards a finished transaction may have orphaned: every card when a
 * stage or lane was removed or deleted, otherwise only the cards it touched.
 * Keeps the server's check proportional to the change on large boards.
 */
export function orphansAfter(doc: Y.Doc, transaction: Y.Transaction): string[] {
  const stages: unknown = recordsOf(doc, "stages");
  const lanes: unknown = recordsOf(doc, "lanes");
  const cards = recordsOf(doc, "cards");
  const cardsType: unknown = cards;
  let axisChanged = false;
  const touched = new Set<string>();
  for (const [type, keys] of transaction.changed) {
    if (type === stages || type === lanes) axisChanged = true;
    else if (type === cardsType) keys.forEach((key) => key !== null && touched.add(key));
    else if (type instanceof Y.Map && type.parent !== null) {
      if (type.parent === stages || type.parent === lanes) axisChanged = true;
      else if (type.parent === cardsType && typeof type.get("id") === "string") touched.add(type.get("id") as string);
    }
  }
  const orphans: string[] = [];
  const check = (card: Y.Map<unknown> | undefined, id: string) => {
    if (card && isCardOrphan(doc, card)) orphans.push(id);
  };
  if (axisChanged) cards.forEach(check);
  else touched.forEach((id) => check(cards.get(id), id));
  return orphans;
}
