#!/usr/bin/env node
"use strict";
/**
 * `npm run bench`: prints speed figures (not a test; nothing here fails on a
 * slow machine). Uses the compiled CLI in lib/ (built by npm ci / build:cli).
 */
const { execFileSync } = require("node:child_process");
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

/** The median run (by wall time) of `runs` fresh processes: one sample on a shared 2-core machine varies by a third. */
function medianChild(snippet, runs = 3) {
  const samples = Array.from({ length: runs }, () => measureChild(snippet)).sort((a, b) => a.seconds - b.seconds);
  return samples[Math.floor(runs / 2)];
}

/** Runs a snippet in a fresh Node process; wall time and the process's peak memory. */
function measureChild(snippet) {
  const code = `const t0 = Date.now(); Promise.resolve(${snippet}).then(() => process.stdout.write(JSON.stringify({ ms: Date.now() - t0, rss: process.resourceUsage().maxRSS })));`;
  const t0 = process.hrtime.bigint();
  const out = execFileSync(process.execPath, ["-e", code], { cwd: root, maxBuffer: 1 << 20 }).toString();
  const wall = ms(t0) / 1000;
  const { rss } = JSON.parse(out);
  return { seconds: wall, peakMB: rss / 1024 };
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

async function main() {
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

  console.log(`Biểu mẫu CCHC – benchmark (Node ${process.version}, ${os.cpus().length} CPU, ${os.cpus()[0].model})`);
  console.log(`Workbook: all 7 forms filled, ${bytes.length} bytes\n`);
  console.log("Template");
  await timeIt("  layout plan (core)", 200, () => core.buildWorkbookPlan({ unit: unit.name, period, forms: all, createdAt: "x" }));
  await timeIt("  plan → .xlsx bytes (browser: fflate)", 50, () => planToXlsx(plan));
  await timeIt("  plan → .xlsx bytes (CLI: Node zlib)", 50, () => planToXlsx(plan, NODE_COMPRESSOR));
  console.log("\nValidation");
  const engine = await timeIt("  engine alone: validateWorkbook(snapshot)", 500, () => core.validateWorkbook(snapshot));
  await timeIt("  read .xlsx bytes → snapshot", 200, () => readXlsxFast(bytes));
  await timeIt("  end to end in process: bytes → findings", 200, () => core.validateWorkbook(readXlsxFast(bytes)));
  console.log("\nCommand line (whole process)");
  const node = timeCommand("  node start-up alone (node -e 0)", ["-e", "0"], 7);
  const cli = timeCommand("  cchc validate filled.xlsx", [path.join(root, "bin", "cchc.js"), "validate", file], 7);
  timeCommand("  cchc template -o t.xlsx (all forms)", [path.join(root, "bin", "cchc.js"), "template", "-o", path.join(dir, "t.xlsx")], 7);
  console.log(`\nEngine target < 5 ms per workbook: ${engine < 5 ? "met" : "NOT met"} (${fmt(engine)} ms).`);
  console.log(`CLI validate = ${fmt(cli)} ms, of which Node start-up ${fmt(node)} ms.`);

  console.log("\nAggregation from the CLI (cchc aggregate), against merely unzipping and scanning the same files");
  console.log(
    `  ${"files".padStart(6)} ${"aggregate s".padStart(12)} ${"files/s".padStart(9)} ${"peak MB".padStart(8)} ${"floor s".padStart(8)} ${"floor MB".padStart(9)} ${"× floor".padStart(8)}`,
  );
  const unitBytes = await Promise.all(
    SAMPLE_UNITS.map((u) =>
      planToXlsx(core.buildWorkbookPlan({ unit: u.name, period, forms: u.forms, figures: u.figures, createdAt: "2026-06-01T00:00:00Z" })),
    ),
  );
  for (const n of [10, 100, 1000]) {
    const folder = path.join(dir, `units-${n}`);
    fs.mkdirSync(folder);
    // Distinct unit names (each one its own column), contents of the four sample units in turn.
    for (let i = 0; i < n; i++) {
      const u = SAMPLE_UNITS[i % SAMPLE_UNITS.length];
      const plan = core.buildWorkbookPlan({ unit: `${u.name} ${i}`, period, forms: u.forms, figures: u.figures, createdAt: "2026-06-01T00:00:00Z" });
      fs.writeFileSync(path.join(folder, `don-vi-${String(i).padStart(4, "0")}.xlsx`), i < SAMPLE_UNITS.length ? unitBytes[i] : await planToXlsx(plan));
    }
    const agg = medianChild(
      `require(${JSON.stringify(path.join(root, "lib", "cli", "main.js"))}).main(["aggregate", "--ward", "Phường Bench", "-o", ${JSON.stringify(path.join(dir, `ward-${n}.xlsx`))}, ${JSON.stringify(folder)}], { out() {}, err() {}, now: () => new Date() })`,
    );
    const floor = medianChild(`(() => {
      const fs = require("fs"), path = require("path"), { unzipSync } = require(${JSON.stringify(require.resolve("fflate"))});
      let tags = 0;
      for (const f of fs.readdirSync(${JSON.stringify(folder)})) {
        const parts = unzipSync(new Uint8Array(fs.readFileSync(path.join(${JSON.stringify(folder)}, f))));
        for (const [name, data] of Object.entries(parts)) if (name.endsWith(".xml")) for (let i = 0; i < data.length; i++) if (data[i] === 60) tags++;
      }
      return tags;
    })()`);
    console.log(
      `  ${String(n).padStart(6)} ${agg.seconds.toFixed(2).padStart(12)} ${(n / agg.seconds).toFixed(0).padStart(9)} ${agg.peakMB.toFixed(0).padStart(8)} ${floor.seconds.toFixed(2).padStart(8)} ${floor.peakMB.toFixed(0).padStart(9)} ${(agg.seconds / floor.seconds).toFixed(1).padStart(8)}`,
    );
  }
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  console.log("  (whole process, Node start-up included, median of 3 runs each; targets: 1,000 files < 10 s and < 1 GB, within 3× the floor)");
  console.log(
    cores > 2
      ? `  (from 48 files on, files are read in ${Math.min(cores - 1, 8)} worker threads; the floor uses one thread)`
      : "  (two cores: files are read in the main thread, as two worker threads measured no faster here; CCHC_WORKERS=2 forces them)",
  );
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
