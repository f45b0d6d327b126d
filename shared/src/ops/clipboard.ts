import type * as Y from "yjs";
import { z } from "zod";
import { LIMITS } from "../model/limits";
import { TEXT_DIRECTIONS } from "../model/text";
import type { Origin } from "../origins";
import { IndicatorSchema } from "../schema/card";
import { DomainError, RECORD_ROOTS, readRecord, recordsOf } from "../schema/layout";
import { STEP_PART, type StepPart } from "../undo";
import { cardsInCell, lanesOf, stagesOf } from "../read/grid";
import { appendCards } from "./cards";

/** The most cards one paste may hold: as many as a board holds records (what fits is the board's own room). */
export const MAX_PASTED_CARDS = LIMITS.boardRecords;

/** The clipboard type of copied cards; plain text goes beside it for other programs. */
export const CARDS_MIME = "application/x-journeyboard-cards+json";

/**
 * Copied cards, as they travel through the system clipboard, also to another
 * board. Each keeps its place relative to the first stage and lane of the
 * copy, so a block of cards lands as a block. Read from the clipboard, it is
 * untrusted input: parse it with `parseClipboard`.
 */
export const ClipboardCards = z.object({
  format: z.literal("journeyboard/cards"),
  version: z.literal(1),
  cards: z
    .array(
      z.object({
        text: z.string().max(LIMITS.cardText),
        stageOffset: z.number().int().min(0).max(1000),
        laneOffset: z.number().int().min(0).max(1000),
        channel: z.string().max(LIMITS.department).nullable().optional(),
        ownerDepartment: z.string().max(LIMITS.department).nullable().optional(),
        indicator: IndicatorSchema.nullable().optional(),
        /** Left out when the text takes its direction from its content (and by copies made before cards had one). */
        textDirection: z.enum(TEXT_DIRECTIONS).optional(),
      }),
    )
    .min(1)
    .max(MAX_PASTED_CARDS),
});
export type ClipboardCards = z.infer<typeof ClipboardCards>;

/** The given cards of one journey (others are left out), in board order: by stage, lane, then place in the cell. */
export function copyCards(doc: Y.Doc, ids: readonly string[]): ClipboardCards | null {
  const first = ids.map((id) => readRecord(doc, "cards", id)).find((c) => c !== undefined);
  if (!first) return null;
  const stages = stagesOf(doc, first.journeyId).map((s) => s.id);
  const lanes = lanesOf(doc, first.journeyId).map((l) => l.id);
  const wanted = new Set(ids);
  const picked: Array<{ stage: number; lane: number; card: NonNullable<typeof first> }> = [];
  stages.forEach((stageId, stage) =>
    lanes.forEach((laneId, lane) => {
      for (const card of cardsInCell(doc, stageId, laneId)) if (wanted.has(card.id)) picked.push({ stage, lane, card });
    }),
  );
  if (!picked.length) return null;
  const stage0 = Math.min(...picked.map((p) => p.stage));
  const lane0 = Math.min(...picked.map((p) => p.lane));
  return {
    format: "journeyboard/cards",
    version: 1,
    cards: picked.map(({ stage, lane, card }) => ({
      text: card.text,
      stageOffset: stage - stage0,
      laneOffset: lane - lane0,
      ...(card.channel != null && { channel: card.channel }),
      ...(card.ownerDepartment != null && { ownerDepartment: card.ownerDepartment }),
      ...(card.indicator != null && { indicator: card.indicator }),
      ...(card.textDirection !== "auto" && { textDirection: card.textDirection }),
    })),
  };
}

export type ParsedClipboard = { ok: true; cards: ClipboardCards } | { ok: false; error: string };

/** Reads clipboard text as copied cards, naming the first bad field when it is not. */
export function parseClipboard(text: string): ParsedClipboard {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: "not copied cards" };
  }
  const parsed = ClipboardCards.safeParse(json);
  if (parsed.success) return { ok: true, cards: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, error: `${issue?.path.join(".") || "cards"}: ${issue?.message ?? "invalid"}` };
}

/**
 * Cards from plain text: one card per non-empty line, as from a list or a
 * spreadsheet column. Refused whole when a line is too long or there are more
 * lines than a board holds, so nothing is cut short.
 */
