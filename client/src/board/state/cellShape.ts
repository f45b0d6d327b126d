import type { CardRecord } from "@journeyboard/shared";

/**
 * A part of a cell's cards that starts a line of its own: one cluster's
 * cards, under its heading, or the cards in none between them.
 */
export interface Shelf {
  /** The index of its first card in the cell. */
  first: number;
  count: number;
  cluster: string | null;
}

/** A cell's shelves; empty for a cell with no cluster, whose cards simply fill its lines. */
export type CellShape = readonly Shelf[];

export const PLAIN: CellShape = [];

const shapes = new WeakMap<readonly CardRecord[], CellShape>();

/**
 * The shelves of a cell's cards (in order), made once per cards array: the
 * board model keeps an unchanged cell's array, so laying out a board makes
 * no new shapes for it. A cluster parted by concurrent moves is two shelves,
 * each under the name (shared `cellRuns`).
 */
export function shapeOf(cards: readonly CardRecord[]): CellShape {
  let shape = shapes.get(cards);
  if (shape) return shape;
  const shelves: Shelf[] = [];
  if (cards.some((card) => card.cluster)) {
    cards.forEach((card, index) => {
      const cluster = card.cluster || null;
      const last = shelves[shelves.length - 1];
      if (last && last.cluster === cluster) last.count += 1;
      else shelves.push({ first: index, count: 1, cluster });
    });
  }
  shape = shelves.length ? shelves : PLAIN;
  shapes.set(cards, shape);
  return shape;
}

/** Where a slot sits among a cell's lines: its line, its place along it, and how many headings stand above it. */
export interface ShelfPlace {
  line: number;
  place: number;
  headings: number;
}

/**
 * Where the slot at `index` goes with `across` cards a line. Slots past the
 * cell's cards (drafts, the strip that adds one) follow the last shelf of
 * cards in no cluster, or start a line of their own after a cluster.
 */
export function shelfPlace(shape: CellShape, across: number, index: number): ShelfPlace {
  let line = 0;
  let headings = 0;
  for (const [i, shelf] of shape.entries()) {
    const open = i === shape.length - 1 && shelf.cluster === null;
    if (shelf.cluster !== null) headings += 1;
    const offset = index - shelf.first;
    if (offset < shelf.count || open) {
      return { line: line + Math.floor(offset / across), place: offset % across, headings };
    }
    line += Math.ceil(shelf.count / across);
  }
  const last = shape[shape.length - 1];
  const offset = index - (last ? last.first + last.count : 0);
  return { line: line + Math.floor(offset / across), place: offset % across, headings };
}

/** A cluster's heading in a cell: its name, its shelf's first card, and the line that shelf starts on. */
export interface ShelfHeading {
  cluster: string;
  first: number;
  count: number;
  /** Headings above it, itself included. */
  headings: number;
  line: number;
}

/** The headings of a cell's clusters, in order. */
export function shelfHeadings(shape: CellShape, across: number): ShelfHeading[] {
  const out: ShelfHeading[] = [];
  let line = 0;
  for (const shelf of shape) {
    if (shelf.cluster !== null) {
      out.push({ cluster: shelf.cluster, first: shelf.first, count: shelf.count, headings: out.length + 1, line });
    }
    line += Math.ceil(shelf.count / across);
  }
  return out;
}
