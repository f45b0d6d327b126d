import { useTranslation } from "react-i18next";
import type { ConnectionState } from "../state/connectionState";

/** Always visible: are we connected, and is everything we did stored on the server, or how much waits on this device? */
export function ConnectionBadge({ state }: { state: ConnectionState }) {
  const { t } = useTranslation();
  const [tone, text] =
    state.phase === "connecting"
      ? ["pending", t("connection.connecting")]
      : state.phase === "offline"
        ? [
            "offline",
            state.unsent > 0 ? t("connection.offlineUnsent", { count: state.unsent }) : t("connection.offline"),
          ]
        : state.unsaved > 0 || !state.synced
          ? ["pending", t("connection.saving")]
          : ["ok", t("connection.saved")];
  return (
    <span
      className={`badge badge-${tone}`}
      role="status"
      aria-live="polite"
      data-testid="connection.status"
      data-state={tone}
    >
      {text}
    </span>
  );
}
