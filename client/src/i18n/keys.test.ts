import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  API_ERRORS,
  AUTH_FAILURES,
  CLOSE_REASONS,
  COMMAND_REFUSALS,
  EMOTION_VALUES,
  FILE_PROBLEMS,
  GRID_PROBLEMS,
  LANE_KINDS,
  MAP_TYPES,
  MAP_TYPE_LANES,
  METRICS,
  PRESET_CHANNELS,
  PRESET_DEPARTMENTS,
  ROLES,
  STAGE_SETS,
  UPDATE_REFUSALS,
  VOTE_REFUSALS,
} from "@journeyboard/shared";
import { CATALOGS, LANGUAGES, type Catalog } from "@journeyboard/shared/i18n";

const en = CATALOGS.en;

/** Every string of a catalog under its dotted key. */
function flatten(catalog: Catalog, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    if (typeof value === "string") entries.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) entries.set(k, v);
  }
  return entries;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const placeholders = (text: string): string[] =>
  [...new Set([...text.matchAll(/\{\{\s*([\w.-]+)/g)].map((m) => m[1]!))].sort();
const withoutCount = (names: string[]) => names.filter((n) => n !== "count");

/** A plural form that only one number takes ("one" in English, "two" in Arabic; not Persian "one", also 0) may spell it out. */
function mayOmitCount(language: string, form: string): boolean {
  const rules = new Intl.PluralRules(language);
  const samples = [...Array.from({ length: 1001 }, (_, n) => n), 0.5, 1.5, 2.5];
  return samples.filter((n) => rules.select(n) === form).length === 1;
}

/** Names and symbols that read the same as in English. */
const KEPT_AS_IN_ENGLISH: Record<string, string[]> = {
  pl: [
    "app.name",
    "department.backOffice",
    "department.digital",
    "department.marketing",
    "journeys.persona",
    "plan.field.status",
    "phase.plan.name",
    "export.csv.status",
  ],
};

/** What each catalog owes: en's plain keys as they are; en's plural keys in every form the language has. */
function expectedKeys(language: string): Map<string, string> {
  const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const expected = new Map<string, string>();
  for (const [key, text] of flatten(en)) {
    if (!PLURAL.test(key)) expected.set(key, text);
    else if (key.endsWith("_other")) for (const form of forms) expected.set(key.replace(PLURAL, `_${form}`), text);
  }
  return expected;
}

const has = (key: string): boolean => {
  let node: unknown = en;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string";
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".test.ts") ? [path] : [];
  });
}

/** What a timer command can be refused for: the policy, the payload, the document it came on, and the timer's own state. */
const TIMER_REFUSALS = [
  COMMAND_REFUSALS.forbidden,
  COMMAND_REFUSALS.malformed,
  COMMAND_REFUSALS.wrongDocument,
  COMMAND_REFUSALS.timerNotRunning,
  COMMAND_REFUSALS.timerNotPaused,
  COMMAND_REFUSALS.noTimer,
  COMMAND_REFUSALS.roundTimer,
];

/** What a follow command can be refused for: the policy, the payload, the document it came on, and a sender without presence. */
const FOLLOW_REFUSALS = [
  COMMAND_REFUSALS.forbidden,
  COMMAND_REFUSALS.malformed,
  COMMAND_REFUSALS.wrongDocument,
  COMMAND_REFUSALS.noPresence,
];

