import { useEffect, useMemo, useRef, useSyncExternalStore, type RefObject } from "react";
import type Konva from "konva";
import type { BoardController } from "../BoardController";
import { screenToWorld } from "../state/camera";
import { controllerSurface } from "../tools/controllerSurface";
import { ToolMachine } from "../tools/ToolMachine";
import type { At, Point, Target } from "../tools/types";

type KonvaEvent = Konva.KonvaEventObject<Event>;

/**
 * How the canvas's components report the pointer to the tools: each says
 * what was hit, and the report adds where (screen and world).
 */
export interface ToolReports {
  /** A press of a button or a finger (a pointer event tells which). */
  press(target: Target, event: Konva.KonvaEventObject<MouseEvent>): void;
  /**
   * A click, with the browser's click count (from the system's double-click
   * speed, at the time of the input). Konva's own dblclick times the gap
   * between its handlers instead, so when the first click's work keeps the
   * page busy past its 400 ms (a big board, a slow machine) a quick
   * double-click counts as two single clicks.
   */
  click(target: Target, event: Konva.KonvaEventObject<MouseEvent>): void;
  tap(target: Target, event: KonvaEvent, count: 1 | 2): void;
  dragStart(target: Target): void;
  /** `world`: the place the drag ends at when it is not the pointer's (a stage's edge). */
  dragEnd(target: Target, event: KonvaEvent, world?: Point): void;
}

/**
 * The canvas's tool machine and the reports that feed it. While a state
 * follows the pointer (a box, a pan, a pressed card), its moves and release
 * are taken from the window, so a drag that leaves the canvas still ends;
 * Space held outside a text field is reported too.
 */
export function useTools(controller: BoardController, container: RefObject<HTMLDivElement | null>) {
  const machine = useMemo(() => new ToolMachine(controllerSurface(controller)), [controller]);
  const snapshot = useSyncExternalStore(machine.subscribe, machine.getSnapshot);
  // The canvas's place on the page, measured at each press (not at each move, which would lay the page out).
  const origin = useRef({ x: 0, y: 0 });
  const reports = useMemo((): ToolReports => {
    const at = (screen: Point, world = screenToWorld(controller.getUi().camera, screen)): At => ({ screen, world });
    const pointer = (event: KonvaEvent) => event.target.getStage()?.getPointerPosition() ?? null;
    return {
      // Measured as the window's moves that follow it are, from the canvas's box.
      press: (target, event) => {
        const box = container.current?.getBoundingClientRect();
        if (!box) return;
        origin.current = { x: box.left, y: box.top };
        const { evt } = event;
        const screen = { x: evt.clientX - box.left, y: evt.clientY - box.top };
        const touch = "pointerType" in evt && evt.pointerType === "touch";
        machine.dispatch({
          type: "pointerDown",
          press: { ...at(screen), target, button: evt.button, shift: evt.shiftKey, touch },
        });
      },
      click: (target, event) => {
        const screen = pointer(event);
        if (screen) machine.dispatch({ type: "click", target, at: at(screen), count: event.evt.detail });
      },
      tap: (target, event, count) => {
        const screen = pointer(event);
        if (screen) machine.dispatch({ type: "tap", target, at: at(screen), count });
      },
      dragStart: (target) => machine.dispatch({ type: "dragStart", target }),
      dragEnd: (target, event, world) => {
        const screen = pointer(event);
        machine.dispatch({ type: "dragEnd", target, at: screen && at(screen, world) });
      },
    };
  }, [machine, controller, container]);

  useEffect(() => {
    const fromWindow = (event: PointerEvent) => {
      const screen = { x: event.clientX - origin.current.x, y: event.clientY - origin.current.y };
      return { screen, world: screenToWorld(controller.getUi().camera, screen) };
    };
    const onMove = (event: PointerEvent) => {
      if (machine.tracking) machine.dispatch({ type: "pointerMove", at: fromWindow(event) });
    };
    const onUp = (event: PointerEvent) => {
      if (machine.tracking) machine.dispatch({ type: "pointerUp", at: fromWindow(event) });
    };
    const onCancel = () => machine.tracking && machine.dispatch({ type: "cancel" });
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.code !== "Space" || target?.closest("input, textarea, select, button, [contenteditable]")) return;
      event.preventDefault();
      machine.dispatch({ type: "keyDown", code: event.code });
    };
    const onKeyUp = (event: KeyboardEvent) => machine.dispatch({ type: "keyUp", code: event.code });
    const onBlur = () => machine.dispatch({ type: "keyUp", code: "Space" });
    const listeners = [
      ["pointermove", onMove],
      ["pointerup", onUp],
      ["pointercancel", onCancel],
      ["keydown", onKeyDown],
      ["keyup", onKeyUp],
      ["blur", onBlur],
    ] as const;
    for (const [name, listener] of listeners) window.addEventListener(name, listener as EventListener);
    return () => {
      for (const [name, listener] of listeners) window.removeEventListener(name, listener as EventListener);
    };
  }, [machine, controller]);

  return { reports, panning: snapshot.state === "panning", spaceHeld: snapshot.spaceHeld };
}
