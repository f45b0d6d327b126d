import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** In development the API and the collaboration socket are the server's (pnpm --filter @journeyboard/server start). */
const server = process.env.JOURNEYBOARD_SERVER ?? "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist", sourcemap: true },
  server: {
    proxy: {
      "/api": server,
      "/healthz": server,
      "/collab": { target: server.replace(/^http/, "ws"), ws: true },
    },
  },
});
