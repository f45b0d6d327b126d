import { readFileSync } from "node:fs";
import { storeCost } from "./bytes";
import { openBoard } from "./open";
import { relayCost } from "./relay";
import { peopleTyping } from "./typists";

/**
 * Issue 11's figures: text typed as Y.Text splices (ours, schema 5) beside
 * today's whole-text writes (a plain string set whole per keystroke, the
 * schema-4 layout), in one run: store and log bytes per keystroke, server
 * CPU per relayed keystroke, opening a 10,000-card board whose texts have
 * an editing history; then edit → on disk with 50 people typing at once.
 * `PARTS` (store, relay, open, typists) picks what runs; `REPEAT` repeats
 * each timed figure (each run and the spread are printed); `WATCHERS`,
 * `PASSES`, `CARDS`, `KEYS_PER_CARD`, `PEOPLE`, `SECONDS` scale it.
 */
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const parts = new Set((process.env.PARTS ?? "store,relay,open,typists").split(","));
const repeat = env("REPEAT", 3);
const seed = 20261201;
const fixed = (n: number, digits = 1) => n.toFixed(digits);
const spread = (values: number[], digits = 1) =>
  `${fixed(Math.min(...values), digits)}–${fixed(Math.max(...values), digits)}`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
/** The machine's 1-minute load average after a run: the benchmark shares 2 cores with whatever else runs. */
const load = () => readFileSync("/proc/loadavg", "utf8").split(" ")[0]!;
const row = (cells: Array<string | number>) => console.log(`| ${cells.join(" | ")} |`);
const header = (cells: string[]) => {
  row(cells);
  row(cells.map(() => "---"));
};
const runs = async <T>(run: (i: number) => Promise<T> | T): Promise<Array<T & { load: string }>> => {
  const results: Array<T & { load: string }> = [];
  for (let i = 0; i < repeat; i++) results.push({ ...(await run(i)), load: load() });
  return results;
};

if (parts.has("store")) {
  // Bytes do not vary from run to run: measured once.
  console.log("\nOne person types into a card, a backspace every tenth key (bytes per keystroke)");
  header(["keys", "log, ours", "log, whole", "ratio", "stored, ours", "stored, whole", "ratio"]);
  for (const keys of [200, 2000]) {
    const { ours, whole } = storeCost(keys);
    row([
      keys,
      fixed(ours.logPerKey),
      fixed(whole.logPerKey),
      fixed(ours.logPerKey / whole.logPerKey, 3),
      fixed(ours.storedPerKey, 2),
      fixed(whole.storedPerKey, 2),
      fixed(ours.storedPerKey / whole.storedPerKey, 2),
    ]);
  }
}

if (parts.has("relay")) {
  const watchers = env("WATCHERS", 20);
  const passes = env("PASSES", 10);
  const results = await runs(async () => ({
    ours: await relayCost("ours", watchers, passes),
    whole: await relayCost("whole", watchers, passes),
  }));
  const ratio = ({ ours, whole }: (typeof results)[number]) => ours.microsecondsPerKey / whole.microsecondsPerKey;
  console.log(`\nServer CPU per keystroke, one typist, ${watchers} watchers, ${passes} x 200 keys (runs: ${repeat})`);
  header(["run", "ours", "whole", "ratio", "update bytes, ours", "whole", "load average"]);
  results.forEach((r, i) =>
    row([
      i + 1,
      `${fixed(r.ours.microsecondsPerKey)} µs`,
      `${fixed(r.whole.microsecondsPerKey)} µs`,
      fixed(ratio(r), 2),
      fixed(r.ours.bytesPerKey),
      fixed(r.whole.bytesPerKey),
      r.load,
    ]),
  );
  console.log(`ratio spread: ${spread(results.map(ratio), 2)}`);
}

if (parts.has("open")) {
  const cards = env("CARDS", 10_000);
  const keys = env("KEYS_PER_CARD", 60);
  const ours = openBoard(cards, keys, "ours", repeat);
  const whole = openBoard(cards, keys, "whole", repeat);
  if (ours.texts !== whole.texts) throw new Error("the two boards do not hold the same texts");
  console.log(
    `\nOpening a ${cards}-card board, each text typed in ${keys} keys by one of ten people, one in five extended by an eleventh (runs: ${repeat}, load average after: ${load()})`,
  );
  header([
    "layout",
    "stored bytes",
    "open (decode + read every card), CPU median",
    "spread",
    "of which decoding, CPU median",
  ]);
  for (const [name, board] of [
    ["ours", ours],
    ["whole", whole],
  ] as const)
    row([
      name,
      board.bytes,
      `${fixed(median(board.times))} ms`,
      `${spread(board.times)} ms`,
      `${fixed(median(board.decodeTimes))} ms`,
    ]);
  console.log(
    `ratio ours ÷ whole: bytes ${fixed(ours.bytes / whole.bytes, 2)}, open ${fixed(median(ours.times) / median(whole.times), 2)}, decoding ${fixed(median(ours.decodeTimes) / median(whole.decodeTimes), 2)}`,
  );
}

if (parts.has("typists")) {
  const people = env("PEOPLE", 50);
  const seconds = env("SECONDS", 20);
  const results = await runs((i) => peopleTyping(people, seconds, seed + i));
  console.log(`\n${people} people typing at once for ${seconds} s, two to a card, our server (runs: ${repeat})`);
  header([
    "run",
    "keystrokes",
    "characters on the server",
    "edit → on disk p50",
    "p95",
    "p99",
    "max",
    "server CPU per keystroke",
    "load generator cores",
    "load average",
  ]);
  results.forEach((r, i) =>
    row([
      i + 1,
      r.keystrokes,
      r.charactersOnServer,
      `${fixed(r.p50)} ms`,
      `${fixed(r.p95)} ms`,
      `${fixed(r.p99)} ms`,
      `${fixed(r.max)} ms`,
      `${fixed(r.serverMicrosecondsPerKey)} µs`,
      fixed(r.loadGeneratorCores, 2),
      r.load,
    ]),
  );
  console.log(`p95 spread: ${spread(results.map((r) => r.p95))} ms (goal: ≤ 1000 ms)`);
}
