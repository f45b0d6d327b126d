import { useSyncExternalStore } from "react";
import type { BoardController, UiState } from "./BoardController";

/** Re-renders on every board change (cheap: records are cached, see BoardModel). */
export const useBoardVersion = (controller: BoardController): number =>
  useSyncExternalStore(controller.model.subscribe, controller.model.getVersion);

export const useUi = (controller: BoardController): UiState =>
  useSyncExternalStore(controller.subscribe, controller.getUi);
