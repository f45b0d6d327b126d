/** What each bench page offers the runner (run.ts), so ours and the baseline are measured the same way. */
export interface BenchPage {
  /**
   * Loads a board of `cards` cards over `stages` stages (default STAGES) as it
   * arrives from the server and returns ms until its first frame is drawn.
   */
  open(cards: number, stages?: number): Promise<number>;
  /** Shows the whole journey (every card visible). */
  fit(): void;
  /** Shows the journey's top-left corner at this zoom. */
  zoom(scale: number): void;
  /** Milliseconds of one full synchronous redraw, the median of `runs`. */
  draw(runs: number): number;
  /**
   * Milliseconds of main-thread work of each of `frames` pan steps of
   * `step` screen pixels (default 12 right, 6 down), each drawn; with
   * "wheel", each step is a wheel event on the canvas, handled as the page
   * handles one.
   */
  pan(frames: number, step?: { x: number; y: number }, by?: "wheel"): number[];
  /**
   * Someone else moves the last card of the first cell to the end of the
   * next stage's cell and back, `count` times; each move changes no lane's
   * height, so only that card moves on screen.
   */
  prepareRemoteMoves(count: number): void;
  /**
   * The next of those moves arrives: main-thread ms until the board model and view are
   * updated, the part of it Yjs alone takes to apply the update to a bare
   * copy of the document, and the cards re-rendered.
   */
  applyRemoteMove(): { ms: number; yjsMs: number; rendered: number };
}

declare global {
  interface Window {
    bench?: BenchPage;
  }
}

export const VIEWPORT = { width: 1600, height: 1000 };

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
