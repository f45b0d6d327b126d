import { cardsGroupWrites, cardsRenameWrites, cellKey, type CardRecord } from "@journeyboard/shared";
import type { BoardController, ClusterTarget } from "../BoardController";

/** Why a change to clusters is not offered: a message key. */
export type ClusterRefusal =
  "clusters.readOnly" | "clusters.oneCell" | "clusters.noneGrouped" | "lock.locked" | "cards.notYours";

/** The selected cards, in their cell's order. */
export function selectedCards(c: BoardController): CardRecord[] {
  return [...c.getUi().selection]
    .map((id) => c.model.record("cards", id))
    .filter((card): card is CardRecord => card !== undefined)
    .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : 1));
}

/**
 * Why the server would refuse writing these cards, as the guard decides it:
 * the phase (or a viewer's link) keeps cards as they are, or a lock holds
 * one, or one is someone else's where participants change only their own.
 */
function writesRefusal(c: BoardController, ids: readonly string[]): ClusterRefusal | null {
  if (!c.canEdit) return "clusters.readOnly";
  return ids.map(c.cardRefusal).find((refusal) => refusal !== null) ?? null;
}

/** Why the selected cards may not be grouped under a name now, or null (the name aside: the cluster so named moves with them). */
export function groupRefusal(c: BoardController, name = ""): ClusterRefusal | null {
  const cards = selectedCards(c);
  if (new Set(cards.map((card) => cellKey(card.stageId, card.laneId))).size > 1) return "clusters.oneCell";
  return writesRefusal(
    c,
    cardsGroupWrites(
      c.doc,
      cards.map((card) => card.id),
      name,
    ),
  );
}

/** Why the selected cards may not be taken out of their clusters now, or null. */
export function ungroupRefusal(c: BoardController): ClusterRefusal | null {
  const cards = selectedCards(c);
  if (new Set(cards.map((card) => cellKey(card.stageId, card.laneId))).size > 1) return "clusters.oneCell";
  if (!cards.some((card) => card.cluster)) return "clusters.noneGrouped";
  return writesRefusal(
    c,
    cards.map((card) => card.id),
  );
}

/** The cards of a cluster in its cell. */
export function clusterCards(c: BoardController, target: ClusterTarget): CardRecord[] {
  const cards = c.grid()?.cells.get(cellKey(target.stageId, target.laneId)) ?? [];
  return cards.filter((card) => card.cluster === target.cluster);
}

/** Why a cluster may not be renamed (to `to`, joining a cluster already so named) or ungrouped now, or null. */
export function clusterRefusal(c: BoardController, target: ClusterTarget, to = target.cluster): ClusterRefusal | null {
  return writesRefusal(c, cardsRenameWrites(c.doc, { ...target, from: target.cluster, to }));
}
