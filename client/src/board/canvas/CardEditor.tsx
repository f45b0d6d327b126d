import { useEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { LIMITS } from "@journeyboard/shared";
import type { BoardController } from "../BoardController";
import type { DraftDesk } from "../drafts/DraftDesk";
import type { Camera } from "../state/camera";
import type { Rect } from "../state/layout";
import { LiveText } from "../text/LiveText";
import { useUi } from "../useBoard";
import { useFocusBackToCanvas } from "./useFocusBackToCanvas";

/** A text field laid exactly over a card's box on the canvas. */
const overBox = (camera: Camera, box: Rect): CSSProperties => ({
  left: camera.x + box.x * camera.scale,
  top: camera.y + box.y * camera.scale,
  width: box.width,
  height: box.height,
  transform: `scale(${camera.scale})`,
});

/**
 * Typing in a card in place: the card's live text laid over it, the caret at
 * the end (nothing selected, so typing never replaces what is there), every
 * keystroke written as it is typed and merged with colleagues' typing.
 * Enter, Escape or leaving the field closes it; Shift+Enter starts a new line.
 */
export function CardEditor({ controller, cardId, box }: { controller: BoardController; cardId: string; box: Rect }) {
  const { t } = useTranslation();
  const { camera } = useUi(controller);
  useFocusBackToCanvas();
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" || (event.key === "Enter" && !event.shiftKey)) {
      event.preventDefault();
      controller.stopEditing();
    }
  };
  return (
    <LiveText
      controller={controller}
      root="cards"
      id={cardId}
      field="text"
      multiline
      autoFocus
      className="card-editor"
      style={overBox(camera, box)}
      label={t("card.editLabel")}
      testId="card.editor"
      placeholder={t("card.placeholder")}
      onKeyDown={onKeyDown}
      onBlur={() => controller.stopEditing()}
    />
  );
}

/**
 * Typing a new card where it will appear. The card exists once its text is
 * kept (Enter or leaving the field), as one step of history; Escape or an
 * empty text leaves no card.
 */
export function DraftEditor({ controller, box }: { controller: BoardController; box: Rect }) {
  return (
    <KeptText
      controller={controller}
      box={box}
      initial=""
      onType={(text) => controller.typeDraft(text)}
      onFinish={(text) => controller.finishDraft(text)}
    />
  );
}

/**
 * Typing in one of this person's private drafts where it is drawn: the text
 * goes to the draft shelf on Enter or leaving the field; Escape keeps the
 * draft as it was.
 */
export function PrivateDraftEditor(props: { controller: BoardController; box: Rect; text: string; desk: DraftDesk }) {
  const { controller, box, text, desk } = props;
  return <KeptText controller={controller} box={box} initial={text} onFinish={(typed) => desk.finishEditing(typed)} />;
}

interface KeptTextProps {
  controller: BoardController;
  box: Rect;
  initial: string;
  onType?: (text: string) => void;
  /** Once, with the text typed (Enter, leaving the field) or null (Escape). */
  onFinish: (text: string | null) => void;
}

/** A card's text typed in place and kept only when done, not keystroke by keystroke. */
function KeptText({ controller, box, initial, onType, onFinish }: KeptTextProps) {
  const { t } = useTranslation();
  const { camera } = useUi(controller);
  const [text, setText] = useState(initial);
  const done = useRef(false);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const element = field.current;
    // The caret at the end: typing never replaces what is there.
    element?.focus();
    element?.setSelectionRange(element.value.length, element.value.length);
  }, []);
  useFocusBackToCanvas();

  const finish = (value: string | null) => {
    if (done.current) return;
    done.current = true;
    onFinish(value);
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
    <span className="live-text card-editor" style={overBox(camera, box)}>
      <textarea
        ref={field}
        data-testid="card.editor"
        aria-label={t("card.editLabel")}
        dir="auto"
        value={text}
        maxLength={LIMITS.cardText}
        placeholder={t("card.placeholder")}
        onChange={(e) => {
          setText(e.target.value);
          onType?.(e.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => finish(text)}
      />
    </span>
  );
}
