import { z } from "zod";

/** Record ids are nanoid strings; a loose check keeps imported boards with older ids readable. */
export const Id = z.string().min(1).max(64);
/** Fractional-index order key (see ops/order.ts). */
export const OrderKey = z.string().min(1).max(256);

/**
 * A text people write together, up to `max` UTF-16 units: a `Y.Text` in the
 * board document (since schema 5, see text.ts), its plain string in a board file.
 */
export const CollabText = (max: number) =>
  z
    .string()
    .max(max)
    .describe(
      "Text people write together: stored in the board as collaborative text (a Yjs Y.Text, merged character by character), written here as its plain string",
    );
