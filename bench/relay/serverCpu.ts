import { readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100;

/** A process's CPU time so far, user and system, every thread, from /proc (in ticks of 10 ms). */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}
