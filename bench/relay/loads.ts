import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ServerProcess } from "../../server/tests/support/crash";
import type { ClientPlan } from "./client";
import type { LoadAnswer, LoadCommand } from "./load";
import { cpuSeconds } from "./serverCpu";
import type { ServerKind } from "./wire";

const here = dirname(fileURLToPath(import.meta.url));

/** Each server of the relay benchmarks, as a process of its own that prints its URL. */
const ENTRIES: Record<ServerKind, string> = {
  ours: join(here, "our-server.ts"),
  "B-hp": join(here, "..", "durability", "baseline-server.ts"),
  "B-yws": join(here, "yws-server.ts"),
  "B-raw": join(here, "raw-server.ts"),
};

/**
 * Starts a server; with PROFILE naming its kind (e.g. `PROFILE=ours`), with
 * a CPU profile written to PROFILE_DIR when it stops.
 */
export function startServer(kind: ServerKind): { server: ServerProcess; url: Promise<string> } {
  const profileDir = process.env.PROFILE_DIR ?? join(tmpdir(), "journeyboard-relay-profiles");
  const profiled = process.env.PROFILE === kind;
  const options = profiled ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  if (profiled) console.log(`${kind}: CPU profile into ${profileDir}`);
  const server = new ServerProcess(mkdtempSync(join(tmpdir(), "journeyboard-relay-")), 0, ENTRIES[kind], {}, options);
  return { server, url: server.start() };
}

/** A load generator process (`load.ts`), answering one command at a time. */
export class Load {
  private readonly child: ChildProcess;
  private readonly answers: LoadAnswer[] = [];
  private waiting: ((answer: LoadAnswer) => void) | null = null;

  constructor() {
    this.child = fork(join(here, "load.ts"), { execArgv: ["--import", "tsx"], cwd: here });
    this.child.on("message", (answer: LoadAnswer) => {
      const waiting = this.waiting;
      this.waiting = null;
      if (waiting) waiting(answer);
      else this.answers.push(answer);
    });
  }

  ask<T extends LoadAnswer["type"]>(command: LoadCommand): Promise<Extract<LoadAnswer, { type: T }>> {
    this.child.send(command);
    const queued = this.answers.shift();
    if (queued) return Promise.resolve(queued as Extract<LoadAnswer, { type: T }>);
    return new Promise((resolve) => (this.waiting = (answer) => resolve(answer as Extract<LoadAnswer, { type: T }>)));
  }

  cpuSeconds(): number {
    return cpuSeconds(this.child.pid!);
  }

  stop(): void {
    this.child.kill("SIGKILL");
  }
}

/** Spreads the clients over `count` load processes, each board's over all of them. */
export function spread(clients: ClientPlan[], count: number): ClientPlan[][] {
  const parts: ClientPlan[][] = Array.from({ length: count }, () => []);
  clients.forEach((client, i) => parts[i % count]!.push(client));
  return parts;
}
