import type { Rect } from "../state/layout";

export interface Point {
  x: number;
  y: number;
}

export type Axis = "stage" | "lane";

/** What a pointer event is on, as the canvas component that reports it knows. */
export type Target =
  | { kind: "background" }
  | { kind: "card"; id: string }
  | { kind: "header"; axis: Axis; id: string }
  /**
   * The edge at the end of a stage's header; `left` is where the stage begins,
   * in world units. Where a drag of it ends, `at` is the edge's own place.
   */
  | { kind: "stage-edge"; id: string; left: number }
  /** Anything else drawn on the board that does not answer the pointer itself (an add slot, a tile field). */
  | { kind: "other" };

/** Where a pointer is: on the canvas in screen pixels, and on the board in world units. */
export interface At {
  screen: Point;
  world: Point;
}

export interface Press extends At {
  target: Target;
  /** 0 the main button, 1 the middle one. */
  button: number;
  shift: boolean;
  touch: boolean;
}

/**
 * What the canvas reports. Presses, moves and releases are the pointer's own;
 * a drag of a card or header is Konva's (it moves the node), reported when it
 * begins and at its end; a click or a tap carries the count of its series.
 */
export type ToolEvent =
  | { type: "pointerDown"; press: Press }
  | { type: "pointerMove"; at: At }
  | { type: "pointerUp"; at: At }
  | { type: "cancel" }
  | { type: "click"; target: Target; at: At; count: number }
  | { type: "tap"; target: Target; at: At; count: number }
  | { type: "dragStart"; target: Target }
  /** `at` is null when the stage knows no pointer position: the drag ends where it began. */
  | { type: "dragEnd"; target: Target; at: At | null }
  | { type: "keyDown"; code: string }
  | { type: "keyUp"; code: string };

/** What a tool may do to the board: all it does goes through here. */
export interface ToolSurface {
  selection(): ReadonlySet<string>;
  select(id: string, additive: boolean): void;
  /** The cards a box (world units) touches. */
  cardsIn(box: Rect): Iterable<string>;
  /** Shows the selection box with the cards it selects; null hides it. */
  showMarquee(box: Rect | null, selection?: ReadonlySet<string>): void;
  panBy(dx: number, dy: number): void;
  /** A card dropped at a screen point goes to the cell there (commands refuse what may not move). */
  dropCard(id: string, screen: Point): void;
  dropHeader(axis: Axis, id: string, screen: Point): void;
  /** A stage's width in world units; null: back to the usual width. */
  resizeStage(id: string, width: number | null): void;
  /** Opens a header's menu at a screen point, or says why not. */
  openMenu(axis: Axis, id: string, screen: Point): void;
  /** Opens a card's editor; false when this person may not edit it. */
  startEditing(id: string): boolean;
  /** A double-click elsewhere than on a card: a draft to edit, or a new card in the cell there. */
  doubleClickAt(screen: Point): void;
}

export type ToolStateId =
  "idle" | "pointingCard" | "draggingCard" | "marquee" | "panning" | "movingAxis" | "resizingAxis" | "editing";

/** What a state reads besides the event: the board, and whether Space is held (a press then moves the view). */
export interface ToolContext {
  board: ToolSurface;
  spaceHeld: boolean;
}

/**
 * Where an event leads: another state; "idle", back to selecting; "restart",
 * back to selecting with the event handled there (a new press); undefined,
 * nowhere (the state stays).
 */
export type Transition = ToolState | "idle" | "restart" | undefined;

export interface ToolState {
  readonly id: ToolStateId;
  /** Whether the pointer's moves and release off the canvas matter to this state (the canvas follows the window). */
  readonly tracking: boolean;
  /** The card the state is about: pressed, dragged or edited. */
  readonly card?: string;
  handle(event: ToolEvent, context: ToolContext): Transition;
  /** Undoes what the state shows on leaving it (the selection box). */
  exit?(context: ToolContext): void;
}