describe("English locale", () => {
  it("has every key the code names literally", () => {
    const srcDir = join(import.meta.dirname, "..");
    const missing: string[] = [];
    for (const file of sourceFiles(srcDir)) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/\bt\("([\w.-]+)"|labelKey: "([\w.-]+)"/g)) {
        const key = match[1] ?? match[2]!;
        if (!has(key) && !has(`${key}_one`)) missing.push(`${key} (${file.slice(srcDir.length)})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("words every code a refusal carries: HTTP errors, file and table problems, refused updates, closed connections, votes, timer and follow commands", () => {
    const keys = [
      ...API_ERRORS.map((e) => `errors.${e}`),
      ...FILE_PROBLEMS.map((p) => `errors.file.${p}`),
      ...GRID_PROBLEMS.map((p) => `notice.gridRefused.${p}`),
      ...Object.values(UPDATE_REFUSALS).map((r) => `notice.resync.${r}`),
      ...Object.values(CLOSE_REASONS).map((r) => `notice.closed.${r}`),
      ...Object.values(VOTE_REFUSALS).map((r) => `voting.refused.${r}`),
      ...TIMER_REFUSALS.map((r) => `timer.refused.${r}`),
      ...FOLLOW_REFUSALS.map((r) => `follow.refused.${r}`),
    ];
    expect(keys.filter((key) => !has(key) && !has(`${key}_one`))).toEqual([]);
  });

  it("names every stage, lane, department, map type, role and refusal the product can show", () => {
    const keys = [
      ...Object.values(STAGE_SETS).flatMap((stages) => stages.map((s) => `stage.${s}`)),
      ...LANE_KINDS.map((k) => `lane.${k}`),
      ...Object.values(MAP_TYPE_LANES).flatMap((lanes) => lanes.map((l) => `lane.${l.preset}`)),
      ...PRESET_DEPARTMENTS.map((d) => `department.${d}`),
      ...MAP_TYPES.flatMap((m) => [`mapType.${m}.name`, `mapType.${m}.description`]),
      ...ROLES.flatMap((r) => [`role.${r}`, `links.${r}Hint`]),
      ...[...Object.values(AUTH_FAILURES), CLOSE_REASONS.linkRevoked, "missingToken", "unknown"].flatMap((r) => [
        `boardMessage.${r}.title`,
        `boardMessage.${r}.body`,
      ]),
      ...["unknown", "network", "admin-token-wrong"].map((e) => `errors.${e}`),
      ...PRESET_CHANNELS.map((c) => `channel.${c}`),
      ...METRICS.map((m) => `metric.${m}`),
      ...EMOTION_VALUES.flatMap((v) => [`emotion.${v}`, `emotion.face.${v}`]),
      ...["journeys", "personas", "touchpoints", "coverage", "outline", "help"].map((p) => `panels.${p}`),
    ];
    expect(keys.filter((key) => !has(key))).toEqual([]);
  });
});

describe.each(LANGUAGES)("The %s catalog", (language) => {
  const catalog = flatten(CATALOGS[language]);
  const expected = expectedKeys(language);

  it("has every key of en.json, plurals in every form its language needs", () => {
    expect([...expected.keys()].filter((key) => !catalog.has(key))).toEqual([]);
  });

  it("has no key en.json lacks", () => {
    expect([...catalog.keys()].filter((key) => !expected.has(key))).toEqual([]);
  });

  it("uses the placeholders of en.json (a plural form may leave out the count it spells out)", () => {
    const wrong = [...catalog].flatMap(([key, text]) => {
      const reference = expected.get(key);
      if (reference === undefined) return [];
      const want = placeholders(reference);
      const got = placeholders(text);
      const spelledOut = mayOmitCount(language, PLURAL.exec(key)?.[1] ?? "none");
      const same = spelledOut ? withoutCount(got).join() === withoutCount(want).join() : got.join() === want.join();
      return same ? [] : [`${key}: ${got.join(", ")} instead of ${want.join(", ")}`];
    });
    expect(wrong).toEqual([]);
  });
});

describe.each(LANGUAGES.filter((l) => l !== "en"))("The %s catalog", (language) => {
  const catalog = flatten(CATALOGS[language]);
  const expected = expectedKeys(language);

  it("translates what en says (only names and symbols read the same)", () => {
    const words = (text: string) => text.replace(/\{\{[^}]*\}\}/g, "");
    const untranslated = [...catalog].filter(
      ([key, text]) => text === expected.get(key) && /\p{Ll}{3}/u.test(words(text)),
    );
    expect(untranslated.map(([key]) => key)).toEqual(KEPT_AS_IN_ENGLISH[language] ?? ["app.name"]);
  });
});
