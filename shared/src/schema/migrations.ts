import { generateNKeysBetween } from "fractional-indexing";
import * as Y from "yjs";
import type { MigrationOrigin } from "../origins";
import { RECORD_ROOTS, metaMap, recordsOf } from "./layout";
import { TEXT_FIELDS } from "./text";

/** Sets a field on every record of a root that lacks it. */
function fillMissing(doc: Y.Doc, root: "stages" | "lanes" | "journeys" | "cards", field: string, value: unknown): void {
  recordsOf(doc, root).forEach((record) => {
    if (!record.has(field)) record.set(field, value);
  });
}

/**
 * Numbered migrations of the board document. `MIGRATIONS[i]` takes a board
 * from version `i + 1` to `i + 2`. Only the server migrates, when it loads a
 * board and before any client syncs it. Every version has a frozen fixture
 * under `shared/fixtures/` and a test that migrating it ends at the current
 * version with every step applied.
 */
export interface Migration {
  readonly toVersion: number;
  readonly name: string;
  up(doc: Y.Doc): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    toVersion: 2,
    name: "timeline direction",
    up(doc) {
      const meta = metaMap(doc);
      if (!meta.has("timelineDirection")) meta.set("timelineDirection", "ltr");
    },
  },
  {
    toVersion: 3,
    name: "collapsible and resizable stages and lanes, target twins",
    up(doc) {
      fillMissing(doc, "stages", "collapsed", false);
      fillMissing(doc, "stages", "width", null);
      fillMissing(doc, "lanes", "collapsed", false);
      fillMissing(doc, "journeys", "twinOf", null);
    },
  },
  {
    toVersion: 4,
    name: "action plan",
    up() {
      // The `actions` root is new and starts empty: nothing stored changes shape.
    },
  },
  {
    toVersion: 5,
    name: "text that merges",
    up(doc) {
      for (const root of RECORD_ROOTS) {
        recordsOf(doc, root).forEach((record) => {
          for (const field of TEXT_FIELDS[root]) {
            const value = record.get(field);
            if (typeof value === "string") record.set(field, new Y.Text(value));
          }
        });
      }
    },
  },
  {
    toVersion: 6,
    name: "personas in order",
    up(doc) {
      // Until now the list was sorted by id: the personas keep the places people saw them in.
      const personas = [...recordsOf(doc, "personas").entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const keys = generateNKeysBetween(null, null, personas.length);
      personas.forEach(([, record], index) => record.set("order", keys[index]));
    },
  },
  {
    toVersion: 7,
    name: "card text direction",
    up(doc) {
      // Until now every card took its direction from its content, which is what "auto" keeps.
      fillMissing(doc, "cards", "textDirection", "auto");
    },
  },
];

MIGRATIONS.forEach((migration, index) => {
  if (migration.toVersion !== index + 2) {
    throw new Error(`Migration "${migration.name}" must go to version ${index + 2}, not ${migration.toVersion}`);
  }
});

export const SCHEMA_VERSION = MIGRATIONS.length + 1;

export function schemaVersionOf(doc: Y.Doc): number | undefined {
  const version = metaMap(doc).get("schemaVersion");
  return typeof version === "number" ? version : undefined;
}

export class SchemaTooNewError extends Error {
  constructor(readonly found: number) {
    super(`Board schema version ${found} is newer than this server's ${SCHEMA_VERSION}`);
    this.name = "SchemaTooNewError";
  }
}

/** Brings a board to the current schema; returns the names of the migrations applied. */
export function migrateBoard(doc: Y.Doc): string[] {
  const found = schemaVersionOf(doc);
  if (found === undefined) return [];
  if (found > SCHEMA_VERSION) throw new SchemaTooNewError(found);
  const applied: string[] = [];
  for (const migration of MIGRATIONS.slice(found - 1)) {
    const origin: MigrationOrigin = { kind: "migration", toVersion: migration.toVersion };
    doc.transact(() => {
      migration.up(doc);
      metaMap(doc).set("schemaVersion", migration.toVersion);
    }, origin);
    applied.push(migration.name);
  }
  return applied;
}
