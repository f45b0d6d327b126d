import { useTranslation } from "react-i18next";
import { ROLES, type CreateBoardResponse } from "@journeyboard/shared";
import { CopyField } from "../app/CopyField";

/** The three links of a new board: one to keep, two to share. */
export function BoardLinks({ board, onAnother }: { board: CreateBoardResponse; onAnother: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="card-panel" data-testid="links.panel" aria-labelledby="links-title">
      <h2 id="links-title">{t("links.ready", { title: board.title })}</h2>
      <p className="hint">{t("links.intro")}</p>
      {ROLES.map((role) => (
        <CopyField
          key={role}
          label={t(`role.${role}`)}
          hint={t(`links.${role}Hint`)}
          value={board.links[role].url}
          testId={`links.${role}`}
        />
      ))}
      <div className="row">
        <a className="button primary" href={board.links.facilitator.url} data-testid="links.open">
          {t("links.open")}
        </a>
        <button type="button" onClick={onAnother}>
          {t("links.another")}
        </button>
      </div>
    </section>
  );
}
