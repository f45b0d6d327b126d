import { useTranslation } from "react-i18next";
import type { BoardController } from "../BoardController";
import { ACTIONS } from "../actions/registry";
import { formatShortcut } from "../actions/shortcuts";
import { isMac } from "./ActionButton";
import { SidePanel } from "./SidePanel";

/** Keyboard shortcuts and gestures, read from the same declarations the key handler uses. */
export function HelpPanel({ controller }: { controller: BoardController }) {
  const { t } = useTranslation();
  return (
    <SidePanel title={t("help.title")} onClose={() => controller.togglePanel("help", false)} testId="help.panel">
      <table className="shortcuts">
        <tbody>
          {ACTIONS.map((action) => (
            <tr key={action.id}>
              <td>{t(action.labelKey)}</td>
              <td>
                {action.shortcuts.map((s) => (
                  <kbd key={formatShortcut(s, isMac)}>{formatShortcut(s, isMac)}</kbd>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t("help.gestures")}</h3>
      <ul>
        <li>{t("help.doubleClickCell")}</li>
        <li>{t("help.dragCard")}</li>
        <li>{t("help.box")}</li>
        <li>{t("help.paste")}</li>
        <li>{t("help.pan")}</li>
        <li>{t("help.zoom")}</li>
      </ul>
    </SidePanel>
  );
}
