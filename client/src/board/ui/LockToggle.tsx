import { useTranslation } from "react-i18next";
import type { LockKind } from "@journeyboard/shared";
import type { Permissions } from "../state/permissions";

const LABELS: Record<LockKind, { lock: string; unlock: string }> = {
  journey: { lock: "lock.lockJourney", unlock: "lock.unlockJourney" },
  stage: { lock: "lock.lockStage", unlock: "lock.unlockStage" },
  lane: { lock: "lock.lockLane", unlock: "lock.unlockLane" },
  card: { lock: "lock.lockCard", unlock: "lock.unlockCard" },
};

interface Props {
  permissions: Permissions;
  kind: LockKind;
  id: string;
  /** Whether a lock holds the target, its own or one on what contains it. */
  held: boolean;
}

/**
 * The facilitator's lock of a journey, stage, lane or card; to anyone else
 * a target a lock holds says so, since nothing offered there would be kept.
 */
export function LockToggle({ permissions, kind, id, held }: Props) {
  const { t } = useTranslation();
  const locked = permissions.isLocked(kind, id);
  if (!permissions.mayCommand("lock.set")) {
    return held ? (
      <p className="hint" role="status" data-testid={`lock.${kind}.held`}>
        🔒 {t("lock.locked")}
      </p>
    ) : null;
  }
  return (
    <button
      type="button"
      aria-pressed={locked}
      onClick={() => permissions.setLock(kind, id, !locked)}
      data-testid={`lock.${kind}`}
    >
      {locked ? "🔓 " : "🔒 "}
      {t(locked ? LABELS[kind].unlock : LABELS[kind].lock)}
    </button>
  );
}
