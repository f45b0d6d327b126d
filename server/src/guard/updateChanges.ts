import * as Y from "yjs";
import {
  ID_MAX_LENGTH,
  META_ROOT,
  RECORD_ROOTS,
  UPDATE_REFUSALS,
  isTextField,
  type BoardArea,
  type BoardChange,
  type UpdateRefusal,
} from "@journeyboard/shared";

/**
 * Where a struct sits in the board's layout: a root entry (record, or meta
 * field), a record's field, or a character of a record's text field.
 */
interface Place {
  area: BoardArea;
  record: string | null;
  field: string | null;
  /** For a character: which `Y.Text` it is in (its holder item's id, `client:clock`). */
  text: string | null;
}

/** A text field the update types in, and how long the update leaves it. */
export interface TextChange {
  change: BoardChange;
  length: number;
  /** Its length before the update (0 for a text the update creates). */
  before: number;
}

/** A struct of the update that writes a value, with where it writes it. */
export interface Write {
  change: BoardChange;
  /** The value written (a field, or a meta entry); undefined for a new record or deleted content. */
  value: unknown;
  hasValue: boolean;
}

/** The longest detail a refusal carries: it names keys the sender chose, and goes to the log and back to the sender. */
export const MAX_DETAIL_LENGTH = 200;

export class UpdateRefused extends Error {
  readonly detail: string;
  constructor(
    readonly reason: UpdateRefusal,
    detail: string,
  ) {
    const clipped = detail.length > MAX_DETAIL_LENGTH ? `${detail.slice(0, MAX_DETAIL_LENGTH)}…` : detail;
    super(`${reason}: ${clipped}`);
    this.detail = clipped;
  }
}

const AREAS = new Set<string>([...RECORD_ROOTS, META_ROOT]);
/** A place the struct's parent was removed from: Yjs discards such a struct, so it changes nothing. */
const GONE = "gone" as const;

/**
 * Reads a Yjs update against the board it is for, without applying it, and
 * answers what it would change: each record or field it sets and each it
 * deletes. It refuses (UpdateRefused) an update that does not decode, that
 * builds on structs the board does not have (Yjs would keep it pending), or
 * that writes anywhere but a record root's record maps and their plain
 * values, plain characters in a text field's `Y.Text`, or `meta`'s plain
 * values: so an update that passes applies whole. It also answers how long
 * each text it types in would be, so limits hold on the text it produces.
 */
