import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { readRecord } from "@journeyboard/shared";
import { putCard } from "../../server/tests/support/cards";
import { ServerProcess, createBoard } from "../../server/tests/support/crash";
import { percentile } from "../abuse/latency";
import { withDatabase } from "../durability/engines";
import { BenchClient, type EditKind } from "./clients";
import { TrafficCounter, redisRoundTrips } from "./traffic";

/**
 * Several instances over Redis (bench/GOALS.md): for 2, 3 and 4 instances
 * (`INSTANCES`), one writer on the first instance and one watcher on each
 * instance; `EDITS` edits one after another, each once every watcher has
 * the one before. Counted: the Redis messages and bytes published per
 * edit, and their deliveries, ours beside stock extension-redis 4.7 (B-hp
 * on several instances, `baseline-server.ts`), and the ratio; and ours'
 * edit propagation to a watcher on the writer's instance (single-instance)
 * and on the others (cross-instance), beside Redis's round trip. Servers
 * run in processes of their own, the clients in this one. Redis: the
 * machine's or BENCH_REDIS_URL, under a prefix of this run's own;
 * PostgreSQL as in the durability benchmark.
 */
const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";
const counts = (process.env.INSTANCES ?? "2,3,4").split(",").map(Number);
const edits = Number(process.env.EDITS ?? 300);
const here = dirname(fileURLToPath(import.meta.url));
const fixed = (n: number, digits = 1) => n.toFixed(digits);

const ours: EditKind = {
  edit: (doc, id) => void putCard(doc, { id, text: id }),
  has: (doc, id) => readRecord(doc, "cards", id) !== undefined,
};
const stock: EditKind = {
  edit: (doc, id) => doc.getMap("cards").set(id, id),
  has: (doc, id) => doc.getMap("cards").has(id),
};

interface Run {
  perEdit: { messages: number; bytes: number; deliveries: number };
  /** ms from each edit to a watcher on the writer's instance, and to watchers on the others. */
  sameInstance: number[];
  otherInstances: number[];
  /** ms each other watcher had the edit after the one on the writer's instance: the hop through Redis. */
  hop: number[];
}

async function measure(
  count: number,
  env: Record<string, string>,
  entry: string | undefined,
  board: (url: string) => Promise<{ id: string; token: string }>,
  kind: EditKind,
  pattern: string,
): Promise<Run> {
  const servers = Array.from(
    { length: count },
    () => new ServerProcess(mkdtempSync(join(tmpdir(), "journeyboard-scale-")), 0, entry, env),
  );
  for (const server of servers) await server.start();
  const { id, token } = await board(servers[0]!.url);
  const writer = new BenchClient(servers[0]!.url, id, token, kind);
  const watchers = servers.map((server) => new BenchClient(server.url, id, token, kind));
  const counter = new TrafficCounter(REDIS_URL, pattern);
  try {
    await Promise.all([writer, ...watchers].map((client) => client.whenSynced()));
    await counter.start();
    // A first edit everyone has: the instances' initial exchanges are over before counting starts.
    writer.edit("warm-up");
    await Promise.all(watchers.map((watcher) => watcher.arrival("warm-up")));
    counter.count(true);
    const sameInstance: number[] = [];
    const otherInstances: number[] = [];
    const hop: number[] = [];
    for (let k = 0; k < edits; k++) {
      const editId = `edit-${k}`;
      const arrivals = watchers.map((watcher) => watcher.arrival(editId));
      const start = performance.now();
      writer.edit(editId);
      const [first, ...others] = await Promise.all(arrivals);
      sameInstance.push(first! - start);
      otherInstances.push(...others.map((at) => at - start));
      hop.push(...others.map((at) => at - first!));
    }
    counter.count(false);
    const totals = await counter.totals(REDIS_URL);
    return {
      perEdit: {
        messages: totals.messages / edits,
        bytes: totals.bytes / edits,
        deliveries: totals.deliveries / edits,
      },
      sameInstance,
      otherInstances,
      hop,
    };
  } finally {
    await counter.close();
    [writer, ...watchers].forEach((client) => client.destroy());
    await Promise.all(servers.map((server) => server.stop()));
  }
}

const runOurs = (count: number) =>
  withDatabase((databaseUrl) => {
    const prefix = `jb_bench_${randomBytes(4).toString("hex")}`;
    return measure(
      count,
      { DATABASE_URL: databaseUrl, REDIS_URL, REDIS_PREFIX: prefix },
      undefined,
      async (url) => {
        const created = await createBoard(url);
        return { id: created.id, token: created.links.participant.token };
      },
      ours,
      `${prefix}:board:*`,
    );
  });

const runStock = (count: number) => {
  const prefix = `jb_bench_${randomBytes(4).toString("hex")}`;
  return measure(
    count,
    { REDIS_URL, REDIS_PREFIX: prefix },
    join(here, "baseline-server.ts"),
    async () => ({ id: "bench-board", token: "any" }),
    stock,
    // Its document channels are `<prefix>:<name>`, and each instance's reply channel `<prefix>#reply:<id>`.
    `${prefix}*`,
  );
};

const rtt = await redisRoundTrips(REDIS_URL, 500);
console.log(
  `Redis round trip from this process: p50 ${fixed(percentile(rtt, 0.5), 2)} ms, p99 ${fixed(percentile(rtt, 0.99), 2)} ms`,
);
console.log(`${edits} edits per run, one writer on the first instance, one watcher on each instance\n`);
console.log(
  "instances | msgs/edit ours | stock | ratio | bytes/edit ours | stock | deliveries/edit ours | stock | ratio",
);
const latencies: string[] = [];
for (const count of counts) {
  const mine = await runOurs(count);
  const theirs = await runStock(count);
  const a = mine.perEdit;
  const b = theirs.perEdit;
  console.log(
    [
      count,
      fixed(a.messages, 2),
      fixed(b.messages, 2),
      `${fixed(b.messages / a.messages, 2)}x`,
      fixed(a.bytes, 0),
      fixed(b.bytes, 0),
      fixed(a.deliveries, 2),
      fixed(b.deliveries, 2),
      `${fixed(b.deliveries / a.deliveries, 2)}x`,
    ].join(" | "),
  );
  const single = percentile(mine.sameInstance, 0.99);
  const cross = percentile(mine.otherInstances, 0.99);
  latencies.push(
    `${count} instances, ours: same instance p50 ${fixed(percentile(mine.sameInstance, 0.5), 2)} p99 ${fixed(single, 2)} ms; ` +
      `other instances p50 ${fixed(percentile(mine.otherInstances, 0.5), 2)} p99 ${fixed(cross, 2)} ms; ` +
      `goal p99 <= ${fixed(single + 2 * percentile(rtt, 0.5), 2)} ms (same + 2 round trips): ${cross <= single + 2 * percentile(rtt, 0.5) ? "met" : "missed"}; ` +
      `other minus same, per edit: p50 ${fixed(percentile(mine.hop, 0.5), 2)} p99 ${fixed(percentile(mine.hop, 0.99), 2)} ms` +
      ` | stock: other instances p99 ${fixed(percentile(theirs.otherInstances, 0.99), 2)} ms`,
  );
}
console.log(`\n${latencies.join("\n")}`);
