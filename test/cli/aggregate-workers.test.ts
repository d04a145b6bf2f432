import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { readXlsxFast } from "../../src/adapters/xlsx/fast-read";
import { planToXlsx } from "../../src/adapters/xlsx/write-plan";
import { buildWorkbookPlan, META_SHEET, WARD_TEXT } from "../../src/core/layout";
import { parsePeriod } from "../../src/core/periods";
import { SAMPLE_PERIOD, SAMPLE_UNITS } from "../../src/core/sample/demo-units";
import { runCli } from "../support/cli";
import { cellsA1 } from "../support/a1";

/*
 * Many files are read and checked in worker threads (src/cli/examine-files.ts).
 * Whatever does the reading, the ward's report must be the same, in the same
 * order, with every unreadable file named.
 */

const run = promisify(execFile);
const bin = path.resolve(__dirname, "../..", "bin", "cchc.js");
const period = parsePeriod(SAMPLE_PERIOD);
let dir: string;

beforeAll(async () => {
  if (!period.ok) throw new Error("sample period");
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-workers-"));
  fs.mkdirSync(path.join(dir, "don-vi"));
  // 12 units with distinct names (so each is its own column), a resent file, an unreadable one, a foreign period.
  for (let i = 0; i < 12; i++) {
    const u = SAMPLE_UNITS[i % SAMPLE_UNITS.length];
    const plan = buildWorkbookPlan({
      unit: i < 4 ? u.name : `${u.name} ${i}`,
      period: period.value,
      forms: u.forms,
      figures: u.figures,
      createdAt: `2026-06-0${1 + (i % 3)}T08:00:00Z`,
    });
    fs.writeFileSync(path.join(dir, "don-vi", `dv-${String(i).padStart(2, "0")}.xlsx`), await planToXlsx(plan));
  }
  fs.copyFileSync(path.join(dir, "don-vi", "dv-01.xlsx"), path.join(dir, "don-vi", "dv-01-gui-lai.xlsx"));
  fs.writeFileSync(path.join(dir, "don-vi", "dv-05-hong.xlsx"), fs.readFileSync(path.join(dir, "don-vi", "dv-05.xlsx")).subarray(0, 900));
  const other = parsePeriod("2026-Q3");
  if (!other.ok) throw new Error("period");
  fs.writeFileSync(
    path.join(dir, "don-vi", "dv-quy-3.xlsx"),
    await planToXlsx(buildWorkbookPlan({ unit: "Văn phòng HĐND và UBND", period: other.value, forms: ["BM3"], createdAt: "2026-09-01T08:00:00Z" })),
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The --json report with the output path taken out (each run writes its own file). */
function report(stdout: string): unknown {
  const json = JSON.parse(stdout) as { output: string };
  return { ...json, output: undefined };
}

/** The ward workbook's sheets as read back, without what records when it was written (the metadata sheet, the results sheet's time line). */
const MADE_AT = WARD_TEXT.madeAt("");
const wardSheets = (bytes: Buffer) =>
  readXlsxFast(new Uint8Array(bytes))
    .sheets.filter((s) => s.name !== META_SHEET)
    .map((s) => ({ ...s, cells: Object.fromEntries(Object.entries(cellsA1(s)).filter(([, c]) => !String(c.value).startsWith(MADE_AT))) }));

async function aggregateWith(workers: string, ahead = "0"): Promise<{ code: number; json: unknown; stderr: string; ward: Buffer }> {
  const output = path.join(dir, `phuong-${workers}-${ahead}.xlsx`);
  const r = await run(process.execPath, [bin, "aggregate", "--ward", "Phường Nhị Chiểu", "--json", "-o", output, path.join(dir, "don-vi")], {
    env: { ...process.env, CCHC_WORKERS: workers, CCHC_INFLATE_AHEAD: ahead },
  }).catch((e: { code: number; stdout: string; stderr: string }) => e);
  return { code: (r as { code?: number }).code ?? 0, json: report(r.stdout), stderr: r.stderr, ward: fs.readFileSync(output) };
}

describe("cchc aggregate reading in worker threads", () => {
  it("gives the same report and the same ward workbook with 0, 1, 2 or 3 workers, or files inflated ahead on another thread", async () => {
    const alone = await aggregateWith("0");
    expect(alone.code).toBe(2); // the damaged file
    expect(alone.stderr.trim().split("\n")).toEqual([expect.stringMatching(/dv-05-hong\.xlsx.*hỏng/i)]);
    const files = (alone.json as { files: { file: string; status: string }[] }).files;
    expect(files.map((f) => `${path.basename(f.file)} ${f.status}`)).toContain("dv-01.xlsx replaced");
    expect(files.map((f) => `${path.basename(f.file)} ${f.status}`)).toContain("dv-quy-3.xlsx wrong-period");
    for (const [workers, ahead] of [["1"], ["2"], ["3"], ["0", "1"]]) {
      const shared = await aggregateWith(workers, ahead);
      expect(shared.code).toBe(alone.code);
      expect(shared.stderr).toBe(alone.stderr);
      expect(shared.json).toEqual(alone.json);
      expect(wardSheets(shared.ward)).toEqual(wardSheets(alone.ward));
    }
  }, 60_000);

  it("a worker that cannot start loses no file: the main thread reads its share", async () => {
    // Under ts-jest there is no compiled worker next to the module, so forcing workers makes every one fail to start.
    expect(fs.existsSync(path.resolve(__dirname, "../../src/cli/examine-worker.js"))).toBe(false);
    const saved = process.env.CCHC_WORKERS;
    const out = (n: string) => path.join(dir, `in-process-${n}.xlsx`);
    try {
      process.env.CCHC_WORKERS = "0";
      const alone = await runCli("2026-06-12T08:00:00Z", ["aggregate", "--ward", "Phường Nhị Chiểu", "--json", "-o", out("0"), path.join(dir, "don-vi")]);
      process.env.CCHC_WORKERS = "2";
      const failed = await runCli("2026-06-12T08:00:00Z", ["aggregate", "--ward", "Phường Nhị Chiểu", "--json", "-o", out("2"), path.join(dir, "don-vi")]);
      expect(failed.code).toBe(alone.code);
      expect(failed.err).toBe(alone.err);
      expect(report(failed.out)).toEqual(report(alone.out));
    } finally {
      if (saved === undefined) delete process.env.CCHC_WORKERS;
      else process.env.CCHC_WORKERS = saved;
    }
  }, 60_000);
});
