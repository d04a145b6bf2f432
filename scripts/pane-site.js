"use strict";
/**
 * What the end-to-end tests (test/e2e/support) and the pane's bench
 * (scripts/bench-pane.js) share: the Chromium they drive and how they tell
 * that dist/ is older than what it is built from. Plain CommonJS, so the
 * bench runs it as it is and jest loads it beside the TypeScript tests
 * (its types: pane-site.d.ts).
 */
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");

/** Where Debian's `chromium` package puts the browser; CHROMIUM_PATH overrides it. */
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/** Chromium run headless as root in a container, with nothing of its own going to the network. */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** What the build reads: a change to any of these makes a build stale. */
const BUILD_INPUTS = ["src", "assets", "webpack.config.js", "scripts/single-file.js", "tsconfig.json", "package-lock.json"];

/** The newest modification time under these paths of the repository (directories count: a deleted file changes its folder). */
function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    let stat;
    try {
      stat = fs.statSync(p);
    } catch {
      return;
    }
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name));
  };
  paths.forEach((p) => visit(path.join(ROOT, p)));
  return newest;
}

module.exports = { CHROMIUM, CHROMIUM_ARGS, BUILD_INPUTS, newestMtime };
