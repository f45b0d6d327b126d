import type * as Y from "yjs";
import type { Origin } from "../origins";
import { DomainError, recordsOf, writeRecord } from "../schema/layout";
import { ratingId } from "../schema/rating";

export interface RateArgs {
  cardId: string;
  participantId: string;
  department: string;
  /** -2 to +2; null withdraws the rating. */
  value: number | null;
}

/** One person's emotion rating of a customer step; rating again replaces it. */
export function rateStep(doc: Y.Doc, args: RateArgs, origin: Origin): void {
  doc.transact(() => {
    const id = ratingId(args.cardId, args.participantId);
    if (args.value === null) {
      recordsOf(doc, "ratings").delete(id);
      return;
    }
    if (!recordsOf(doc, "cards").has(args.cardId))
      throw new DomainError("not-found", `card ${args.cardId} does not exist`);
    writeRecord(doc, "ratings", {
      id,
      cardId: args.cardId,
      participantId: args.participantId,
      department: args.department,
      value: args.value,
    });
  }, origin);
}
