import { actionAddCard } from "./actionAddCard";
import { actionAddDot } from "./actionAddDot";
import { actionClearSelection } from "./actionClearSelection";
import { actionCopy } from "./actionCopy";
import { actionMergeSelection } from "./actionMergeSelection";
import { actionCut } from "./actionCut";
import { actionDeleteSelection } from "./actionDeleteSelection";
import { actionEditCard } from "./actionEditCard";
import { actionFocusCard } from "./actionFocusCard";
import { actionFocusKeepSelection } from "./actionFocusKeepSelection";
import { actionClusterMenu } from "./actionClusterMenu";
import { actionLaneMenu } from "./actionLaneMenu";
import { actionMoveCard } from "./actionMoveCard";
import { actionPaste } from "./actionPaste";
import { actionRateCard } from "./actionRateCard";
import { actionRedo } from "./actionRedo";
import { actionRemoveDot } from "./actionRemoveDot";
import { actionSelectAll } from "./actionSelectAll";
import { actionStageMenu } from "./actionStageMenu";
import { actionToggleHelp } from "./actionToggleHelp";
import { actionToggleInSelection } from "./actionToggleInSelection";
import { actionToggleMinimap } from "./actionToggleMinimap";
import { actionUndo } from "./actionUndo";
import { actionUngroupSelection } from "./actionUngroupSelection";
import { actionZoomIn } from "./actionZoomIn";
import { actionZoomOut } from "./actionZoomOut";
import { actionZoomToFit } from "./actionZoomToFit";
import type { Action } from "./types";

/** Every board action, in the order the help panel lists them. */
export const ACTIONS: readonly Action[] = [
  actionFocusCard,
  actionFocusKeepSelection,
  actionToggleInSelection,
  actionAddCard,
  actionEditCard,
  actionMoveCard,
  actionRateCard,
  actionStageMenu,
  actionLaneMenu,
  actionClusterMenu,
  actionDeleteSelection,
  actionMergeSelection,
  actionUngroupSelection,
  actionSelectAll,
  actionClearSelection,
  actionCopy,
  actionCut,
  actionPaste,
  actionUndo,
  actionRedo,
  actionAddDot,
  actionRemoveDot,
  actionZoomIn,
  actionZoomOut,
  actionZoomToFit,
  actionToggleMinimap,
  actionToggleHelp,
];
