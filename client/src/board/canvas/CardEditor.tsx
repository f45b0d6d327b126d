import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { LIMITS } from "@journeyboard/shared";
import type { BoardController } from "../BoardController";
import type { Rect } from "../state/layout";
import { useUi } from "../useBoard";

/**
 * Editing a card's text in place: a text area laid exactly over the card.
 * Enter or leaving the field keeps the text; Shift+Enter starts a new line;
 * Escape leaves the card as it was.
 */
export function CardEditor({
  controller,
  initialText,
  box,
}: {
  controller: BoardController;
  initialText: string;
  box: Rect;
}) {
  const { t } = useTranslation();
  const { camera } = useUi(controller);
  const [text, setText] = useState(initialText);
  const done = useRef(false);
  const field = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);

  const finish = (value: string | null) => {
    if (done.current) return;
    done.current = true;
    controller.finishEditing(value);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      finish(null);
    } else if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      finish(text);
    }
  };

  return (
    <textarea
      ref={field}
      className="card-editor"
      data-testid="card.editor"
      aria-label={t("card.editLabel")}
      dir="auto"
      value={text}
      maxLength={LIMITS.cardText}
      placeholder={t("card.placeholder")}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => finish(text)}
      style={{
        left: camera.x + box.x * camera.scale,
        top: camera.y + box.y * camera.scale,
        width: box.width,
        height: box.height,
        transform: `scale(${camera.scale})`,
      }}
    />
  );
}
