// ESLint: the usual checks for TypeScript, React hooks and accessibility, and
// the layers of ARCHITECTURE.md as import rules (they replace a regex test).
import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

/** A layer may not import these: `from` one of them is an error naming the rule it breaks. */
const forbid = (message, ...group) => ({ group, message });

const EDGES_OF_CORE = [
  {
    // An allowlist, as the core's rule is: its own files (relative), zod and zod's message locales.
    regex: "^(?!\\.{1,2}/|zod$|zod/v4/locales/)",
    message: "The core imports only its own files and zod (ARCHITECTURE.md).",
  },
  forbid(
    "The core is plain TypeScript over plain data: no Office.js, DOM, React, Node or the edges (ARCHITECTURE.md).",
    "**/adapters/**",
    "**/taskpane/**",
    "**/cli/**",
    "react",
    "react-dom",
    "react/*",
    "@fluentui/*",
    "@microsoft/office-js",
    "node:*",
    "fs",
    "path",
    "os",
    "zlib",
    "worker_threads",
    "child_process",
    "fflate",
  ),
];
const ABOVE_ADAPTERS = [forbid("Adapters serve the pane and the CLI; they import neither.", "**/taskpane/**", "**/cli/**")];
const BESIDE_PANE = [
  forbid("The pane runs in a browser: no CLI, no Node.", "**/cli/**", "node:*", "fs", "path", "os", "zlib", "child_process", "worker_threads"),
];
const BESIDE_CLI = [forbid("The CLI does not use the pane.", "**/taskpane/**", "react", "react-dom", "@fluentui/*")];

const restrict = (patterns) => ({ "no-restricted-imports": ["error", { patterns }] });

export default tseslint.config(
  { ignores: ["dist/**", "lib/**", "node_modules/**", "test-output/**", "coverage/**", "docs/**", "**/*.js", "**/*.cjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,mjs}"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module" },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", caughtErrors: "none" },
      ],
      // Office.js and the worker protocol hand over untyped data; `unknown` is used where it can be, `any` is said where it is.
      "@typescript-eslint/no-explicit-any": "warn",
      "no-control-regex": "off",
    },
  },
  {
    files: ["src/taskpane/**/*.tsx", "test/taskpane/**/*.tsx", "test/hardening/**/*.tsx"],
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      // Escape is handled where focus sits inside a region or list item (a preview, a dialog-like panel): the
      // WAI-ARIA pattern of a key handler on the container. Clicks and other keys stay on interactive elements.
      "jsx-a11y/no-noninteractive-element-interactions": ["error", { handlers: ["onClick", "onMouseDown", "onMouseUp", "onKeyPress", "onKeyUp"] }],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: restrict(EDGES_OF_CORE),
    languageOptions: { globals: {} },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        ...["Excel", "Office", "document", "window", "navigator", "localStorage", "process", "Buffer", "require"].map((name) => ({
          name,
          message: "The core sees no host: Office.js, the DOM and Node are the adapters' (ARCHITECTURE.md).",
        })),
      ],
    },
  },
  { files: ["src/adapters/**/*.ts"], rules: restrict(ABOVE_ADAPTERS) },
  { files: ["src/taskpane/**/*.{ts,tsx}"], rules: restrict(BESIDE_PANE) },
  { files: ["src/cli/**/*.ts"], rules: restrict(BESIDE_CLI) },
  {
    files: ["test/**/*.{ts,tsx}"],
    rules: {
      // Tests build fakes of Office.js and workers from loose data.
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-require-imports": "off",
    },
  },
);