export function changesOf(
  doc: Y.Doc,
  update: Uint8Array,
): { writes: Write[]; deletes: BoardChange[]; texts: TextChange[] } {
  let decoded: {
    structs: Array<Y.Item | Y.GC | Y.Skip>;
    ds: { clients: Map<number, { clock: number; len: number }[]> };
  };
  try {
    decoded = Y.decodeUpdate(update) as typeof decoded;
  } catch (error) {
    throw new UpdateRefused(UPDATE_REFUSALS.malformed, (error as Error).message);
  }
  const store = doc.store;
  const byClient = new Map<number, Array<Y.Item | Y.GC>>();
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) throw new UpdateRefused(UPDATE_REFUSALS.unresolvable, "the update has a gap");
    const list = byClient.get(struct.id.client) ?? [];
    list.push(struct);
    byClient.set(struct.id.client, list);
  }
  for (const [client, structs] of byClient) {
    structs.sort((a, b) => a.id.clock - b.id.clock);
    let next = structs[0]!.id.clock;
    if (next > Y.getState(store, client)) {
      throw new UpdateRefused(UPDATE_REFUSALS.unresolvable, `client ${client} starts past what the board has`);
    }
    for (const struct of structs) {
      if (struct.id.clock !== next) throw new UpdateRefused(UPDATE_REFUSALS.unresolvable, "the update has a gap");
      next += struct.length;
    }
  }

  const inUpdate = (id: Y.ID): Y.Item | Y.GC | undefined => {
    const structs = byClient.get(id.client);
    if (!structs) return undefined;
    let low = 0;
    let high = structs.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const struct = structs[mid]!;
      if (id.clock < struct.id.clock) high = mid - 1;
      else if (id.clock >= struct.id.clock + struct.length) low = mid + 1;
      else return struct;
    }
    return undefined;
  };

  const places = new Map<Y.Item, Place | typeof GONE>();
  /** The struct with this id, in the board or in the update; GONE for a collected one. */
  const structOfId = (id: Y.ID): Y.Item | typeof GONE => {
    if (id.clock < Y.getState(store, id.client)) {
      const struct = Y.getItem(store, id);
      return struct instanceof Y.Item ? struct : GONE;
    }
    const struct = inUpdate(id);
    if (!struct) throw new UpdateRefused(UPDATE_REFUSALS.unresolvable, `it refers to ${id.client}:${id.clock}`);
    return struct instanceof Y.Item ? struct : GONE;
  };
  const isNew = (item: Y.Item) => item.id.clock >= Y.getState(store, item.id.client);
  const placeOfItem = (item: Y.Item): Place | typeof GONE =>
    isNew(item) ? placeOfNewItem(item) : placeOfDocItem(item);
  const placeOfId = (id: Y.ID): Place | typeof GONE => {
    const struct = structOfId(id);
    return struct === GONE ? GONE : placeOfItem(struct);
  };
  const placeOfNewItem = (item: Y.Item): Place | typeof GONE => {
    const known = places.get(item);
    if (known) return known;
    let place: Place | typeof GONE;
    const parent = item.parent as unknown;
    if (typeof parent === "string") place = rootPlace(parent, item.parentSub);
    else if (parent instanceof Y.ID) {
      const holder = structOfId(parent);
      place = holder === GONE ? GONE : placeInside(holder, placeOfItem(holder), item.parentSub);
    } else {
      const neighbour = item.origin ?? item.rightOrigin;
      if (!neighbour) throw new UpdateRefused(UPDATE_REFUSALS.layout, "an item without a parent");
      place = placeOfId(neighbour);
    }
    places.set(item, place);
    return place;
  };

  const created = new Set<string>();
  const writes: Write[] = [];
  const texts = new TextLengths(doc);
  for (const structs of byClient.values()) {
    for (const struct of structs) {
      if (!(struct instanceof Y.Item)) continue;
      if (struct.id.clock + struct.length <= Y.getState(store, struct.id.client)) continue;
      const place = placeOfNewItem(struct);
      if (place === GONE) continue;
      const write = writeOf(struct, place, created);
      writes.push(write);
      if (isTextHolder(struct, place)) texts.created(idKey(struct.id), write.change);
      if (place.text !== null && struct.content instanceof Y.ContentString) {
        texts.add(place.text, write.change, struct.content.str.length);
      }
    }
  }
  for (const write of writes) write.change.created = created.has(`${write.change.area}/${write.change.record}`);

  const deletes: BoardChange[] = [];
  for (const [client, ranges] of decoded.ds.clients) {
    const state = Y.getState(store, client);
    for (const { clock, len } of ranges) {
      const end = clock + len;
      if (end > state && !inUpdate(new Y.ID(client, end - 1))) {
        throw new UpdateRefused(UPDATE_REFUSALS.unresolvable, `it deletes ${client}:${clock}+${len}, unknown here`);
      }
      for (const struct of newStructsIn(byClient.get(client), clock, end, state)) {
        const place = placeOfNewItem(struct);
        if (place !== GONE && place.text !== null && struct.content instanceof Y.ContentString) {
          texts.add(place.text, changeAt(place), -overlap(struct, clock, end));
        }
      }
      const structs = store.clients.get(client);
      if (!structs || clock >= state) continue;
      for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < end; i++) {
        const struct = structs[i]!;
        if (!(struct instanceof Y.Item) || struct.deleted) continue;
        const place = placeOfDocItem(struct);
        if (place === GONE) continue;
        deletes.push(changeAt(place));
        if (place.text !== null && struct.content instanceof Y.ContentString) {
          texts.add(place.text, changeAt(place), -overlap(struct, clock, end));
        }
      }
    }
  }
  return { writes, deletes, texts: texts.lengths() };
}

const idKey = (id: Y.ID) => `${id.client}:${id.clock}`;
const changeAt = ({ area, record, field }: Place): BoardChange => ({ area, record, field, created: false });
const overlap = (struct: Y.Item, clock: number, end: number) =>
  Math.min(end, struct.id.clock + struct.length) - Math.max(clock, struct.id.clock);
const isText = (item: Y.Item) => item.content instanceof Y.ContentType && item.content.type.constructor === Y.Text;
const isTextHolder = (item: Y.Item, place: Place) => place.field !== null && place.text === null && isText(item);

/** The structs of the update (sorted by clock) that lie in `[clock, end)` and are new to the board. */
function* newStructsIn(structs: Array<Y.Item | Y.GC> | undefined, clock: number, end: number, state: number) {
  if (!structs || end <= state) return;
  let low = 0;
  let high = structs.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const struct = structs[mid]!;
    if (struct.id.clock + struct.length <= clock) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < structs.length && structs[i]!.id.clock < end; i++) {
    const struct = structs[i]!;
    if (struct instanceof Y.Item && struct.id.clock + struct.length > state) yield struct;
  }
}

