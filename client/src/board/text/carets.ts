import * as Y from "yjs";
import { textOf, type RecordRoot, type TextCaret } from "@journeyboard/shared";

/** A text field of a record: what a live field edits. */
export interface TextTarget {
  root: RecordRoot;
  id: string;
  field: string;
}

/** This person's caret at `index` of a text, as the presence others receive. */
export function caretAt(text: Y.Text, target: TextTarget, index: number): TextCaret {
  const position = Y.createRelativePositionFromTypeIndex(text, index, -1);
  const item = position.item ? { client: position.item.client, clock: position.item.clock } : null;
  return { root: target.root, record: target.id, field: target.field, item, assoc: position.assoc < 0 ? -1 : 0 };
}

/** Where someone's caret is in a text now, or null when it is in another text or the text is gone. */
export function caretIndex(doc: Y.Doc, caret: TextCaret, target: TextTarget): number | null {
  if (caret.root !== target.root || caret.record !== target.id || caret.field !== target.field) return null;
  const holder = textOf(doc, target.root, target.id, target.field)?._item;
  if (!holder) return null;
  const position = Y.createRelativePositionFromJSON({ type: holder.id, item: caret.item, assoc: caret.assoc });
  return Y.createAbsolutePositionFromRelativePosition(position, doc)?.index ?? null;
}
