/**
 * The reporting cycle on real files (issue 15): the ward's dates printed on the
 * forms, who has sent (the ward workbook's "Theo dõi tiếp nhận" and --json),
 * a Phiếu kiểm tra per unit (--feedback) and per file (validate --report), and
 * the previous period (--previous) with the Kỳ trước columns.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "../support/cli";
import { readXlsx } from "../support/exceljs-reader";
import { cellsA1 } from "../support/a1";
import { fillTemplate, type FormValues } from "../support/fill";
import { DETAIL_SHEET, FORM_LAYOUT, SUBMISSIONS_SHEET } from "../../src/core/layout";
import { SAMPLE_SETUP, SAMPLE_UNITS } from "../../src/core/sample/demo-units";
import { readTitle } from "../../src/core/import/title";
import { CATALOGUE } from "../../src/core/forms";
import { locateForms } from "../../src/core/read/locate";
import { validateWorkbook } from "../../src/core/validate";
import type { WorkbookSnapshot } from "../../src/core/read";

/** Seed 000: figures from 01/01 to 31/05/2026, units send by 04/06, the ward to the city by 08/06. */
const SETUP = { ...SAMPLE_SETUP, periods: { "2026-H1": { cutoff: "2026-01-01/2026-05-31", deadline: "2026-06-04", wardDeadline: "2026-06-08" } } };
const TODAY = "2026-06-12T08:00:00Z";
/** A moment in Vietnam's time (UTC+7), as a file's modification time. */
const local = (at: string) => new Date(`${at}+07:00`);

