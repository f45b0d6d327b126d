import { useEffect, useMemo, useRef, type CSSProperties, type KeyboardEvent } from "react";
import { textLimit, textOf } from "@journeyboard/shared";
import type { BoardController } from "../BoardController";
import { useBoardVersion } from "../useBoard";
import { caretAt, type TextTarget } from "./carets";
import { LiveTextBinding, type TextElement } from "./LiveTextBinding";
import { RemoteCarets } from "./RemoteCarets";

interface Props extends TextTarget {
  controller: BoardController;
  /** A text area (several lines) or a one-line input. */
  multiline?: boolean;
  label?: string;
  testId: string;
  disabled?: boolean;
  rows?: number;
  placeholder?: string;
  className?: string;
  style?: CSSProperties;
  autoFocus?: boolean;
  onKeyDown?: (event: KeyboardEvent<TextElement>) => void;
  onBlur?: () => void;
}

/**
 * The one editable text of the app, for every text people write together
 * (cards, titles, actions, personas), in panels and in place on the canvas:
 * bound to the live record, so a colleague's change shows as it arrives,
 * their caret shows with their name, and only what this person types is
 * written. It holds no copy of its own.
 */
export function LiveText({ controller, root, id, field, multiline, label, testId, autoFocus, ...props }: Props) {
  useBoardVersion(controller);
  const text = textOf(controller.doc, root, id, field);
  const element = useRef<TextElement>(null);
  const target = useMemo(() => ({ root, id, field }), [root, id, field]);

  useEffect(() => {
    const field = element.current;
    if (!field || !text) return;
    const binding = new LiveTextBinding(
      field,
      text,
      (splice) => controller.commands.typeText(target, splice),
      (index) => controller.reportCaret(index === null ? null : caretAt(text, target, index)),
    );
    if (autoFocus) {
      field.focus();
      field.setSelectionRange(field.value.length, field.value.length);
    }
    return () => {
      binding.destroy();
      controller.reportCaret(null);
    };
  }, [controller, text, target, autoFocus]);

  // A card's text reads as its card is set to, as on the canvas; every other text from its content.
  const dir = root === "cards" ? (controller.model.record("cards", id)?.textDirection ?? "auto") : "auto";
  const common = {
    "aria-label": label,
    "data-testid": testId,
    dir,
    maxLength: Number.isFinite(textLimit(root, field)) ? textLimit(root, field) : undefined,
    disabled: props.disabled || !text,
    placeholder: props.placeholder,
    onKeyDown: props.onKeyDown,
    onBlur: props.onBlur,
  };
  return (
    <span className={`live-text ${props.className ?? ""}`} style={props.style}>
      {multiline ? (
        <textarea ref={element as React.RefObject<HTMLTextAreaElement>} rows={props.rows} {...common} />
      ) : (
        <input ref={element as React.RefObject<HTMLInputElement>} {...common} />
      )}
      {text && <RemoteCarets doc={controller.doc} text={text} target={target} field={element} />}
    </span>
  );
}
