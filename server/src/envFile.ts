import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { ConfigError } from "./config";

/**
 * Reads `.env` from the folder the server starts in, when there is one, with
 * Node's own parser (process.loadEnvFile): a variable already set in the
 * environment wins over the file. Returns the file read, or null.
 */
export function loadEnvFile(path = resolve(".env")): string | null {
  if (!existsSync(path)) return null;
  try {
    process.loadEnvFile(path);
  } catch (error) {
    throw new ConfigError(`${path} cannot be read (${(error as Error).message}); fix it or remove it.`);
  }
  return path;
}
