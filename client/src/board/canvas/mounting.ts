/**
 * How many cards a render may mount ahead of the view, and unmount behind
 * it. Creating a card (its Konva nodes, its text laid out, its picture) is
 * the dearest part of a pan: a row of cards coming into the overdrawn edge at
 * once cost a frame of 20 to 40 ms. Cards on screen are always mounted;
 * those only in the overdrawn edge come a few per frame, in the frames
 * before the view reaches them, and those gone out of it leave a few per
 * frame.
 */
export const MOUNTS_PER_RENDER = 8;

export interface MountBudget {
  /** Cards this render may still mount ahead of the view. */
  mounts: number;
  /** Cards this render may still unmount. */
  unmounts: number;
}

export const freshBudget = (): MountBudget => ({ mounts: MOUNTS_PER_RENDER, unmounts: MOUNTS_PER_RENDER });

/**
 * The cards (by index) a cell mounts: every one on screen (`needed`), the
 * ones it had that are still wanted, as many more of the wanted as the
 * budget allows (nearest the screen first: `wanted` is in reading order, so
 * those nearest the needed ones), and the ones it had that are no longer
 * wanted while the budget does not allow unmounting them. `pending` says
 * whether a later render has work left.
 */
export function mountedSlots(
  wanted: readonly number[],
  needed: ReadonlySet<number>,
  had: ReadonlySet<number>,
  budget: MountBudget,
): { slots: number[]; pending: boolean } {
  const wantedSet = new Set(wanted);
  let pending = false;
  const slots = wanted.filter((index) => {
    if (needed.has(index) || had.has(index)) return true;
    if (budget.mounts > 0) {
      budget.mounts--;
      return true;
    }
    pending = true;
    return false;
  });
  for (const index of had) {
    if (wantedSet.has(index)) continue;
    if (budget.unmounts > 0) budget.unmounts--;
    else {
      slots.push(index);
      pending = true;
    }
  }
  return { slots: slots.sort((a, b) => a - b), pending };
}

const NONE: ReadonlySet<number> = new Set();

/**
 * What the cells of the cards' layer share across renders: the render's
 * budget, the cards each cell has mounted, and the cells with work left
 * (which render again in the next render of the layer).
 */
export class Mounting {
  private budget = freshBudget();
  private renders = 0;
  private readonly mounted = new Map<string, ReadonlySet<number>>();
  private readonly pending = new Set<string>();

  /** A render of the layer begins, with a fresh budget: its number. */
  beginRender(): number {
    this.budget = freshBudget();
    return ++this.renders;
  }

  get hasPending(): boolean {
    return this.pending.size > 0;
  }

  isPending(cell: string): boolean {
    return this.pending.has(cell);
  }

  choose(cell: string, wanted: readonly number[], needed: ReadonlySet<number>): { slots: number[]; pending: boolean } {
    return mountedSlots(wanted, needed, this.mounted.get(cell) ?? NONE, this.budget);
  }

  /** The cell's render was committed with these cards mounted. */
  committed(cell: string, slots: readonly number[], pending: boolean): void {
    this.mounted.set(cell, new Set(slots));
    if (pending) this.pending.add(cell);
    else this.pending.delete(cell);
  }

  forget(cell: string): void {
    this.mounted.delete(cell);
    this.pending.delete(cell);
  }
}
