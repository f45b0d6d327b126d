import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { X } from "lucide-react";

interface Props {
  title: string;
  onClose: () => void;
  testId: string;
  /** For tables: half the screen rather than a column. */
  wide?: boolean;
  children: ReactNode;
}

/** The frame of every side panel: a title, a close button, scrolling content. */
export function SidePanel({ title, onClose, testId, wide, children }: Props) {
  const { t } = useTranslation();
  return (
    <aside className={wide ? "side-panel wide" : "side-panel"} aria-label={title} data-testid={testId}>
      <header>
        <h2>{title}</h2>
        <button type="button" onClick={onClose} aria-label={t("panels.close")}>
          <X size={18} aria-hidden />
        </button>
      </header>
      {children}
    </aside>
  );
}
