import type * as Y from "yjs";
import type { Origin } from "../origins";
import { DomainError, recordsOf, writeRecord } from "../schema/layout";
import { linkId, type LinkKind } from "../schema/link";

export interface LinkArgs {
  kind: LinkKind;
  fromCardId: string;
  toCardId: string;
}

export function linkCards(doc: Y.Doc, args: LinkArgs, origin: Origin): void {
  doc.transact(() => {
    const cards = recordsOf(doc, "cards");
    if (!cards.has(args.fromCardId) || !cards.has(args.toCardId))
      throw new DomainError("not-found", "both cards must exist");
    if (args.fromCardId === args.toCardId) throw new DomainError("invalid", "a card cannot link to itself");
    const id = linkId(args.kind, args.fromCardId, args.toCardId);
    if (!recordsOf(doc, "links").has(id)) writeRecord(doc, "links", { id, ...args });
  }, origin);
}

export function unlinkCards(doc: Y.Doc, args: LinkArgs, origin: Origin): void {
  doc.transact(() => recordsOf(doc, "links").delete(linkId(args.kind, args.fromCardId, args.toCardId)), origin);
}
