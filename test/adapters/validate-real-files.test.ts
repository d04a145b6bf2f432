import ExcelJS from "exceljs";
import { readXlsx } from "../support/exceljs-reader";
import { planToXlsx } from "../../src/adapters/xlsx/write-plan";
import type { WorkbookSnapshot } from "../../src/core/read";
import { type Finding } from "../../src/core/validate";
import { CLEAN_VALUES } from "../support/clean-values";
import { fillTemplate } from "../support/fill";
import { templatePlan } from "../support/plans";
import { SEED_VALUES } from "../support/seed-values";
import { recalculateWithLibreOffice } from "../support/soffice";
import { validateWorkbook, type ValidationResult } from "../support/worded";
import { at as atA1, cellsA1 } from "../support/a1";

const validateBytes = async (bytes: Uint8Array, lang: "vi" | "en" = "vi") => validateWorkbook(await readXlsx(bytes), { lang });
const at = (r: ValidationResult, code: Finding["code"]) => r.findings.filter((f) => f.code === code);
const cellsOf = (r: ValidationResult, code: Finding["code"]) => at(r, code).map((f) => f.cell);
const one = (r: ValidationResult, code: Finding["code"], cell: string) => {
  const found = r.findings.filter((f) => f.code === code && f.cell === cell);
  expect(found).toHaveLength(1);
  return found[0];
};
/** What a comparison across files looks at: severity, code and cell of each finding, in order. */
const places = (r: ValidationResult) => r.findings.map((f) => `${f.severity} ${f.code} ${f.cell ?? f.form}`);

