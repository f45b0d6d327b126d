import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readAll } from "@journeyboard/shared";
import { putCard } from "../../server/tests/support/cards";
import { ServerProcess, createBoard, randomInts } from "../../server/tests/support/crash";
import { keystrokes, textField } from "./keys";
import { Typist } from "./typist";

const TICKS_PER_SECOND = 100;
const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
};
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

/**
 * `people` participants type at once for `seconds`, two to a card, each a
 * key every 200 ms on average (seeded jitter), on our server from source
 * with its real limits. Ours acknowledges an update once it is in the log
 * on disk, so edit → acknowledged is edit → on disk. At the end every
 * typed character must be on the server and every copy equal to it.
 */
export async function peopleTyping(people: number, seconds: number, seed: number) {
  const random = randomInts(seed);
  const server = new ServerProcess(mkdtempSync(join(tmpdir(), "journeyboard-text-typists-")));
  const url = await server.start();
  const board = await createBoard(url);
  const token = board.links.participant.token;
  const cards = Array.from({ length: Math.ceil(people / 2) }, (_, i) => `card-${i}`);
  const setup = new Typist(url, board.id, token);
  await setup.settled((doc) => readAll(doc, "journeys").length > 0);
  for (const id of cards) setup.edit((doc) => void putCard(doc, { id, text: "", stage: cards.indexOf(id) % 5 }));
  await setup.settled();
  setup.destroy();
  const typists = Array.from({ length: people }, () => new Typist(url, board.id, token));
  await Promise.all(typists.map((typist) => typist.settled((doc) => readAll(doc, "cards").length === cards.length)));

  let typed = 0;
  let typing = true;
  const cpuBefore = cpuSeconds(server.pid());
  const ownBefore = process.cpuUsage();
  const start = performance.now();
  const done = typists.map(
    (typist, i) =>
      new Promise<void>((resolve) => {
        const field = textField(typist.doc, cards[i % cards.length]!);
        const keys = keystrokes(Math.ceil(seconds * 10), i * 31).filter((key) => key !== null);
        let k = 0;
        const next = () => {
          if (!typing) return resolve();
          typist.edit(() => field.type(keys[k++ % keys.length]!));
          typed++;
          setTimeout(next, random(100, 300));
        };
        setTimeout(next, random(0, 200));
      }),
  );
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  typing = false;
  await Promise.all(done);
  const elapsed = (performance.now() - start) / 1000;
  const own = process.cpuUsage(ownBefore);
  await Promise.all(typists.map((typist) => typist.settled()));
  const serverCpu = cpuSeconds(server.pid()) - cpuBefore;

  const reader = new Typist(url, board.id, token);
  await reader.settled();
  const texts = (doc: Typist["doc"]) =>
    JSON.stringify(
      readAll(doc, "cards")
        .map((card) => [card.id, card.text])
        .sort(),
    );
  const onServer = readAll(reader.doc, "cards").reduce((sum, card) => sum + card.text.length, 0);
  await Promise.all(typists.map((typist) => typist.settled((doc) => texts(doc) === texts(reader.doc))));
  const latencies = typists.flatMap((typist) => typist.latencies).sort((a, b) => a - b);
  [reader, ...typists].forEach((typist) => typist.destroy());
  await server.stop();
  return {
    keystrokes: typed,
    charactersOnServer: onServer,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    max: latencies[latencies.length - 1]!,
    serverMicrosecondsPerKey: (serverCpu * 1e6) / typed,
    /** Share of one core the load generator (this process) used: near 1, its own queue adds to the latencies. */
    loadGeneratorCores: (own.user + own.system) / 1e6 / elapsed,
  };
}
