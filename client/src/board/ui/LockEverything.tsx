import { useTranslation } from "react-i18next";
import type { BoardController } from "../BoardController";

/**
 * The facilitator's lock of the whole board at once: every journey locked
 * (and with it every stage, lane and card in it), or every lock lifted.
 * Offered to whoever the policy lets lock; the plan and the personas are
 * not content a lock holds, and stay as the phase sets them.
 */
export function LockEverything({ controller }: { controller: BoardController }) {
  const { t } = useTranslation();
  const { permissions } = controller;
  if (!permissions.mayCommand("lock.set")) return null;
  const journeys = controller.model.journeys().map((journey) => journey.id);
  const allLocked = journeys.length > 0 && journeys.every((id) => permissions.isLocked("journey", id));
  return (
    <section aria-labelledby="lock-everything">
      <h3 id="lock-everything">{t("lock.everything")}</h3>
      <p className="hint">{t("lock.everythingHint")}</p>
      <div className="row">
        <button
          type="button"
          disabled={allLocked}
          onClick={() => permissions.lockJourneys(journeys)}
          data-testid="lock.all"
        >
          🔒 {t("lock.lockAll")}
        </button>
        <button
          type="button"
          disabled={permissions.locks.size === 0}
          onClick={() => permissions.unlockAll()}
          data-testid="lock.none"
        >
          🔓 {t("lock.unlockAll")}
        </button>
      </div>
    </section>
  );
}
