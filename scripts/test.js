#!/usr/bin/env node
"use strict";
/**
 * The README's test command: makes sure LibreOffice is there (the formula
 * tests need a real spreadsheet engine), builds the CLI, runs the whole jest
 * suite and ends with one plain line "N passed, N failed".
 */
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const has = (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { stdio: "inherit", cwd: root, ...opts }).status;

function summary(passed, failed) {
  console.log(`${passed} passed, ${failed} failed`);
}

function ensureApt(command, pkg) {
  if (has(command)) return true;
  if (typeof process.getuid === "function" && process.getuid() === 0 && has("apt-get")) {
    console.log(`Installing ${pkg} (needed by the tests)…`);
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    run("apt-get", ["update", "-qq"], { env });
    run("apt-get", ["install", "-y", "-qq", pkg], { env });
  }
  if (has(command)) return true;
  console.error(`The tests need '${command}'. Install the Debian package ${pkg} (apt-get install ${pkg}) and run npm test again.`);
  return false;
}

// LibreOffice recalculates generated formulas; Chromium runs the pane's end-to-end tests.
if (!ensureApt("soffice", "libreoffice-calc-nogui") || !ensureApt("chromium", "chromium")) {
  summary(0, 1);
  process.exit(1);
}
// jest transpiles without type checking (isolatedModules), so the types are checked here, once, for everything.
if (run("npx", ["tsc", "-p", "tsconfig.json", "--noEmit"]) !== 0) {
  console.error("Type errors (npx tsc -p tsconfig.json --noEmit).");
  summary(0, 1);
  process.exit(1);
}
// The layers (ARCHITECTURE.md) are lint rules: an import across them fails here, before anything is built.
if (run("npm", ["run", "--silent", "lint"]) !== 0) {
  console.error("Lint errors (npm run lint).");
  summary(0, 1);
  process.exit(1);
}
if (run("npx", ["tsc", "-p", "tsconfig.cli.json"]) !== 0) {
  console.error("The CLI does not compile.");
  summary(0, 1);
  process.exit(1);
}

// One production build of the pane for the whole run: test/build checks dist/ and the e2e tests
// serve a copy of it; left to themselves they would each build (a minute each on two cores).
if (run("npx", ["webpack", "--mode", "production", "--stats", "errors-warnings"]) !== 0) {
  console.error("The task pane does not build (npm run build).");
  summary(0, 1);
  process.exit(1);
}

const resultsFile = path.join(root, "test-output", "jest-results.json");
fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
fs.rmSync(resultsFile, { force: true });
const status = run("npx", ["jest", "--json", `--outputFile=${resultsFile}`, ...process.argv.slice(2)], { env: { ...process.env, CCHC_DIST_BUILT: "1" } });
let passed = 0;
let failed = 0;
try {
  const results = JSON.parse(fs.readFileSync(resultsFile, "utf8"));
  passed = results.numPassedTests;
  // A suite that fails to run (a syntax error, a crash in beforeAll) counts as a failure too.
  failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
} catch {
  failed = 1;
}
if (status !== 0 && failed === 0) failed = 1;
summary(passed, failed);
process.exit(failed === 0 && status === 0 ? 0 : 1);
