import type { BoardController } from "../BoardController";
import type { FollowModel } from "./FollowModel";

/** Room above a stage presented for the toolbar and the bar that says who follows (styles.css, `.follow-bar`). */
const BELOW_BARS = 112;
/** The least room on either side of a stage presented on a screen narrower than the stage. */
const BESIDE = 48;

/**
 * Presenting: the facilitator walks the journey stage by stage, in the
 * timeline's order, each stage centred and read from its header down at
 * full size (smaller only when the screen is narrower than the stage),
 * with everyone following ("follow me" starts with the first step). The
 * stage shown is this screen's alone; followers see it through the
 * facilitator's view.
 */
export class Presenter {
  private index: number | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly controller: Pick<BoardController, "layout" | "viewportSize" | "setCamera">,
    private readonly follow: Pick<FollowModel, "getSnapshot" | "startFollowMe">,
  ) {}

  stageCount(): number {
    return this.controller.layout()?.columns.length ?? 0;
  }

  /** The id of the stage shown, or null. */
  stageId(): string | null {
    return this.index === null ? null : (this.controller.layout()?.columns[this.index]?.stage.id ?? null);
  }

  next(): void {
    this.show(this.index === null ? 0 : this.index + 1);
  }

  previous(): void {
    this.show(this.index === null ? 0 : this.index - 1);
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  /** The stage shown (0 for the first), or null before the first step. */
  getStage = (): number | null => this.index;

  private show(index: number): void {
    const layout = this.controller.layout();
    const size = this.controller.viewportSize();
    if (!layout || !layout.columns.length || size.width === 0) return;
    const at = Math.min(layout.columns.length - 1, Math.max(0, index));
    const column = layout.columns[at]!;
    if (!this.follow.getSnapshot().leading) this.follow.startFollowMe();
    const scale = Math.min(1, (size.width - 2 * BESIDE) / column.width);
    this.controller.setCamera({ scale, x: size.width / 2 - (column.x + column.width / 2) * scale, y: BELOW_BARS });
    this.index = at;
    this.listeners.forEach((listener) => listener());
  }
}
