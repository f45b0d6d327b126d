import type * as Y from "yjs";

/** A shared type, as a transaction lists the ones it changed. */
type Type = Y.Transaction["changed"] extends Map<infer T, unknown> ? T : never;

/** What `UnsentChanges` keeps its list in: `localStorage` in the browser. */
export type KeyValueStore = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/**
 * The things this browser changed (cards, titles, personas, settings…) that
 * the server has not confirmed yet: what the badge counts while offline. The
 * list is kept in `store` beside the board's copy in IndexedDB, so a board
 * reopened without the network still says what waits to be sent. Changes
 * that came from elsewhere (the server, the stored copy) are not counted.
 */
export class UnsentChanges {
  private readonly keys: Set<string>;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly store: KeyValueStore,
    private readonly storeKey: string,
  ) {
    this.keys = new Set(readList(store.getItem(storeKey)));
    doc.on("afterTransaction", this.onTransaction);
  }

  get count(): number {
    return this.keys.size;
  }

  /** Nothing waits any more: the server confirmed all this browser sent, or this copy was dropped. */
  clear(): void {
    if (this.keys.size === 0) return;
    this.keys.clear();
    this.store.removeItem(this.storeKey);
    this.emit();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.doc.off("afterTransaction", this.onTransaction);
    this.listeners.clear();
  }

  private readonly onTransaction = (transaction: Y.Transaction) => {
    if (!transaction.local) return;
    const before = this.keys.size;
    for (const [type, fields] of transaction.changed) {
      for (const key of changedRecords(this.doc, type, fields)) this.keys.add(key);
    }
    if (this.keys.size === before) return;
    this.store.setItem(this.storeKey, JSON.stringify([...this.keys]));
    this.emit();
  };

  private emit() {
    this.listeners.forEach((listener) => listener());
  }
}

/** `root:id` of each record a change to `type` touched (`root:field` for a root of plain values, such as meta). */
function changedRecords(doc: Y.Doc, type: Type, fields: Set<string | null>): string[] {
  if (type._item === null) {
    const root = rootName(doc, type);
    return [...fields].flatMap((field) => (root !== null && field !== null ? [`${root}:${field}`] : []));
  }
  // A field of a record, or text inside one: climb to the record, whose key in its root is its id.
  let record: Type = type;
  while (record._item?.parent && (record._item.parent as Type)._item) {
    record = record._item.parent as Type;
  }
  const root = record._item?.parent ? rootName(doc, record._item.parent as Type) : null;
  const id = record._item?.parentSub ?? null;
  return root !== null && id !== null ? [`${root}:${id}`] : [];
}

function rootName(doc: Y.Doc, type: Type): string | null {
  for (const [name, root] of doc.share) if (root === type) return name;
  return null;
}

function readList(stored: string | null): string[] {
  if (stored === null) return [];
  try {
    const list: unknown = JSON.parse(stored);
    return Array.isArray(list) ? list.filter((key): key is string => typeof key === "string") : [];
  } catch {
    return [];
  }
}
