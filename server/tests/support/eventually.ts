import { vi } from "vitest";

/** Polls until the assertion passes: for state that arrives over the network. Never a fixed sleep. */
export const eventually = <T>(assertion: () => T | Promise<T>): Promise<T> =>
  vi.waitFor(assertion, { timeout: 10_000, interval: 10 });
