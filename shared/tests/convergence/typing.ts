import * as Y from "yjs";
import {
  editCardText,
  editText,
  readAll,
  renameStage,
  spliceBetween,
  stagesOf,
  textLimit,
  textOf,
  updateAction,
  type LocalUserOrigin,
  type PersonalUndoManager,
} from "../../src/index";
import type { Random } from "./random";
import { caret, phrase, textFields, type Marker, type TextField, type TypingLedger } from "./texts";

/** A person at a keyboard: what they are typing now, and the caret that follows colleagues' edits. */
export interface Typist {
  doc: Y.Doc;
  origin: LocalUserOrigin;
  undoManager: PersonalUndoManager;
  /** Letter in this person's marker tags. */
  name: string;
  markers: number;
  word: { marker: Marker; caret: Y.RelativePosition; keys: string[] } | null;
}

/** The caret just after what this person typed: it sticks to their last character, as an editor's does. */
const caretAfter = (text: Y.Text, index: number) => Y.createRelativePositionFromTypeIndex(text, index, -1);

/**
 * Typing operations: keystrokes of a few words, pasting, erasing, pauses,
 * and whole-text edits (a field written as a whole value). `oneCard` of the
 * typing (by default almost half) goes to one card, the board's first, so
 * several people type in it at once.
 */
export function typingOperations(rnd: Random, ledger: TypingLedger, journeyId: string, oneCard = 0.45) {
  const firstCard = (doc: Y.Doc) => readAll(doc, "cards").sort((a, b) => (a.id < b.id ? -1 : 1))[0];
  const target = (p: Typist): TextField | undefined => {
    const card = firstCard(p.doc);
    return card && rnd.next() < oneCard ? { root: "cards", id: card.id, field: "text" } : rnd.pick(textFields(p.doc));
  };
  const tag = (p: Typist) => `⁅${p.name}${p.markers++}⁆`;
  /**
   * Something to write and the marker that will find it, noted once the
   * write is done. A whole value is written as the smallest splice, which
   * keeps characters the old value shares with it at its ends: a marker that
   * starts or ends in such kept characters is not all its writer's, so it
   * is not noted.
   */
  const written = (p: Typist, field: TextField) => {
    const text = `${tag(p)}${phrase(rnd)}`;
    const marker: Marker = { ...field, text, sent: [text.length], open: false };
    const done = (before: string, after: string) => {
      if (spliceBetween(before, after)?.insert.includes(text)) ledger.add(marker);
    };
    return { text, done };
  };
  /** A whole value as an editor hands it over: the old one with a piece replaced, or all of it replaced. */
  const rewrite = (old: string, insert: string) => {
    if (rnd.next() < 0.25) return insert;
    const [from, to] = [caret(rnd, old), caret(rnd, old)].sort((a, b) => a - b) as [number, number];
    return old.slice(0, from) + insert + old.slice(rnd.next() < 0.5 ? from : to);
  };

  const keystroke = (p: Typist) => {
    const word = p.word;
    if (!word) {
      const field = target(p);
      const text = field && textOf(p.doc, field.root, field.id, field.field);
      if (!field || !text || text.length > 150) return;
      const index = caret(rnd, text.toString());
      const first = tag(p);
      const marker: Marker = { ...field, text: first, sent: [first.length], open: true };
      editText(p.doc, { ...field, splice: { index, remove: 0, insert: marker.text } }, p.origin);
      ledger.add(marker);
      p.word = { marker, caret: caretAfter(text, index + marker.text.length), keys: [...phrase(rnd)] };
      return;
    }
    const { marker } = word;
    const text = textOf(p.doc, marker.root, marker.id, marker.field);
    const at = Y.createAbsolutePositionFromRelativePosition(word.caret, p.doc);
    const key = word.keys.shift()!;
    if (text && at?.type === text && text.length + key.length <= textLimit(marker.root, marker.field)) {
      editText(p.doc, { ...marker, splice: { index: at.index, remove: 0, insert: key } }, p.origin);
      marker.text += key;
      marker.sent.push(marker.text.length);
      word.caret = caretAfter(text, at.index + key.length);
    } else {
      word.keys.length = 0;
    }
    if (!word.keys.length) {
      marker.open = false;
      p.word = null;
    }
  };

  const paste = (p: Typist) => {
    const field = target(p);
    const text = field && textOf(p.doc, field.root, field.id, field.field);
    if (!field || !text || text.length > 150) return;
    const old = text.toString();
    const [index, end] = [caret(rnd, old), caret(rnd, old)].sort((a, b) => a - b) as [number, number];
    const { text: insert, done } = written(p, field);
    editText(p.doc, { ...field, splice: { index, remove: rnd.next() < 0.3 ? end - index : 0, insert } }, p.origin);
    done("", insert);
  };

  const erase = (p: Typist) => {
    const field = target(p);
    const text = field && textOf(p.doc, field.root, field.id, field.field)?.toString();
    if (!field || !text) return;
    const [index, end] = [caret(rnd, text), caret(rnd, text)].sort((a, b) => a - b) as [number, number];
    editText(p.doc, { ...field, splice: { index, remove: end - index, insert: "" } }, p.origin);
  };

  const editCard = (p: Typist) => {
    const card = rnd.next() < oneCard ? firstCard(p.doc) : rnd.pick(readAll(p.doc, "cards"));
    if (!card || card.text.length > 300) return;
    const { text, done } = written(p, { root: "cards", id: card.id, field: "text" });
    const value = rewrite(card.text, text);
    editCardText(p.doc, { id: card.id, text: value }, p.origin);
    done(card.text, value);
  };
  const renameAStage = (p: Typist) => {
    const stage = rnd.pick(stagesOf(p.doc, journeyId));
    if (!stage || stage.title.length > 120) return;
    const { text, done } = written(p, { root: "stages", id: stage.id, field: "title" });
    const value = rewrite(stage.title, text);
    renameStage(p.doc, { id: stage.id, title: value }, p.origin);
    done(stage.title, value);
  };
  const retitleAction = (p: Typist) => {
    const action = rnd.pick(readAll(p.doc, "actions"));
    if (!action || action.title.length > 120) return;
    const { text, done } = written(p, { root: "actions", id: action.id, field: "title" });
    const value = rewrite(action.title, text);
    updateAction(p.doc, { id: action.id, title: value }, p.origin);
    done(action.title, value);
  };
  // A pause: the next keystroke starts a new step of undo (the test's undo managers never time out by the clock).
  const pause = (p: Typist) => p.undoManager.stopCapturing();

  return {
    keystroke,
    pause,
    all: [
      ...Array<typeof keystroke>(10).fill(keystroke),
      paste,
      paste,
      erase,
      erase,
      editCard,
      editCard,
      renameAStage,
      retitleAction,
      pause,
    ],
  };
}
