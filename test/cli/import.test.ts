import ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "../support/cli";
import { readXlsx } from "../support/exceljs-reader";
import { planToXlsx } from "../../src/adapters/xlsx/write-plan";
import { fillTemplate } from "../support/fill";
import { messyWorkbook } from "../support/pasted-messy";
import { pastedSeedWorkbook, pasteText } from "../support/pasted-seed";
import { templatePlan } from "../support/plans";
import { SEED_VALUES } from "../support/seed-values";
import { validateWorkbook } from "../support/worded";
import { cellsA1 } from "../support/a1";

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-import-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI in-process with captured output and a fixed clock. */
const cchc = (...argv: string[]) => runCli("2026-06-20T08:00:00Z", argv);
const write = (name: string, bytes: Uint8Array) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
};
const readBack = async (file: string) => readXlsx(new Uint8Array(fs.readFileSync(file)));

/** A clean appendix of one form, pasted from Word, its period in the title. */
async function cleanPasted(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  pasteText(
    wb.addWorksheet("Sheet1"),
    [
      "ỦY BAN NHÂN DÂN XÃ ĐƯỜNG AN",
      "",
      "BÁO CÁO KẾT QUẢ CẢI CÁCH HÀNH CHÍNH QUÝ I NĂM 2026",
      "",
      "Biểu mẫu 4",
      "Cải cách tổ chức bộ máy",
      "",
      "STT\tChỉ tiêu thống kê\tKết quả thống kê\t\tGhi chú",
      "\t\tĐơn vị tính\tSố liệu\t",
      "1.\tSố liệu về biên chế công chức\t\t\t",
      "1.1.\tTổng số biên chế được giao trong năm\tNgười\t32\t",
      "1.2.\tTổng số biên chế có mặt tại thời điểm báo cáo\tNgười\t30\t",
      "1.3.\tSố hợp đồng lao động làm việc tại các cơ quan, tổ chức hành chính\tNgười\t2\t",
      "1.4.\tSố biên chế đã tinh giản trong kỳ báo cáo\tNgười\t0\t",
      "2.\tSố người làm việc hưởng lương từ ngân sách nhà nước tại các đơn vị sự nghiệp công lập\t\t\t",
      "2.1.\tTổng số người làm việc được giao\tNgười\t120\t",
      "2.2.\tTổng số người làm việc có mặt tại thời điểm báo cáo\tNgười\t118\t",
      "2.3.\tSố người đã tinh giản trong kỳ báo cáo\tNgười\t1\t",
      "2.4.\tTỷ lệ % đã tinh giản so với năm 2015\t%\t12,5\tƯớc tính",
    ].join("\n"),
  );
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("cchc import", () => {
  it("imports the seed's pasted appendix with --period: findings as cchc validate prints them, the standard file beside it, exit 1", async () => {
    const file = write("nhi-chieu.xlsx", await pastedSeedWorkbook());
    const r = await cchc("import", file, "--period", "2026-H1");
    expect(r.code).toBe(1);
    expect(r.err).toBe("");
    const lines = r.out.split("\n");
    expect(lines[0]).toBe(`${file} — Ủy ban nhân dân phường Nhị Chiểu, 6 tháng đầu năm 2026`);
    expect(r.out).toMatch(/Sheet1!D103 [^\n]* \[VALUE_RESOLVED\]\n/);
    expect(r.out).toContain("Tổng: 16 lỗi, 18 cảnh báo, 1 lưu ý.");
    const output = path.join(dir, "nhi-chieu-chuan.xlsx");
    expect(lines[lines.length - 1]).toBe(
      `Đã ghi biểu mẫu chuẩn ${output}: BM1, BM2, BM3, BM4, BM5, BM6, BM7 – Ủy ban nhân dân phường Nhị Chiểu, 6 tháng đầu năm 2026.`,
    );
    expect(fs.readdirSync(dir).sort()).toEqual(["nhi-chieu-chuan.xlsx", "nhi-chieu.xlsx"]); // no temporary file left

    // the standard file is a template like any other: cchc validate reads it, with only the blanks left to report
    const v = await cchc("validate", output);
    expect(v.code).toBe(0);
    expect(v.out).toContain("Tổng: 0 lỗi, 4 cảnh báo, 0 lưu ý.");
    const book = await readBack(output);
    expect(cellsA1(book.sheets.find((s) => s.name === "BM6")!).D9.value).toBe(42809);
  });

  it("refuses to guess the period: the seed's appendix only gives a date; exit 2, nothing written", async () => {
    const file = write("nhi-chieu.xlsx", await pastedSeedWorkbook());
    const r = await cchc("import", file);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`Lỗi: ${file}: không đọc được kỳ báo cáo trong trang (trang chỉ ghi ngày 09/6/2025); ghi rõ bằng --period, ví dụ --period 2026-H1.`);
    expect(fs.readdirSync(dir)).toEqual(["nhi-chieu.xlsx"]);
  });

  it("--json gives the unit, period, where each form was found, every value taken and the findings", async () => {
    const file = write("nhi-chieu.xlsx", await pastedSeedWorkbook());
    const output = path.join(dir, "out.xlsx");
    const r = await cchc("import", file, "--period", "2026-H1", "-o", output, "--json");
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(["file", "output", "unit", "period", "forms", "values", "findings", "counts"]);
    expect(json).toMatchObject({
      file,
      output,
      unit: { name: "Ủy ban nhân dân phường Nhị Chiểu", from: "sheet" },
      period: { id: "2026-H1", from: "option" },
      counts: { error: 16, warning: 18, info: 1 },
    });
    expect(json.forms.BM6).toBe("Sheet1!A96");
    expect(json.values.find((v: { form: string; stt: string }) => v.form === "BM6" && v.stt === "1.1")).toEqual({
      form: "BM6",
      stt: "1.1",
      cell: "Sheet1!D103",
      raw: "42,809",
      value: 42809,
      source: "resolved",
    });
    expect(json.findings[0]).toMatchObject({ code: "TITLE_MISMATCH", cell: "Sheet1!A3", severity: "warning" });
    expect(fs.existsSync(output)).toBe(true);
  });

  it("reads a new user's messy sheet with no option at all: unit and period from its title", async () => {
    const file = write("ha-ly.xlsx", await messyWorkbook());
    const r = await cchc("import", file);
    expect(r.code).toBe(1); // BM7 1.1.2 > 1.1.1, BM5 1.2 > BM6 2.1
    expect(r.out.split("\n")[0]).toBe(`${file} — Ủy ban nhân dân phường Hạ Lý, 6 tháng đầu năm 2026`);
    const book = await readBack(path.join(dir, "ha-ly-chuan.xlsx"));
    expect(book.sheets.map((s) => s.name)).toEqual(["BM1", "BM2", "BM3", "BM5", "BM6", "BM7", "_CCHC"]);
    expect(validateWorkbook(book).metadata).toMatchObject({ unit: "Ủy ban nhân dân phường Hạ Lý", period: "2026-H1" });
  });

  it("exits 0 on a clean pasted appendix, and keeps the ward's own remark in Ghi chú", async () => {
    const file = write("duong-an.xlsx", await cleanPasted());
    const r = await cchc("import", file, "-o", path.join(dir, "bm4.xlsx"));
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toContain("Không phát hiện lỗi.");
    expect(r.out).toContain("BM4 – Ủy ban nhân dân xã Đường An, Quý I năm 2026.");
    const bm4 = (await readBack(path.join(dir, "bm4.xlsx"))).sheets.find((s) => s.name === "BM4")!;
    expect(cellsA1(bm4).D17.value).toBe(12.5);
    expect(cellsA1(bm4).E17.value).toBe("Ước tính");
  });

  it("--unit and --period win over the sheet, which is flagged where it says otherwise; --lang en", async () => {
    const file = write("duong-an.xlsx", await cleanPasted());
    const r = await cchc("import", file, "--unit", "Phòng Văn hóa - Xã hội", "--period", "2026-H1", "--lang", "en");
    expect(r.code).toBe(0);
    expect(r.out).toContain('The sheet names the unit "Ủy ban nhân dân xã Đường An", not the unit used ("Phòng Văn hóa - Xã hội"). [TITLE_MISMATCH]');
    expect(r.out).toContain(
      'The sheet names the report period 2026-Q1 ("BÁO CÁO KẾT QUẢ CẢI CÁCH HÀNH CHÍNH QUÝ I NĂM 2026"), not the period used (2026-H1). [TITLE_MISMATCH]',
    );
    expect(r.out).toContain("– Phòng Văn hóa - Xã hội, First half of 2026.");
    // the same ward under another name is no mismatch
    const same = await cchc("import", file, "--unit", "Xã Đường An", "-o", path.join(dir, "same.xlsx"));
    expect(same.out).not.toContain("TITLE_MISMATCH");
  });

  it("imports a filled template too, with the unit and period it records", async () => {
    const file = write("vhxh.xlsx", await fillTemplate(await planToXlsx(templatePlan("Phòng Văn hóa - Xã hội")), SEED_VALUES));
    const r = await cchc("import", file);
    expect(r.code).toBe(1);
    expect(r.out.split("\n")[0]).toBe(`${file} — Phòng Văn hóa - Xã hội, 6 tháng đầu năm 2026`);
    expect(cellsA1((await readBack(path.join(dir, "vhxh-chuan.xlsx"))).sheets.find((s) => s.name === "BM3")!).D13.value).toBe(9275);
  });

  it("writes nothing when there is no form to convert, exit 1", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Danh sách").getCell("A1").value = "Danh sách hộ gia đình";
    const file = write("list.xlsx", new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const r = await cchc("import", file, "--period", "2026-H1");
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Không tìm thấy trang biểu mẫu nào.* \[STRUCTURE_CHANGED\]/);
    expect(r.out.split("\n").pop()).toBe("Không tìm thấy biểu mẫu nào để chuyển; không ghi tệp.");
    expect(fs.readdirSync(dir)).toEqual(["list.xlsx"]);
  });

  it.each([
    [[], /^Lỗi: Cần chỉ ra ít nhất một tệp \.xlsx/],
    [["missing.xlsx"], /^Lỗi: .*missing\.xlsx: không tìm thấy tệp\.$/],
    [["a.xlsx", "b.xlsx"], /^Lỗi: Không có tùy chọn "b\.xlsx"/],
    [["a.xlsx", "-o", "a.xlsx"], /^Lỗi: Tệp kết quả "a\.xlsx" cũng là một tệp đầu vào/],
    [["a.xlsx", "-o", "out.xls"], /^Lỗi: Tệp kết quả "out\.xls" phải có đuôi \.xlsx/],
    [["a.xlsx", "--period", "2026-H2"], /^Lỗi: Kỳ báo cáo "2026-H2" không hợp lệ/],
  ])("refuses %j with one line and exit 2", async (args, message) => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const r = await cchc("import", ...(args as string[]));
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err.split("\n")).toHaveLength(1);
    } finally {
      process.chdir(cwd);
    }
  });

  it("an unreadable file is exit 2, as in cchc validate", async () => {
    const file = write("notes.xlsx", new TextEncoder().encode("STT,Chỉ tiêu\n1,2\n"));
    const r = await cchc("import", file, "--period", "2026-H1");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/không phải tệp Excel \.xlsx \(nội dung giống tệp CSV\)/);
  });

  it("is in the help, in both languages", async () => {
    expect((await cchc("--help")).out).toContain("cchc import TỆP.xlsx [-o CHUAN.xlsx]");
    expect((await cchc("--help", "--lang", "en")).out).toContain("cchc import FILE.xlsx [-o STANDARD.xlsx]");
  });
});
