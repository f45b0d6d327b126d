import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

const serverDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** tsx by its own path, so that the server also starts from another working folder. */
const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

export const isRoot = process.getuid?.() === 0;
/**
 * Root writes anywhere: a read-only folder is tried by root without the
 * powers that override file permissions (util-linux's setpriv). Switching to
 * another user instead would leave it unable to read a checkout only root may enter.
 */
const WITHOUT_OVERRIDES = "-dac_override,-dac_read_search,-fowner";
const unprivileged = ["--bounding-set", WITHOUT_OVERRIDES, "--inh-caps", WITHOUT_OVERRIDES, "--"];

export interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the server from source as its own process with `env`, as a user
 * starts it (from `cwd`, where it looks for `.env`), and waits for it to exit; a server still running after
 * `limitMs` is killed and reported as `code: null`. `bound`: by file permissions, even as root.
 */
export function runServer(
  env: Record<string, string>,
  { bound = false, limitMs = 15_000, cwd = serverDir } = {},
): Promise<Exit> {
  const node = [process.execPath, "--import", tsx, join(serverDir, "src", "main.ts")];
  const [command, ...args] = bound && isRoot ? ["setpriv", ...unprivileged, ...node] : node;
  const child = spawn(command!, args, {
    cwd,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
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
