import { useEffect } from "react";

/**
 * When something that had the keyboard focus closes (a card's editor on
 * Enter or Escape, a header's menu), the focus would fall to the page: the
 * canvas takes it back, so the keyboard goes on from where it was.
 */
export function useFocusBackToCanvas(): void {
  useEffect(
    () => () => {
      if (document.activeElement === document.body || document.activeElement === null)
        document.querySelector<HTMLElement>("[data-testid='board.canvas']")?.focus();
    },
    [],
  );
}
