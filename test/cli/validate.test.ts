import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { planToXlsx } from "../../src/adapters/xlsx/write-plan";
import { fillTemplate } from "../support/fill";
import { runCli } from "../support/cli";
import { templatePlan } from "../support/plans";
import { SEED_VALUES } from "../support/seed-values";
import { CLEAN_VALUES } from "../support/clean-values";

const ROOT = path.resolve(__dirname, "../..");
let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-validate-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const cchc = (...argv: string[]) => runCli("2026-06-20T08:00:00Z", argv);
const write = (name: string, bytes: Uint8Array | string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
};
const clean = async () => write("sach.xlsx", await fillTemplate(await planToXlsx(templatePlan()), CLEAN_VALUES));
const seed = async () => write("nhi-chieu.xlsx", await fillTemplate(await planToXlsx(templatePlan("Phường Nhị Chiểu")), SEED_VALUES));

describe("cchc validate", () => {
  it("exits 0 on a clean workbook and says so", async () => {
    const r = await cchc("validate", await clean());
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toContain("Không phát hiện lỗi.");
    expect(r.out).toContain("Phòng Văn hóa - Xã hội, 6 tháng đầu năm 2026");
  });

  it("exits 1 on the seed's mistakes, grouped by form, each with its cell and fix", async () => {
    const r = await cchc("validate", await seed());
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^ {2}BM6$/m);
    // 2.1 = 19 = 0 + 0 + 0 + 19 with 2.4 counted from its parts: the one cause is 2.4 typed as 19 over parts of 0
    // Words first, the code after them (issue 16).
    expect(r.out).toMatch(/Lỗi\s+BM6!D15\s+[^\n]* \[SUM_MISMATCH\]\n/);
    expect(r.out).not.toMatch(/BM6!D12\s+[^\n]* \[SUM_MISMATCH\]/);
    expect(r.out).toMatch(/→ Nhập lại công thức =IF\(COUNT\(D9\)=0,"",SUM\(D9\)\)\./);
    expect(r.out).toContain("Tổng: 17 lỗi, 23 cảnh báo");
  });

  it("prints JSON with the documented shape", async () => {
    const r = await cchc("validate", "--json", await seed());
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(["files"]);
    expect(json.files[0]).toMatchObject({ unit: "Phường Nhị Chiểu", period: "2026-H1" });
    const sums = json.files[0].findings.filter((f: { code: string }) => f.code === "SUM_MISMATCH");
    expect(sums.map((f: { cell: string }) => f.cell)).toEqual(["BM6!D15"]);
    const sum = sums[0];
    expect(sum).toMatchObject({ severity: "error", form: "BM6", row: "2.4", expected: "0", actual: "19" });
    expect(typeof sum.message).toBe("string");
  });

  it.each([
    ["rong.xlsx", "", /tệp rỗng/],
    ["khong-phai-zip.xlsx", "\u0001\u0002garbage bytes\u0000\u00ff", /không phải tệp Excel \.xlsx/],
    ["bang.xlsx", "STT;Chỉ tiêu;Số liệu\n1;Số văn bản;7\n", /không phải tệp Excel \.xlsx \(nội dung giống tệp CSV\)/],
  ])("refuses %s with one line and exit 2, still checking the other files", async (name, content, reason) => {
    const bad = write(name, content);
    const r = await cchc("validate", bad, await clean());
    expect(r.code).toBe(2);
    expect(r.err).toMatch(reason);
    expect(r.err.split("\n")).toHaveLength(1);
    expect(r.out).toContain("Không phát hiện lỗi.");
  });

  it("refuses a damaged zip (a good workbook cut short) with exit 2", async () => {
    const bytes = fs.readFileSync(await clean());
    const cut = write("hong.xlsx", bytes.subarray(0, Math.floor(bytes.length / 2)));
    const r = await cchc("validate", cut);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/hong\.xlsx: tệp \.xlsx bị hỏng/);
  });

  it("says it in English with --lang en", async () => {
    const r = await cchc("validate", "--lang", "en", write("empty.xlsx", ""));
    expect(r.err).toMatch(/^Error: .*empty\.xlsx: the file is empty \(0 bytes\)\.$/);
  });

  it("never prints a stack trace from the real binary", async () => {
    const run = promisify(execFile);
    const bad = write("x.xlsx", "not a workbook");
    const r = await run(process.execPath, [path.join(ROOT, "bin", "cchc.js"), "validate", bad, path.join(dir, "missing.xlsx")], { cwd: ROOT }).catch((e) => e);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(2);
    expect(r.stderr).toMatch(/missing\.xlsx: không tìm thấy tệp/);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });
});
