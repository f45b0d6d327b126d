import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  AUTH_FAILURES,
  EMOTION_VALUES,
  LANE_KINDS,
  MAP_TYPES,
  MAP_TYPE_LANES,
  METRICS,
  PRESET_CHANNELS,
  PRESET_DEPARTMENTS,
  ROLES,
  STAGE_SETS,
} from "@journeyboard/shared";
import { CATALOGS } from "@journeyboard/shared/i18n";

const en = CATALOGS.en;

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

  it("names every stage, lane, department, map type, role and refusal the product can show", () => {
    const keys = [
      ...Object.values(STAGE_SETS).flatMap((stages) => stages.map((s) => `stage.${s}`)),
      ...LANE_KINDS.map((k) => `lane.${k}`),
      ...Object.values(MAP_TYPE_LANES).flatMap((lanes) => lanes.map((l) => `lane.${l.preset}`)),
      ...PRESET_DEPARTMENTS.map((d) => `department.${d}`),
      ...MAP_TYPES.flatMap((m) => [`mapType.${m}.name`, `mapType.${m}.description`]),
      ...ROLES.flatMap((r) => [`role.${r}`, `links.${r}Hint`]),
      ...[...Object.values(AUTH_FAILURES), "missingToken", "unknown"].flatMap((r) => [
        `boardMessage.${r}.title`,
        `boardMessage.${r}.body`,
      ]),
      ...["unknown", "network", "invalid-request", "admin-token-required"].map((e) => `errors.${e}`),
      ...PRESET_CHANNELS.map((c) => `channel.${c}`),
      ...METRICS.map((m) => `metric.${m}`),
      ...EMOTION_VALUES.flatMap((v) => [`emotion.${v}`, `emotion.face.${v}`]),
      ...["journeys", "personas", "touchpoints", "coverage", "outline", "help"].map((p) => `panels.${p}`),
    ];
    expect(keys.filter((key) => !has(key))).toEqual([]);
  });
});
