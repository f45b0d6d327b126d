import type * as Y from "yjs";
import type { z } from "zod";
import {
  BoardMeta,
  LIMITS,
  META_ROOT,
  RECORD_ROOTS,
  RECORD_SCHEMAS,
  UPDATE_REFUSALS,
  mayChange,
  mayChangeCardOf,
  mayDeleteAtOnce,
  runsWorkshop,
  recordsOf,
  lockHolding,
  textLimit,
  type BoardChange,
  type Phase,
  type Standing,
} from "@journeyboard/shared";
import { countBytes } from "./boardBytes";
import { UpdateRefused, changesOf, type Write } from "./updateChanges";

export interface BoardLimits {
  boardRecords: number;
  boardBytes: number;
}

export interface Author {
  /** Where the sender stands: their link's role, or co-facilitator. */
  role: Standing;
  phase: Phase;
  /** The sender's person id (shared `people.ts`), null before it said who it is: whose cards are theirs. */
  person: string | null;
  /** Whether the phase lets participants change others' cards too (shared `cardRights.ts`). */
  othersOpen: boolean;
  /** The board's locked targets (`lockKey`): only those who run the workshop change what they hold. */
  locks: ReadonlySet<string>;
  /** Whether the board is anonymous (shared `anonymous.ts`): nobody, the facilitator neither, writes a name on a card. */
  anonymous: boolean;
}

const fieldSchema = (change: BoardChange): z.ZodType | undefined => {
  const shape: Record<string, z.ZodType> =
    change.area === META_ROOT ? BoardMeta.shape : RECORD_SCHEMAS[change.area].shape;
  return change.field === null ? undefined : shape[change.field];
};

const where = (change: BoardChange) =>
  [change.area, change.record, change.field].filter((part) => part !== null).join(".");

function checkValue({ change, value, hasValue }: Write) {
  if (change.field === null) return;
  // Checked for deleted content too: its key would stay in the record as a tombstone.
  const schema = fieldSchema(change);
  if (!schema) throw new UpdateRefused(UPDATE_REFUSALS.layout, `${where(change)} is not a field of the board`);
  if (!hasValue) return;
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new UpdateRefused(
      UPDATE_REFUSALS.invalid,
      `${where(change)}: ${parsed.error.issues[0]?.message ?? "invalid"}`,
    );
  }
  if (change.field === "id" && value !== change.record) {
    throw new UpdateRefused(UPDATE_REFUSALS.invalid, `${where(change)}: not the record's own id`);
  }
}

/** The plan's last priority key, which a participant's new action must follow. */
function lastOrder(doc: Y.Doc): string | null {
  let last: string | null = null;
  recordsOf(doc, "actions").forEach((action) => {
    const order = action.get("order");
    if (typeof order === "string" && (last === null || order > last)) last = order;
  });
  return last;
}

const PLACE_FIELDS = new Set(["journeyId", "stageId", "laneId"]);

/**
 * Refuses an update that changes locked content, unless someone who runs
 * the workshop (the facilitator, a co-facilitator) sends it: each record it writes or deletes is held by a lock where it
 * sits now, or where the update puts it (a card moved into a locked lane).
 */
function checkLocks(doc: Y.Doc, writes: Write[], deletes: BoardChange[], { role, locks }: Author): void {
  if (runsWorkshop(role) || locks.size === 0) return;
  const moves = new Map<string, Record<string, unknown>>();
  for (const { change, value, hasValue } of writes) {
    if (!hasValue || change.field === null || !PLACE_FIELDS.has(change.field)) continue;
    const key = `${change.area}/${change.record}`;
    moves.set(key, { ...moves.get(key), [change.field]: value });
  }
  const touched = [...writes.map(({ change }) => change), ...deletes];
  for (const change of touched) {
    if (change.area === META_ROOT || change.record === null) continue;
    const now = recordsOf(doc, change.area).get(change.record);
    const moved = moves.get(`${change.area}/${change.record}`) ?? {};
    const places = [now ? now.toJSON() : {}, moved];
    const lock = places.map((place) => lockHolding(locks, change.area, change.record, place)).find(Boolean);
    if (lock) throw new UpdateRefused(UPDATE_REFUSALS.locked, `${where(change)} is held by the lock on ${lock}`);
  }
}

/**
 * Refuses an update that changes someone else's card where the phase keeps
 * participants to their own, that changes who wrote an existing card, or
 * that merges a card into another or restores one (`mayMerge`): only
 * those who run the workshop do any of these. A card the update creates is
 * its sender's to give an author, and stands alone.
 */
