import { defineConfig } from "tsup";

/** ESM for Node: the server and its heavy-work thread; the workspace's shared package is bundled in, npm packages stay external. */
export default defineConfig({
  entry: { main: "src/main.ts", "heavy/worker": "src/heavy/worker.ts" },
  format: "esm",
  platform: "node",
  target: "node20",
  outDir: "dist",
  clean: true,
  sourcemap: true,
  noExternal: ["@journeyboard/shared"],
});
