import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** The two canvas bench pages: ours (the app's own canvas components) and the B-konva baseline. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, "dist"),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        ours: resolve(import.meta.dirname, "ours.html"),
        baseline: resolve(import.meta.dirname, "baseline.html"),
      },
    },
  },
  logLevel: "warn",
});
