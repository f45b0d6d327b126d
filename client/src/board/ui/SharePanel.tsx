import { useState } from "react";
import { useTranslation } from "react-i18next";
import { myBoard } from "../../app/myBoards";
import { CopyField } from "../../app/CopyField";

/** For the facilitator: the participant and viewer links, kept by this browser when it created the board. */
export function SharePanel({ boardId }: { boardId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const board = myBoard(boardId);
  return (
    <div className="share">
      <button type="button" onClick={() => setOpen(!open)} aria-expanded={open} data-testid="share.toggle">
        {t("share.button")}
      </button>
      {open && (
        <div className="popover" data-testid="share.panel">
          {board ? (
            <>
              <CopyField
                label={t("role.participant")}
                hint={t("links.participantHint")}
                value={board.links.participant.url}
                testId="share.participant"
              />
              <CopyField
                label={t("role.viewer")}
                hint={t("links.viewerHint")}
                value={board.links.viewer.url}
                testId="share.viewer"
              />
            </>
          ) : (
            <p className="hint">{t("share.elsewhere")}</p>
          )}
        </div>
      )}
    </div>
  );
}
