/**
 * Hostile files (test/support/hostile-files.ts) through `cchc`: each is
 * refused with one line naming it and the reason, in Vietnamese (English with
 * --lang en), no stack trace, exit 2 when it cannot be read and 1 when it is
 * read but holds no form, quickly; and `cchc aggregate good1 BAD good2` still
 * aggregates the good files and names the bad one with its reason.
 *
 * Every command runs on every file through main() in this process; the real
 * binary (the compiled lib/, which `npm test` builds before jest) runs as a
 * process of its own on a folder of all of them and on the heaviest
 * aggregations, with its wall time and peak memory (maxRSS) measured.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { openWorkbook } from "../../src/adapters/xlsx/open-workbook";
import { RESULT_SHEET } from "../../src/core/layout/ward-sheets";
import { LIMITS } from "../../src/core/limits";
import { runCli } from "../support/cli";
import { goodUnitFile, hostileFiles, type HostileFile } from "../support/hostile-files";
import { validateWorkbook } from "../support/worded";
import { cellsA1 } from "../support/a1";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin", "cchc.js");
const MB = 1024 * 1024;
/** Wall time one run may take (the slowest, aggregating around 300,000 rows, takes about 2.3 s on two busy cores). */
const TIME_LIMIT_MS = 10_000;
/** Peak memory one run may take; the reader's limits keep it near 200 MB. */
const MEMORY_LIMIT = 500 * MB;

interface Run {
  code: number | null;
  signal: string | null;
  out: string;
  err: string;
  ms: number;
  /** the child's peak resident memory, bytes */
  maxRss: number;
}

let dir: string;
let preload: string;
let HOSTILE: HostileFile[];
/** Expected ward figures: BM1 2.1 of VHXH (30) and VP (12). */
const GOOD = ["vhxh-2026-H1.xlsx", "vp-2026-H1.xlsx"];

/** Runs the binary in `dir` with the child's peak memory recorded by a preloaded exit hook. */
function cchc(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const rssFile = path.join(dir, `rss-${Math.random().toString(36).slice(2)}.txt`);
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--require", preload, BIN, ...args],
      { cwd: dir, env: { ...process.env, ...env, CCHC_TEST_RSS_FILE: rssFile }, timeout: 60_000, maxBuffer: 16 * MB },
      (error, stdout, stderr) => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        const rss = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, "utf8")) * 1024 : NaN;
        const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
        resolve({ code, signal: error?.signal ?? null, out: stdout, err: stderr, ms, maxRss: rss });
      },
    );
  });
}

/** Runs the jobs two at a time (the machine has two cores and other suites run beside this one). */
async function pool<T>(jobs: (() => Promise<T>)[], width = 2): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) {
        const i = next++;
        results[i] = await jobs[i]();
      }
    }),
  );
  return results;
}

const STACK_FRAME = /^\s+at .*(:\d+:\d+\)?|\(native\)|<anonymous>)$/m;
const RAW_ERROR = /\b(TypeError|RangeError|ReferenceError|SyntaxError|XlsxReadError|AggregateFailure|Uncaught|node:internal)\b|Error:/;

/** No stack frame and no raw exception text anywhere; in English only the product's own "Error: " prefix. */
function expectNoRawError(run: { out: string; err: string }, lang: "vi" | "en" = "vi"): void {
  const text = `${run.out}\n${run.err}`;
  expect(text).not.toMatch(STACK_FRAME);
  expect(lang === "en" ? text.replace(/^Error: /gm, "") : text).not.toMatch(RAW_ERROR);
}

/** The run ended on its own, in time and in bounded memory. */
function expectBounded(run: Run): void {
  expect(run.signal).toBeNull();
  expect(run.ms).toBeLessThan(TIME_LIMIT_MS);
  expect(run.maxRss).toBeLessThan(MEMORY_LIMIT);
}

const lines = (text: string) => text.split("\n").filter((l) => l !== "");
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** describe.each needs the cases when the file is loaded, before beforeAll builds the files: their ids. */
const IDS = [
  "empty",
  "random",
  "csv",
  "html",
  "xls",
  "word-doc",
  "word-docx",
  "encrypted",
  "truncated",
  "central-directory",
  "zip-bomb",
  "zip-bomb-declared",
  "entity-bomb",
  "whole-grid",
  "many-rows",
  "proto",
  "no-form",
];

