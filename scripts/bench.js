#!/usr/bin/env node
"use strict";
/**
 * `npm run bench`: prints speed figures (not a test; nothing here fails on a
 * slow machine). Uses the compiled CLI in lib/ (built by npm ci / build:cli).
 *
 * `node scripts/bench.js --quick` runs the aggregation table on 10 and 100
 * files only; the full run (10 … 3,000 files: a province's communes; several minutes) writes its
 * figures and the machine to docs/bench/cli.json. Other options: --sizes
 * 10,1000, --kinds libreoffice, --runs 5, --aggregate-only (no micro figures),
 * --cli other/cchc.js (another build, to compare), --json FILE.
 */
const { execFileSync, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const lib = (p) => require(path.join(root, "lib", p));
const core = lib("core/index.js");
const { planToXlsx } = lib("adapters/xlsx/write-plan.js");
const { readXlsxFast } = lib("adapters/xlsx/fast-read/index.js");
const { SAMPLE_UNITS, SAMPLE_PERIOD } = lib("core/sample/demo-units.js");
const { NODE_COMPRESSOR } = lib("cli/node-compressor.js");
const { nodeInflate } = lib("cli/read-files.js");
const corpus = require("./bench/corpus.js");

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const fmt = (x) => x.toFixed(x < 10 ? 3 : 1);

async function timeIt(label, runs, fn) {
  for (let i = 0; i < Math.min(5, runs); i++) await fn(); // warm-up
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) await fn();
  const per = ms(t0) / runs;
  console.log(`${label.padEnd(58)} ${fmt(per).padStart(9)} ms  (${runs} runs)`);
  return per;
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeCommand(label, args, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    try {
      execFileSync(process.execPath, args, { cwd: root, stdio: "ignore" });
    } catch {
      // validate exits 1 when it finds errors; the time is what matters here
    }
    times.push(ms(t0));
  }
  const m = median(times);
  console.log(`${label.padEnd(58)} ${fmt(m).padStart(9)} ms  (median of ${runs})`);
  return m;
}

/** The in-process and single-command figures: template, validation, command start-up. */
async function microFigures() {
  const period = core.parsePeriod(SAMPLE_PERIOD).value;
  const all = core.FORM_IDS;
  const unit = SAMPLE_UNITS[0];
  const figures = Object.assign({}, ...SAMPLE_UNITS.map((u) => u.figures));
  const plan = core.buildWorkbookPlan({ unit: "Bench", period, forms: all, figures, createdAt: "2026-01-01T00:00:00Z" });
  const bytes = await planToXlsx(plan);
  const snapshot = readXlsxFast(bytes);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-bench-"));
  const file = path.join(dir, "filled.xlsx");
  fs.writeFileSync(file, bytes);

  console.log(`Workbook: all 7 forms filled, ${bytes.length} bytes\n`);
  console.log("Template");
  const figuresOut = {};
  figuresOut.layoutPlanMs = await timeIt("  layout plan (core)", 200, () => core.buildWorkbookPlan({ unit: unit.name, period, forms: all, createdAt: "x" }));
  await timeIt("  plan → .xlsx bytes (browser: fflate)", 50, () => planToXlsx(plan));
  await timeIt("  plan → .xlsx bytes (CLI: Node zlib)", 50, () => planToXlsx(plan, NODE_COMPRESSOR));
  console.log("\nValidation");
  const engine = await timeIt("  engine alone: validateWorkbook(snapshot)", 500, () => core.validateWorkbook(snapshot));
  figuresOut.readMs = await timeIt("  read .xlsx bytes → snapshot", 200, () => readXlsxFast(bytes));
  const saved = fs.readFileSync(path.join(await corpus.corpusFolder("libreoffice", 10), "don-vi-0001.xlsx"));
  figuresOut.readLibreOfficeSavedMs = await timeIt("  read the same saved by LibreOffice → snapshot", 200, () => readXlsxFast(saved, { inflate: nodeInflate }));
  figuresOut.endToEndMs = await timeIt("  end to end in process: bytes → findings", 200, () => core.validateWorkbook(readXlsxFast(bytes)));
  console.log("\nCommand line (whole process)");
  const node = timeCommand("  node start-up alone (node -e 0)", ["-e", "0"], 7);
  const cli = timeCommand("  cchc validate filled.xlsx", [path.join(root, "bin", "cchc.js"), "validate", file], 7);
  timeCommand("  cchc template -o t.xlsx (all forms)", [path.join(root, "bin", "cchc.js"), "template", "-o", path.join(dir, "t.xlsx")], 7);
  console.log(`\nEngine target < 5 ms per workbook: ${engine < 5 ? "met" : "NOT met"} (${fmt(engine)} ms).`);
  console.log(`CLI validate = ${fmt(cli)} ms, of which Node start-up ${fmt(node)} ms.`);
  fs.rmSync(dir, { recursive: true, force: true });
  return { ...figuresOut, validateEngineMs: engine, cliValidateMs: cli, nodeStartMs: node };
}

