import * as Y from "yjs";
import { recordsOf } from "./schema/layout";

type Axis = "stages" | "lanes";
const AXIS_FIELD = { stages: "stageId", lanes: "laneId" } as const;

/**
 * The cards of each stage and each lane, kept up to date from the cards
 * root's own events, so a change to one stage looks at that stage's cards
 * and not at the board's. Built on first use. Yjs runs observers when a
 * transaction ends: within one, cards it changed are not indexed yet, so
 * callers also look at the cards the transaction touched.
 */
class CardsByAxis {
  private readonly ids = { stages: new Map<string, Set<string>>(), lanes: new Map<string, Set<string>>() };
  /** Where each indexed card is, to take it out when it moves or goes. */
  private readonly places = new Map<string, { stages: string; lanes: string }>();

  constructor(private readonly cards: Y.Map<Y.Map<unknown>>) {
    cards.forEach((_, id) => this.place(id));
    cards.observeDeep((events) => {
      for (const event of events) {
        if (!(event instanceof Y.YMapEvent)) continue;
        const keys = (event as Y.YMapEvent<unknown>).keysChanged;
        if (event.target === cards) keys.forEach((id) => this.place(id));
        else if (event.target.parent === cards && (keys.has("stageId") || keys.has("laneId"))) {
          const id = event.target._item?.parentSub;
          if (id) this.place(id);
        }
      }
    });
  }

  of(axis: Axis, id: string): ReadonlySet<string> {
    return this.ids[axis].get(id) ?? NONE;
  }

  private take(axis: Axis, axisId: string, id: string): void {
    const set = this.ids[axis].get(axisId);
    set?.delete(id);
    if (set?.size === 0) this.ids[axis].delete(axisId);
  }

  private place(id: string): void {
    const old = this.places.get(id);
    if (old) for (const axis of AXES) this.take(axis, old[axis], id);
    const card = this.cards.get(id);
    if (!card) return void this.places.delete(id);
    const place = { stages: String(card.get(AXIS_FIELD.stages)), lanes: String(card.get(AXIS_FIELD.lanes)) };
    this.places.set(id, place);
    for (const axis of AXES) {
      const set = this.ids[axis].get(place[axis]) ?? new Set<string>();
      this.ids[axis].set(place[axis], set.add(id));
    }
  }
}

const AXES: readonly Axis[] = ["stages", "lanes"];
const NONE: ReadonlySet<string> = new Set();
const indexes = new WeakMap<Y.Doc, CardsByAxis>();

/** The ids of the cards indexed in this stage or lane (as of the last finished transaction). */
export function cardsIn(doc: Y.Doc, axis: Axis, id: string): ReadonlySet<string> {
  let index = indexes.get(doc);
  if (!index) {
    index = new CardsByAxis(recordsOf(doc, "cards"));
    indexes.set(doc, index);
  }
  return index.of(axis, id);
}
