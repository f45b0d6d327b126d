import { accessSync, constants, existsSync, mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { ConfigError } from "../config";

const reasons: Record<string, string> = {
  EACCES: "this user may not write there",
  EPERM: "this user may not write there",
  EROFS: "it is on a read-only file system",
  ENOENT: "that file system takes no folders",
};
const reasonOf = (error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code ?? "";
  return reasons[code] ?? (code || String(error));
};

/**
 * Makes sure DATA_DIR is a folder this process can write, creating missing
 * folders one at a time: Node 20's recursive mkdirSync never returns on a
 * path it cannot create under (such as /proc/x). Anything wrong is a
 * ConfigError naming what to change.
 */
export function prepareDataDir(dir: string): void {
  const missing: string[] = [];
  let existing = dir;
  while (!existsSync(existing)) {
    missing.unshift(existing);
    existing = dirname(existing);
  }
  if (!statSync(existing).isDirectory()) {
    throw new ConfigError(`DATA_DIR ${dir}: ${existing} is a file, not a folder; set DATA_DIR to a folder.`);
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      throw new ConfigError(
        `DATA_DIR ${dir}: cannot create ${folder} (${reasonOf(error)}); set DATA_DIR to a folder this user can write.`,
      );
    }
  }
  try {
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new ConfigError(
      `DATA_DIR ${dir} is not writable (${reasonOf(error)}); set DATA_DIR to a folder this user can write.`,
    );
  }
}
