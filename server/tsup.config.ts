import { defineConfig } from "tsup";

/** One ESM file for Node; the workspace's shared package is bundled in, npm packages stay external. */
export default defineConfig({
  entry: ["src/main.ts"],
  format: "esm",
  platform: "node",
  target: "node20",
  outDir: "dist",
  clean: true,
  sourcemap: true,
  noExternal: ["@journeyboard/shared"],
});