function checkAuthors(doc: Y.Doc, writes: Write[], deletes: BoardChange[], author: Author): void {
  if (runsWorkshop(author.role)) return;
  for (const { change, value } of writes) {
    if (change.area === "cards" && change.field === "mergedInto" && !(change.created && value === null)) {
      throw new UpdateRefused(
        UPDATE_REFUSALS.forbidden,
        `${where(change)}: only those who run the workshop merge cards`,
      );
    }
  }
  const cards = recordsOf(doc, "cards");
  const written = new Set(writes.map(({ change }) => change));
  for (const change of [...written, ...deletes]) {
    const card = change.area === "cards" && change.record !== null ? cards.get(change.record) : undefined;
    if (!card) continue;
    // Deleting a card deletes its fields too, its author among them: only a new value changes who wrote it.
    if (change.field === "authorId" && written.has(change)) {
      throw new UpdateRefused(UPDATE_REFUSALS.forbidden, `${where(change)}: a card's author is set when it is made`);
    }
    if (!mayChangeCardOf(author.role, author.person, card.get("authorId"), author.othersOpen)) {
      throw new UpdateRefused(UPDATE_REFUSALS.othersCard, `${where(change)} is someone else's card (${author.phase})`);
    }
  }
}

/** Refuses, on an anonymous board, a card's author name that is not empty: names are not stored meanwhile. */
function checkAnonymous(writes: Write[], { anonymous }: Author): void {
  if (!anonymous) return;
  for (const { change, value, hasValue } of writes) {
    if (change.area === "cards" && change.field === "authorName" && hasValue && value !== "") {
      throw new UpdateRefused(UPDATE_REFUSALS.anonymous, `${where(change)}: the board is anonymous`);
    }
  }
}

/**
 * Decides, before it is applied, whether an update from a client may change
 * the board: it must decode and resolve whole, stay in the document layout,
 * hold valid values (text fields within their length once the update has
 * typed in them), keep the board under its size limits (records and
 * bytes), and only change
 * what the sender's role allows in the current phase and the locks leave
 * open, and carry no author name on an anonymous board. Throws UpdateRefused.
 */
export function checkUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  author: Author,
  { boardRecords, boardBytes }: BoardLimits = LIMITS,
): { recordsTouched: number } {
  const { writes, deletes, texts } = changesOf(doc, update);
  const newRecords = new Set<string>();
  let planEnd: string | null | undefined;
  for (const write of writes) {
    checkValue(write);
    const { change, value } = write;
    if (change.area === "actions" && change.field === "order") planEnd ??= lastOrder(doc);
    if (!mayChange(author.role, author.phase, { ...change, value }, planEnd ?? null)) {
      throw new UpdateRefused(UPDATE_REFUSALS.forbidden, `${where(change)} (${author.role}, ${author.phase})`);
    }
    if (change.created && change.area !== META_ROOT && !recordsOf(doc, change.area).has(change.record ?? "")) {
      newRecords.add(`${change.area}/${change.record}`);
    }
  }
  for (const change of deletes) {
    if (!mayChange(author.role, author.phase, change)) {
      throw new UpdateRefused(UPDATE_REFUSALS.forbidden, `deleting ${where(change)} (${author.role}, ${author.phase})`);
    }
  }
  checkLocks(doc, writes, deletes, author);
  checkAuthors(doc, writes, deletes, author);
  checkAnonymous(writes, author);
  const deletedRecords = deletes.filter((change) => change.field === null).length;
  if (!mayDeleteAtOnce(author.role, deletedRecords)) {
    throw new UpdateRefused(UPDATE_REFUSALS.forbidden, `deleting ${deletedRecords} records at once (${author.role})`);
  }
  for (const { change, length, before } of texts) {
    if (change.area === META_ROOT) continue;
    const limit = textLimit(change.area, change.field ?? "");
    if (length > limit && length > before) {
      throw new UpdateRefused(UPDATE_REFUSALS.invalid, `${where(change)}: longer than ${limit} characters`);
    }
  }
  if (newRecords.size) {
    const size = RECORD_ROOTS.reduce((sum, root) => sum + recordsOf(doc, root).size, 0);
    if (size + newRecords.size > boardRecords) {
      throw new UpdateRefused(
        UPDATE_REFUSALS.boardFull,
        `the board holds ${size} records, the limit is ${boardRecords}`,
      );
    }
  }
  // Last, so only an update that passes everything else is counted.
  countBytes(doc, update, boardBytes);
  const touched = new Set([...writes, ...texts].map(({ change }) => `${change.area}/${change.record}`));
  for (const change of deletes) touched.add(`${change.area}/${change.record}`);
  return { recordsTouched: touched.size };
}