export function cardsFromText(text: string): ParsedClipboard {
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (!lines.length) return { ok: false, error: "nothing to paste" };
  if (lines.length > MAX_PASTED_CARDS) return { ok: false, error: `more than ${MAX_PASTED_CARDS} cards` };
  if (lines.some((line) => line.length > LIMITS.cardText))
    return { ok: false, error: `a card is longer than ${LIMITS.cardText} characters` };
  return {
    ok: true,
    cards: {
      format: "journeyboard/cards",
      version: 1,
      cards: lines.map((line) => ({ text: line, stageOffset: 0, laneOffset: 0 })),
    },
  };
}

export interface PasteCardsArgs {
  journeyId: string;
  /** The cell where the copy's first stage and lane land. */
  stageId: string;
  laneId: string;
  cards: ClipboardCards;
  newId(): string;
  authorName: string;
  authorDepartment: string;
  /** The person pasting: the new cards are theirs. */
  authorId?: string | null;
  createdAt: number;
}

/** How many more records (cards among them) the board takes before it is full. */
export const roomLeft = (doc: Y.Doc): number =>
  Math.max(0, LIMITS.boardRecords - RECORD_ROOTS.reduce((sum, root) => sum + recordsOf(doc, root).size, 0));

/** About this many bytes of text go into one part of a paste, so each part's update stays far below a message's size. */
const PART_BYTES = 512 * 1024;
/** What a card's update takes besides its text (its id, place, author, the map's keys). */
const CARD_BYTES = 400;

/** Splits cards into parts of about PART_BYTES. */
function parts<T extends { text: string }>(cards: readonly T[]): T[][] {
  const split: T[][] = [];
  let bytes = Infinity;
  for (const card of cards) {
    if (bytes > PART_BYTES) {
      split.push([]);
      bytes = 0;
    }
    split.at(-1)!.push(card);
    bytes += CARD_BYTES + card.text.length * 3;
  }
  return split;
}

/**
 * Adds copied cards as new cards by this person, at the end of their cells,
 * as one step of their history: a large paste is written in parts (each one
 * update, small enough for one message), one step of undo together. A copy wider or taller than the room left in the grid
 * stays in its last stage or lane. Refused whole when the board has no room
 * for them all. Returns the new ids.
 */
export function pasteCards(doc: Y.Doc, args: PasteCardsArgs, origin: Origin): string[] {
  const parsed = ClipboardCards.safeParse(args.cards);
  if (!parsed.success) throw new DomainError("invalid", "those are not copied cards");
  if (parsed.data.cards.length > roomLeft(doc)) throw new DomainError("full", "the board has no room for them all");
  const stages = stagesOf(doc, args.journeyId);
  const lanes = lanesOf(doc, args.journeyId);
  const stage0 = stages.findIndex((s) => s.id === args.stageId);
  const lane0 = lanes.findIndex((l) => l.id === args.laneId);
  if (stage0 < 0 || lane0 < 0) throw new DomainError("not-found", "that cell does not exist");
  const split = parts(parsed.data.cards);
  const partOf = (i: number): StepPart => (i === 0 ? "first" : i === split.length - 1 ? "last" : "middle");
  return split.flatMap((part, i) => {
    let ids: string[] = [];
    doc.transact((transaction) => {
      if (split.length > 1) transaction.meta.set(STEP_PART, partOf(i));
      ids = appendCards(doc, place(part), args);
    }, origin);
    return ids;
  });

  function place(cards: ClipboardCards["cards"]) {
    return cards.map((card) => ({
      stageId: stages[Math.min(stage0 + card.stageOffset, stages.length - 1)]!.id,
      laneId: lanes[Math.min(lane0 + card.laneOffset, lanes.length - 1)]!.id,
      text: card.text,
      content: {
        ...(card.channel != null && { channel: card.channel }),
        ...(card.ownerDepartment != null && { ownerDepartment: card.ownerDepartment }),
        ...(card.indicator != null && { indicator: card.indicator }),
        ...(card.textDirection && { textDirection: card.textDirection }),
      },
    }));
  }
}
