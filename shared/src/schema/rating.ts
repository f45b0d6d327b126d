import { z } from "zod";
import { EMOTION_MAX, EMOTION_MIN } from "../model/emotions";
import { LIMITS } from "../model/limits";
import { Id } from "./fields";
import { recordKind } from "./recordKind";

/**
 * One person's emotion rating of one step, stored in the `ratings` root
 * under `${cardId}:${participantId}`: rating again replaces it.
 */
export const RatingRecord = z.looseObject({
  id: z.string().max(200),
  cardId: Id,
  participantId: Id,
  department: z.string().max(LIMITS.department),
  value: z.number().int().min(EMOTION_MIN).max(EMOTION_MAX),
});
export type RatingRecord = z.infer<typeof RatingRecord>;

/** A rating is one person's word on one step: no field of it has a safe default, and one missing a field is removed. */
export const ratingKind = recordKind({ schema: RatingRecord, defaults: () => ({}), migrations: {} });

export const ratingId = (cardId: string, participantId: string): string => `${cardId}:${participantId}`;
