import { runHeavyJob } from "./jobs";

/** The entry of the heavy-work threads (built to `dist/heavy/worker.js`). */
export default runHeavyJob;
