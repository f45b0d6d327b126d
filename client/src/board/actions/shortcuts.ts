import type { Action, Shortcut } from "./types";

export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * Letters and digits also match by physical key (`KeyZ`, `Digit1`), so
 * Ctrl+Z works on an Arabic, Persian or Polish keyboard layout too.
 */
export function matches(press: KeyPress, shortcut: Shortcut): boolean {
  if (press.altKey || press.shiftKey !== Boolean(shortcut.shift)) return false;
  if ((press.ctrlKey || press.metaKey) !== Boolean(shortcut.mod)) return false;
  const key = shortcut.key;
  if (press.key.toLowerCase() === key.toLowerCase()) return true;
  if (/^[a-z]$/i.test(key)) return press.code === `Key${key.toUpperCase()}`;
  if (/^[0-9]$/.test(key)) return press.code === `Digit${key}`;
  return false;
}

export const actionFor = (actions: readonly Action[], press: KeyPress): Action | undefined =>
  actions.find((action) => action.shortcuts.some((s) => matches(press, s)));

/** The key of the action's shortcut that was pressed, as declared (a digit on any layout, an arrow). */
export const keyPressed = (action: Action, press: KeyPress): string | undefined =>
  action.shortcuts.find((s) => matches(press, s))?.key;

const KEY_NAMES: Record<string, string> = {
  Delete: "Del",
  Backspace: "⌫",
  Escape: "Esc",
  Enter: "↵",
  ArrowUp: "↑",
  ArrowDown: "↓",
  ArrowLeft: "←",
  ArrowRight: "→",
  " ": "Space",
};

export function formatShortcut(shortcut: Shortcut, isMac: boolean): string {
  const parts: string[] = [];
  if (shortcut.mod) parts.push(isMac ? "⌘" : "Ctrl");
  if (shortcut.shift) parts.push("Shift");
  parts.push(KEY_NAMES[shortcut.key] ?? shortcut.key.toUpperCase());
  return parts.join("+");
}
