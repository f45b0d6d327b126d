import { spawn, type ChildProcess } from "node:child_process";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { unsafeUniformIntDistribution, xoroshiro128plus, type RandomGenerator } from "pure-rand";
import type { Awareness } from "y-protocols/awareness";
import WebSocket from "ws";
import * as Y from "yjs";
import { putCard } from "./cards";
import { COLLAB_PATH, readAll, type CreateBoardResponse } from "@journeyboard/shared";

const serverDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const OUR_SERVER = join(serverDir, "src", "main.ts");

/**
 * A server as its own process, from source, so it can be killed with
 * SIGKILL like a crashing machine: ours by default, or another entry (a
 * baseline) that logs a JSON line with its `url` once it listens.
 */
export class ServerProcess {
  private child: ChildProcess | null = null;
  url = "";
  /** Every line it has written to stdout (its JSON log), across restarts. */
  readonly lines: string[] = [];

  constructor(
    private readonly dataDir: string,
    private port = 0,
    private readonly entry = OUR_SERVER,
    /** More of the environment, e.g. DATABASE_URL to store in PostgreSQL. */
    readonly env: Record<string, string> = {},
    /** More options for node, e.g. `--cpu-prof` (which NODE_OPTIONS does not take). */
    private readonly nodeOptions: string[] = [],
  ) {}

  async start(): Promise<string> {
    const child = spawn(process.execPath, [...this.nodeOptions, "--import", "tsx", this.entry], {
      cwd: dirname(this.entry),
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: "127.0.0.1",
        DATA_DIR: this.dataDir,
        LOG_LEVEL: "info",
        ...this.env,
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    this.child = child;
    // A harness that dies (a failed assertion, an exhausted heap) takes its server with it.
    const orphanGuard = () => child.kill("SIGKILL");
    process.once("exit", orphanGuard);
    child.once("exit", () => process.off("exit", orphanGuard));
    this.url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).on("line", (line) => {
        this.lines.push(line);
        const url = /"url":"([^"]+)"/.exec(line)?.[1];
        if (url) resolve(url);
      });
      child.once("exit", (code) => reject(new Error(`server exited with ${code} before listening`)));
    });
    this.port = Number(new URL(this.url).port);
    return this.url;
  }

  /** The process id, while it runs. */
  pid(): number {
    if (!this.child?.pid) throw new Error("the server is not running");
    return this.child.pid;
  }

  /** Stops it as a crash would: SIGKILL, nothing flushed. */
  kill(): Promise<void> {
    return this.signal("SIGKILL");
  }

  /** Stops it as an operator would: SIGTERM. */
  stop(): Promise<void> {
    return this.signal("SIGTERM");
  }

  private signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once("exit", () => resolve());
      child.kill(signal);
    });
  }
}

export async function createBoard(url: string): Promise<CreateBoardResponse> {
  const response = await fetch(`${url}/api/boards`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ title: "Crash test" }),
  });
  return (await response.json()) as CreateBoardResponse;
}

/** One edit a writer makes, named `id`; false while the document is not ready for it. */
export type Edit = (doc: Y.Doc, id: string) => boolean;

/** Ours: a card in the first cell of the board's first journey. */
export const addTestCard: Edit = (doc, id) => putCard(doc, { id, text: id });

/**
 * A writer: one Yjs client that makes edits one after another and notes
 * each one the server acknowledged (the provider has no unsynced change
 * left), with how long the acknowledgement took.
 */
export class Writer {
  readonly doc = new Y.Doc();
  readonly acknowledged: string[] = [];
  /** Milliseconds from each acknowledged edit to its acknowledgement. */
  readonly latencies: number[] = [];
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly provider: HocuspocusProvider;
  private running = false;
  private stopped: () => void = () => {};

  constructor(
    url: string,
    boardId: string,
    token: string,
    readonly name: string,
    /** Told of each acknowledged edit. */
    private readonly onAcknowledged: () => void = () => {},
    private readonly edit: Edit = addTestCard,
  ) {
    this.socket = new HocuspocusProviderWebsocket({
      url: `${url.replace(/^http/, "ws")}${COLLAB_PATH}`,
      WebSocketPolyfill: WebSocket,
      delay: 50,
      minDelay: 50,
      maxDelay: 250,
    });
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: boardId,
      token,
      document: this.doc,
    });
    this.provider.attach();
  }

  /** Everyone's presence, as this writer sees it. */
  get awareness(): Awareness {
    return this.provider.awareness!;
  }

  get synced(): boolean {
    return this.provider.isSynced && !this.provider.hasUnsyncedChanges;
  }

  whenSynced(): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (!this.synced) return;
        this.provider.off("synced", check);
        this.provider.off("unsyncedChanges", check);
        resolve();
      };
      this.provider.on("synced", check);
      this.provider.on("unsyncedChanges", check);
      check();
    });
  }

  /** Edits until `stop`; each edit waits for the server's acknowledgement of the one before. */
  async write(): Promise<void> {
    this.running = true;
    const stop = new Promise<void>((resolve) => (this.stopped = resolve));
    await Promise.race([this.whenSynced(), stop]);
    for (let k = 0; this.isRunning(); k++) {
      const id = `${this.name}-${k}`;
      const start = performance.now();
      if (!this.edit(this.doc, id)) return;
      const acked = await Promise.race([this.whenSynced().then(() => true), stop.then(() => false)]);
      if (acked && this.isRunning()) {
        this.acknowledged.push(id);
        this.latencies.push(performance.now() - start);
        this.onAcknowledged();
      }
    }
  }

  /** Read through a call: `stop` changes it while `write` awaits, which TypeScript's narrowing cannot see. */
  private isRunning(): boolean {
    return this.running;
  }

  stop(): void {
    this.running = false;
    this.stopped();
  }

  destroy(): void {
    this.stop();
    this.provider.destroy();
    this.socket.destroy();
    this.doc.destroy();
  }
}

