import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { BoardController } from "../BoardController";
import { formatShortcut } from "../actions/shortcuts";
import type { Action } from "../actions/types";
import { useUi } from "../useBoard";

export const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

/** A toolbar button for an action, labelled with its shortcut. */
export function ActionButton({
  controller,
  action,
  children,
}: {
  controller: BoardController;
  action: Action;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  useUi(controller);
  const label = t(action.labelKey);
  const shortcut = action.shortcuts[0];
  const refusal = action.refusal?.(controller) ?? null;
  const title = refusal ? t(refusal) : shortcut ? `${label} (${formatShortcut(shortcut, isMac)})` : label;
  return (
    <button
      type="button"
      title={title}
      aria-label={label}
      data-testid={`toolbar.${action.id}`}
      disabled={!action.enabled(controller) || refusal !== null}
      onClick={() => action.run(controller)}
    >
      {children ?? label}
    </button>
  );
}
