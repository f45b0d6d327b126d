import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { pacedReporter } from "./pacedReporter";

describe("a paced reporter", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("sends the first value at once, then the latest once per interval, and nothing more once it has it", () => {
    const sent: number[] = [];
    let interval = 50;
    const report = pacedReporter<number>(
      (value) => sent.push(value),
      () => interval,
    );
    report(1);
    vi.advanceTimersByTime(0);
    expect(sent).toEqual([1]);
    for (let value = 2; value <= 100; value++) {
      report(value);
      vi.advanceTimersByTime(5);
    }
    // 99 values over 495 ms, at most one per 50 ms, the last one sent.
    vi.advanceTimersByTime(50);
    expect(sent.length).toBeLessThanOrEqual(1 + Math.ceil(545 / 50));
    expect(sent.at(-1)).toBe(100);
    const before = sent.length;
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(before);

    // A slower pace applies from the next send on: 4 a second over a second of moves.
    interval = 250;
    sent.length = 0;
    for (let value = 1; value <= 100; value++) {
      report(value);
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(250);
    expect(sent.length).toBeLessThanOrEqual(5);
    expect(sent.at(-1)).toBe(100);
  });
});
