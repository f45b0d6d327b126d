import type * as Y from "yjs";
import { LIMITS } from "../model/limits";
import type { Origin } from "../origins";
import { DomainError, patchRecord, readRecord } from "../schema/layout";
import { cardsInCell } from "../read/grid";
import { keyAtIndex } from "./order";

/**
 * Clusters: cards of one cell grouped under a name without merging them.
 * A cluster is its name on the cards (`cluster`): the cards of a cell with
 * the same name are one cluster, kept next to each other in the cell.
 */

function requireOneCell(doc: Y.Doc, ids: readonly string[]) {
  const cards = ids.map((id) => {
    const card = readRecord(doc, "cards", id);
    if (!card) throw new DomainError("not-found", `card ${id} does not exist`);
    return card;
  });
  const [first] = cards;
  if (!first) throw new DomainError("invalid", "grouping takes at least one card");
  if (cards.some((card) => card.stageId !== first.stageId || card.laneId !== first.laneId)) {
    throw new DomainError("invalid", "only cards of one cell are grouped");
  }
  return first;
}

function clusterName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > LIMITS.title) {
    throw new DomainError("invalid", `a cluster's name is 1 to ${LIMITS.title} characters`);
  }
  return trimmed;
}

/**
 * The cards `groupCards` writes, for those who check before: the ones named
 * and the cluster of that name in their cell, placed again with them.
 */
export function cardsGroupWrites(doc: Y.Doc, ids: readonly string[], name: string): string[] {
  const first = ids.length ? readRecord(doc, "cards", ids[0]!) : undefined;
  if (!first) return [...ids];
  const cluster = cardsInCell(doc, first.stageId, first.laneId).filter((card) => card.cluster === name.trim());
  return [...new Set([...ids, ...cluster.map((card) => card.id)])];
}

/** The cards `renameCluster` writes: the cluster's, and those of a cluster already so named in the cell. */
export function cardsRenameWrites(doc: Y.Doc, args: { stageId: string; laneId: string; from: string; to: string }) {
  const named = new Set([args.from, args.to.trim()]);
  return cardsInCell(doc, args.stageId, args.laneId)
    .filter((card) => card.cluster !== null && named.has(card.cluster))
    .map((card) => card.id);
}

/**
 * Groups cards of one cell under a name, in one step: the cluster of that
 * name in the cell if there is one, else a new one. Its cards stand
 * together where the first of them stood (in the cell's order).
 */
export function groupCards(doc: Y.Doc, args: { ids: readonly string[]; name: string }, origin: Origin): void {
  const name = clusterName(args.name);
  doc.transact(() => {
    const { stageId, laneId } = requireOneCell(doc, args.ids);
    const cell = cardsInCell(doc, stageId, laneId);
    const joining = new Set(args.ids);
    const members = cell.filter((card) => joining.has(card.id) || card.cluster === name);
    const others = cell.filter((card) => !members.includes(card));
    const at = cell.findIndex((card) => members.includes(card));
    const before = cell.slice(0, at).filter((card) => !members.includes(card)).length;
    let placed = others;
    for (const [offset, card] of members.entries()) {
      const order = keyAtIndex(placed, before + offset);
      patchRecord(doc, "cards", card.id, { cluster: name, order });
      placed = [...placed.slice(0, before + offset), { ...card, order }, ...placed.slice(before + offset)];
    }
  }, origin);
}

/** Takes cards out of their cluster; they stay where they are. */
export function ungroupCards(doc: Y.Doc, args: { ids: readonly string[] }, origin: Origin): void {
  doc.transact(() => {
    requireOneCell(doc, args.ids);
    for (const id of args.ids) patchRecord(doc, "cards", id, { cluster: null });
  }, origin);
}

/** Renames a cluster of a cell: each of its cards takes the new name (joining a cluster already so named). */
export function renameCluster(
  doc: Y.Doc,
  args: { stageId: string; laneId: string; from: string; to: string },
  origin: Origin,
): void {
  const ids = cardsInCell(doc, args.stageId, args.laneId)
    .filter((card) => card.cluster === args.from)
    .map((card) => card.id);
  if (!ids.length) throw new DomainError("not-found", `no cluster ${args.from} in this cell`);
  groupCards(doc, { ids, name: args.to }, origin);
}
