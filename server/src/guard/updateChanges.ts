import * as Y from "yjs";
import {
  META_ROOT,
  RECORD_ROOTS,
  UPDATE_REFUSALS,
  type BoardArea,
  type BoardChange,
  type UpdateRefusal,
} from "@journeyboard/shared";

/** Where a struct sits in the board's layout: a root entry (record, or meta field) or a record's field. */
interface Place {
  area: BoardArea;
  record: string | null;
  field: string | null;
}

/** A struct of the update that writes a value, with where it writes it. */
export interface Write {
  change: BoardChange;
  /** The value written (a field, or a meta entry); undefined for a new record or deleted content. */
  value: unknown;
  hasValue: boolean;
}

export class UpdateRefused extends Error {
  constructor(
    readonly reason: UpdateRefusal,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
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
 * values, or `meta`'s plain values: so an update that passes applies whole.
 */
export function changesOf(doc: Y.Doc, update: Uint8Array): { writes: Write[]; deletes: BoardChange[] } {
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
  /** Where the struct with this id is, in the board or in the update. */
  const placeOfId = (id: Y.ID): Place | typeof GONE => {
    if (id.clock < Y.getState(store, id.client)) {
      const struct = Y.getItem(store, id);
      return struct instanceof Y.Item ? placeOfDocItem(struct) : GONE;
    }
    const struct = inUpdate(id);
    if (!struct) throw new UpdateRefused(UPDATE_REFUSALS.unresolvable, `it refers to ${id.client}:${id.clock}`);
    return struct instanceof Y.Item ? placeOfNewItem(struct) : GONE;
  };
  const placeOfNewItem = (item: Y.Item): Place | typeof GONE => {
    const known = places.get(item);
    if (known) return known;
    let place: Place | typeof GONE;
    const parent = item.parent as unknown;
    if (typeof parent === "string") place = rootPlace(parent, item.parentSub);
    else if (parent instanceof Y.ID) place = childPlace(placeOfId(parent), item.parentSub);
    else {
      const neighbour = item.origin ?? item.rightOrigin;
      if (!neighbour) throw new UpdateRefused(UPDATE_REFUSALS.layout, "an item without a parent");
      place = placeOfId(neighbour);
    }
    places.set(item, place);
    return place;
  };

  const created = new Set<string>();
  const writes: Write[] = [];
  for (const structs of byClient.values()) {
    for (const struct of structs) {
      if (!(struct instanceof Y.Item)) continue;
      if (struct.id.clock + struct.length <= Y.getState(store, struct.id.client)) continue;
      const place = placeOfNewItem(struct);
      if (place === GONE) continue;
      writes.push(writeOf(struct, place, created));
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
      const structs = store.clients.get(client);
      if (!structs || clock >= state) continue;
      for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < end; i++) {
        const struct = structs[i]!;
        if (!(struct instanceof Y.Item) || struct.deleted) continue;
        const place = placeOfDocItem(struct);
        if (place !== GONE) deletes.push({ ...place, created: false });
      }
    }
  }
  return { writes, deletes };
}

function rootPlace(root: string, sub: string | null): Place {
  if (!AREAS.has(root) || sub === null) throw new UpdateRefused(UPDATE_REFUSALS.layout, `root ${root}`);
  const area = root as BoardArea;
  return area === META_ROOT ? { area, record: null, field: sub } : { area, record: sub, field: null };
}

function childPlace(parent: Place | typeof GONE, sub: string | null): Place | typeof GONE {
  if (parent === GONE) return GONE;
  if (parent.area === META_ROOT || parent.field !== null || sub === null) {
    throw new UpdateRefused(UPDATE_REFUSALS.layout, `nested below ${parent.area}`);
  }
  return { ...parent, field: sub };
}

/** Where an item of the board is; GONE for one whose parent was collected. */
function placeOfDocItem(item: Y.Item): Place | typeof GONE {
  const parent = item.parent;
  if (!(parent instanceof Y.AbstractType)) return GONE;
  if (parent._item === null) return rootPlace(Y.findRootTypeKey(parent), item.parentSub);
  const holder = parent._item;
  const grandParent = holder.parent;
  if (!(grandParent instanceof Y.AbstractType) || grandParent._item !== null) {
    throw new UpdateRefused(UPDATE_REFUSALS.layout, "nested too deep");
  }
  return childPlace(rootPlace(Y.findRootTypeKey(grandParent), holder.parentSub), item.parentSub);
}

/** What a new item writes: a new record (a map at a record root) or one plain value. */
function writeOf(item: Y.Item, place: Place, created: Set<string>): Write {
  const change: BoardChange = { ...place, created: false };
  const content = item.content;
  if (content instanceof Y.ContentDeleted) return { change, value: undefined, hasValue: false };
  if (place.field === null) {
    if (content instanceof Y.ContentType && content.type instanceof Y.Map) {
      created.add(`${place.area}/${place.record}`);
      return { change, value: undefined, hasValue: false };
    }
    throw new UpdateRefused(UPDATE_REFUSALS.layout, `a ${place.area} record must be a map`);
  }
  if (content instanceof Y.ContentAny && content.arr.length === 1)
    return { change, value: content.arr[0], hasValue: true };
  throw new UpdateRefused(UPDATE_REFUSALS.layout, `${place.area}.${place.field} must be a plain value`);
}
