import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

/**
 * Where the person enters the server's admin token: shown once the server
 * refused a board for want of it (or while one is kept for this tab).
 */
export function AdminTokenField({ token, onChange }: { token: string; onChange: (token: string) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  // Asked for when a board was refused: the place to type it gets the focus, unless a token is already there.
  useEffect(() => {
    if (!input.current?.value) input.current?.focus();
  }, []);
  return (
    <section className="card-panel" aria-labelledby="admin-token-title" data-testid="adminToken.panel">
      <h2 id="admin-token-title">{t("home.adminTokenTitle")}</h2>
      <p className="hint">{t("home.adminTokenHint")}</p>
      <label>
        {t("home.adminToken")}
        <input
          ref={input}
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          onChange={(e) => onChange(e.target.value.trim())}
          data-testid="adminToken.input"
        />
      </label>
    </section>
  );
}
