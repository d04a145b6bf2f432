#!/usr/bin/env node
"use strict";
/**
 * CPU time of examineWorkbook alone (validate, locate the forms, identify the
 * unit): the part of `cchc aggregate` done file by file after reading. The
 * files are read into snapshots once, then examined over and over; the time
 * is process CPU time (user + system), not wall time, so a loaded machine
 * does not skew it much.
 *
 * `node scripts/bench/examine-cpu.js DIR [LIB] [PASSES]`: DIR holds the unit
 * .xlsx files (scripts/bench/corpus.js makes them); LIB is the compiled lib
 * folder to time (default ./lib: `npx tsc -p tsconfig.cli.json`), so a copy
 * of an earlier build can be compared with the current one; PASSES (default
 * 5) timed passes after one warm-up pass. Prints ms per file, the median pass.
 *
 * In a real run every file names its own unit once, so the memos keyed by
 * text (foldText, findUnit's answers) miss on it. Each pass therefore renames
 * the units (every text cell holding the name the metadata sheet records gets
 * the pass number after the name), or later passes would be cheaper than any
 * real run. The first pass, JIT compiling included, is printed too.
 */
const fs = require("node:fs");
const path = require("node:path");

const [dir, libArg = "lib", passArg = "5"] = process.argv.slice(2);
if (!dir) {
  process.stderr.write("usage: node scripts/bench/examine-cpu.js DIR [LIB] [PASSES]\n");
  process.exit(2);
}
const lib = path.resolve(libArg);
// A copy of lib kept outside the project (/tmp/lib-before) still finds the project's node_modules.
process.env.NODE_PATH = [path.join(__dirname, "../../node_modules"), process.env.NODE_PATH].filter(Boolean).join(path.delimiter);
require("node:module").Module._initPaths();
const { readWorkbookFile } = require(path.join(lib, "cli/read-files.js"));
const { examineWorkbook } = require(path.join(lib, "core/aggregate/aggregate.js"));
const { DEFAULT_REGISTRY } = require(path.join(lib, "core/units/registry.js"));

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function main() {
  const files = fs
    .readdirSync(dir)
    .filter((n) => n.endsWith(".xlsx"))
    .sort()
    .map((n) => path.join(dir, n));
  const workbooks = [];
  for (const file of files) {
    const read = await readWorkbookFile(file, "vi");
    if (read.ok) workbooks.push({ file, modified: read.value.modified, book: read.value.book });
  }
  const registry = DEFAULT_REGISTRY;
  // The cells naming each file's unit, with their text as read.
  const named = workbooks.map(({ book }) => {
    const meta = book.sheets.find((s) => s.name === "_CCHC");
    const name = meta?.rows.find((cells) => cells?.[1]?.value === "unit")?.[2]?.value;
    const cells = [];
    if (typeof name === "string" && name)
      for (const sheet of book.sheets)
        for (const row of sheet.rows)
          for (const cell of row ?? []) if (typeof cell?.value === "string" && cell.value.includes(name)) cells.push({ cell, text: cell.value });
    return { name, cells };
  });
  let passes = 0;
  const rename = () => {
    passes++;
    for (const { name, cells } of named) for (const c of cells) c.cell.value = c.text.replace(name, `${name} ${passes}`);
  };
  let sink = 0;
  const pass = () => {
    rename();
    const start = cpuMs();
    for (const wb of workbooks) sink += examineWorkbook(wb, { registry }).validation.findings.length;
    return cpuMs() - start;
  };
  const first = pass(); // warm-up: compiles the hot code
  const times = [];
  for (let i = 0; i < Number(passArg); i++) times.push(pass());
  times.sort((a, b) => a - b);
  const perFile = (ms) => (ms / workbooks.length).toFixed(3);
  process.stdout.write(
    `${path.relative(process.cwd(), lib) || "."}: ${workbooks.length} files, examineWorkbook ${perFile(times[times.length >> 1])} ms/file CPU (median of ${times.length}; min ${perFile(times[0])}, max ${perFile(times[times.length - 1])}; first pass ${perFile(first)}) [findings ${sink}]\n`,
  );
}

main().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exit(1);
});