/** Reads the board as the server holds it now, through a fresh connection. */
export async function readBoard(url: string, boardId: string, token: string): Promise<Y.Doc> {
  const reader = new Writer(url, boardId, token, "reader");
  await reader.whenSynced();
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(reader.doc));
  reader.destroy();
  return doc;
}

/** Seeded random integers, so a failing run replays exactly. */
export function randomInts(seed: number): (min: number, max: number) => number {
  const generator: RandomGenerator = xoroshiro128plus(seed);
  return (min, max) => unsafeUniformIntDistribution(min, max, generator);
}

export interface CrashOptions {
  dataDir: string;
  seed: number;
  writers: number;
  kills: number;
  /** How many acknowledged cards, at most, before each kill; the moment is drawn from the seed. */
  maxCardsPerRound: number;
  /** SIGKILL (a crash, the default) or SIGTERM (an operator stopping it). */
  signal?: "SIGKILL" | "SIGTERM";
  /** More of the server's environment: DATABASE_URL runs it on PostgreSQL. */
  env?: Record<string, string>;
  /** Another server to run (a baseline), with the edit its documents take and how to read the edits back. */
  baseline?: { entry: string; edit: Edit; ids: (doc: Y.Doc) => string[] };
}

export interface CrashReport {
  acknowledged: number;
  /** Milliseconds from edit to acknowledgement, every acknowledged edit. */
  latencies: number[];
  /** Acknowledged cards not on the board after the restarts. */
  missing: string[];
}

/**
 * Writers add cards; the server is killed with SIGKILL at a seeded random
 * moment and the writers leave with it (they never resend); the server
 * starts again on the same data. After every round, every card any writer
 * saw acknowledged must be on the board.
 */
export async function killWhileWriting(options: CrashOptions): Promise<CrashReport> {
  const random = randomInts(options.seed);
  const server = new ServerProcess(options.dataDir, 0, options.baseline?.entry, options.env);
  const url = await server.start();
  const board = options.baseline
    ? { id: "crash-test", token: "any" }
    : await createBoard(url).then((b) => ({ id: b.id, token: b.links.participant.token }));
  const acknowledged: string[] = [];
  const latencies: number[] = [];
  for (let round = 0; round < options.kills; round++) {
    if (round > 0) await server.start();
    const target = random(Math.ceil(options.maxCardsPerRound / 4), options.maxCardsPerRound);
    let count = 0;
    let reached: () => void = () => {};
    const enough = new Promise<void>((resolve) => (reached = resolve));
    const onAcknowledged = () => ++count >= target && reached();
    const writers = Array.from(
      { length: options.writers },
      (_, i) => new Writer(server.url, board.id, board.token, `r${round}w${i}`, onAcknowledged, options.baseline?.edit),
    );
    const writing = writers.map((writer) => writer.write());
    await enough;
    await (options.signal === "SIGTERM" ? server.stop() : server.kill());
    writers.forEach((writer) => writer.destroy());
    await Promise.all(writing);
    for (const writer of writers) {
      acknowledged.push(...writer.acknowledged);
      latencies.push(...writer.latencies);
    }
  }
  await server.start();
  const doc = await readBoard(server.url, board.id, board.token);
  await server.stop();
  const ids = new Set(options.baseline ? options.baseline.ids(doc) : readAll(doc, "cards").map((card) => card.id));
  return { acknowledged: acknowledged.length, latencies, missing: acknowledged.filter((id) => !ids.has(id)) };
}

export interface ComebackReport {
  cards: number;
  /** Writers whose copy differs from the server's once all are synced. */
  different: string[];
  /** From the last restart to every copy synced (ms). */
  syncedAfterMs: number;
}

/**
 * Writers add cards through every kill and restart, and stay: what they
 * wrote while the server was down goes to it when they reconnect. At the
 * end every writer's copy must equal the server's.
 */
export async function killWhileWritersStay(options: Omit<CrashOptions, "signal">): Promise<ComebackReport> {
  const random = randomInts(options.seed);
  const server = new ServerProcess(options.dataDir, 0, undefined, options.env);
  const url = await server.start();
  const board = await createBoard(url);
  const token = board.links.participant.token;
  let count = 0;
  let target = 0;
  let reached: () => void = () => {};
  const writers = Array.from(
    { length: options.writers },
    (_, i) => new Writer(url, board.id, token, `w${i}`, () => ++count >= target && reached()),
  );
  const writing = writers.map((writer) => writer.write());
  let restartedAt = 0;
  for (let round = 0; round < options.kills; round++) {
    count = 0;
    target = random(Math.ceil(options.maxCardsPerRound / 4), options.maxCardsPerRound);
    await new Promise<void>((resolve) => (reached = resolve));
    await server.kill();
    await server.start();
    restartedAt = performance.now();
  }
  writers.forEach((writer) => writer.stop());
  await Promise.all(writing);
  await Promise.all(writers.map((writer) => writer.whenSynced()));
  const syncedAfterMs = performance.now() - restartedAt;
  const doc = await readBoard(server.url, board.id, token);
  const state = Buffer.from(Y.encodeStateVector(doc)).toString("base64");
  const different = writers
    .filter((writer) => Buffer.from(Y.encodeStateVector(writer.doc)).toString("base64") !== state)
    .map((writer) => writer.name);
  writers.forEach((writer) => writer.destroy());
  await server.stop();
  return { cards: readAll(doc, "cards").length, different, syncedAfterMs };
}