/** The length each text the update types in ends with: what the board holds, plus what it inserts, less what it deletes. */
class TextLengths {
  private readonly texts = new Map<string, TextChange>();
  constructor(private readonly doc: Y.Doc) {}

  created(key: string, change: BoardChange): void {
    if (!this.texts.has(key)) this.texts.set(key, { change, length: 0, before: 0 });
  }

  add(key: string, change: BoardChange, delta: number): void {
    let text = this.texts.get(key);
    if (!text) {
      const [client, clock] = key.split(":").map(Number) as [number, number];
      const inBoard = clock < Y.getState(this.doc.store, client);
      const holder = inBoard ? (Y.getItem(this.doc.store, new Y.ID(client, clock)) as Y.Item) : null;
      const before = holder ? (holder.content as Y.ContentType).type._length : 0;
      text = { change, length: before, before };
      this.texts.set(key, text);
    }
    text.length += delta;
  }

  lengths(): TextChange[] {
    return [...this.texts.values()];
  }
}

function rootPlace(root: string, sub: string | null): Place {
  if (!AREAS.has(root) || sub === null) throw new UpdateRefused(UPDATE_REFUSALS.layout, `root ${root}`);
  const area = root as BoardArea;
  // A key stays in the board as a tombstone even once deleted: one longer than an id is refused before it lands.
  if (area !== META_ROOT && sub.length > ID_MAX_LENGTH) {
    throw new UpdateRefused(UPDATE_REFUSALS.layout, `a ${area} key longer than ${ID_MAX_LENGTH} characters`);
  }
  return area === META_ROOT
    ? { area, record: null, field: sub, text: null }
    : { area, record: sub, field: null, text: null };
}

/**
 * Where an item inside `holder` sits: a field of a record map, or a
 * character of a text field's `Y.Text`. Nothing else nests.
 */
function placeInside(holder: Y.Item, parent: Place | typeof GONE, sub: string | null): Place | typeof GONE {
  if (parent === GONE) return GONE;
  if (parent.area === META_ROOT || parent.text !== null) {
    throw new UpdateRefused(UPDATE_REFUSALS.layout, `nested below ${parent.area}`);
  }
  if (parent.field === null) {
    if (sub === null) throw new UpdateRefused(UPDATE_REFUSALS.layout, `nested below ${parent.area}`);
    return { ...parent, field: sub };
  }
  if (sub !== null || !isText(holder) || !isTextField(parent.area, parent.field)) {
    throw new UpdateRefused(UPDATE_REFUSALS.layout, `${parent.area}.${parent.field} holds no nested values`);
  }
  return { ...parent, text: idKey(holder.id) };
}

/** Where an item of the board is; GONE for one whose parent was collected. */
function placeOfDocItem(item: Y.Item): Place | typeof GONE {
  const parent = item.parent;
  if (!(parent instanceof Y.AbstractType)) return GONE;
  if (parent._item === null) return rootPlace(Y.findRootTypeKey(parent), item.parentSub);
  return placeInside(parent._item, placeOfDocItem(parent._item), item.parentSub);
}

/** What a new item writes: a new record (a map at a record root), a new text, a character of one, or one plain value. */
function writeOf(item: Y.Item, place: Place, created: Set<string>): Write {
  const change = changeAt(place);
  const content = item.content;
  const none = { change, value: undefined, hasValue: false };
  if (content instanceof Y.ContentDeleted) return none;
  if (place.text !== null) {
    if (content instanceof Y.ContentString) return none;
    throw new UpdateRefused(UPDATE_REFUSALS.layout, `${place.area}.${place.field} takes plain characters only`);
  }
  if (place.field === null) {
    if (content instanceof Y.ContentType && content.type instanceof Y.Map) {
      created.add(`${place.area}/${place.record}`);
      return none;
    }
    throw new UpdateRefused(UPDATE_REFUSALS.layout, `a ${place.area} record must be a map`);
  }
  if (place.area !== META_ROOT && isTextField(place.area, place.field)) {
    if (isText(item)) return none;
    throw new UpdateRefused(UPDATE_REFUSALS.layout, `${place.area}.${place.field} must be a text`);
  }
  if (content instanceof Y.ContentAny && content.arr.length === 1)
    return { change, value: content.arr[0], hasValue: true };
  throw new UpdateRefused(UPDATE_REFUSALS.layout, `${place.area}.${place.field} must be a plain value`);
}
