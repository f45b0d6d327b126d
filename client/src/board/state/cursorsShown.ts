import { useSyncExternalStore } from "react";

const KEY = "journeyboard.hideCursors";
const listeners = new Set<() => void>();

/**
 * Whether this browser shows other people's pointers on the canvas: twenty
 * moving pointers distract from a presentation, so each person may hide
 * them for themselves (kept in this browser, for every board).
 */
export const cursorsHidden = (): boolean => localStorage.getItem(KEY) === "true";

export function setCursorsHidden(hidden: boolean): void {
  if (hidden) localStorage.setItem(KEY, "true");
  else localStorage.removeItem(KEY);
  listeners.forEach((listener) => listener());
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const useCursorsHidden = (): boolean => useSyncExternalStore(subscribe, cursorsHidden);
