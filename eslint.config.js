import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Focused or skipped tests hide the rest of the suite; they never land. */
const noFocusedOrSkippedTests = {
  selector:
    "CallExpression[callee.type='MemberExpression'][callee.object.name=/^(it|test|describe)$/][callee.property.name=/^(only|skip|todo)$/]",
  message: "Focused, skipped and todo tests never land.",
};

/** Tests and their support: they wait for a state (`eventually`, `expect.poll`, Playwright's assertions), never for a time. */
const TEST_FILES = ["**/*.test.{ts,tsx}", "server/tests/**/*.ts", "shared/tests/**/*.ts", "e2e/**/*.ts"];
const TIMER_MESSAGE = "Tests wait for a state (eventually, expect.poll, Playwright's expect), never for a time.";
const noSleeps = [
  { selector: "ImportDeclaration[source.value=/^(node:)?timers(\\u002Fpromises)?$/]", message: TIMER_MESSAGE },
  { selector: "CallExpression[callee.property.name='waitForTimeout']", message: TIMER_MESSAGE },
  { selector: "CallExpression[callee.name=/^(sleep|delay)$/]", message: TIMER_MESSAGE },
];

export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", "e2e/test-results/**", "e2e/playwright-report/**", "data/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      // Type-aware rules read each file's own tsconfig; the root's vitest.config.ts belongs to none.
      parserOptions: {
        projectService: { allowDefaultProject: ["vitest.config.ts"], defaultProject: "tsconfig.base.json" },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      // A default clause does not count as covering the members of a union: a new member must be handled by name.
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "@typescript-eslint/no-unnecessary-condition": "error",
      "no-restricted-syntax": ["error", noFocusedOrSkippedTests],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    // shared/ is the domain beneath the server and the app: it imports nothing of theirs, nor of the tests beside them.
    files: ["shared/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^@journeyboard/(server|client|e2e|bench)(/|$)|^(\\.\\./)+(server|client|e2e|bench)(/|$)",
              message: "shared/ imports nothing of the server, the client, the browser tests or the benchmarks.",
            },
          ],
        },
      ],
    },
  },
  {
    // Canvas components draw and report; the panels and menus of ui/ sit above them, never below.
    files: ["client/src/board/canvas/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "(^|/)ui(/|$)", message: "canvas/ does not import the app's ui/ folders." }] },
      ],
    },
  },
  {
    files: TEST_FILES,
    rules: {
      "no-restricted-globals": [
        "error",
        ...["setTimeout", "setInterval", "setImmediate"].map((name) => ({ name, message: TIMER_MESSAGE })),
      ],
      "no-restricted-syntax": ["error", noFocusedOrSkippedTests, ...noSleeps],
    },
  },
  {
    // A time limit on a child process that may hang, not a wait: it kills the process and the test reads why.
    files: ["server/tests/support/startup.ts"],
    rules: { "no-restricted-globals": "off" },
  },
  {
    // Plain JavaScript has no types to check against.
    files: ["**/*.{js,mjs}"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Playwright learns a fixture's dependencies from its destructuring pattern: `{}` means none.
    files: ["e2e/fixtures/**/*.ts"],
    rules: { "no-empty-pattern": "off" },
  },
  {
    files: ["client/src/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
