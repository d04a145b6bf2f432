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
const { readXlsx } = lib("adapters/xlsx/read-workbook.js");
const { SAMPLE_UNITS, SAMPLE_PERIOD } = lib("core/sample/demo-units.js");

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

async function main() {
  const period = core.parsePeriod(SAMPLE_PERIOD).value;
  const all = core.FORM_IDS;
  const unit = SAMPLE_UNITS[0];
  const figures = Object.assign({}, ...SAMPLE_UNITS.map((u) => u.figures));
  const plan = core.buildWorkbookPlan({ unit: "Bench", period, forms: all, figures, createdAt: "2026-01-01T00:00:00Z" });
  const bytes = await planToXlsx(plan);
  const snapshot = await readXlsx(bytes);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-bench-"));
  const file = path.join(dir, "filled.xlsx");
  fs.writeFileSync(file, bytes);

  console.log(`Biểu mẫu CCHC – benchmark (Node ${process.version}, ${os.cpus().length} CPU, ${os.cpus()[0].model})`);
  console.log(`Workbook: all 7 forms filled, ${bytes.length} bytes\n`);
  console.log("Template");
  await timeIt("  layout plan (core)", 200, () => core.buildWorkbookPlan({ unit: unit.name, period, forms: all, createdAt: "x" }));
  await timeIt("  plan → .xlsx bytes (ExcelJS)", 20, () => planToXlsx(plan));
  console.log("\nValidation");
  const engine = await timeIt("  engine alone: validateWorkbook(snapshot)", 500, () => core.validateWorkbook(snapshot));
  await timeIt("  read .xlsx bytes → snapshot (ExcelJS)", 30, () => readXlsx(bytes));
  await timeIt("  end to end in process: bytes → findings", 30, async () => core.validateWorkbook(await readXlsx(bytes)));
  console.log("\nCommand line (whole process)");
  const node = timeCommand("  node start-up alone (node -e 0)", ["-e", "0"], 7);
  const cli = timeCommand("  cchc validate filled.xlsx", [path.join(root, "bin", "cchc.js"), "validate", file], 7);
  timeCommand("  cchc template -o t.xlsx (all forms)", [path.join(root, "bin", "cchc.js"), "template", "-o", path.join(dir, "t.xlsx")], 7);
  console.log(`\nEngine target < 5 ms per workbook: ${engine < 5 ? "met" : "NOT met"} (${fmt(engine)} ms).`);
  console.log(`CLI validate = ${fmt(cli)} ms, of which Node start-up ${fmt(node)} ms; module loading (ExcelJS) and reading make the rest.`);
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
