import type * as Y from "yjs";
import {
  RECORD_ROOTS,
  byOrder,
  cellKey,
  emotionCurveOf,
  metaMap,
  recordsOf,
  type BoardMeta,
  type CardRecord,
  type JourneyGrid,
  type JourneyRecord,
  type LinkRecord,
  type PersonaRecord,
  type RecordRoot,
  type RecordTypes,
  type StepEmotion,
} from "@journeyboard/shared";

/**
 * The board as React reads it. Each record's plain object is cached and
 * replaced only when that record changes, so a remote edit to one card gives
 * one new card object and memoised components skip every other card.
 */
export class BoardModel {
  private readonly cache = new Map<string, unknown>();
  private readonly listeners = new Set<() => void>();
  private version = 0;
  private gridCache = new Map<string, { version: number; grid: JourneyGrid }>();
  private curveCache = new Map<string, { version: number; curve: StepEmotion[] }>();
  private readonly unobserve: Array<() => void> = [];

  constructor(private readonly doc: Y.Doc) {
    for (const root of RECORD_ROOTS) {
      const map = recordsOf(doc, root);
      const onChange = (events: Array<Y.YEvent<Y.Map<unknown>>>) => {
        for (const event of events) {
          if (event.target === map) event.changes.keys.forEach((_change, id) => this.cache.delete(`${root}/${id}`));
          else {
            const id = (event.target as Y.Map<unknown>).get("id");
            if (typeof id === "string") this.cache.delete(`${root}/${id}`);
          }
        }
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
    return this.all("personas").sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  links(): LinkRecord[] {
    return this.all("links");
  }

  journeys(): JourneyRecord[] {
    return this.all("journeys").sort(byOrder);
  }

  /** Live stages, lanes and the cards of each live cell, computed once per board version. */
  grid(journeyId: string): JourneyGrid {
    const cached = this.gridCache.get(journeyId);
    if (cached?.version === this.version) return cached.grid;
    const stages = this.all("stages")
      .filter((s) => s.journeyId === journeyId && !s.deleted)
      .sort(byOrder);
    const lanes = this.all("lanes")
      .filter((l) => l.journeyId === journeyId && !l.deleted)
      .sort(byOrder);
    const live = new Set([...stages.map((s) => s.id), ...lanes.map((l) => l.id)]);
    const cells = new Map<string, CardRecord[]>();
    for (const card of this.all("cards")) {
      if (card.journeyId !== journeyId || !live.has(card.stageId) || !live.has(card.laneId)) continue;
      const key = cellKey(card.stageId, card.laneId);
      const list = cells.get(key);
      if (list) list.push(card);
      else cells.set(key, [card]);
    }
    for (const list of cells.values()) list.sort(byOrder);
    const grid = { stages, lanes, cells };
    this.gridCache.set(journeyId, { version: this.version, grid });
    return grid;
  }

  /** The group's emotion curve of a journey, computed once per board version. */
  emotionCurve(journeyId: string): StepEmotion[] {
    const cached = this.curveCache.get(journeyId);
    if (cached?.version === this.version) return cached.curve;
    const curve = emotionCurveOf(this.grid(journeyId), this.all("ratings"));
    this.curveCache.set(journeyId, { version: this.version, curve });
    return curve;
  }

  destroy(): void {
    this.unobserve.forEach((stop) => stop());
    this.listeners.clear();
  }
}
