import { draggingCard } from "./draggingCard";
import { editing } from "./editing";
import { marquee } from "./marquee";
import { movingAxis } from "./movingAxis";
import { panning } from "./panning";
import { pointingCard } from "./pointingCard";
import { resizingAxis } from "./resizingAxis";
import type { Press, Target, ToolContext, ToolState, Transition } from "./types";

/**
 * Selecting, where every gesture begins. A press on a card selects it (Shift
 * adds or takes it out); on the background it drags out a selection box
 * (Shift adds to the selection), or with Space held, the middle button or a
 * finger moves the view. A click or tap on a header opens its menu; a
 * double-click on a card edits it, on a stage's edge gives the stage its
 * usual width, elsewhere opens a draft or a new card there.
 */
export const idle: ToolState = {
  id: "idle",
  tracking: false,
  handle(event, context) {
    const { board } = context;
    switch (event.type) {
      case "pointerDown":
        return press(event.press, context);
      case "tap":
        if (event.target.kind === "card" && event.count === 1) board.select(event.target.id, false);
        return activate(event.target, event.at.screen, event.count, context);
      case "click":
        return activate(event.target, event.at.screen, event.count, context);
      case "dragStart":
        return dragStart(event.target, context);
      case "pointerMove":
      case "pointerUp":
      case "cancel":
      case "dragEnd":
      case "keyDown":
      case "keyUp":
        return undefined;
    }
  },
};

function press(press: Press, context: ToolContext): Transition {
  const { target } = press;
  if (target.kind === "card") {
    context.board.select(target.id, press.shift);
    return pointingCard(target.id);
  }
  if (target.kind !== "background") return undefined;
  if (press.touch || press.button === 1 || context.spaceHeld) return panning(press.screen);
  if (press.button !== 0) return undefined;
  return marquee(press.world, press.shift ? context.board.selection() : new Set(), context);
}

function activate(target: Target, screen: Press["screen"], count: number, { board }: ToolContext): Transition {
  switch (target.kind) {
    case "header":
      board.openMenu(target.axis, target.id, screen);
      return undefined;
    case "card":
      return count === 2 && board.startEditing(target.id) ? editing(target.id) : undefined;
    case "stage-edge":
      if (count === 2) board.resizeStage(target.id, null);
      return undefined;
    case "background":
    case "other":
      if (count === 2) board.doubleClickAt(screen);
      return undefined;
  }
}

/** A drag Konva begins without a press reported first (a finger's). */
function dragStart(target: Target, { board }: ToolContext): Transition {
  switch (target.kind) {
    case "card":
      board.select(target.id, false);
      return draggingCard(target.id);
    case "header":
      return movingAxis(target.axis, target.id);
    case "stage-edge":
      return resizingAxis(target.id, target.left);
    case "background":
    case "other":
      return undefined;
  }
}
