import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import {
  MIGRATIONS,
  RECORD_KINDS,
  RECORD_ROOTS,
  RECORD_SCHEMAS,
  TEXT_FIELDS,
  addActions,
  addCard,
  addPersona,
  linkCards,
  localUserOrigin,
  rateStep,
  readRecord,
  recordsOf,
  repairAfter,
  settledViolations,
  type ChangedTypes,
  type RecordRoot,
} from "../src/index";
import { newBoardDoc } from "./boards";

const me = localUserOrigin();
const fieldsOf = (root: RecordRoot) => RECORD_SCHEMAS[root].shape as Record<string, { safeParse(v: unknown): unknown }>;

/** A board holding one record of every kind, each written by its operation. */
function boardWithEveryKind() {
  const board = newBoardDoc();
  const [stage] = board.stages;
  const lane = board.lanes.find((l) => l.kind === "steps")!;
  const place = { journeyId: board.journeyId, stageId: stage!.id, laneId: lane.id };
  const author = { authorName: "Ola", authorDepartment: "digital", createdAt: 1 };
  addCard(board.doc, { id: "step", ...place, text: "I compare offers", ...author }, me);
  addCard(board.doc, { id: "other", ...place, text: "I call", ...author }, me);
  addPersona(board.doc, { id: "amal", name: "Amal" }, me);
  addActions(board.doc, { actions: [{ id: "act", createdAt: 1, title: "Call back", cardIds: ["step"] }] }, me);
  linkCards(board.doc, { kind: "replaces", fromCardId: "step", toCardId: "other" }, me);
  rateStep(board.doc, { cardId: "step", participantId: "p1", department: "digital", value: 1 }, me);
  return board;
}

/** Removes a field of a record as a remote change would, then repairs what that change touched, as the server does. */
function loseField(doc: Y.Doc, root: RecordRoot, id: string, field: string) {
  let changed: ChangedTypes | undefined;
  doc.once("afterTransaction", (transaction: Y.Transaction) => (changed = transaction.changed));
  recordsOf(doc, root).get(id)!.delete(field);
  doc.transact(() => repairAfter(doc, changed!));
}

describe("one definition per record kind", () => {
  it("gives defaults only for fields of its schema, each a value the field takes (as the server's update check reads it)", () => {
    for (const root of RECORD_ROOTS) {
      for (const [field, value] of Object.entries(RECORD_KINDS[root].defaults())) {
        const schema = fieldsOf(root)[field];
        expect(schema, `${root}.${field}`).toBeDefined();
        expect(schema!.safeParse(value), `${root}.${field}`).toMatchObject({ success: true });
      }
    }
  });

  it("makes records through the operations from its defaults, and every one is valid", () => {
    const { doc } = boardWithEveryKind();
    expect(settledViolations(doc)).toEqual([]);
    expect(readRecord(doc, "cards", "step")?.textDirection).toBe(RECORD_KINDS.cards.defaults().textDirection);
    expect(readRecord(doc, "actions", "act")).toEqual({
      ...RECORD_KINDS.actions.defaults(),
      id: "act",
      title: "Call back",
      cardIds: ["step"],
      createdAt: 1,
      order: expect.any(String),
    });
    expect(readRecord(doc, "personas", "amal")).toEqual({
      ...RECORD_KINDS.personas.defaults(),
      id: "amal",
      name: "Amal",
      order: expect.any(String),
    });
  });

  it("gives back its default to a record that lost a field, and removes one that lost what has none", () => {
    for (const root of RECORD_ROOTS) {
      const defaults: Record<string, unknown> = RECORD_KINDS[root].defaults();
      for (const field of Object.keys(fieldsOf(root))) {
        const { doc } = boardWithEveryKind();
        const [id] = [...recordsOf(doc, root).keys()];
        loseField(doc, root, id!, field);
        const record = readRecord(doc, root, id!) as Record<string, unknown> | undefined;
        const optional = fieldsOf(root)[field]!.safeParse(undefined) as { success: boolean };
        if (field in defaults) expect(record?.[field], `${root}.${field}`).toEqual(defaults[field]);
        else if (optional.success) expect(record, `${root}.${field}`).toBeDefined();
        else expect(record, `${root}.${field}`).toBeUndefined();
      }
    }
  });

  it("stores as collaborative text exactly the fields its schema declares so", () => {
    expect(TEXT_FIELDS).toEqual({
      personas: ["name", "description", "goals", "expectations"],
      journeys: ["title"],
      stages: ["title"],
      lanes: ["title"],
      cards: ["text"],
      links: [],
      ratings: [],
      actions: ["title", "description"],
    });
    const { doc } = boardWithEveryKind();
    for (const root of RECORD_ROOTS) {
      recordsOf(doc, root).forEach((record) => {
        for (const field of TEXT_FIELDS[root]) expect(record.get(field), `${root}.${field}`).toBeInstanceOf(Y.Text);
      });
    }
  });

  it("takes its steps only in versions the numbered migrations reach", () => {
    const versions = new Set(MIGRATIONS.map((migration) => migration.toVersion));
    for (const root of RECORD_ROOTS) {
      for (const version of Object.keys(RECORD_KINDS[root].migrations)) expect(versions).toContain(Number(version));
    }
  });
});
