import type * as Y from "yjs";
import { TEXT_FIELDS, readAll, recordsOf, textOf, type RecordRoot } from "../../src/index";
import seeds from "../../fixtures/seed-texts.json";
import type { Random } from "./random";

/**
 * What people type: words of the workshop articles (Arabic, Persian,
 * Polish), plus what those lines lack: Persian words joined by a ZWNJ
 * (U+200C) and emoji outside the BMP (surrogate pairs, skin tones, ZWJ
 * sequences, flags), the characters a splice must not cut.
 */
const WORDS = [
  ...Object.values(seeds.texts)
    .flat()
    .flatMap((line) => line.split(/\s+/))
    .filter((word) => word.length > 0 && word.length < 16),
  "می\u200cخواهم",
  "مشتری\u200cمحور",
  "نمی\u200cدانم",
  "کفش\u200cهای",
  "👍",
  "😤",
  "👩🏽\u200d💼",
  "🇵🇱",
  "🧑\u200d🤝\u200d🧑",
];

/** A few words people type, as code points (typing never produces half a surrogate pair). */
export const phrase = (rnd: Random): string => Array.from({ length: 1 + rnd.int(3) }, () => rnd.pick(WORDS)!).join(" ");

/** A random place in a text that does not cut a surrogate pair, as an editor's caret would be. */
export function caret(rnd: Random, text: string): number {
  const index = rnd.int(text.length + 1);
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff ? index - 1 : index;
}

export interface TextField {
  root: RecordRoot;
  id: string;
  field: string;
}

/** Every text field of the board's live records (a deleted stage's title is not on screen to type in). */
export function textFields(doc: Y.Doc): TextField[] {
  return (Object.keys(TEXT_FIELDS) as RecordRoot[]).flatMap((root) =>
    readAll(doc, root)
      .filter((record) => !("deleted" in record && record.deleted))
      .flatMap((record) => TEXT_FIELDS[root].map((field) => ({ root, id: record.id, field }))),
  );
}

/**
 * A run of characters one person put into a text field, under a tag no one
 * else writes (`⁅b7⁆`, always written in one splice, so it is never
 * ambiguous). Typed key by key, it reaches colleagues a piece at a time:
 * `sent` holds its length after each of its person's updates; `open` while
 * they are still typing it.
 */
export interface Marker extends TextField {
  text: string;
  sent: number[];
  open: boolean;
}

const recordKey = (root: RecordRoot, id: string) => `${root}/${id}`;

/**
 * Who removed what: every change any replica makes itself (an operation,
 * an undo, the server's repair) is run through `watch`, which notes each
 * marker the change broke (deleted a character of, or typed inside) and
 * each record it removed. A character typed by anyone that nobody removed
 * must then be on every replica at the end: `survivors` are the markers
 * that no change broke, in records no change removed.
 */
export class TypingLedger {
  readonly markers: Marker[] = [];
  private readonly broken = new Set<Marker>();
  private readonly removedRecords = new Set<string>();

  add(marker: Marker): void {
    this.markers.push(marker);
  }

  watch(doc: Y.Doc, change: () => void): void {
    const before = new Map(this.unbroken().map((marker) => [marker, held(doc, marker)]));
    const whole = new Set([...before].filter(([m, h]) => !m.open && h?.length === m.text.length).map(([m]) => m));
    const records = recordKeys(doc);
    try {
      change();
    } finally {
      for (const [marker, was] of before) {
        if (!was) continue;
        const now = held(doc, marker);
        if (!now || now.length < was.length || (!whole.has(marker) && now.next !== was.next)) this.broken.add(marker);
      }
      const now = recordKeys(doc);
      for (const key of records) if (!now.has(key)) this.removedRecords.add(key);
    }
  }

  survivors(): Marker[] {
    return this.unbroken().filter((m) => !this.removedRecords.has(recordKey(m.root, m.id)));
  }

  private unbroken(): Marker[] {
    return this.markers.filter((marker) => !this.broken.has(marker));
  }
}

function recordKeys(doc: Y.Doc): Set<string> {
  const keys = new Set<string>();
  for (const root of Object.keys(TEXT_FIELDS) as RecordRoot[])
    if (TEXT_FIELDS[root].length) for (const id of recordsOf(doc, root).keys()) keys.add(recordKey(root, id));
  return keys;
}

/**
 * How much of a marker a replica holds (the longest piece its person sent,
 * found from its tag) and the character after that; null when it does not
 * hold even the tag whole. Someone typing right after a marker that is not
 * all there yet puts their characters where the rest of it goes, and the
 * two runs merge interleaved: not a loss, but the run is broken.
 */
function held(doc: Y.Doc, marker: Marker): { length: number; next: string } | null {
  const text = textOf(doc, marker.root, marker.id, marker.field)?.toString();
  const at = text?.indexOf(marker.text.slice(0, marker.sent[0])) ?? -1;
  if (text === undefined || at < 0) return null;
  const length = marker.sent.findLast((n) => text.startsWith(marker.text.slice(0, n), at))!;
  return { length, next: text.charAt(at + length) };
}

export const isWhole = (doc: Y.Doc, marker: Marker): boolean =>
  textOf(doc, marker.root, marker.id, marker.field)?.toString().includes(marker.text) ?? false;

/** Half a surrogate pair, or the replacement character Yjs writes when it splits one. */
export const BROKEN_CHARACTER = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\uFFFD/;
