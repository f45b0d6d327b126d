/** A change of a `Y.Text` as Yjs describes it (`YTextEvent.delta`): plain text only. */
export type TextDelta = ReadonlyArray<{ retain?: number; insert?: unknown; delete?: number }>;

const insertedLength = (insert: unknown) => (typeof insert === "string" ? insert.length : 1);

/**
 * Where a position in a text is after someone else's change: text inserted
 * before it pushes it on, text deleted before it pulls it back, and text
 * inserted exactly at it goes after it, so a person's caret stays at the end
 * of what they were typing.
 */
export function movePosition(position: number, delta: TextDelta): number {
  let index = 0; // where the walk is, in the changed text
  let moved = position; // the position, in the changed text as far as the walk has gone
  for (const op of delta) {
    if (index >= moved) break;
    if (op.retain !== undefined) index += op.retain;
    else if (op.insert !== undefined) {
      const length = insertedLength(op.insert);
      moved += length;
      index += length;
    } else if (op.delete !== undefined) moved -= Math.min(op.delete, moved - index);
  }
  return moved;
}
