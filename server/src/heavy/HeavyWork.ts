import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import type { HeavyJob, HeavyResults } from "./jobs";

export interface HeavyWorkLimits {
  /** Threads doing heavy work at once. */
  threads: number;
  /** Jobs waiting for a thread; more are refused (503). */
  queued: number;
  /** Jobs one address may have running or waiting; more are refused (429). */
  perAddress: number;
  /** Heap of one thread; a job that needs more fails alone. */
  memoryMb: number;
  /** A job still running after this long is stopped. */
  timeoutMs: number;
}

/** One thread fewer than the machine has (the other relays edits), at least one. */
export const DEFAULT_HEAVY_LIMITS: HeavyWorkLimits = {
  threads: Math.max(1, Math.min(4, availableParallelism() - 1)),
  queued: 16,
  perAddress: 2,
  memoryMb: 1536,
  timeoutMs: 120_000,
};

/** Why a job was not run or did not finish; the HTTP layer answers each with its own status. */
export class HeavyWorkRefused extends Error {
  constructor(readonly reason: "address-busy" | "server-busy" | "too-long" | "out-of-memory") {
    super(reason);
  }
}

/**
 * A bounded pool of worker threads (piscina) for the jobs in `jobs.ts`:
 * exports, imports and snapshots never run on the thread that relays
 * edits, at most `threads` run at once, a bounded queue waits behind them,
 * and one address cannot take the queue for itself.
 */
export class HeavyWork {
  private readonly pool: Piscina<HeavyJob, HeavyResults[HeavyJob["kind"]]>;
  /** The server's own jobs, in a thread of their own: a board being loaded never waits behind someone's export. */
  private readonly own: Piscina<HeavyJob, HeavyResults[HeavyJob["kind"]]>;
  private readonly byAddress = new Map<string, number>();
  /** Jobs running or waiting. */
  private inFlight = 0;

  constructor(
    workerFile: URL,
    private readonly limits: HeavyWorkLimits = DEFAULT_HEAVY_LIMITS,
  ) {
    const threads = (maxThreads: number) =>
      new Piscina<HeavyJob, HeavyResults[HeavyJob["kind"]]>({
        filename: workerFile.href,
        minThreads: 0,
        maxThreads,
        idleTimeout: 30_000,
        resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb },
      });
    this.pool = threads(limits.threads);
    this.own = threads(1);
  }

  /** A job asked for from an address: refused when that address or the queue is full. */
  async run<J extends HeavyJob>(address: string, job: J): Promise<HeavyResults[J["kind"]]> {
    const mine = this.byAddress.get(address) ?? 0;
    if (mine >= this.limits.perAddress) throw new HeavyWorkRefused("address-busy");
    if (this.inFlight >= this.limits.threads + this.limits.queued) throw new HeavyWorkRefused("server-busy");
    this.byAddress.set(address, mine + 1);
    this.inFlight++;
    try {
      return await this.runNow(job);
    } finally {
      this.inFlight--;
      const left = (this.byAddress.get(address) ?? 1) - 1;
      if (left) this.byAddress.set(address, left);
      else this.byAddress.delete(address);
    }
  }

  /**
   * A job of the server's own (a history snapshot at a reveal or a phase
   * change, folding a board's log, cutting a board into pieces to load):
   * never refused, since nobody may lose it, and bounded by what starts it
   * (facilitator commands, edits, loads).
   */
  runForServer<J extends HeavyJob>(job: J): Promise<HeavyResults[J["kind"]]> {
    return this.runNow(job, this.own);
  }

  private async runNow<J extends HeavyJob>(job: J, pool = this.pool): Promise<HeavyResults[J["kind"]]> {
    try {
      return (await pool.run(job, {
        signal: AbortSignal.timeout(this.limits.timeoutMs),
      })) as HeavyResults[J["kind"]];
    } catch (error) {
      throw refusalOf(error) ?? error;
    }
  }

  /** Jobs waiting for a thread (not yet running), the server's own included. */
  queued(): number {
    return this.pool.queueSize + this.own.queueSize;
  }

  async close(): Promise<void> {
    await Promise.all([this.pool.destroy(), this.own.destroy()]);
  }
}

function refusalOf(error: unknown): HeavyWorkRefused | undefined {
  if (!(error instanceof Error)) return undefined;
  if (error.name === "AbortError") return new HeavyWorkRefused("too-long");
  if ((error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY") return new HeavyWorkRefused("out-of-memory");
  return undefined;
}
