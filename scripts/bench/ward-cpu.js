#!/usr/bin/env node
"use strict";
/**
 * The main thread's share of `cchc aggregate` once every file is read (issue 17):
 * CPU time of aggregate(), buildWardPlan() and planToXlsx() on a corpus of unit
 * workbooks, each timed on its own (the machine may be busy with other work:
 * CPU time, not wall time), median of several passes after a warm-up. Two
 * clocks: the main thread's own ("main", /proc/thread-self/schedstat on Linux,
 * good to a scheduler tick), which is what no worker can share, and the whole
 * process's ("all", process.cpuUsage(): GC helper threads, zlib's pool too).
 * --expose-gc lets each pass start from a collected heap.
 *
 *   node --expose-gc scripts/bench/ward-cpu.js LIB [--ref OTHER_LIB] [--dir CORPUS] [--runs 5] [--profile-only]
 *
 * LIB is a compiled lib/ (npx tsc -p tsconfig.cli.json). With --ref, another
 * build (e.g. a copy of lib/ made before a change) is timed on the same
 * examined files, passes alternating, and its ward workbook compared with
 * LIB's: the aggregation result as JSON and every part of the .xlsx inflated
 * must be identical.
 */
const path = require("node:path");
const { unzipSync } = require("fflate");

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const libDir = path.resolve(args[0] && !args[0].startsWith("--") ? args[0] : path.join(__dirname, "..", "..", "lib"));
const refDir = option("--ref") && path.resolve(option("--ref"));
const corpusDir = option("--dir", "/tmp/cchc-bench-corpus-v1/libreoffice/n-1000");
const runs = Number(option("--runs", "5"));
// Only the timed passes of LIB (no reference, no check): for `node --cpu-prof`.
const profileOnly = args.includes("--profile-only");

// Fixed dates, so both builds make the same workbook and the check compares like with like.
const TODAY = "2026-07-10";
const CREATED_AT = "2026-07-10T08:30:00.000Z";
const WARD = "Phường Bench";

// A copy of lib/ outside the repository (the build before a change) finds the repository's packages.
process.env.NODE_PATH = [path.join(__dirname, "..", "..", "node_modules"), process.env.NODE_PATH].filter(Boolean).join(path.delimiter);
require("node:module").Module._initPaths();

function load(dir) {
  const req = (p) => require(path.join(dir, p));
  const core = req("core/index.js");
  return {
    dir,
    core,
    buildWardPlan: req("core/layout/ward-sheets.js").buildWardPlan,
    planToXlsx: req("adapters/xlsx/write-plan.js").planToXlsx,
    NODE_COMPRESSOR: req("cli/node-compressor.js").NODE_COMPRESSOR,
    examineFiles: req("cli/examine-files.js").examineFiles,
    collectInputs: req("cli/read-files.js").collectInputs,
  };
}

