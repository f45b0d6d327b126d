import { byOrder, cellKey, type CardRecord } from "@journeyboard/shared";

/**
 * Cards by cell, kept up to date one changed card at a time: a cell whose
 * cards did not change keeps its array, so what is drawn from it is skipped.
 */
export class CellIndex {
  private readonly cellOf = new Map<string, string>();
  private readonly cells = new Map<string, CardRecord[]>();

  constructor(cards: Iterable<CardRecord>) {
    for (const card of cards) {
      const key = cellKey(card.stageId, card.laneId);
      const list = this.cells.get(key);
      if (list) list.push(card);
      else this.cells.set(key, [card]);
      this.cellOf.set(card.id, key);
    }
    for (const list of this.cells.values()) list.sort(byOrder);
  }

  /** The cards of a cell, in order. */
  cell(key: string): readonly CardRecord[] | undefined {
    return this.cells.get(key);
  }

  /** Takes a card's new state (undefined: it is gone) into account; returns the cells it touched. */
  update(id: string, card: CardRecord | undefined): string[] {
    const previous = this.cellOf.get(id);
    const touched = previous === undefined ? [] : [previous];
    if (previous !== undefined) {
      const rest = this.cells.get(previous)!.filter((c) => c.id !== id);
      if (rest.length) this.cells.set(previous, rest);
      else this.cells.delete(previous);
      this.cellOf.delete(id);
    }
    if (!card) return touched;
    const key = cellKey(card.stageId, card.laneId);
    const list = [...(this.cells.get(key) ?? [])];
    let at = list.length;
    while (at > 0 && byOrder(list[at - 1]!, card) > 0) at--;
    list.splice(at, 0, card);
    this.cells.set(key, list);
    this.cellOf.set(id, key);
    if (key !== previous) touched.push(key);
    return touched;
  }
}
