import * as Y from "yjs";
import { generateNKeysBetween } from "fractional-indexing";
import {
  addJourney,
  editText,
  initBoard,
  lanesOf,
  localUserOrigin,
  recordsOf,
  serverOrigin,
  stagesOf,
  textOf,
  writeRecord,
  type LocalUserOrigin,
} from "@journeyboard/shared";
import seeds from "../../shared/fixtures/seed-texts.json";

/** What people type: the workshop articles' lines (Arabic, Persian, Polish), one key per code point. */
const corpus = [...Object.values(seeds.texts).flat().join(" ")];

/**
 * `count` keystrokes from `start` in the corpus: characters, and every
 * tenth key a backspace (null), as people correct themselves.
 */
export function keystrokes(count: number, start = 0): Array<string | null> {
  return Array.from({ length: count }, (_, i) => (i % 10 === 9 ? null : corpus[(start + i) % corpus.length]!));
}

/** The text a run of keystrokes leaves. */
export const typedText = (keys: Array<string | null>): string =>
  keys.reduce<string[]>((text, key) => (key === null ? text.slice(0, -1) : [...text, key]), []).join("");

/** A field someone types in, written one of the two ways being compared. */
export interface Field {
  /** Applies one keystroke at the end of the field, as one transaction. */
  type(key: string | null): void;
  value(): string;
}

/** Ours (schema 5): a keystroke is a splice of the field's Y.Text. */
export function textField(doc: Y.Doc, cardId: string, origin: LocalUserOrigin = localUserOrigin()): Field {
  const text = () => textOf(doc, "cards", cardId, "text")!;
  return {
    type(key) {
      const length = text().length;
      if (key !== null)
        editText(
          doc,
          { root: "cards", id: cardId, field: "text", splice: { index: length, remove: 0, insert: key } },
          origin,
        );
      else if (length) {
        // Backspace removes a whole code point, as an editor does.
        const last =
          text()
            .toString()
            .codePointAt(length - 2) ?? 0;
        const width = length > 1 && last > 0xffff ? 2 : 1;
        editText(
          doc,
          { root: "cards", id: cardId, field: "text", splice: { index: length - width, remove: width, insert: "" } },
          origin,
        );
      }
    },
    value: () => text().toString(),
  };
}

/**
 * Today's whole-text writes (the schema-4 layout): the field is a plain
 * string in its record's Y.Map, set whole at every keystroke.
 */
export function wholeField(map: Y.Map<unknown>, field: string, origin: LocalUserOrigin = localUserOrigin()): Field {
  const value = () => (map.get(field) as string | undefined) ?? "";
  return {
    type(key) {
      const chars = [...value()];
      const next = key === null ? chars.slice(0, -1).join("") : value() + key;
      map.doc!.transact(() => map.set(field, next), origin);
    },
    value,
  };
}

/**
 * A board with one journey and `cards` empty cards spread over its cells,
 * ours or in the schema-4 layout (the same records, their text a plain
 * string). Each Yjs client that types in it is a copy with its own client id.
 */
export function boardWithCards(cards: number, layout: "ours" | "whole"): { doc: Y.Doc; ids: string[] } {
  const doc = new Y.Doc();
  doc.clientID = 1;
  const origin = serverOrigin("create-board");
  initBoard(doc, { title: "Text benchmark", locale: "en", createdAt: 1 }, origin);
  addJourney(
    doc,
    { id: "journey", title: "", mapType: "currentState", stageSet: "fivePhases", personaId: null },
    origin,
  );
  const [stages, lanes] = [stagesOf(doc, "journey"), lanesOf(doc, "journey")];
  const ids = Array.from({ length: cards }, (_, i) => `card-${i}`);
  const orders = generateNKeysBetween(null, null, cards);
  doc.transact(() => {
    ids.forEach((id, i) => {
      const card = {
        id,
        journeyId: "journey",
        stageId: stages[i % stages.length]!.id,
        laneId: lanes[Math.floor(i / stages.length) % lanes.length]!.id,
        order: orders[i]!,
        text: "",
        authorName: "",
        authorDepartment: "sales",
        createdAt: 1,
        authorId: null,
        textDirection: "auto" as const,
        mergedInto: null,
        cluster: null,
      };
      if (layout === "ours") writeRecord(doc, "cards", card);
      else recordsOf(doc, "cards").set(id, new Y.Map<unknown>(Object.entries(card)));
    });
  }, origin);
  return { doc, ids };
}

/** A Yjs client id of the size Yjs draws (32 bits): its varint length is in every update. */
export const CLIENT_ID = 0x9e3779b9;

/** A copy of a board for another Yjs client. */
export function copyFor(doc: Y.Doc, clientID: number): Y.Doc {
  const copy = new Y.Doc();
  copy.clientID = clientID;
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}
