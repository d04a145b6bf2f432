import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { runCli } from "../support/cli";
import { readXlsx } from "../support/exceljs-reader";
import { META_SHEET, readMetadata } from "../../src/core/layout";
import type { WorkbookSnapshot } from "../../src/core/read";
import { cellsA1 } from "../support/a1";

const ROOT = path.resolve(__dirname, "../..");
let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-cli-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI in-process with captured output and a fixed clock. */
const cchc = (...argv: string[]) => runCli("2026-11-27T08:00:00Z", argv);

function metadata(book: WorkbookSnapshot) {
  const meta = book.sheets.find((s) => s.name === META_SHEET)!;
  return readMetadata(Array.from({ length: meta.maxRow }, (_, i) => [cellsA1(meta)[`A${i + 1}`]?.value, cellsA1(meta)[`B${i + 1}`]?.value]));
}

describe("cchc template", () => {
  it("writes all seven forms for a unit and period", async () => {
    const out = path.join(dir, "t.xlsx");
    const r = await cchc("template", "--unit", "Phòng Văn hóa - Xã hội", "--period", "2026-H1", "-o", out);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toContain("BM1, BM2, BM3, BM4, BM5, BM6, BM7");
    const book = await readXlsx(new Uint8Array(fs.readFileSync(out)));
    expect(book.sheets.map((s) => s.name)).toEqual(["BM1", "BM2", "BM3", "BM4", "BM5", "BM6", "BM7", META_SHEET]);
    expect(metadata(book)).toMatchObject({ unit: "Phòng Văn hóa - Xã hội", period: "2026-H1", createdAt: "2026-11-27T08:00:00.000Z" });
    expect(fs.readdirSync(dir)).toEqual(["t.xlsx"]); // no temporary file left behind
  });

  it("defaults to every form and the current half-year", async () => {
    const out = path.join(dir, "d.xlsx");
    expect((await cchc("template", "-o", out)).code).toBe(0);
    expect(metadata(await readXlsx(new Uint8Array(fs.readFileSync(out))))).toMatchObject({
      period: "2026-Y",
      forms: ["BM1", "BM2", "BM3", "BM4", "BM5", "BM6", "BM7"],
    });
  });

  it("writes only the chosen forms, with the ward's own cut-off window and deadline", async () => {
    const out = path.join(dir, "some.xlsx");
    const r = await cchc("template", "--forms", "BM4,bm1", "--period", "2026-h1", "--cutoff", "01/01/2026-31/05/2026", "--deadline", "04/06/2026", "-o", out);
    expect(r.code).toBe(0);
    const book = await readXlsx(new Uint8Array(fs.readFileSync(out)));
    expect(book.sheets.map((s) => s.name)).toEqual(["BM1", "BM4", META_SHEET]);
    expect(cellsA1(book.sheets[0]).A5.value).toBe("Thời hạn chốt số liệu: từ ngày 01/01/2026 đến ngày 31/05/2026");
    expect(metadata(book)).toMatchObject({ windowFrom: "2026-01-01", windowTo: "2026-05-31", unitDeadline: "2026-06-04" });
  });

  it.each([
    [["--period", "2026-H3"], /^Lỗi: Kỳ báo cáo "2026-H3" không hợp lệ\. Các dạng được chấp nhận: YYYY-Q1/],
    [["--forms", "BM1,BM9"], /^Lỗi: Không có biểu mẫu "BM9"\. Các biểu mẫu: BM1, BM2/],
    [["--cutoff", "32/01/2026-31/05/2026"], /^Lỗi: Ngày "32\/01\/2026" không hợp lệ/],
    [["--bogus"], /^Lỗi: Không có tùy chọn "--bogus"/],
    [["--unit"], /^Lỗi: Tùy chọn --unit cần một giá trị/],
  ])("refuses %j with one Vietnamese line and exit 2, writing nothing", async (args, message) => {
    const out = path.join(dir, "x.xlsx");
    const r = await cchc("template", ...args, "-o", out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.split("\n")).toHaveLength(1);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("says what is wrong in English with --lang en", async () => {
    const r = await cchc("template", "--period", "2026-H3", "--lang", "en", "-o", path.join(dir, "x.xlsx"));
    expect(r).toMatchObject({ code: 2 });
    expect(r.err).toMatch(/^Error: Report period "2026-H3" is not valid\. Accepted forms: YYYY-Q1, YYYY-H1, YYYY-Q3, YYYY-Y \(e\.g\. 2026-H1\)\.$/);
  });

  it("needs an .xlsx output path", async () => {
    expect(await cchc("template")).toMatchObject({ code: 2, err: expect.stringMatching(/cần chỉ ra tệp kết quả bằng -o/i) });
    expect(await cchc("template", "-o", path.join(dir, "t.xls"))).toMatchObject({ code: 2, err: expect.stringMatching(/phải có đuôi \.xlsx/) });
  });

  it("explains an unwritable path and leaves an existing file untouched", async () => {
    const missing = await cchc("template", "-o", path.join(dir, "no-such-folder", "t.xlsx"));
    expect(missing).toMatchObject({ code: 2, err: expect.stringMatching(/Không ghi được tệp .*thư mục không tồn tại/) });
    const folder = path.join(dir, "is-a-folder.xlsx");
    fs.mkdirSync(folder);
    expect((await cchc("template", "-o", folder)).code).toBe(2);
    expect(fs.statSync(folder).isDirectory()).toBe(true);
    // A folder that exists but takes no ordinary file (Linux's /proc) is not called missing.
    const special = await cchc("template", "-o", "/proc/t.xlsx");
    expect(special).toMatchObject({ code: 2, err: expect.stringMatching(/Không ghi được tệp "\/proc\/t\.xlsx": không tạo được tệp trong thư mục đó\./) });
  });

  it("replaces an earlier output in one step", async () => {
    const out = path.join(dir, "t.xlsx");
    fs.writeFileSync(out, "old");
    expect((await cchc("template", "--forms", "BM2", "-o", out)).code).toBe(0);
    expect((await readXlsx(new Uint8Array(fs.readFileSync(out)))).sheets.map((s) => s.name)).toEqual(["BM2", META_SHEET]);
  });

  it("rejects an unknown command and shows help", async () => {
    expect(await cchc("tempalte")).toMatchObject({ code: 2, err: expect.stringContaining('Không có lệnh "tempalte"') });
    const help = await cchc("--help");
    expect(help.code).toBe(0);
    expect(help.out).toContain("cchc template");
  });
});

describe("the cchc binary", () => {
  const run = promisify(execFile);
  it("runs from the package's bin, prints one line on error and no stack trace", async () => {
    const bin = path.join(ROOT, "bin", "cchc.js");
    const ok = await run(process.execPath, [bin, "template", "--forms", "BM3", "--period", "2026-Q3", "-o", path.join(dir, "b.xlsx")], { cwd: ROOT });
    expect(ok.stdout).toMatch(/^Đã tạo .*b\.xlsx: BM3/);
    const bad = await run(process.execPath, [bin, "template", "--period", "nope", "-o", path.join(dir, "c.xlsx")], { cwd: ROOT }).catch((e) => e);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect(bad.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });
});
