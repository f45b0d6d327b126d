import type * as Y from "yjs";
import { isCardOrphan } from "./repair";
import { RECORD_ROOTS, RECORD_SCHEMAS, recordsOf } from "./schema/layout";
import { BoardMeta } from "./schema/meta";

/**
 * Rules every replica of a board satisfies after every transaction, local or
 * remote. A card may briefly name a stage this replica has not received yet
 * (updates from different people arrive in any order), so references are
 * only required to agree on the journey when both ends are present.
 */
export function invariantViolations(doc: Y.Doc): string[] {
  const problems: string[] = [];
  for (const root of RECORD_ROOTS) {
    recordsOf(doc, root).forEach((map, id) => {
      const result = RECORD_SCHEMAS[root].safeParse(map.toJSON());
      if (!result.success) problems.push(`${root}/${id}: ${result.error.issues[0]?.message ?? "invalid"}`);
      else if (result.data.id !== id) problems.push(`${root}/${id}: stored under another id`);
    });
  }
  const journeyOf = (root: "stages" | "lanes", id: unknown) => recordsOf(doc, root).get(String(id))?.get("journeyId");
  recordsOf(doc, "cards").forEach((card, id) => {
    for (const [root, field] of [
      ["stages", "stageId"],
      ["lanes", "laneId"],
    ] as const) {
      const journeyId = journeyOf(root, card.get(field));
      if (journeyId !== undefined && journeyId !== card.get("journeyId")) {
        problems.push(`cards/${id}: its ${field} belongs to another journey`);
      }
    }
  });
  return problems;
}

/** Rules a fully synced board satisfies: no reference left dangling. */
export function settledViolations(doc: Y.Doc): string[] {
  const problems = invariantViolations(doc);
  const meta = BoardMeta.safeParse(doc.getMap("meta").toJSON());
  if (!meta.success) problems.push(`meta: ${meta.error.issues[0]?.message ?? "invalid"}`);
  const journeys = recordsOf(doc, "journeys");
  for (const root of ["stages", "lanes"] as const) {
    recordsOf(doc, root).forEach((map, id) => {
      if (!journeys.has(String(map.get("journeyId")))) problems.push(`${root}/${id}: journey missing`);
    });
  }
  recordsOf(doc, "cards").forEach((card, id) => {
    if (isCardOrphan(doc, card)) problems.push(`cards/${id}: orphan (its stage or lane is gone)`);
  });
  return problems;
}

/**
 * Ratings and links whose card is not on the board, and cards merged into
 * a card not on the board or of another cell. A live board keeps them
 * (undoing the card's deletion brings them back; a merge whose card is gone
 * stands alone), but a board file leaves them out or settles them
 * (`exportBoard`) and an import refuses them: on a new board nothing can
 * bring their card back.
 */
export function danglingReferences(doc: Y.Doc): string[] {
  const cards = recordsOf(doc, "cards");
  const problems: string[] = [];
  recordsOf(doc, "ratings").forEach((rating, id) => {
    if (!cards.has(String(rating.get("cardId")))) problems.push(`ratings/${id}: its card is not on the board`);
  });
  recordsOf(doc, "links").forEach((link, id) => {
    for (const field of ["fromCardId", "toCardId"]) {
      if (!cards.has(String(link.get(field)))) problems.push(`links/${id}: its ${field} is not on the board`);
    }
  });
  cards.forEach((card, id) => {
    const into = card.get("mergedInto");
    if (typeof into !== "string") return;
    const root = cards.get(into);
    if (!root) problems.push(`cards/${id}: merged into a card not on the board`);
    else if (root.get("stageId") !== card.get("stageId") || root.get("laneId") !== card.get("laneId")) {
      problems.push(`cards/${id}: merged into a card of another cell`);
    }
  });
  return problems;
}
