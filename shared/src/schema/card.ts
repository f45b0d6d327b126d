import { z } from "zod";
import { LIMITS } from "../model/limits";
import { DEFAULT_DIRECTION, METRICS } from "../model/indicators";
import { TEXT_DIRECTIONS } from "../model/text";
import { CollabText, Id, OrderKey, PersonId } from "./fields";
import { fillMissing, recordKind, toCollabText } from "./recordKind";

const Measure = z.number().finite().min(-1e9).max(1e9).nullable();

export const IndicatorSchema = z.object({
  metric: z.enum(METRICS),
  label: z.string().max(LIMITS.title),
  direction: z.enum(["higherIsBetter", "lowerIsBetter"]),
  value: Measure,
  target: Measure,
  threshold: Measure,
});

export const emptyIndicator = (metric: (typeof METRICS)[number] = "nps") => ({
  metric,
  label: "",
  direction: DEFAULT_DIRECTION[metric],
  value: null,
  target: null,
  threshold: null,
});

/**
 * A card in one cell (stage x lane) of a journey, ordered inside the cell.
 * Its kind is its lane's kind. The author's department is kept so results can
 * be read by department; the name may be left empty to stay anonymous.
 * Its author's person id says whose card it is (who may change it in a
 * phase that keeps participants to their own cards, protocol
 * `cardRights.ts`); null for a card nobody owns.
 * Stored in the `cards` root. Content that only some lane kinds use is
 * optional and kept when a card moves to another lane, so moving it back
 * loses nothing.
 */
export const CardRecord = z.looseObject({
  id: Id,
  journeyId: Id,
  stageId: Id,
  laneId: Id,
  order: OrderKey,
  text: CollabText(LIMITS.cardText),
  authorName: z.string().max(LIMITS.displayName),
  authorDepartment: z.string().max(LIMITS.department),
  createdAt: z.number().int().nonnegative(),
  /** Whose card it is (since 8): its author's person id, set when it is made; null for nobody's. */
  authorId: PersonId.nullable(),
  /** How its text is set (since 7): from its content, or right to left or left to right whatever it starts with. */
  textDirection: z.enum(TEXT_DIRECTIONS),
  /**
   * The card this one was merged into (since 9), or null: a merged card is
   * the card it went into and every card whose `mergedInto` leads there
   * (`read/merges.ts`). Each original keeps its own record (text, author,
   * ratings, dots) and comes back as it was when restored.
   */
  mergedInto: Id.nullable(),
  /**
   * The named cluster it is grouped under in its cell (since 9), or null:
   * the cards of a cell with the same cluster name stand together under it,
   * each still a card of its own (not merged).
   */
  cluster: z.string().trim().min(1).max(LIMITS.title).nullable(),
  /** Touchpoints (since 3): a preset channel key or the channel's name. */
  channel: z.string().max(LIMITS.department).nullable().optional(),
  /** Back-stage and support processes (since 3): the department that owns it. */
  ownerDepartment: z.string().max(LIMITS.department).nullable().optional(),
  /** Indicators (since 3). */
  indicator: IndicatorSchema.nullable().optional(),
});
export type CardRecord = z.infer<typeof CardRecord>;

export const cardKind = recordKind({
  schema: CardRecord,
  defaults: () => ({
    text: "",
    authorName: "",
    authorDepartment: "",
    authorId: null,
    createdAt: 0,
    order: "a0",
    textDirection: "auto",
    mergedInto: null,
    cluster: null,
  }),
  migrations: {
    5: toCollabText("text"),
    // Until 7 every card took its direction from its content, which is what "auto" keeps.
    7: fillMissing({ textDirection: "auto" }),
    // Who wrote a card was never recorded before 8: every card made before is nobody's.
    8: fillMissing({ authorId: null }),
    // Nothing was merged or grouped before 9: every card stands on its own.
    9: fillMissing({ mergedInto: null, cluster: null }),
  },
});

/** A new card: every field the caller leaves out at its default. */
export const newCard = (
  fields: Pick<CardRecord, "id" | "journeyId" | "stageId" | "laneId" | "order"> & Partial<CardRecord>,
): CardRecord => ({ ...cardKind.defaults(), ...fields });
