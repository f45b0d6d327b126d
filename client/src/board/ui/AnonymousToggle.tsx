import { useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import type { Permissions } from "../state/permissions";

/** Whether the board is anonymous now (the workshop session's entry), following its changes. */
export const useAnonymous = (permissions: Permissions): boolean =>
  useSyncExternalStore(permissions.subscribe, () => permissions.anonymous);

/**
 * Makes the board anonymous, or names people again: offered to those the
 * policy lets send `board.anonymous`, and enforced by the server.
 */
export function AnonymousToggle({ permissions }: { permissions: Permissions }) {
  const { t } = useTranslation();
  const anonymous = useAnonymous(permissions);
  if (!permissions.mayCommand("board.anonymous")) return null;
  return (
    <label className="others-cards" title={t("anonymous.hint")}>
      <input
        type="checkbox"
        checked={anonymous}
        onChange={(event) => permissions.setAnonymous(event.target.checked)}
        data-testid="board.anonymous"
      />
      {t("anonymous.label")}
    </label>
  );
}

/** Tells everyone, the facilitator included, that the board shows departments only. */
export function AnonymousBadge({ permissions }: { permissions: Permissions }) {
  const { t } = useTranslation();
  if (!useAnonymous(permissions)) return null;
  return (
    <span className="anonymous-badge" role="status" title={t("anonymous.hint")} data-testid="anonymous.badge">
      {t("anonymous.badge")}
    </span>
  );
}
