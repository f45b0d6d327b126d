import type * as Y from "yjs";
import {
  RECORD_ROOTS,
  byOrder,
  cellKey,
  emotionCurveOf,
  metaMap,
  recordsOf,
  standsAlone,
  type ActionRecord,
  type BoardMeta,
  type CardRecord,
  type JourneyGrid,
  type JourneyRecord,
  type LaneRecord,
  type LinkRecord,
  type PersonaRecord,
  type RecordRoot,
  type RecordTypes,
  type StageRecord,
  type StepEmotion,
} from "@journeyboard/shared";
import { CellIndex } from "./cellIndex";
import { NO_MERGES, mergedCountsIn } from "./mergedCounts";

/** A journey's live stages and lanes in order, and the keys of its cells. */
interface Axes {
  axesVersion: number;
  stages: StageRecord[];
  lanes: LaneRecord[];
  keys: ReadonlySet<string>;
}

/**
 * A cell's cards as the board shows them: not one merged into another (shown
 * as part of it), nor one claiming another journey (an invariant the server repairs).
 */
function cellOf(doc: Y.Doc, index: CellIndex, key: string, journeyId: string): CardRecord[] | undefined {
  const list = index.cell(key) as CardRecord[] | undefined;
  const shown = (c: CardRecord) => c.journeyId === journeyId && (c.mergedInto === null || standsAlone(doc, c.id));
  if (!list || list.every(shown)) return list;
  const kept = list.filter(shown);
  return kept.length ? kept : undefined;
}

/**
 * The board as React reads it. Each record's plain object is cached and
 * replaced only when that record changes, so a remote edit to one card gives
 * one new card object and memoised components skip every other card. Cards
 * are indexed by cell as they change: a change costs in proportion to the
 * cells it touches, not to the board.
 */
export class BoardModel {
  private readonly cache = new Map<string, unknown>();
  private readonly listeners = new Set<() => void>();
  private version = 0;
  /** Bumped when stages or lanes change: the grid's axes are recomputed only then. */
  private axesVersion = 0;
  private cellIndex: CellIndex | null = null;
  private readonly changedCards = new Set<string>();
  private axesCache = new Map<string, Axes>();
  private gridCache = new Map<string, { version: number; axes: Axes; grid: JourneyGrid }>();
  /** For each journey whose grid is cached: the cells whose cards changed since. */
  private readonly dirtyCells = new Map<string, Set<string>>();
  /** Bumped when ratings change: the curve is recomputed only then or when a step changes. */
  private ratingsVersion = 0;
  private curveCache = new Map<
    string,
    { ratingsVersion: number; stepCells: ReadonlyArray<readonly CardRecord[] | undefined>; curve: StepEmotion[] }
  >();
  /** Each cell's merged cards, by the index's array of its records (a new array when one of them changes). */
  private readonly mergedCache = new WeakMap<readonly CardRecord[], ReadonlyMap<string, number>>();
  private readonly unobserve: Array<() => void> = [];

  constructor(private readonly doc: Y.Doc) {
    for (const root of RECORD_ROOTS) {
      const map = recordsOf(doc, root);
      const changed = (id: string) => {
        this.cache.delete(`${root}/${id}`);
        if (root === "cards") this.changedCards.add(id);
      };
      const onChange = (events: Array<Y.YEvent<Y.Map<unknown>>>) => {
        for (const event of events) {
          if (event.target === map) event.changes.keys.forEach((_change, id) => changed(id));
          else {
            // A field of a record, or a character of one of its text fields: path[0] is the record's id.
            const id = event.path[0];
            if (typeof id === "string") changed(id);
          }
        }
        if (root === "stages" || root === "lanes") this.axesVersion++;
        if (root === "ratings") this.ratingsVersion++;
        this.bump();
      };
      map.observeDeep(onChange);
      this.unobserve.push(() => map.unobserveDeep(onChange));
    }
    const meta = metaMap(doc);
    const onMeta = () => {
      this.cache.delete("meta");
      this.bump();
    };
    meta.observe(onMeta);
    this.unobserve.push(() => meta.unobserve(onMeta));
  }

