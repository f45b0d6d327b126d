import { idle } from "./idle";
import type { ToolContext, ToolEvent, ToolState, ToolStateId, ToolSurface } from "./types";

export interface ToolSnapshot {
  state: ToolStateId;
  /** Space is held outside a text field: a press on the background moves the view. */
  spaceHeld: boolean;
}

/**
 * The pointer's and keyboard's gestures on the canvas as one state at a
 * time (`idle` and the states it leads to, a file each). The canvas reports
 * events here; the states act on the board only through the `ToolSurface`.
 */
export class ToolMachine {
  private state: ToolState = idle;
  private snapshot: ToolSnapshot = { state: "idle", spaceHeld: false };
  private readonly listeners = new Set<() => void>();

  constructor(private readonly board: ToolSurface) {}

  /** Whether the pointer's moves and release matter now, wherever they are (the canvas then follows the window). */
  get tracking(): boolean {
    return this.state.tracking;
  }

  /** The card the current state is about, if any. */
  get card(): string | undefined {
    return this.state.card;
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  getSnapshot = (): ToolSnapshot => this.snapshot;

  dispatch(event: ToolEvent): void {
    const space = (event.type === "keyDown" || event.type === "keyUp") && event.code === "Space";
    const context: ToolContext = {
      board: this.board,
      spaceHeld: space ? event.type === "keyDown" : this.snapshot.spaceHeld,
    };
    const next = this.state.handle(event, context);
    if (next !== undefined) {
      this.state.exit?.(context);
      // A restart hands the event to idle, which never restarts itself.
      const after = next === "restart" ? idle.handle(event, context) : next;
      this.state = typeof after === "object" ? after : idle;
    }
    this.publish(context.spaceHeld);
  }

  private publish(spaceHeld: boolean): void {
    const { state, snapshot } = this;
    if (snapshot.state === state.id && snapshot.spaceHeld === spaceHeld) return;
    this.snapshot = { state: state.id, spaceHeld };
    this.listeners.forEach((listener) => listener());
  }
}
