import { defineProject } from "vitest/config";

/** Pure client logic (layout, shortcuts, read model) runs in Node; the UI itself is tested in real Chromium (e2e/). */
export default defineProject({ test: { name: "client", include: ["src/**/*.test.ts"], environment: "node" } });
