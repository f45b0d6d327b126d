import type * as Y from "yjs";
import { LIMITS } from "../model/limits";
import type { Indicator } from "../model/indicators";
import type { TextDirectionSetting } from "../model/text";
import type { Origin } from "../origins";
import { IndicatorSchema } from "../schema/card";
import { DomainError, patchRecord } from "../schema/layout";

/** Touchpoints: the channel, a preset key or a name someone typed; null to clear. */
export function setCardChannel(doc: Y.Doc, args: { id: string; channel: string | null }, origin: Origin): void {
  const channel = args.channel?.trim() || null;
  if (channel && channel.length > LIMITS.department) throw new DomainError("invalid", "channel name is too long");
  doc.transact(() => patchRecord(doc, "cards", args.id, { channel }), origin);
}

/** Back-stage and support processes: the department that owns the process. */
export function setCardOwner(doc: Y.Doc, args: { id: string; ownerDepartment: string | null }, origin: Origin): void {
  const ownerDepartment = args.ownerDepartment?.trim() || null;
  if (ownerDepartment && ownerDepartment.length > LIMITS.department)
    throw new DomainError("invalid", "department name is too long");
  doc.transact(() => patchRecord(doc, "cards", args.id, { ownerDepartment }), origin);
}

/** Indicators: metric, value, target and alert threshold. */
export function setCardIndicator(doc: Y.Doc, args: { id: string; indicator: Indicator | null }, origin: Origin): void {
  const parsed = args.indicator === null ? null : IndicatorSchema.safeParse(args.indicator);
  if (parsed && !parsed.success)
    throw new DomainError("invalid", `indicator: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  doc.transact(() => patchRecord(doc, "cards", args.id, { indicator: parsed ? parsed.data : null }), origin);
}

/** How the card's text is set: from its content (`auto`), or right to left or left to right whatever it starts with; any other value is refused (DomainError) by the card's schema. */
export function setCardTextDirection(
  doc: Y.Doc,
  args: { id: string; textDirection: TextDirectionSetting },
  origin: Origin,
): void {
  doc.transact(() => patchRecord(doc, "cards", args.id, { textDirection: args.textDirection }), origin);
}