  private bump() {
    this.version++;
    this.listeners.forEach((listener) => listener());
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  record<R extends RecordRoot>(root: R, id: string): RecordTypes[R] | undefined {
    const key = `${root}/${id}`;
    let value = this.cache.get(key) as RecordTypes[R] | undefined;
    if (!value) {
      value = recordsOf(this.doc, root).get(id)?.toJSON() as RecordTypes[R] | undefined;
      if (value) this.cache.set(key, value);
    }
    return value;
  }

  private all<R extends RecordRoot>(root: R): RecordTypes[R][] {
    const out: RecordTypes[R][] = [];
    for (const id of recordsOf(this.doc, root).keys()) {
      const record = this.record(root, id);
      if (record) out.push(record);
    }
    return out;
  }

  meta(): Partial<BoardMeta> {
    let value = this.cache.get("meta") as Partial<BoardMeta> | undefined;
    if (!value) {
      value = metaMap(this.doc).toJSON() as Partial<BoardMeta>;
      this.cache.set("meta", value);
    }
    return value;
  }

  personas(): PersonaRecord[] {
    return this.all("personas").sort(byOrder);
  }

  links(): LinkRecord[] {
    return this.all("links");
  }

  /** The action plan in its shared priority order. */
  actions(): ActionRecord[] {
    return this.all("actions").sort(byOrder);
  }

  journeys(): JourneyRecord[] {
    return this.all("journeys").sort(byOrder);
  }

  /**
   * Live stages, lanes and the cards of each live cell, computed once per
   * board version. A cell whose cards did not change keeps its array, and the
   * stage and lane arrays stay the same until a stage or lane changes.
   */
  grid(journeyId: string): JourneyGrid {
    const cached = this.gridCache.get(journeyId);
    if (cached?.version === this.version) return cached.grid;
    const axes = this.axes(journeyId);
    const index = this.cards();
    const dirty = this.dirtyCells.get(journeyId);
    let grid: JourneyGrid;
    if (cached && cached.axes === axes && dirty) {
      const changed = [...dirty].filter((key) => axes.keys.has(key));
      if (!changed.length) grid = cached.grid;
      else {
        const cells = new Map(cached.grid.cells);
        for (const key of changed) {
          const list = cellOf(this.doc, index, key, journeyId);
          if (list) cells.set(key, list);
          else cells.delete(key);
        }
        grid = { stages: axes.stages, lanes: axes.lanes, cells };
      }
    } else {
      const cells = new Map<string, CardRecord[]>();
      for (const key of axes.keys) {
        const list = cellOf(this.doc, index, key, journeyId);
        if (list) cells.set(key, list);
      }
      grid = { stages: axes.stages, lanes: axes.lanes, cells };
    }
    this.dirtyCells.set(journeyId, new Set());
    this.gridCache.set(journeyId, { version: this.version, axes, grid });
    return grid;
  }

  private axes(journeyId: string): Axes {
    const cached = this.axesCache.get(journeyId);
    if (cached?.axesVersion === this.axesVersion) return cached;
    const stages = this.all("stages")
      .filter((s) => s.journeyId === journeyId && !s.deleted)
      .sort(byOrder);
    const lanes = this.all("lanes")
      .filter((l) => l.journeyId === journeyId && !l.deleted)
      .sort(byOrder);
    const keys = new Set(stages.flatMap((stage) => lanes.map((lane) => cellKey(stage.id, lane.id))));
    const axes = { axesVersion: this.axesVersion, stages, lanes, keys };
    this.axesCache.set(journeyId, axes);
    return axes;
  }

  /** How many cards each merged card of a cell (`cellKey`) stands for; the same map until the cell's cards change. */
  mergedIn(key: string): ReadonlyMap<string, number> {
    const cell = this.cards().cell(key);
    if (!cell) return NO_MERGES;
    let counts = this.mergedCache.get(cell);
    if (!counts) this.mergedCache.set(cell, (counts = mergedCountsIn(this.doc, cell)));
    return counts;
  }

  /** The cell index, brought up to date with the cards changed since it was last read. */
  private cards(): CellIndex {
    if (!this.cellIndex) {
      this.changedCards.clear();
      this.cellIndex = new CellIndex(this.all("cards"));
    }
    for (const id of this.changedCards) {
      for (const key of this.cellIndex.update(id, this.record("cards", id)))
        for (const dirty of this.dirtyCells.values()) dirty.add(key);
    }
    this.changedCards.clear();
    return this.cellIndex;
  }

  /** The group's emotion curve of a journey; the same array until a rating or a step changes. */
  emotionCurve(journeyId: string): StepEmotion[] {
    const grid = this.grid(journeyId);
    const stepCells = grid.stages.flatMap((stage) =>
      grid.lanes.filter((lane) => lane.kind === "steps").map((lane) => grid.cells.get(cellKey(stage.id, lane.id))),
    );
    const cached = this.curveCache.get(journeyId);
    if (
      cached?.ratingsVersion === this.ratingsVersion &&
      cached.stepCells.length === stepCells.length &&
      cached.stepCells.every((cell, i) => cell === stepCells[i])
    )
      return cached.curve;
    const curve = emotionCurveOf(grid, this.all("ratings"));
    this.curveCache.set(journeyId, { ratingsVersion: this.ratingsVersion, stepCells, curve });
    return curve;
  }

  destroy(): void {
    this.unobserve.forEach((stop) => stop());
    this.listeners.clear();
  }
}