let dir: string;
let setup: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-cycle-"));
  setup = path.join(dir, "setup.json");
  fs.writeFileSync(setup, JSON.stringify(SETUP));
  fs.mkdirSync(path.join(dir, "don-vi"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const cchc = (...argv: string[]) => runCli(TODAY, argv);
const book = async (file: string): Promise<WorkbookSnapshot> => readXlsx(new Uint8Array(fs.readFileSync(file)));
const sheet = (b: WorkbookSnapshot, name: string) => {
  const s = b.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name} in ${b.sheets.map((x) => x.name).join(", ")}`);
  return cellsA1(s);
};
/** A cell's value; "" for a blank one, written or not (the tables write their blank cells, for the borders). */
const text = (cells: ReturnType<typeof sheet>, address: string) => cells[address]?.value ?? "";
const unit = (code: string) => SAMPLE_UNITS.find((u) => u.code === code)!;

/** A unit's file as it fills the template the ward's setup makes (`cchc template --units`), saved at `at` (Vietnam's time). */
async function unitFile(code: string, periodId: string, figures: FormValues, at: string, name = `${code}.xlsx`): Promise<string> {
  const u = unit(code);
  const blank = path.join(dir, `blank-${code}-${periodId}.xlsx`);
  const r = await cchc("template", "--units", setup, "--unit", u.name, "--period", periodId, "--forms", u.forms.join(","), "-o", blank);
  if (r.code !== 0) throw new Error(r.err);
  const file = path.join(dir, "don-vi", name);
  fs.writeFileSync(file, await fillTemplate(new Uint8Array(fs.readFileSync(blank)), figures));
  fs.utimesSync(file, local(at), local(at));
  return file;
}

describe("the ward's dates on the printed form", () => {
  it("prints the setup's cut-off and deadline above the header row, and a date line in the signature block; nothing moves, nothing is misread", async () => {
    const file = path.join(dir, "kt.xlsx");
    const r = await cchc("template", "--units", setup, "--unit", unit("kt").name, "--period", "2026-H1", "-o", file);
    expect(r.code).toBe(0);
    const b = await book(file);
    const bm1 = sheet(b, "BM1");
    expect([text(bm1, "A5"), text(bm1, "A6"), text(bm1, "A7"), text(bm1, "A8")]).toEqual([
      "Thời hạn chốt số liệu: từ ngày 01/01/2026 đến ngày 31/05/2026",
      "Hạn gửi báo cáo: 04/06/2026",
      "STT",
      "1",
    ]);
    expect(FORM_LAYOUT.headerRow).toBe(7);
    const last = Math.max(...Object.keys(bm1).map((a) => Number(a.replace(/\D/g, ""))));
    expect(text(bm1, `D${last - 2}`)).toBe("…, ngày … tháng … năm …");
    expect([text(bm1, `B${last - 1}`), text(bm1, `D${last - 1}`)]).toEqual(["Người lập biểu", "Thủ trưởng đơn vị"]);
    // The deadline is no report date, no unit and no period.
    const title = readTitle(b, locateForms(b, CATALOGUE).found);
    // Each of the seven sheets gives the cut-off's two dates, and no other.
    expect([title.unit?.value, title.period?.value, [...new Set(title.dates.map((d) => d.value))]]).toEqual([
      unit("kt").name,
      "2026-H1",
      ["2026-01-01", "2026-05-31"],
    ]);
    // A blank form is only "no figures yet" (MISSING_VALUE): no changed structure, no title that disagrees.
    expect([...new Set(validateWorkbook(b).findings.map((f) => f.code))]).toEqual(["MISSING_VALUE"]);
  });
});

describe("who has sent, and a Phiếu kiểm tra for each unit", () => {
  it("lists a late unit, a missing one and a Word file in the ward workbook and in --json; writes one feedback file per unit with its findings", async () => {
    // VHXH on time; KT late with a negative figure of its own; the one-stop centre sent a Word report; VP nothing.
    await unitFile("vhxh", "2026-H1", unit("vhxh").figures, "2026-06-04T23:30:00");
    await unitFile("kt", "2026-H1", { ...unit("kt").figures, BM1: { ...unit("kt").figures.BM1, "3.1": -1 } }, "2026-06-07T09:00:00");
    const word = path.join(dir, "don-vi", "Trung tâm Phục vụ hành chính công - báo cáo.docx");
    fs.writeFileSync(word, "not a workbook");
    fs.utimesSync(word, local("2026-06-03T08:00:00"), local("2026-06-03T08:00:00"));
    // A scan whose name carries no unit: named too, never skipped silently.
    fs.writeFileSync(path.join(dir, "don-vi", "scan-0001.pdf"), "%PDF-1.4");
    const out = path.join(dir, "phuong.xlsx");
    const feedbackDir = path.join(dir, "phieu");

    const r = await cchc("aggregate", "--units", setup, "-o", out, "--json", "--feedback", feedbackDir, path.join(dir, "don-vi"));
    expect(r.err).toBe("");
    const json = JSON.parse(r.out);
    expect(json.submissions.map((s: { code: string; status: string; daysLate: number | null }) => [s.code, s.status, s.daysLate])).toEqual([
      ["VP", "missing", 8],
      ["TTPVHCC", "unreadable", 8],
      ["KT", "late", 3],
      ["VHXH", "on-time", null],
    ]);
    expect(json.submissions[1].files).toEqual([{ file: word, modified: "2026-06-03T08:00", status: "not-a-workbook", kind: "word" }]);
    expect(json.submissions[2]).toMatchObject({ received: "2026-06-07T09:00", errors: 1, missingForms: [], resubmissions: 0 });
    expect(json.unplacedFiles).toEqual([{ file: path.join(dir, "don-vi", "scan-0001.pdf"), kind: "pdf" }]);
    const printed = await cchc("aggregate", "--units", setup, "-o", path.join(dir, "lan-2.xlsx"), path.join(dir, "don-vi"));
    expect(printed.out).toContain("  Tệp không phải bảng tính, không rõ của đơn vị nào: scan-0001.pdf (tệp PDF)");

    const board = sheet(await book(out), SUBMISSIONS_SHEET);
    expect(text(board, "A1")).toBe("Theo dõi tiếp nhận – Phường Hòa An (dữ liệu mẫu) – 6 tháng đầu năm 2026");
    expect(text(board, "A2")).toBe("Hạn các đơn vị gửi báo cáo: 04/06/2026; hạn phường gửi báo cáo lên thành phố: 08/06/2026");
    const row = (r: number) => ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"].map((c) => text(board, `${c}${r}`));
    expect(row(4).join(" | ")).toBe(
      "STT | Đơn vị | Biểu mẫu phải gửi | Trạng thái | Ngày nhận | Muộn / còn | Tệp đã nhận | Gửi lại | Lỗi | Cảnh báo | Thiếu biểu mẫu",
    );
    expect(row(5)).toEqual(["1", "Văn phòng HĐND và UBND", "BM1, BM2", "Chưa gửi", "", "muộn 8 ngày", "", 0, "", "", "BM1, BM2"]);
    expect(row(6)).toEqual([
      "2",
      "Trung tâm Phục vụ hành chính công",
      "BM1, BM3, BM7",
      "Tệp không dùng được",
      "",
      "muộn 8 ngày",
      "Trung tâm Phục vụ hành chính công - báo cáo.docx (tệp Word)",
      0,
      "",
      "",
      "BM1, BM3, BM7",
    ]);
    expect(row(7)).toEqual(["3", "Phòng Kinh tế, Hạ tầng và Đô thị", "BM1, BM6", "Nộp muộn", "07/06/2026 09:00", "muộn 3 ngày", "kt.xlsx", 0, 1, 0, ""]);
    expect(row(8).slice(3, 7)).toEqual(["Đúng hạn", "04/06/2026 23:30", "", "vhxh.xlsx"]);
    // No cell of the board holds the officer's folders.
    expect(Object.values(board).some((c) => typeof c.value === "string" && c.value.includes(dir))).toBe(false);

    // One Phiếu kiểm tra per unit with findings, named after the unit and period; each printed line of the CLI names its file.
    const names = fs.readdirSync(feedbackDir).sort();
    expect(names).toEqual([
      "Phieu-kiem-tra-Phong-Kinh-te-Ha-tang-va-Do-thi-2026-H1.xlsx",
      "Phieu-kiem-tra-Phong-Van-hoa-Xa-hoi-2026-H1.xlsx",
      "Phieu-kiem-tra-Trung-tam-Phuc-vu-hanh-chinh-cong-2026-H1.xlsx",
      "Phieu-kiem-tra-Van-phong-HDND-va-UBND-2026-H1.xlsx",
    ]);
    expect(json.feedback.map((f: { file: string }) => path.basename(f.file)).sort()).toEqual(names);
    const kt = sheet(await book(path.join(feedbackDir, names[0])), "KT");
    expect([text(kt, "A1"), text(kt, "A2"), text(kt, "A3"), text(kt, "A4"), text(kt, "A5")]).toEqual([
      "PHIẾU KIỂM TRA SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH",
      "Đơn vị: Phòng Kinh tế, Hạ tầng và Đô thị",
      "Kỳ báo cáo: 6 tháng đầu năm 2026",
      "Tệp đã kiểm tra: kt.xlsx (sửa lần cuối 07/06/2026 09:00)",
      "Thời điểm kiểm tra: 12/06/2026 15:00",
    ]);
    expect(text(kt, "F8")).toBe("Vấn đề");
    const lines = Array.from({ length: 20 }, (_, i) => ["B", "C", "D", "E"].map((c) => text(kt, `${c}${9 + i}`)));
    expect(lines).toContainEqual(["BM1", expect.stringMatching(/^3\.1 – /), expect.stringMatching(/^BM1!D\d+$/), "Lỗi"]);
    // The ward's own finding its figures are part of: KT's plan tasks repeat VHXH's (a likely double count), on both units' forms.
    expect(lines.some((l) => l[2] === "Số liệu của phường")).toBe(true);
    const vhxh = sheet(await book(path.join(feedbackDir, names[1])), "VHXH");
    expect(Object.values(vhxh).some((c) => c.value === "Số liệu của phường")).toBe(true);
    const vp = sheet(await book(path.join(feedbackDir, names[3])), "VP");
    expect(text(vp, "A4")).toBe("Tệp đã kiểm tra: chưa nhận được tệp");
    expect(text(vp, "F9")).toContain("Văn phòng HĐND và UBND chưa gửi số liệu BM1");

    // The text report prints one line per feedback file written.
    const again = await cchc("aggregate", "--units", setup, "-o", out, "--feedback", feedbackDir, path.join(dir, "don-vi"));
    expect(again.out).toContain(`Đã ghi ${path.join(feedbackDir, names[0])}: Phòng Kinh tế, Hạ tầng và Đô thị,`);
    expect(again.out).toContain("Theo dõi tiếp nhận (hạn gửi 04/06/2026):");
  });

  it("cchc validate --report writes one sheet per file checked, with its findings", async () => {
    const kt = await unitFile("kt", "2026-H1", { ...unit("kt").figures, BM1: { ...unit("kt").figures.BM1, "3.1": -1 } }, "2026-06-07T09:00:00");
    const vhxh = await unitFile("vhxh", "2026-H1", unit("vhxh").figures, "2026-06-04T10:00:00");
    const report = path.join(dir, "phieu.xlsx");
    const r = await cchc("validate", kt, vhxh, "--report", report);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`Đã ghi Phiếu kiểm tra số liệu ${report} (2 trang).`);
    const b = await book(report);
    expect(b.sheets.map((s) => s.name)).toEqual(["Phòng Kinh tế, Hạ tầng và Đô th", "Phòng Văn hóa - Xã hội"]);
    const first = cellsA1(b.sheets[0]);
    expect(text(first, "A4")).toBe("Tệp đã kiểm tra: kt.xlsx (sửa lần cuối 07/06/2026 09:00)");
    expect([text(first, "B9"), text(first, "E9")]).toEqual(["BM1", "Lỗi"]);
    expect(text(cellsA1(b.sheets[1]), "A9")).toBe("Không phát hiện vấn đề nào.");
    const refused = await cchc("validate", kt, "--report", path.join(dir, "phieu.pdf"));
    expect(refused.code).toBe(2);
  });
});

describe("the previous period (--previous)", () => {
  const FIGURES = (done: number) => ({ BM1: { ...unit("vhxh").figures.BM1, "2.1": 30, "2.2": done } });

  it("a unit's cumulative row that fell is an error naming both periods; another unit's earlier file is one line, nothing compared", async () => {
    const q1 = await unitFile("vhxh", "2026-Q1", FIGURES(4), "2026-03-10T08:00:00", "vhxh-q1.xlsx");
    const h1 = await unitFile("vhxh", "2026-H1", FIGURES(2), "2026-06-03T08:00:00", "vhxh-h1.xlsx");
    const r = await cchc("validate", h1, "--previous", q1, "--json", "--report", path.join(dir, "phieu.xlsx"));
    expect(r.code).toBe(1);
    const fell = JSON.parse(r.out).files[0].findings.filter((f: { code: string }) => f.code === "CUMULATIVE_DECREASED");
    expect(fell.map((f: { row: string; message: string }) => f.row)).toEqual(["2", "2.2"]);
    expect(fell[1].message).toContain("6 tháng đầu năm 2026: 2 < Quý I năm 2026: 4");
    const phieu = cellsA1((await book(path.join(dir, "phieu.xlsx"))).sheets[0]);
    expect(Object.values(phieu).some((c) => typeof c.value === "string" && c.value.includes("6 tháng đầu năm 2026: 2 < Quý I năm 2026: 4"))).toBe(true);

    const other = await unitFile("kt", "2026-Q1", unit("kt").figures, "2026-03-10T08:00:00", "kt-q1.xlsx");
    const o = await cchc("validate", h1, "--previous", other, "--json");
    const codes = JSON.parse(o.out).files[0].findings.map((f: { code: string }) => f.code);
    expect(codes.filter((c: string) => c === "PREVIOUS_NOT_COMPARABLE" || c === "CUMULATIVE_DECREASED")).toEqual(["PREVIOUS_NOT_COMPARABLE"]);
  });

  it("the ward's figures against its earlier report: the fall is a finding, and the detail sheet gets Kỳ trước and Thay đổi", async () => {
    const q1 = await unitFile("vhxh", "2026-Q1", FIGURES(20), "2026-03-10T08:00:00", "vhxh-q1.xlsx");
    const wardQ1 = path.join(dir, "phuong-q1.xlsx");
    expect((await cchc("aggregate", "--units", setup, "-o", wardQ1, q1)).code).toBe(0);
    fs.rmSync(q1);
    const h1 = await unitFile("vhxh", "2026-H1", FIGURES(12), "2026-06-03T08:00:00", "vhxh-h1.xlsx");
    const out = path.join(dir, "phuong.xlsx");
    const r = await cchc("aggregate", "--units", setup, "-o", out, "--previous", wardQ1, "--json", h1);
    const json = JSON.parse(r.out);
    const fell = json.findings.filter((f: { code: string }) => f.code === "CUMULATIVE_DECREASED");
    expect(fell.map((f: { form: string; row: string }) => `${f.form} ${f.row}`)).toEqual(["BM1 2", "BM1 2.2"]);
    expect(fell[1].message).toContain("6 tháng đầu năm 2026: 12 < Quý I năm 2026: 20");

    const detail = sheet(await book(out), DETAIL_SHEET);
    // Columns: Biểu mẫu, STT, Chỉ tiêu, Đơn vị tính, one unit (VHXH), Tổng hợp, Kỳ trước, Thay đổi, Cách tổng hợp, Ghi chú.
    expect(["F3", "G3", "H3", "I3"].map((a) => text(detail, a))).toEqual(["Tổng hợp", "Kỳ trước (Quý I năm 2026)", "Thay đổi", "Cách tổng hợp"]);
    const rowOf = Object.entries(detail)
      .find(([a, c]) => a.startsWith("B") && c.value === "2.2")![0]
      .slice(1);
    expect(["F", "G", "H"].map((c) => text(detail, `${c}${rowOf}`))).toEqual([12, 20, -8]);
  });
});