const fs = require("node:fs");
/** This thread's CPU time so far, in ns (Linux: /proc/thread-self/schedstat); NaN elsewhere. */
function threadNs() {
  try {
    return Number(fs.readFileSync("/proc/thread-self/schedstat", "utf8").split(" ")[0]);
  } catch {
    return NaN;
  }
}
/** A stopwatch of CPU time: the main thread's (what no worker can share) and the whole process's (zlib's thread pool, GC helpers). */
function cpuClock() {
  const t0 = process.cpuUsage();
  const m0 = threadNs();
  return () => {
    const d = process.cpuUsage(t0);
    return { main: (threadNs() - m0) / 1e6, all: (d.user + d.system) / 1000 };
  };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One pass: the three steps as the CLI runs them, each step's CPU time. */
async function pass(lib, workbooks, inputs) {
  // With --expose-gc, each pass starts from a collected heap: the last pass's garbage is not charged to this one.
  if (global.gc) global.gc();
  let stop = cpuClock();
  const result = lib.core.aggregate({
    workbooks,
    unreadable: [],
    registry: lib.core.DEFAULT_REGISTRY,
    ward: WARD,
    others: inputs.others,
    today: TODAY,
  });
  const aggregate = stop();
  const period = lib.core.parsePeriod(result.periodId);
  if (!period.ok) throw new Error(`no period: ${result.periodId}`);
  stop = cpuClock();
  const plan = lib.buildWardPlan(result, period.value, CREATED_AT, { lang: "vi" });
  const buildPlan = stop();
  stop = cpuClock();
  const bytes = await lib.planToXlsx(plan, lib.NODE_COMPRESSOR);
  const write = stop();
  const times = {};
  for (const k of ["main", "all"]) {
    times[`aggregate.${k}`] = aggregate[k];
    times[`plan.${k}`] = buildPlan[k];
    times[`write.${k}`] = write[k];
    times[`total.${k}`] = aggregate[k] + buildPlan[k] + write[k];
  }
  return { times, result, bytes };
}

function sameParts(a, b) {
  const pa = unzipSync(a);
  const pb = unzipSync(b);
  const names = Object.keys(pa);
  if (names.join("|") !== Object.keys(pb).join("|")) return `part lists differ: ${names} vs ${Object.keys(pb)}`;
  for (const n of names) if (Buffer.compare(Buffer.from(pa[n]), Buffer.from(pb[n])) !== 0) return `part ${n} differs`;
  return null;
}

async function main() {
  const lib = load(libDir);
  const ref = refDir ? load(refDir) : undefined;
  process.env.CCHC_WORKERS = "0";
  const inputs = await lib.collectInputs([corpusDir]);
  const examined = await lib.examineFiles(inputs.workbooks, { lang: "vi", registry: lib.core.DEFAULT_REGISTRY });
  const workbooks = examined.filter((e) => e.ok).map((e) => e.value);
  console.log(`${workbooks.length} of ${inputs.workbooks.length} files examined (${path.basename(corpusDir)})`);

  const builds = ref && !profileOnly ? [lib, ref] : [lib];
  const samples = new Map(builds.map((b) => [b, []]));
  let last = new Map();
  // Warm-up, then `runs` timed passes, builds alternating so the machine's load falls on both alike.
  for (let i = 0; i <= runs; i++) {
    for (const b of builds) {
      const r = await pass(b, workbooks, inputs);
      if (i > 0) samples.get(b).push(r.times);
      last.set(b, r);
    }
  }
  // Medians; the least of the passes beside them, as the machine's load only ever adds time.
  const row = (label, xs, k) => {
    const both = (step) => {
      const v = xs.map((x) => x[`${step}.${k}`]);
      return `${median(v).toFixed(1).padStart(6)} (min ${Math.min(...v)
        .toFixed(1)
        .padStart(6)})`;
    };
    console.log(`${label.padEnd(26)} aggregate ${both("aggregate")}  plan ${both("plan")}  write ${both("write")}  total ${both("total")} ms`);
  };
  console.log(`CPU ms, median of ${runs} passes (least in brackets); "main": the main thread's own, "all": the whole process's`);
  for (const k of ["main", "all"]) for (const b of builds) row(`${b === lib ? "LIB" : "REF"} ${path.basename(b.dir)} ${k}`, samples.get(b), k);
  console.log(`xlsx: ${last.get(lib).bytes.length} bytes`);
  if (ref && !profileOnly) {
    const a = last.get(lib);
    const b = last.get(ref);
    const json = JSON.stringify(a.result) === JSON.stringify(b.result);
    const parts = sameParts(a.bytes, b.bytes);
    console.log(`aggregation result identical: ${json}`);
    console.log(`workbook parts identical: ${parts === null ? "true" : `false (${parts})`}`);
    console.log(`workbook bytes identical: ${Buffer.compare(Buffer.from(a.bytes), Buffer.from(b.bytes)) === 0}`);
    if (!json || parts !== null) process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
