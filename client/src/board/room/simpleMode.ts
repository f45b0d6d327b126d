import { useCallback, useSyncExternalStore } from "react";

const KEY = "journeyboard.simpleMode";

/** A screen this narrow is a phone's (or a phone-sized window): simple mode is on there unless this device said no. */
export const SMALL_SCREEN = "(max-width: 700px)";

/** What this device chose, or null while it has chosen nothing. */
export type SimpleModeChoice = "on" | "off" | null;

export const readChoice = (stored: string | null): SimpleModeChoice =>
  stored === "on" || stored === "off" ? stored : null;

/** Simple mode as chosen on this device, else on for a small screen and off elsewhere. */
export const simpleModeOn = (choice: SimpleModeChoice, smallScreen: boolean): boolean =>
  choice === null ? smallScreen : choice === "on";

const listeners = new Set<() => void>();
const changed = () => listeners.forEach((listener) => listener());

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const media = window.matchMedia(SMALL_SCREEN);
  // Another tab of this device chose, or the window became narrow or wide (a phone turned).
  window.addEventListener("storage", listener);
  media.addEventListener("change", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
    media.removeEventListener("change", listener);
  };
}

const current = () => simpleModeOn(readChoice(localStorage.getItem(KEY)), window.matchMedia(SMALL_SCREEN).matches);

/** Whether the simple participant mode is on on this device, and the choice to turn it on or off (remembered here). */
export function useSimpleMode(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(subscribe, current);
  const choose = useCallback((next: boolean) => {
    localStorage.setItem(KEY, next ? "on" : "off");
    changed();
  }, []);
  return [on, choose];
}
