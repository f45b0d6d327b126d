import type { BoardController } from "../BoardController";

/** A key combination; `mod` is Ctrl, or Cmd on a Mac. */
export interface Shortcut {
  key: string;
  mod?: boolean;
  shift?: boolean;
}

/**
 * A user action: its label, its shortcuts (declared here once: the key
 * handler and the help panel both read them), when it applies, what it does.
 */
export interface Action {
  id: string;
  labelKey: string;
  shortcuts: readonly Shortcut[];
  /** Runs while typing in a field too (e.g. nothing that would eat letters). */
  inFields?: boolean;
  /**
   * Copy, cut and paste: the browser lets only its own clipboard events read
   * and write the clipboard, so the key handler lets these keys through and
   * the clipboard event runs the action with the event's data.
   */
  clipboard?: boolean;
  /**
   * Only while the canvas has the keyboard focus: arrows, digits and Enter
   * do other things elsewhere on the page (a button's Enter presses it).
   */
  onCanvas?: boolean;
  enabled(controller: BoardController): boolean;
  /**
   * Why the server would refuse it now (a message key), or null: its button
   * is then not offered and says why, and its key explains it when pressed.
   */
  refusal?(controller: BoardController): string | null;
  /** `key`: the key pressed, for an action with several shortcuts. */
  run(controller: BoardController, clipboard?: DataTransfer, key?: string): void;
}
