import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { BoardController, Notice } from "../BoardController";

const SHOWN_MS = 6000;

/** A short message that something was not done, read out by screen readers, gone after a few seconds. */
export function NoticeToast({ controller, notice }: { controller: BoardController; notice: Notice }) {
  const { t } = useTranslation();
  useEffect(() => {
    const timer = setTimeout(() => controller.dismissNotice(), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [controller, notice]);
  return (
    <div className="notice" role="status" data-testid="board.notice">
      <span>{t(notice.key, notice.values)}</span>
      <button
        type="button"
        className="link"
        onClick={() => controller.dismissNotice()}
        aria-label={t("notice.dismiss")}
      >
        ×
      </button>
    </div>
  );
}
