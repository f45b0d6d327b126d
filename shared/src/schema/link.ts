import { z } from "zod";
import { Id } from "./fields";
import { recordKind } from "./recordKind";

/**
 * What a link says of its two cards:
 * - `replaces`: a target-journey step replaces a current step;
 * - `addresses`: a target card (or, later, an action) deals with an irritant.
 */
export const LINK_KINDS = ["replaces", "addresses"] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/**
 * A link between two cards, stored in the `links` root under
 * `${kind}:${fromCardId}:${toCardId}`, so two people making the same link at
 * once make one record, and unlinking is deleting that key.
 */
export const LinkRecord = z.looseObject({
  id: z.string().max(200),
  kind: z.enum(LINK_KINDS),
  fromCardId: Id,
  toCardId: Id,
});
export type LinkRecord = z.infer<typeof LinkRecord>;

/** Every field of a link says what it joins: none has a default, and one missing a field is removed. */
export const linkKind = recordKind({ schema: LinkRecord, defaults: () => ({}), migrations: {} });

export const linkId = (kind: LinkKind, fromCardId: string, toCardId: string): string =>
  `${kind}:${fromCardId}:${toCardId}`;
