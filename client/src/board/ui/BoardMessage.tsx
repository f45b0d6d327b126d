import { useTranslation } from "react-i18next";
import { AUTH_FAILURES, CLOSE_REASONS } from "@journeyboard/shared";
import { LanguagePicker } from "../../i18n/LanguagePicker";

/** Why a board may not be shown: a refused connection, or a link the facilitator replaced or turned off meanwhile. */
const REASONS: readonly string[] = [...Object.values(AUTH_FAILURES), CLOSE_REASONS.linkRevoked];

/** A full-page message when a board cannot be shown, saying why and what to do. */
export function BoardMessage({ kind, reason }: { kind: "refused" | "missingToken"; reason?: string }) {
  const { t } = useTranslation();
  const key = kind === "missingToken" ? "missingToken" : reason && REASONS.includes(reason) ? reason : "unknown";
  return (
    <main className="message-page" data-testid="board.message" data-reason={key}>
      <LanguagePicker />
      <h1>{t(`boardMessage.${key}.title`)}</h1>
      <p>{t(`boardMessage.${key}.body`)}</p>
      {key === AUTH_FAILURES.clientOutdated || key === AUTH_FAILURES.serverFull ? (
        <button type="button" className="primary" onClick={() => window.location.reload()}>
          {t("boardMessage.reload")}
        </button>
      ) : (
        <a className="button" href="/">
          {t("boardMessage.home")}
        </a>
      )}
    </main>
  );
}
