import { resolve } from "node:path";
import { chromium, type Page } from "@playwright/test";
import { build, preview } from "vite";
import { VIEWPORT, median } from "./api";

/**
 * The canvas figures of bench/GOALS.md, ours beside B-konva in one run:
 * `pnpm --filter @journeyboard/bench canvas`. Each figure is measured in a
 * fresh page per side, in Debian's Chromium, and printed with its ratio.
 */
const config = resolve(import.meta.dirname, "vite.config.ts");
await build({ configFile: config });
const server = await preview({ configFile: config, preview: { port: 0, host: "127.0.0.1" } });
const base = server.resolvedUrls?.local[0];
if (!base) throw new Error("the bench pages are not served");

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu"],
});

async function page(
  side: "ours" | "baseline",
  cards: number,
  stages?: number,
): Promise<{ page: Page; openMs: number }> {
  const tab = await browser.newPage({ viewport: VIEWPORT });
  await tab.goto(`${base}${side}.html`);
  await tab.waitForFunction(() => window.bench !== undefined);
  const openMs = await tab.evaluate(([n, s]) => window.bench!.open(n, s), [cards, stages] as const);
  return { page: tab, openMs };
}

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)] ?? 0;
const rows: string[][] = [];
const row = (what: string, ours: number, baseline: number, unit = "ms") =>
  rows.push([what, `${ours.toFixed(2)} ${unit}`, `${baseline.toFixed(2)} ${unit}`, (ours / baseline).toFixed(2)]);

/** Which figures to measure (all by default): draw, pan, large, open. */
const parts = new Set((process.env.PARTS ?? "draw,pan,large,open").split(","));

for (const cards of parts.has("draw") ? [1000, 5000, 10000] : []) {
  const times: Record<string, number[]> = {};
  for (const side of ["ours", "baseline"] as const) {
    const { page: tab } = await page(side, cards);
    const draw: number[] = [];
    for (let round = 0; round < 3; round++) {
      draw.push(await tab.evaluate(() => (window.bench!.fit(), window.bench!.draw(15))));
    }
    times[side] = draw;
    await tab.close();
  }
  row(`draw, ${cards} cards all in view`, median(times.ours!), median(times.baseline!));
}

for (const scale of parts.has("pan") ? [1, 0.5] : []) {
  const pans: Record<string, number[]> = {};
  for (const side of ["ours", "baseline"] as const) {
    const { page: tab } = await page(side, 5000);
    await tab.evaluate((s) => window.bench!.zoom(s), scale);
    await tab.evaluate(() => window.bench!.pan(20));
    pans[side] = await tab.evaluate(() => window.bench!.pan(120));
    await tab.close();
  }
  row(`pan frame p95, 5000 cards, zoom ${scale * 100}%`, p95(pans.ours!), p95(pans.baseline!));
}

// A large board as a workshop makes one: 2,000 cards on a journey of the five stages it starts with,
// at the zoom where its cards still show their words, panned down its lanes (and a little along the
// timeline) by wheel events as a person pans it.
if (parts.has("large")) {
  const pans: Record<string, number[]> = {};
  for (const side of ["ours", "baseline"] as const) {
    const { page: tab } = await page(side, 2000, 5);
    await tab.evaluate(() => window.bench!.zoom(0.35));
    await tab.evaluate(() => window.bench!.pan(20, { x: 3, y: 12 }, "wheel"));
    pans[side] = await tab.evaluate(() => window.bench!.pan(120, { x: 3, y: 12 }, "wheel"));
    await tab.close();
  }
  row("pan frame p95 by wheel, 2000 cards on 5 stages, zoom 35%", p95(pans.ours!), p95(pans.baseline!));
}

const opens: Record<string, number[]> = { ours: [], baseline: [] };
const moves: Array<{ ms: number; yjsMs: number; rendered: number }> = [];
for (let round = 0; round < (parts.has("open") ? 3 : 0); round++) {
  for (const side of ["ours", "baseline"] as const) {
    const { page: tab, openMs } = await page(side, 10000);
    opens[side]!.push(openMs);
    if (side === "ours") {
      await tab.evaluate(() => window.bench!.zoom(0.5));
      await tab.evaluate(() => window.bench!.prepareRemoteMoves(40));
      for (let move = 0; move < 40; move++) {
        const result = await tab.evaluate(() => window.bench!.applyRemoteMove());
        if (move >= 20) moves.push(result);
      }
    }
    await tab.close();
  }
}
if (parts.has("open"))
  row("open a 10,000-card board: parse to first frame", median(opens.ours!), median(opens.baseline!));

await browser.close();
await server.close();

const widths = [0, 1, 2, 3].map((i) =>
  Math.max(...[["what", "ours", "B-konva", "ratio"], ...rows].map((r) => r[i]!.length)),
);
const line = (r: string[]) => `| ${r.map((cell, i) => cell.padEnd(widths[i]!)).join(" | ")} |`;
console.log(line(["what", "ours", "B-konva", "ratio"]));
console.log(line(widths.map((w) => "-".repeat(w))));
rows.forEach((r) => console.log(line(r)));
const rendered = Math.max(...moves.map((m) => m.rendered));
if (moves.length)
  console.log(
    `\nremote card move on a 10,000-card board, after 20 to warm up, median of ${moves.length}: ` +
      `${median(moves.map((m) => m.ms)).toFixed(2)} ms main-thread work ` +
      `(Yjs alone, applying it to a bare copy: ${median(moves.map((m) => m.yjsMs)).toFixed(2)} ms); ` +
      `at most ${rendered} card(s) re-rendered. Goal: <= 0.5 ms, 1 card.`,
  );
