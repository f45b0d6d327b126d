/**
 * Sends the latest value it is given at most once per `intervalMs()`
 * (asked again for each send, so the pace can change): the first at once,
 * then the latest after each interval, and nothing while nothing new came.
 */
export function pacedReporter<T>(send: (value: T) => void, intervalMs: () => number): (value: T) => void {
  let pending: { value: T } | null = null;
  let waiting = false;
  let last = -Infinity;
  const flush = () => {
    waiting = false;
    if (!pending) return;
    const { value } = pending;
    pending = null;
    last = Date.now();
    send(value);
  };
  return (value) => {
    pending = { value };
    if (waiting) return;
    waiting = true;
    setTimeout(flush, Math.max(0, last + intervalMs() - Date.now()));
  };
}
