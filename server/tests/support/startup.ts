import { spawn } from "node:child_process";
import { chmodSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

const serverDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** tsx by its own path, so that the server also starts from another working folder. */
const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/** uid and gid of `nobody`: root writes anywhere, so a read-only folder is tried as someone else. */
const NOBODY = 65534;
export const isRoot = process.getuid?.() === 0;

export interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the server from source as its own process with `env`, as a user
 * starts it (from `cwd`, where it looks for `.env`), and waits for it to exit; a server still running after
 * `limitMs` is killed and reported as `code: null`.
 */
export function runServer(
  env: Record<string, string>,
  { asNobody = false, limitMs = 15_000, cwd = serverDir } = {},
): Promise<Exit> {
  const child = spawn(process.execPath, ["--import", tsx, join(serverDir, "src", "main.ts")], {
    cwd,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    ...(asNobody && isRoot ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const limit = setTimeout(() => child.kill("SIGKILL"), limitMs);
  return new Promise((resolve) =>
    child.once("exit", (code) => {
      clearTimeout(limit);
      resolve({ code, stdout, stderr });
    }),
  );
}

/** Lets `nobody` reach a test's folder (mkdtemp makes it the owner's only), so what it may not do is the test's choice. */
export function openToNobody(dir: string): void {
  chmodSync(dir, 0o755);
}
