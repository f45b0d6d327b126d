import { BASE_62_DIGITS, generateKeyBetween } from "fractional-indexing";
import { z } from "zod";

/** The longest record id: also the longest key the server lets an update put in a record root. */
export const ID_MAX_LENGTH = 64;
/** Record ids are nanoid strings; a loose check keeps imported boards with older ids readable. */
export const Id = z.string().min(1).max(ID_MAX_LENGTH);

/** A person's public id on a board (protocol `people.ts`): the hex SHA-256 of the board id and their key. */
export const PersonId = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * Whether fractional-indexing takes the key as a neighbour on either side:
 * its own checks (head, length, no trailing zero) run inside
 * generateKeyBetween, which only reads the fraction's digits, so those are
 * checked here. A key it refuses would make every later insert next to it
 * throw ("invalid order key head") in every browser.
 */
function isOrderKey(key: string): boolean {
  for (const character of key) if (!BASE_62_DIGITS.includes(character)) return false;
  try {
    generateKeyBetween(key, null);
    generateKeyBetween(null, key);
    return true;
  } catch {
    return false;
  }
}

/** Fractional-index order key (see ops/order.ts). */
export const OrderKey = z.string().min(1).max(256).refine(isOrderKey, "not a fractional-indexing order key");

/** The schemas made by `CollabText`: a record field holding one is a text field of the layout. */
const collabTexts = z.registry();

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
    )
    .register(collabTexts, {});

/** Whether a field's schema is a `CollabText`. */
export const isCollabText = (schema: unknown): boolean => schema instanceof z.ZodType && collabTexts.has(schema);
