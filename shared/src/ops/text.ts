import * as Y from "yjs";
import type { Origin } from "../origins";
import { DomainError, RECORD_SCHEMAS, isTextField, recordsOf, type RecordRoot } from "../schema/layout";
import { applySplice, type TextSplice } from "../schema/text";
import { TYPING } from "../undo";

/** Where a word ends: undo takes back typing a word at a time. */
const WORD_END = /[\s\p{P}]$/u;

/** The most UTF-16 units a text field holds, from its record's schema (a card's text: 2,000). */
export function textLimit(root: RecordRoot, field: string): number {
  const schema = (RECORD_SCHEMAS[root].shape as Record<string, unknown>)[field];
  const limit = schema instanceof Object && "maxLength" in schema ? schema.maxLength : null;
  return typeof limit === "number" ? limit : Infinity;
}

/** The live `Y.Text` of a record's text field, for editing and for showing it as it changes. */
export function textOf(doc: Y.Doc, root: RecordRoot, id: string, field: string): Y.Text | undefined {
  const value = recordsOf(doc, root).get(id)?.get(field);
  return isTextField(root, field) && value instanceof Y.Text ? value : undefined;
}

export interface EditTextArgs {
  root: RecordRoot;
  id: string;
  field: string;
  splice: TextSplice;
}

/**
 * One person's keystrokes in a text field: a splice of the live text, so
 * what colleagues type elsewhere in it at the same time is kept. Refused
 * whole when the text would grow past its limit; shrinking is always allowed.
 */
export function editText(doc: Y.Doc, args: EditTextArgs, origin: Origin): void {
  const text = textOf(doc, args.root, args.id, args.field);
  if (!text) throw new DomainError("not-found", `${args.root}.${args.id}.${args.field} is not a text of the board`);
  const { index, remove, insert } = args.splice;
  if (index < 0 || remove < 0 || index + remove > text.length) {
    throw new DomainError("invalid", `${args.root}.${args.field}: the change lies outside the text`);
  }
  const limit = textLimit(args.root, args.field);
  if (insert.length > remove && text.length - remove + insert.length > limit) {
    throw new DomainError("invalid", `${args.root}.${args.field} is longer than ${limit} characters`);
  }
  doc.transact((transaction) => {
    transaction.meta.set(TYPING, WORD_END.test(insert) ? "boundary" : "word");
    applySplice(text, args.splice);
  }, origin);
}