/** The real binary's runs (for the process's own stderr, exit code, time and memory), made once before the assertions. */
const runs = new Map<string, Run>();
/**
 * Files for which `cchc aggregate` also runs as a process of its own (it loads
 * the .xlsx writer too): those that cost the reader most. Every file goes
 * through the binary in the folder run, and through main() in this process.
 */
const AGGREGATE_IN_CHILD = new Set(["zip-bomb", "many-rows"]);
const outputOf = (h: HostileFile, how: string) => path.join(dir, `tong-hop-${h.id}-${how}.xlsx`);
const at = (name: string) => path.join(dir, name);
/** `cchc` in this process, for the other commands and languages (the same main() the binary runs). */
const inProcess = (...argv: string[]) => runCli("2026-06-20T08:00:00Z", argv);

/** Awaits a run in this process, failing it if it takes longer than one run may. */
async function timed<T>(run: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const value = await run();
  expect(Date.now() - started).toBeLessThan(TIME_LIMIT_MS);
  return value;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-hostile-"));
  preload = path.join(dir, "record-rss.js");
  fs.writeFileSync(
    preload,
    `process.on("exit", () => { try { require("fs").writeFileSync(process.env.CCHC_TEST_RSS_FILE, String(process.resourceUsage().maxRSS)); } catch {} });\n`,
  );
  const vhxh = await goodUnitFile("vhxh");
  fs.writeFileSync(at(GOOD[0]), vhxh);
  fs.writeFileSync(at(GOOD[1]), await goodUnitFile("vp"));
  HOSTILE = hostileFiles(vhxh);
  for (const h of HOSTILE) fs.writeFileSync(at(h.name), h.bytes);

  const jobs: [string, string[]][] = [];
  const folder = at("thu-muc");
  fs.mkdirSync(folder);
  for (const h of HOSTILE) fs.writeFileSync(path.join(folder, h.name), h.bytes);
  jobs.push(["folder validate", ["validate", "thu-muc"]]);
  for (const h of HOSTILE) {
    if (AGGREGATE_IN_CHILD.has(h.id))
      jobs.push([`${h.id} aggregate`, ["aggregate", "--ward", "Phường Nhị Chiểu", "-o", outputOf(h, "child"), GOOD[0], h.name, GOOD[1]]]);
  }
  const results = await pool(
    jobs.map(
      ([, args]) =>
        () =>
          cchc(args),
    ),
  );
  jobs.forEach(([key], i) => runs.set(key, results[i]));
}, 120_000);

