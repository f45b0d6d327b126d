import { actionAddCard } from "./actionAddCard";
import { actionClearSelection } from "./actionClearSelection";
import { actionDeleteSelection } from "./actionDeleteSelection";
import { actionEditCard } from "./actionEditCard";
import { actionRedo } from "./actionRedo";
import { actionToggleHelp } from "./actionToggleHelp";
import { actionUndo } from "./actionUndo";
import { actionZoomIn } from "./actionZoomIn";
import { actionZoomOut } from "./actionZoomOut";
import { actionZoomToFit } from "./actionZoomToFit";
import type { Action } from "./types";

/** Every board action, in the order the help panel lists them. */
export const ACTIONS: readonly Action[] = [
  actionAddCard,
  actionEditCard,
  actionDeleteSelection,
  actionClearSelection,
  actionUndo,
  actionRedo,
  actionZoomIn,
  actionZoomOut,
  actionZoomToFit,
  actionToggleHelp,
];
