import { setPriority } from "node:os";
import { runHeavyJob } from "./jobs";

// On Linux a nice value belongs to one thread (priority 0 names the calling thread): at the lowest
// priority, an export or an import takes only the CPU the thread that relays edits leaves, so a
// full board's PDF does not delay anyone's edit. Elsewhere the value is the whole process's, and
// lowering it would slow the relay too.
if (process.platform === "linux") setPriority(19);

/** The entry of the heavy-work threads (built to `dist/heavy/worker.js`). */
export default runHeavyJob;
