/** Emotion ratings of a step: from -2 (very bad) to +2 (delighted). */
export const EMOTION_MIN = -2;
export const EMOTION_MAX = 2;
export const EMOTION_VALUES = [-2, -1, 0, 1, 2] as const;

/** Ratings this far apart (interquartile range, or between two departments' medians) mark a disagreement. */
export const DISAGREEMENT_SPREAD = 2;