/** One fresh process: whole-process wall time, and its peak memory as the preloaded scripts/bench/peak.js reports it. */
function measureProcess(args, peakFile) {
  const t0 = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ["-r", path.join(__dirname, "bench", "peak.js"), ...args], {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, CCHC_BENCH_PEAK: peakFile },
    maxBuffer: 1 << 24,
  });
  const seconds = ms(t0) / 1000;
  // aggregate exits 1 when the units' files have findings; 2 is a failure
  if (run.status !== 0 && run.status !== 1) throw new Error(`${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  return { seconds, peakMB: Number(fs.readFileSync(peakFile, "utf8")) / 1024 };
}

const byMedianTime = (samples) => [...samples].sort((a, b) => a.seconds - b.seconds)[Math.floor(samples.length / 2)];

/**
 * `cchc aggregate` (bin/cchc.js, a fresh process, -o to a temp file) on
 * folders of 10 … 3,000 unit files saved by LibreOffice and by ExcelJS, against
 * the floor: a fresh process that reads each file, inflates the parts the
 * reader needs and walks their bytes once (scripts/bench/floor.js), with
 * fflate's inflater and with Node's zlib (the CLI's). Runs alternate
 * (aggregate, floors, aggregate, …); medians of `runs`.
 */
async function aggregateTable({ sizes, kinds, runs, cli }) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-bench-agg-"));
  const peakFile = path.join(work, "peak");
  const rows = [];
  console.log("\nAggregation from the command line (cchc aggregate, whole process) against the floor (read, inflate, one pass over the bytes)");
  console.log(`  unit workbooks: the template, all 7 forms filled, saved by LibreOffice or ExcelJS; corpus cached in ${corpus.cacheRoot}`);
  console.log(
    `  ${"files".padStart(6)} ${"saved by".padEnd(11)} ${"aggregate s".padStart(11)} ${"floor s".padStart(8)} ${"ratio".padStart(6)} ${"peak MB".padStart(8)} ${"zlib floor s".padStart(13)} ${"ratio".padStart(6)} ${"floor MB".padStart(9)}`,
  );
  try {
    for (const n of sizes) {
      for (const kind of kinds) {
        const folder = await corpus.corpusFolder(kind, n);
        const out = path.join(work, "ward.xlsx");
        const agg = [];
        const floor = [];
        const zlibFloor = [];
        for (let r = 0; r < runs; r++) {
          agg.push(measureProcess([cli, "aggregate", "--ward", "Phường Bench", "-o", out, folder], peakFile));
          floor.push(measureProcess([path.join(__dirname, "bench", "floor.js"), folder, "fflate"], peakFile));
          zlibFloor.push(measureProcess([path.join(__dirname, "bench", "floor.js"), folder, "zlib"], peakFile));
        }
        const a = byMedianTime(agg);
        const f = byMedianTime(floor);
        const z = byMedianTime(zlibFloor);
        const row = {
          files: n,
          savedBy: kind,
          aggregateSeconds: round(a.seconds),
          floorSeconds: round(f.seconds),
          ratio: round(a.seconds / f.seconds),
          peakMB: Math.round(a.peakMB),
          zlibFloorSeconds: round(z.seconds),
          zlibRatio: round(a.seconds / z.seconds),
          floorPeakMB: Math.round(f.peakMB),
          aggregateRuns: agg.map((s) => round(s.seconds)),
          floorRuns: floor.map((s) => round(s.seconds)),
          zlibFloorRuns: zlibFloor.map((s) => round(s.seconds)),
        };
        rows.push(row);
        console.log(
          `  ${String(n).padStart(6)} ${kind.padEnd(11)} ${a.seconds.toFixed(2).padStart(11)} ${f.seconds.toFixed(2).padStart(8)} ${row.ratio.toFixed(2).padStart(6)} ${a.peakMB.toFixed(0).padStart(8)} ${z.seconds.toFixed(2).padStart(13)} ${row.zlibRatio.toFixed(2).padStart(6)} ${f.peakMB.toFixed(0).padStart(9)}`,
        );
      }
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  console.log(`  (median of ${runs} runs each, runs alternating; ratio = aggregate ÷ floor; targets at 1,000 LibreOffice files: ≤ 2× the floor, < 400 MB)`);
  console.log(
    cores > 2
      ? `  (from 48 files on, files are read in ${Math.min(cores - 1, 8)} worker threads; the floor uses one thread)`
      : "  (two cores: files are read in the main thread, as a worker beside it measured no faster here; CCHC_WORKERS=1 forces one)",
  );
  return rows;
}

const round = (x) => Math.round(x * 1000) / 1000;

function parseArgs(argv) {
  const has = (flag) => argv.includes(flag);
  const value = (flag) => {
    const at = argv.findIndex((a) => a === flag || a.startsWith(`${flag}=`));
    if (at < 0) return undefined;
    return argv[at].includes("=") ? argv[at].slice(flag.length + 1) : argv[at + 1];
  };
  const quick = has("--quick") || process.env.BENCH_QUICK === "1";
  const sizes = value("--sizes") ? value("--sizes").split(",").map(Number) : quick ? [10, 100] : [10, 100, 1000, 3000];
  const kinds = value("--kinds") ? value("--kinds").split(",") : corpus.KINDS;
  const runs = Number(value("--runs") ?? 3);
  // The results file is written by a full run only (or where --json says): a quick run would overwrite the figures with partial ones.
  const full = !quick && !value("--sizes") && !value("--kinds") && runs >= 3;
  const json = value("--json") ?? (full ? path.join(root, "docs", "bench", "cli.json") : undefined);
  // --cli another/cchc.js: the same table for another build (to compare before and after a change)
  const cli = value("--cli") ? path.resolve(value("--cli")) : path.join(root, "bin", "cchc.js");
  return { quick, sizes, kinds, runs, json: value("--cli") && !value("--json") ? undefined : json, micro: !has("--aggregate-only"), cli };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  console.log(`Biểu mẫu CCHC – benchmark (Node ${process.version}, ${os.cpus().length} CPU, ${os.cpus()[0].model})`);
  const micro = options.micro ? await microFigures() : undefined;
  const aggregate = await aggregateTable(options);
  if (options.json) {
    const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
    const report = {
      date: new Date().toISOString(),
      machine: {
        cpus: cores,
        cpuModel: os.cpus()[0].model,
        memoryGB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        platform: `${os.platform()} ${os.release()}`,
      },
      method: {
        command: 'node bin/cchc.js aggregate --ward "Phường Bench" -o <tmp>/ward.xlsx <folder>: a fresh process, wall time from spawn to exit',
        peak: "the process's maxRSS at exit (worker threads included), from a preloaded scripts/bench/peak.js",
        floor:
          "node scripts/bench/floor.js <folder> fflate|zlib: a fresh process reading each file, inflating the parts the reader needs (workbook, its relationships, shared strings, styles, worksheets) and walking their bytes once",
        corpus: `scripts/bench/corpus.js v${corpus.CORPUS_VERSION}: the template with all 7 forms filled (4 variants), saved by LibreOffice headless (xlsx → xlsx) or by ExcelJS (load, writeBuffer), copied to N files each with its own unit name`,
        runs: `median of ${options.runs}, runs alternating aggregate / fflate floor / zlib floor`,
      },
      ...(micro ? { micro } : {}),
      aggregate,
    };
    fs.mkdirSync(path.dirname(options.json), { recursive: true });
    fs.writeFileSync(options.json, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nFigures written to ${path.relative(root, options.json)}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
