import type * as Y from "yjs";
import type { MigrationOrigin } from "../origins";
import { RECORD_KINDS, RECORD_ROOTS, metaMap, recordsOf } from "./layout";
import { metaKind } from "./meta";

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

/**
 * The versions, each named for what it changed. What a version does to the
 * settings and to each kind of record is a step in their own files
 * (`meta.ts`, `card.ts`...): a version runs the settings' step, then each
 * kind's, in the order of the roots.
 */
const VERSIONS = [
  { toVersion: 2, name: "timeline direction" },
  { toVersion: 3, name: "collapsible and resizable stages and lanes, target twins" },
  { toVersion: 4, name: "action plan" },
  { toVersion: 5, name: "text that merges" },
  { toVersion: 6, name: "personas in order" },
  { toVersion: 7, name: "card text direction" },
  { toVersion: 8, name: "card authors" },
  { toVersion: 9, name: "merged and grouped cards" },
] as const;

export const MIGRATIONS: readonly Migration[] = VERSIONS.map(({ toVersion, name }) => ({
  toVersion,
  name,
  up(doc) {
    metaKind.migrations[toVersion]?.(metaMap(doc));
    for (const root of RECORD_ROOTS) RECORD_KINDS[root].migrations[toVersion]?.(recordsOf(doc, root));
  },
}));

MIGRATIONS.forEach((migration, index) => {
  if (migration.toVersion !== index + 2) {
    throw new Error(`Migration "${migration.name}" must go to version ${index + 2}, not ${migration.toVersion}`);
  }
});

export const SCHEMA_VERSION = MIGRATIONS.length + 1;

for (const [kind, { migrations }] of [["meta", metaKind], ...Object.entries(RECORD_KINDS)] as const) {
  for (const version of Object.keys(migrations).map(Number)) {
    if (!(version >= 2 && version <= SCHEMA_VERSION)) {
      throw new Error(`${kind} has a migration step to version ${version}, which no migration reaches`);
    }
  }
}

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
