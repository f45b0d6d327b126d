import { defineProject } from "vitest/config";

// As the server's: the largest cases (a 12,000-line paste, 0.6 s alone) take several times longer on a shared, loaded
// machine, and vitest's default of 5 s then fails a test that is right.
export default defineProject({ test: { name: "shared", include: ["tests/**/*.test.ts"], testTimeout: 20_000 } });
