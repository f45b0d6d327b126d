import { useTranslation } from "react-i18next";
import {
  CircleHelp,
  Combine,
  Maximize,
  Minus,
  MousePointer2,
  MousePointer2Off,
  Plus,
  Redo2,
  StickyNote,
  Trash2,
  Undo2,
  Ungroup,
} from "lucide-react";
import type { BoardController } from "../BoardController";
import { actionAddCard } from "../actions/actionAddCard";
import { actionDeleteSelection } from "../actions/actionDeleteSelection";
import { actionRedo } from "../actions/actionRedo";
import { actionToggleHelp } from "../actions/actionToggleHelp";
import { actionUndo } from "../actions/actionUndo";
import { actionZoomIn } from "../actions/actionZoomIn";
import { actionZoomOut } from "../actions/actionZoomOut";
import { actionZoomToFit } from "../actions/actionZoomToFit";
import { setCursorsHidden, useCursorsHidden } from "../state/cursorsShown";
import { useUi } from "../useBoard";
import { ActionButton } from "./ActionButton";
import { actionMergeSelection } from "../actions/actionMergeSelection";
import { actionUngroupSelection } from "../actions/actionUngroupSelection";
import { GroupControl } from "../clusters/GroupControl";

export function Toolbar({ controller }: { controller: BoardController }) {
  const { t } = useTranslation();
  const { camera } = useUi(controller);
  const cursorsHidden = useCursorsHidden();
  const cursorsLabel = t(cursorsHidden ? "cursors.show" : "cursors.hide");
  return (
    <div className="toolbar" role="toolbar" aria-label={t("toolbar.label")}>
      {controller.canEdit && (
        <div className="group">
          <ActionButton controller={controller} action={actionAddCard}>
            <StickyNote size={18} aria-hidden /> {t("actions.addCard")}
          </ActionButton>
          <ActionButton controller={controller} action={actionDeleteSelection}>
            <Trash2 size={18} aria-hidden />
          </ActionButton>
          {controller.permissions.runsWorkshop && (
            <ActionButton controller={controller} action={actionMergeSelection}>
              <Combine size={18} aria-hidden />
            </ActionButton>
          )}
          <GroupControl controller={controller} />
          <ActionButton controller={controller} action={actionUngroupSelection}>
            <Ungroup size={18} aria-hidden />
          </ActionButton>
          <ActionButton controller={controller} action={actionUndo}>
            <Undo2 size={18} aria-hidden className="flip-in-rtl" />
          </ActionButton>
          <ActionButton controller={controller} action={actionRedo}>
            <Redo2 size={18} aria-hidden className="flip-in-rtl" />
          </ActionButton>
        </div>
      )}
      <div className="group">
        <ActionButton controller={controller} action={actionZoomOut}>
          <Minus size={18} aria-hidden />
        </ActionButton>
        <span className="zoom" data-testid="toolbar.zoomLevel">
          {t("toolbar.zoom", { percent: Math.round(camera.scale * 100) })}
        </span>
        <ActionButton controller={controller} action={actionZoomIn}>
          <Plus size={18} aria-hidden />
        </ActionButton>
        <ActionButton controller={controller} action={actionZoomToFit}>
          <Maximize size={18} aria-hidden />
        </ActionButton>
        <button
          type="button"
          onClick={() => setCursorsHidden(!cursorsHidden)}
          aria-pressed={cursorsHidden}
          aria-label={t("cursors.hide")}
          title={cursorsLabel}
          data-testid="toolbar.hideCursors"
        >
          {cursorsHidden ? <MousePointer2Off size={18} aria-hidden /> : <MousePointer2 size={18} aria-hidden />}
        </button>
        <ActionButton controller={controller} action={actionToggleHelp}>
          <CircleHelp size={18} aria-hidden />
        </ActionButton>
      </div>
    </div>
  );
}
