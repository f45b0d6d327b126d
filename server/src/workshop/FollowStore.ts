import { FollowState } from "@journeyboard/shared";

/**
 * Each board's "follow me": who everyone follows, so a follower who reloads,
 * reconnects or comes back after a restart follows again, on any instance.
 * Read from the store every time, never cached.
 */
export interface FollowStore {
  followOf(boardId: string): Promise<FollowState | null>;
  /** null: nobody asks to be followed any more. */
  save(boardId: string, follow: FollowState | null): Promise<void>;
}

/** A stored follow state, or null when there is none or it does not parse. */
export const followFrom = (stored: string | undefined): FollowState | null => {
  if (stored === undefined) return null;
  const parsed = FollowState.safeParse(JSON.parse(stored));
  return parsed.success ? parsed.data : null;
};
