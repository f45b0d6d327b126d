import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";

/**
 * In development the API and the collaboration socket are the server's
 * (`pnpm --filter @journeyboard/server dev`), at JOURNEYBOARD_SERVER.
 */
const server = process.env.JOURNEYBOARD_SERVER ?? "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [
    react(),
    // The app shell offline (sw/serviceWorker.ts, built to serviceWorker.js and registered by main.tsx);
    // not in development, where Vite serves every file fresh.
    VitePWA({
      strategies: "injectManifest",
      srcDir: "sw",
      filename: "serviceWorker.ts",
      injectRegister: false,
      manifest: false,
      injectManifest: {
        globPatterns: ["**/*.{html,js,css,woff2,svg}"],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      },
    }),
  ],
  build: {
    outDir: "dist",
    sourcemap: true,
    // Fonts stay files: the Content-Security-Policy loads fonts from the server alone, never from data: URLs.
    assetsInlineLimit: (file) => (/\.woff2?$/.test(file) ? false : undefined),
  },
  server: {
    proxy: {
      // The request keeps its Host header (Vite's string form would rewrite it), so the board links the
      // server builds from it open on this dev server, not on the server's own port.
      "/api": { target: server },
      "/healthz": server,
      "/collab": { target: server.replace(/^http/, "ws"), ws: true },
    },
  },
});
