import type { ViewArea } from "@journeyboard/shared";
import type { PresenceSink } from "../state/presence";
import { sameArea } from "./viewArea";

/** How often, at most, this person's view goes out while it moves: presence is bounded per connection (40 a second). */
const VIEW_EVERY_MS = 100;

/**
 * Puts what this person has on screen in their presence (`view`), for
 * whoever follows them: at once when it starts moving, then at most every
 * VIEW_EVERY_MS while it moves, and always where it came to rest, so a
 * follower never stays on a view the leader has left.
 */
export function shareView(
  presence: PresenceSink,
  subscribe: (listener: () => void) => () => void,
  current: () => ViewArea | null,
): () => void {
  let sent: ViewArea | null = null;
  let waiting: ReturnType<typeof setTimeout> | null = null;
  const sendLatest = (): boolean => {
    const area = current();
    if (!area || sameArea(area, sent)) return false;
    sent = area;
    presence.setAwarenessField("view", area);
    return true;
  };
  const afterPause = () => {
    waiting = sendLatest() ? setTimeout(afterPause, VIEW_EVERY_MS) : null;
  };
  const changed = () => {
    if (waiting === null && sendLatest()) waiting = setTimeout(afterPause, VIEW_EVERY_MS);
  };
  const unsubscribe = subscribe(changed);
  changed();
  return () => {
    unsubscribe();
    if (waiting !== null) clearTimeout(waiting);
  };
}