describe("the seed's Phụ lục 3 typed into a template (a real .xlsx)", () => {
  let seed: Uint8Array;
  let result: ValidationResult;
  beforeAll(async () => {
    seed = await fillTemplate(await planToXlsx(templatePlan("Phường Nhị Chiểu")), SEED_VALUES);
    result = await validateBytes(seed);
  });

  it("finds every form and the workbook's metadata", () => {
    expect(Object.keys(result.forms)).toEqual(["BM1", "BM2", "BM3", "BM4", "BM5", "BM6", "BM7"]);
    expect(result.metadata).toMatchObject({ unit: "Phường Nhị Chiểu", period: "2026-H1" });
  });

  it.each([
    ["= 27/52*100", "BM1", "2", "BM1!D9"],
    ["= b/a*100", "BM1", "3.3", "BM1!D15"],
    ["=a+b", "BM2", "1", "BM2!D8"],
    ["=a+b+c+d", "BM5", "4", "BM5!D16"],
  ])("the placeholder %p in %s %s is a FORMULA_MISMATCH with the catalogue formula as its fix", (text, form, row, cell) => {
    const f = one(result, "FORMULA_MISMATCH", cell);
    expect(f).toMatchObject({ severity: "error", form, row, actual: text });
    expect(f.expected).toMatch(/^=IF\(/);
    expect(f.fix).toMatchObject({ kind: "set-formula", sheet: form, ...atA1(cell.split("!")[1]) });
  });

  it("flags every ratio and total cell that holds no formula", () => {
    expect(cellsOf(result, "FORMULA_MISMATCH")).toEqual([
      "BM1!D9",
      "BM1!D15",
      "BM2!D8",
      "BM3!D12",
      "BM3!D15",
      "BM5!D16",
      "BM6!D8",
      "BM6!D15",
      "BM7!D9",
      "BM7!D12",
      "BM7!D15",
      "BM7!D18",
      "BM7!D21",
    ]);
  });

  it('ratio results typed into the unit column ("51,9%", "100%", "50,0%") are UNIT_MISMATCH, and agree with their ratios', () => {
    expect(one(result, "UNIT_MISMATCH", "BM1!C9")).toMatchObject({ severity: "warning", row: "2", expected: "%", actual: "51,9%" });
    expect(one(result, "UNIT_MISMATCH", "BM6!C8")).toMatchObject({ actual: "50,0%" });
    for (const cell of ["BM3!C12", "BM3!C15", "BM7!C9", "BM7!C12", "BM7!C15", "BM7!C18", "BM7!C21"])
      expect(one(result, "UNIT_MISMATCH", cell).actual).toBe("100%");
    // 27/52 = 51,92 %, 9.275/9.275 = 100 %: the typed results are right, only misplaced
    expect(at(result, "RATIO_MISMATCH")).toEqual([]);
  });

  it('BM7 1.3.1 / 1.3.2 count dossiers under the unit "Thủ tục"', () => {
    for (const [cell, row] of [
      ["BM7!C16", "1.3.1"],
      ["BM7!C17", "1.3.2"],
    ]) {
      expect(one(result, "UNIT_MISMATCH", cell)).toMatchObject({ severity: "warning", form: "BM7", row, expected: "Hồ sơ", actual: "Thủ tục" });
    }
  });

  it('numbers typed as text: "9.275" and "01" are read (NUMBER_AS_TEXT), "42,809" is not guessed (AMBIGUOUS_NUMBER)', () => {
    expect(one(result, "NUMBER_AS_TEXT", "BM3!D13")).toMatchObject({
      severity: "warning",
      row: "2.1.1",
      expected: "9.275",
      actual: "9.275",
      fix: { kind: "set-number", value: 9275 },
    });
    expect(one(result, "NUMBER_AS_TEXT", "BM4!D11")).toMatchObject({
      severity: "warning",
      form: "BM4",
      row: "1.3",
      expected: "1",
      actual: "01",
      fix: { value: 1 },
    });
    expect(cellsOf(result, "NUMBER_AS_TEXT")).toEqual(["BM1!D23", "BM3!D10", "BM3!D13", "BM3!D14", "BM4!D11", "BM6!D10", "BM7!D19", "BM7!D20"]);
    const ambiguous = one(result, "AMBIGUOUS_NUMBER", "BM6!D9");
    expect(ambiguous).toMatchObject({ severity: "error", form: "BM6", row: "1.1", actual: "42,809" });
    expect(ambiguous.message).toContain("42.809");
    expect(result.figures.BM3["2.1.1"]).toBe(9275);
    expect(result.figures.BM6).not.toHaveProperty("1.1");
  });

  it("BM6 2.4 = 19 against its parts' 0 is the one cause: 2.1 = 19 = 2.2 + 2.3 + 2.4 + 2.5 = 0 + 0 + 0 + 19 holds, 2.4 counted from its parts", () => {
    expect(cellsOf(result, "SUM_MISMATCH")).toEqual(["BM6!D15"]);
    expect(one(result, "SUM_MISMATCH", "BM6!D15")).toMatchObject({ severity: "error", row: "2.4", expected: "0", actual: "19" });
  });

  it("the letters a and b typed as figures, and the blanks, are reported too", () => {
    expect(cellsOf(result, "NOT_A_NUMBER")).toEqual(["BM1!D16", "BM1!D17"]);
    expect(cellsOf(result, "MISSING_VALUE")).toEqual(["BM1!D13", "BM1!D14"]);
  });

  it("totals 17 errors and 23 warnings, in both languages", async () => {
    expect(result.counts).toEqual({ error: 17, warning: 23, info: 0 });
    const en = await validateBytes(seed, "en");
    expect(places(en)).toEqual(places(result));
    expect(en.findings.every((f) => f.message && f.suggestion)).toBe(true);
  });
});

describe("a clean, consistent fill of all seven forms (a real .xlsx)", () => {
  it("gives no error, no warning and no note", async () => {
    const result = await validateBytes(await fillTemplate(await planToXlsx(templatePlan()), CLEAN_VALUES));
    expect(result.findings).toEqual([]);
    expect(result.counts).toEqual({ error: 0, warning: 0, info: 0 });
    expect(result.figures.BM1["2"]).toBeCloseTo((27 / 52) * 100, 9);
  });
});

describe("a workbook recalculated by LibreOffice validates as the one the product wrote", () => {
  const cases: Record<string, { before?: ValidationResult; after?: ValidationResult }> = { clean: {}, seed: {} };
  let recalculatedClean: WorkbookSnapshot;
  beforeAll(async () => {
    const written = {
      clean: await fillTemplate(await planToXlsx(templatePlan()), CLEAN_VALUES),
      seed: await fillTemplate(await planToXlsx(templatePlan("Phường Nhị Chiểu")), SEED_VALUES),
    };
    const recalculated = await Promise.all([recalculateWithLibreOffice(written.clean, "clean.xlsx"), recalculateWithLibreOffice(written.seed, "seed.xlsx")]);
    recalculatedClean = await readXlsx(recalculated[0]);
    cases.clean = { before: await validateBytes(written.clean), after: validateWorkbook(recalculatedClean) };
    cases.seed = { before: await validateBytes(written.seed), after: await validateBytes(recalculated[1]) };
  }, 300_000);

  it.each(["clean", "seed"])("%s: the same findings (severity, code, cell) and the same figures", (name) => {
    const { before, after } = cases[name];
    expect(places(after!)).toEqual(places(before!));
    expect(after!.counts).toEqual(before!.counts);
    for (const [form, figures] of Object.entries(before!.figures)) {
      for (const [stt, value] of Object.entries(figures)) {
        if (value === null) expect([form, stt, after!.figures[form][stt]]).toEqual([form, stt, null]);
        else expect(after!.figures[form][stt]).toBeCloseTo(value, 9);
      }
    }
  });

  it("really recalculated: the formula cells now carry LibreOffice's results", () => {
    const bm7 = recalculatedClean.sheets.find((s) => s.name === "BM7")!;
    expect(cellsA1(bm7).D9.formula).toMatch(/D11\/D10\*100/);
    expect(cellsA1(bm7).D9.value as number).toBeCloseTo((200 / 219) * 100, 9);
    expect(cellsA1(recalculatedClean.sheets.find((s) => s.name === "BM6")!).D15.value).toBe(12);
    expect(cases.seed.after!.counts).toEqual({ error: 17, warning: 23, info: 0 });
  });
});

describe("a hand-made sheet named Biểu mẫu 3, title lines above, the table from column B", () => {
  let result: ValidationResult;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Biểu mẫu 3");
    ws.getCell("B1").value = "ỦY BAN NHÂN DÂN PHƯỜNG NHỊ CHIỂU";
    ws.mergeCells("B1:F1");
    ws.getCell("B2").value = "Phụ lục 3 – Biểu mẫu 3";
    ws.getCell("B3").value = "Cải cách thủ tục hành chính";
    ws.getCell("B4").value = "Kỳ báo cáo: 6 tháng đầu năm 2026";
    ["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu", "Ghi chú"].forEach((h, i) => (ws.getCell(6, 2 + i).value = h));
    // STT as an officer types them: numbers where Excel takes them as numbers, text where it cannot
    const rows: [number | string, string, string, ExcelJS.CellValue][] = [
      [1, "Thực hiện cơ chế một cửa, một cửa liên thông", "", null],
      [1.1, "Tỷ lệ TTHC tiếp nhận, trả kết quả tại Bộ phận Một cửa", "%", 100],
      [1.2, "Số TTHC không phụ thuộc địa giới hành chính", "Thủ tục", 2060],
      [2, "Kết quả giải quyết TTHC", "", null],
      [2.1, "Tỷ lệ hồ sơ giải quyết đúng hạn", "%", { formula: "E13/E12*100" } as ExcelJS.CellFormulaValue],
      ["2.1.1", "Tổng số hồ sơ TTHC đã giải quyết xong", "Hồ sơ", 9275],
      ["2.1.2", "Số hồ sơ TTHC giải quyết đúng hạn", "Hồ sơ", 9201],
      [2.2, "Tỷ lệ giải quyết PAKN", "%", { formula: 'IF(E15=0,"",E16/E15*100)' } as ExcelJS.CellFormulaValue],
      ["2.2.1", "Tổng số PAKN đã tiếp nhận", "PAKN", 3],
      ["2.2.2", "Số PAKN đã giải quyết xong", "PAKN", 4],
    ];
    rows.forEach(([stt, indicator, unit, value], i) => {
      const r = 7 + i;
      ws.getCell(r, 2).value = stt;
      ws.getCell(r, 3).value = indicator;
      if (unit) ws.getCell(r, 4).value = unit;
      if (value !== null) ws.getCell(r, 5).value = value;
    });
    ws.getCell("C19").value = "Người lập biểu";
    result = await validateBytes(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  });

  it("is found by its name and header and validated by STT, its findings pointing at the moved cells", () => {
    expect(result.forms).toEqual({ BM3: "Biểu mẫu 3" });
    expect(result.metadata).toBeUndefined();
    expect(result.findings.map((f) => [f.severity, f.code, f.row, f.cell])).toEqual([["error", "PART_EXCEEDS_WHOLE", "2.2.2", "'Biểu mẫu 3'!E16"]]);
    expect(result.figures.BM3).toMatchObject({ "1.1": 100, "1.2": 2060, "2.1.1": 9275, "2.1.2": 9201, "2.2.1": 3, "2.2.2": 4 });
    expect(result.figures.BM3["2.1"]).toBeCloseTo((9201 / 9275) * 100, 9);
  });
});