afterAll(() => {
  const all = [...runs.entries()];
  const slowest = all.reduce((a, b) => (b[1].ms > a[1].ms ? b : a));
  const hungriest = all.reduce((a, b) => (b[1].maxRss > a[1].maxRss ? b : a));
  // For the record (README, reports): the worst run of each kind.
  process.stdout.write(
    `hostile CLI: ${all.length} runs of the binary; slowest ${slowest[0]} ${Math.round(slowest[1].ms)} ms; largest peak memory ${hungriest[0]} ${Math.round(hungriest[1].maxRss / MB)} MB\n`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The ward's workbook opens cleanly, holds the two good units' figures only, and its result sheet names the bad file with the reason. */
async function expectWardOf(output: string, h: HostileFile, named: string): Promise<void> {
  const opened = await openWorkbook(new Uint8Array(fs.readFileSync(output)), output);
  if (!opened.ok) throw new Error(opened.error.code);
  const ward = validateWorkbook(opened.value);
  expect(ward.figures.BM1["2.1"]).toBe(30 + 12);
  expect(ward.metadata?.unit).toBe("Phường Nhị Chiểu");
  const result = opened.value.sheets.find((s) => s.name === RESULT_SHEET)!;
  const row = Object.entries(cellsA1(result))
    // The sheet names the file, not the folder it was in (issue 16).
    .find(([address, c]) => /^A\d+$/.test(address) && c.value === path.basename(named))?.[0]
    .slice(1);
  expect(row).toBeDefined();
  expect(String(cellsA1(result)[`G${row}`]?.value)).toMatch(h.reason.vi);
}

/** The summary of `cchc aggregate good1 BAD good2`: both good files used, the bad one named with its reason. */
function expectAggregateSummary(run: { code: number | null; out: string; err: string }, h: HostileFile, named: string): void {
  const out = lines(run.out);
  expect(out[0]).toBe("Tổng hợp Phường Nhị Chiểu, 6 tháng đầu năm 2026:");
  expect(out.filter((l) => / – dùng – 0 lỗi, 0 cảnh báo$/.test(l))).toEqual([
    expect.stringMatching(new RegExp(`^  (.*/)?${escape(GOOD[0])}: Phòng Văn hóa - Xã hội – dùng`)),
    expect.stringMatching(new RegExp(`^  (.*/)?${escape(GOOD[1])}: Văn phòng HĐND và UBND – dùng`)),
  ]);
  const badLine = out.find((l) => l.startsWith(`  ${named}: `));
  if (h.readable) {
    expect(run.code).toBe(1);
    expect(run.err).toBe("");
    expect(badLine).toMatch(new RegExp(`– không dùng, không có biểu mẫu: ${h.reason.vi.source}`));
  } else {
    expect(run.code).toBe(2);
    expect(lines(run.err)).toEqual([expect.stringMatching(new RegExp(`^Lỗi: ${escape(named)}: ${h.reason.vi.source}`))]);
    // Its reason once, on stderr; the summary lists it without repeating it (issue 16).
    expect(badLine).toBe(`  ${named}: không đọc được`);
  }
}

describe("the hostile files themselves", () => {
  it("are what they claim to be, and small", () => {
    const byId = new Map(HOSTILE.map((h) => [h.id, h]));
    expect([...byId.keys()]).toEqual(IDS);
    for (const h of HOSTILE) expect(h.bytes.length).toBeLessThan(LIMITS.maxFileBytes);
    const cfb = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    expect([...byId.get("xls")!.bytes.subarray(0, 8)]).toEqual(cfb);
    expect([...byId.get("encrypted")!.bytes.subarray(0, 8)]).toEqual(cfb);
    expect([...byId.get("word-doc")!.bytes.subarray(0, 8)]).toEqual(cfb);
    expect([...byId.get("word-docx")!.bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });
});

describe("cchc on each hostile file", () => {
  const find = (id: string) => HOSTILE.find((h) => h.id === id)!;

  describe.each(IDS)("%s", (id) => {
    it("validate: exit 2 and one line naming the file and the reason, or exit 1 and the finding (no form)", async () => {
      const h = find(id);
      const expectValidated = (run: { code: number | null; out: string; err: string }, named: string) => {
        expectNoRawError(run);
        if (h.readable) {
          expect(run.code).toBe(1);
          expect(run.err).toBe("");
          expect(run.out).toMatch(new RegExp(`^${escape(named)}\\b`));
          expect(run.out).toMatch(new RegExp(`Lỗi +(BM1!A1 +)?${h.reason.vi.source}.* \\[STRUCTURE_CHANGED\\]`));
        } else {
          expect(run.code).toBe(2);
          expect(lines(run.err)).toEqual([expect.stringMatching(new RegExp(`^Lỗi: ${escape(named)}: ${h.reason.vi.source}`))]);
          expect(run.out).toBe("");
        }
      };
      expectValidated(await timed(() => inProcess("validate", at(h.name))), at(h.name));
    });

    it("validate --lang en: the same in English", async () => {
      const h = find(id);
      const run = await timed(() => inProcess("validate", at(h.name), "--lang", "en"));
      expectNoRawError(run, "en");
      if (h.readable) {
        expect(run.code).toBe(1);
        expect(run.err).toBe("");
        expect(run.out).toMatch(new RegExp(`Error +(BM1!A1 +)?${h.reason.en.source}.* \\[STRUCTURE_CHANGED\\]`));
      } else {
        expect(run.code).toBe(2);
        expect(lines(run.err)).toEqual([expect.stringMatching(new RegExp(`^Error: ${escape(at(h.name))}: ${h.reason.en.source}`))]);
        expect(run.out).toBe("");
      }
      // Nothing Vietnamese in the English output but what comes from the file (its sheet's header text).
      expect(`${run.out}${run.err}`.replace(/STT \| Chỉ tiêu thống kê/g, "")).not.toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/i);
    });

    it("aggregate good1 BAD good2: the good files are aggregated, the bad one named with its reason", async () => {
      const h = find(id);
      const run = await timed(() => inProcess("aggregate", "--ward", "Phường Nhị Chiểu", "-o", outputOf(h, "main"), at(GOOD[0]), at(h.name), at(GOOD[1])));
      expectNoRawError(run);
      expectAggregateSummary(run, h, at(h.name));
      await expectWardOf(outputOf(h, "main"), h, at(h.name));
      if (AGGREGATE_IN_CHILD.has(id)) {
        // The same as its own process, in bounded time and memory.
        const child = runs.get(`${id} aggregate`)!;
        expectBounded(child);
        expectNoRawError(child);
        expectAggregateSummary(child, h, h.name);
        await expectWardOf(outputOf(h, "child"), h, h.name);
      }
    });

    it("import: exit 2 and one line (unreadable), or exit 1, nothing to convert (no form); nothing written", async () => {
      const h = find(id);
      const output = path.join(dir, `chuan-${id}.xlsx`);
      const run = await timed(() => inProcess("import", at(h.name), "-o", output, "--period", "2026-H1"));
      expectNoRawError(run);
      expect(fs.existsSync(output)).toBe(false);
      if (h.readable) {
        expect(run.code).toBe(1);
        expect(run.err).toBe("");
        expect(run.out).toMatch(h.reason.vi);
        expect(lines(run.out).at(-1)).toBe("Không tìm thấy biểu mẫu nào để chuyển; không ghi tệp.");
      } else {
        expect(run.code).toBe(2);
        expect(lines(run.err)).toEqual([expect.stringMatching(new RegExp(`^Lỗi: ${escape(at(h.name))}: ${h.reason.vi.source}`))]);
        expect(run.out).toBe("");
      }
    });
  });
});

describe("cchc on a folder of every hostile file at once", () => {
  it("validate (the binary): one line per unreadable file, the findings of the others, exit 2, in bounded time and memory", () => {
    const run = runs.get("folder validate")!;
    expectBounded(run);
    expectNoRawError(run);
    expect(run.code).toBe(2);
    const unreadable = HOSTILE.filter((h) => !h.readable);
    expect(lines(run.err)).toHaveLength(unreadable.length);
    for (const h of unreadable)
      expect(lines(run.err)).toContainEqual(expect.stringMatching(new RegExp(`^Lỗi: ${escape(path.join("thu-muc", h.name))}: ${h.reason.vi.source}`)));
    for (const h of HOSTILE.filter((x) => x.readable))
      expect(lines(run.out)).toContainEqual(expect.stringMatching(new RegExp(`^${escape(path.join("thu-muc", h.name))}\\b`)));
  });

  it("aggregate (the binary), the files read and inflated ahead on another thread or not: the same report, the same lines", async () => {
    // The thread only inflates what the reader would, the same way; every check still runs on the main thread.
    const [alone, ahead] = await Promise.all(
      ["0", "1"].map((on) =>
        cchc(["aggregate", "--ward", "Phường Nhị Chiểu", "--json", "-o", `tong-hop-ahead-${on}.xlsx`, GOOD[0], "thu-muc", GOOD[1]], { CCHC_INFLATE_AHEAD: on }),
      ),
    );
    expectBounded(ahead);
    expect(ahead.code).toBe(alone.code);
    expect(ahead.err).toBe(alone.err);
    const report = (r: Run) => ({ ...(JSON.parse(r.out) as object), output: undefined });
    expect(report(ahead)).toEqual(report(alone));
    expect(lines(alone.err)).toHaveLength(HOSTILE.filter((h) => !h.readable).length);
  }, 60_000);

  it("aggregate: a newer file of a unit that holds no form does not stand in for the unit's real one", async () => {
    // The staff list, resent later under the unit's own name: VHXH's figures must still be counted.
    const junk = path.join(dir, "vhxh-2026-H1-gui-lai.xlsx");
    fs.writeFileSync(junk, HOSTILE.find((h) => h.id === "no-form")!.bytes);
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(junk, later, later);
    const output = path.join(dir, "tong-hop-gui-lai.xlsx");
    const run = await inProcess("aggregate", "--ward", "Phường Nhị Chiểu", "-o", output, at(GOOD[0]), at(GOOD[1]), junk);
    expect(run.code).toBe(1);
    expect(run.out).toContain(`  ${at(GOOD[0])}: Phòng Văn hóa - Xã hội – dùng – 0 lỗi, 0 cảnh báo`);
    expect(run.out).toMatch(/vhxh-2026-H1-gui-lai\.xlsx: Phòng Văn hóa - Xã hội – không dùng, không có biểu mẫu: Không tìm thấy trang biểu mẫu nào/);
    expect(run.out).not.toContain("UNIT_DUPLICATE");
    const opened = await openWorkbook(new Uint8Array(fs.readFileSync(output)), output);
    if (!opened.ok) throw new Error(opened.error.code);
    expect(validateWorkbook(opened.value).figures.BM1["2.1"]).toBe(30 + 12);
  }, 60_000);
});
