// The heavy-work thread's entry when the server runs from its TypeScript source (tests, `pnpm dev`):
// a worker thread does not inherit tsx's loader, so it imports the source through tsx's API.
import { tsImport } from "tsx/esm/api";

const worker = await tsImport("./worker.ts", import.meta.url);

export default worker.default;
