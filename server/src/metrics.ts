import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/**
 * The process's Prometheus metrics (`GET /metrics`, http/metricsRoute.ts).
 * One registry per process, as Prometheus scrapes a process: a part of the
 * server that has something to count imports `metrics` from here and adds
 * to it. Counters only go up (Prometheus computes the rates); what is a
 * level (connections, boards, queued jobs) is read from the server's own
 * state when scraped, through `sample`, so it cannot drift from it. No
 * label carries board content, an id or a token: labels are reasons and
 * kinds from fixed lists.
 */
export const registry = new Registry();

// Process CPU, memory, heap, garbage collection and event-loop lag (nodejs_eventloop_lag_*_seconds).
collectDefaultMetrics({ register: registry });

/** A level read from every source that reports it (a test process may run several servers). */
class Sampled {
  private readonly sources = new Set<() => number>();
  readonly gauge: Gauge;

  constructor(name: string, help: string) {
    const sources = this.sources;
    this.gauge = new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        let sum = 0;
        for (const source of sources) sum += source();
        this.set(sum);
      },
    });
  }

  /** Reports `source` at every scrape until the returned function is called. */
  sample(source: () => number): () => void {
    this.sources.add(source);
    return () => this.sources.delete(source);
  }
}

/** What a refusal refused: an update (answered with `resync`), a connection, or a workshop command. */
export type RefusalKind = "update" | "connection" | "command";

export const metrics = {
  connections: new Sampled("journeyboard_connections", "Open WebSocket connections."),
  boardsLoaded: new Sampled("journeyboard_boards_loaded", "Boards held in memory (workshop documents not counted)."),
  heavyQueueDepth: new Sampled(
    "journeyboard_heavy_work_queued",
    "Heavy-work jobs (exports, imports, snapshots, folds) waiting for a worker thread.",
  ),
  updatesApplied: new Counter({
    name: "journeyboard_updates_applied_total",
    help: "Document updates from clients stored and applied.",
    registers: [registry],
  }),
  refusals: new Counter({
    name: "journeyboard_refusals_total",
    help: "Updates, connections and workshop commands the server refused, by reason.",
    labelNames: ["kind", "reason"] as const,
    registers: [registry],
  }),
  storeAppendSeconds: new Histogram({
    name: "journeyboard_store_append_seconds",
    help: "Time to append one update to a board's log (in the file or committed), from the call to its answer.",
    buckets: [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  }),
};

/** Counts one refusal. */
export const countRefusal = (kind: RefusalKind, reason: string) => metrics.refusals.inc({ kind, reason });
