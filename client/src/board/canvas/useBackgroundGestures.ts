import { useEffect, useRef, useState, type RefObject } from "react";
import type Konva from "konva";
import type { BoardController } from "../BoardController";

/**
 * What a press on the board's background does: a drag selects the cards in
 * a box (Shift adds them to the selection); with Space held, the middle
 * button or a finger it moves the view instead. Moves and the release are
 * followed on the window, so a drag that leaves the canvas still ends.
 */
export function useBackgroundGestures(controller: BoardController, container: RefObject<HTMLDivElement | null>) {
  const space = useSpaceHeld();
  const [panning, setPanning] = useState(false);

  const onPointerDown = (event: Konva.KonvaEventObject<PointerEvent>) => {
    const stage = event.target.getStage();
    const box = container.current?.getBoundingClientRect();
    if (!stage || event.target !== stage || !box) return;
    const { evt } = event;
    const at = (e: PointerEvent) => ({ x: e.clientX - box.left, y: e.clientY - box.top });
    const pan = evt.pointerType === "touch" || evt.button === 1 || space.ref.current;
    if (!pan && evt.button !== 0) return;
    let last = at(evt);
    if (pan) setPanning(true);
    else controller.startMarquee(last, evt.shiftKey);
    const onMove = (e: PointerEvent) => {
      const point = at(e);
      if (pan) controller.panBy(last.x - point.x, last.y - point.y);
      else controller.moveMarquee(point);
      last = point;
    };
    const onUp = () => {
      window.removeEventListener("pointermove", onMove);
      window.removeEventListener("pointerup", onUp);
      window.removeEventListener("pointercancel", onUp);
      if (pan) setPanning(false);
      else controller.endMarquee();
    };
    window.addEventListener("pointermove", onMove);
    window.addEventListener("pointerup", onUp);
    window.addEventListener("pointercancel", onUp);
  };

  return { onPointerDown, panning, spaceHeld: space.held };
}

/** Whether Space is held down outside a text field (it turns a drag into a move of the view). */
function useSpaceHeld() {
  const ref = useRef(false);
  const [held, setHeld] = useState(false);
  useEffect(() => {
    const set = (value: boolean) => {
      if (ref.current === value) return;
      ref.current = value;
      setHeld(value);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.code !== "Space" || target?.closest("input, textarea, select, button, [contenteditable]")) return;
      event.preventDefault();
      set(true);
    };
    const onKeyUp = (event: KeyboardEvent) => event.code === "Space" && set(false);
    const onBlur = () => set(false);
    window.addEventListener("keydown", onKeyDown);
    window.addEventListener("keyup", onKeyUp);
    window.addEventListener("blur", onBlur);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
      window.removeEventListener("keyup", onKeyUp);
      window.removeEventListener("blur", onBlur);
    };
  }, []);
  return { ref, held };
}
