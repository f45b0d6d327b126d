import type * as Y from "yjs";
import { spliceBetween, type TextSplice } from "@journeyboard/shared";
import { movePosition, type TextDelta } from "./textDelta";

export type TextElement = HTMLTextAreaElement | HTMLInputElement;

/**
 * Binds a text field of the page to a live `Y.Text` of the board. What the
 * person types is written as the splice it makes, so a colleague typing in
 * the same text at the same time keeps their words; what others write shows
 * as it arrives, also while this person's caret is in the field, and the
 * caret stays where they were typing. The field never holds a stale copy.
 *
 * While an input method composes (Arabic, Persian and other keyboards with
 * candidate windows), the page must not be touched: others' changes wait
 * until the composition ends, and the person's change is then moved past them.
 */
export class LiveTextBinding {
  /** The text as the field showed it after the last change this binding applied or wrote. */
  private shown: string;
  private composing = false;
  /** Others' changes that arrived during a composition, in order, relative to `shown`. */
  private waiting: TextDelta[] = [];
  private writing = false;

  constructor(
    private readonly element: TextElement,
    private readonly text: Y.Text,
    /** Writes this person's change; false when it is refused (limit, role, phase). */
    private readonly write: (splice: TextSplice) => boolean,
    /** Where this person's caret is now (a character index), or null when the field is left. */
    private readonly onCaret: (index: number | null) => void,
  ) {
    this.shown = text.toString();
    element.value = this.shown;
    text.observe(this.changed);
    element.addEventListener("input", this.input);
    element.addEventListener("compositionstart", this.compositionStart);
    element.addEventListener("compositionend", this.compositionEnd);
    for (const type of ["select", "keyup", "mouseup", "focus"]) element.addEventListener(type, this.caretMoved);
    element.addEventListener("blur", this.left);
  }

  destroy(): void {
    this.text.unobserve(this.changed);
    this.element.removeEventListener("input", this.input);
    this.element.removeEventListener("compositionstart", this.compositionStart);
    this.element.removeEventListener("compositionend", this.compositionEnd);
    for (const type of ["select", "keyup", "mouseup", "focus"]) this.element.removeEventListener(type, this.caretMoved);
    this.element.removeEventListener("blur", this.left);
  }

  private readonly changed = (event: Y.YTextEvent) => {
    if (this.writing) return;
    if (this.composing) {
      this.waiting.push(event.delta as TextDelta);
      return;
    }
    const { selectionStart, selectionEnd, selectionDirection } = this.element;
    const delta = event.delta as TextDelta;
    this.shown = this.text.toString();
    this.element.value = this.shown;
    if (document.activeElement === this.element && selectionStart !== null && selectionEnd !== null) {
      const start = movePosition(selectionStart, delta);
      const end = movePosition(selectionEnd, delta);
      this.element.setSelectionRange(start, end, selectionDirection ?? "none");
      this.caretMoved();
    }
  };

  private readonly input = (event: Event) => {
    if (this.composing || (event as InputEvent).isComposing) return;
    this.commit();
  };

  private readonly compositionStart = () => {
    this.composing = true;
  };

  private readonly compositionEnd = () => {
    this.composing = false;
    this.commit();
  };

  private commit(): void {
    const typed = spliceBetween(this.shown, this.element.value);
    const waited = this.waiting;
    this.waiting = [];
    if (!typed) {
      if (waited.length) this.showText(null);
      return;
    }
    const splice = waited.reduce<TextSplice>((s, delta) => {
      const index = movePosition(s.index, delta);
      return { index, remove: movePosition(s.index + s.remove, delta) - index, insert: s.insert };
    }, typed);
    this.writing = true;
    let written = false;
    try {
      written = this.write(splice);
    } finally {
      this.writing = false;
    }
    if (!written) this.showText(typed.index + typed.remove);
    else if (waited.length) this.showText(splice.index + splice.insert.length);
    else this.shown = this.text.toString();
    this.caretMoved();
  }

  /** Shows the live text again (after a refused change, or others' changes held during a composition). */
  private showText(caret: number | null): void {
    const at = caret ?? this.element.selectionStart ?? 0;
    this.shown = this.text.toString();
    this.element.value = this.shown;
    if (document.activeElement === this.element) this.element.setSelectionRange(at, at);
  }

  private readonly caretMoved = () => {
    if (document.activeElement !== this.element) return;
    const { selectionStart, selectionEnd, selectionDirection } = this.element;
    this.onCaret(selectionDirection === "backward" ? selectionStart : selectionEnd);
  };

  private readonly left = () => this.onCaret(null);
}
