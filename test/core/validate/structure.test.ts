import { CATALOGUE } from "../../../src/core/forms";
import { checkedFinding, cleanForm, listFindings, placesOf, validate, withCode } from "../../support/finding-checks";
import { book, formOf, metaSheet, plainSheet } from "../../support/snapshot-builder";

const order = (id: string) => formOf(id).rows.map((r) => r.stt);
const FORMS = CATALOGUE.forms.map((f) => f.id);

/**
 * STRUCTURE_CHANGED comes from checkStructure (rows and headings of a form)
 * and from validateWorkbook itself (sheets missing, unreadable or absent);
 * each test expects the finding, so each fails without its source.
 */
describe("STRUCTURE_CHANGED", () => {
  it("a row missing (BM3 1.2 deleted): an error with no cell; the other rows still validate by STT", () => {
    const b = book(cleanForm("BM3", { "2.1.2": 9300 }, { rows: order("BM3").filter((s) => s !== "1.2") }));
    const f = checkedFinding(b, "STRUCTURE_CHANGED", null, "1.2");
    expect(f).toMatchObject({ severity: "error", form: "BM3", row: "1.2", expected: "1.2", actual: null });
    expect(f.message).toContain("1.2");
    const result = validate(b);
    expect(placesOf(result, "STRUCTURE_CHANGED")).toEqual(["BM3 1.2"]);
    // every row below moved up one line: 2.1.2 is now on row 13
    expect(placesOf(result, "PART_EXCEEDS_WHOLE")).toEqual(["BM3!D13"]);
  });

  it("a row duplicated: an error on the second one, pointing back at the first", () => {
    const rows = ["1", "1.1", "1.1"];
    const b = book(cleanForm("BM2", {}, { rows }));
    const f = checkedFinding(b, "STRUCTURE_CHANGED", "BM2!A10");
    expect(f).toMatchObject({ severity: "error", form: "BM2", row: "1.1", actual: "1.1" });
    expect(f.message).toContain("9");
    expect(listFindings(validate(b)).split("\n")).toHaveLength(1);
  });

  it("rows out of order: a warning at the first row out of place", () => {
    // BM5 4.1 and 4.2 swapped (BM2 has a single part since the catalogue follows the seed)
    const rows = order("BM5").map((s) => (s === "4.1" ? "4.2" : s === "4.2" ? "4.1" : s));
    const b = book(cleanForm("BM5", { "4.1": 1, "4.2": 2 }, { rows }));
    const f = checkedFinding(b, "STRUCTURE_CHANGED", "BM5!A17");
    expect(f).toMatchObject({ severity: "warning", row: "4.2", expected: "4.1", actual: "4.2" });
    // the figures are still found by STT: 4 = 4.1 + 4.2 + 4.3 holds
    const result = validate(b);
    expect(result.counts).toEqual({ error: 0, warning: 1, info: 0 });
    expect(result.figures.BM5).toMatchObject({ "4": 5, "4.1": 1, "4.2": 2, "4.3": 2 });
  });

  it("an STT the form does not have: a warning, and the row is left out of every rule", () => {
    const b = book(cleanForm("BM2", { "1.3": 99 }, { rows: [...order("BM2"), "1.3"] }));
    const f = checkedFinding(b, "STRUCTURE_CHANGED", "BM2!A10");
    expect(f).toMatchObject({ severity: "warning", row: "1.3", expected: null, actual: "1.3" });
    expect(validate(b).counts).toEqual({ error: 0, warning: 1, info: 0 });
  });

  it("a heading renamed: a warning at the heading, the column still read in its place", () => {
    const header = ["STT", "Chỉ tiêu thống kê", "ĐVT", "Giá trị", "Ghi chú"];
    const b = book(cleanForm("BM2", { "1.1": 25 }, { header }));
    const result = validate(b);
    expect(placesOf(result, "STRUCTURE_CHANGED")).toEqual(["BM2!C7", "BM2!D7"]);
    expect(checkedFinding(b, "STRUCTURE_CHANGED", "BM2!D7")).toMatchObject({
      severity: "warning",
      form: "BM2",
      row: null,
      expected: "Số liệu",
      actual: "Giá trị",
    });
    expect(result.figures.BM2).toEqual({ "1": 25, "1.1": 25 });
  });

  it("a heading in another case, with a trailing note, is not renamed", () => {
    const header = ["stt", "CHỈ TIÊU THỐNG KÊ (1)", "Đơn vị tính", "Số liệu", "Ghi chú (nếu có)"];
    const b = book(cleanForm("BM2", {}, { header }), cleanForm("BM3", {}, { rows: order("BM3").slice(1) }));
    expect(placesOf(validate(b), "STRUCTURE_CHANGED")).toEqual(["BM3 1"]);
  });

  it("a form sheet the workbook's metadata lists is missing", () => {
    const b = book(cleanForm("BM1"), cleanForm("BM3"), metaSheet(FORMS));
    const result = validate(b);
    expect(withCode(result, "STRUCTURE_CHANGED").map((f) => [f.form, f.row, f.cell, f.severity])).toEqual(
      ["BM2", "BM4", "BM5", "BM6", "BM7"].map((id) => [id, null, null, "error"]),
    );
    const f = checkedFinding(b, "STRUCTURE_CHANGED", null, undefined, "BM2");
    expect(f.message).toContain("BM2");
  });

  it("a BM sheet without the header row cannot be read", () => {
    const b = book(plainSheet("BM3", { A1: "Biểu mẫu 3", A3: "1.1", B3: "Tỷ lệ", D3: 100 }), cleanForm("BM2"));
    const f = checkedFinding(b, "STRUCTURE_CHANGED", "BM3!A1");
    expect(f).toMatchObject({ severity: "error", form: "BM3", row: null });
    expect(f.message).toContain("BM3");
    expect(validate(b).forms).toEqual({ BM2: "BM2" });
  });

  it("a renamed STT heading makes the table unreadable", () => {
    const b = book(cleanForm("BM2", {}, { header: ["Số TT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu", "Ghi chú"] }));
    expect(placesOf(validate(b), "STRUCTURE_CHANGED")).toEqual(["BM2!A1"]);
  });

  it("a workbook with no BM sheet at all", () => {
    const b = book(plainSheet("Sheet1", { A1: "Báo cáo", B2: 5 }), plainSheet("BM8", { A1: "STT", B1: "Chỉ tiêu thống kê" }));
    const f = checkedFinding(b, "STRUCTURE_CHANGED", null);
    expect(f).toMatchObject({ severity: "error", form: "", row: null, cell: null });
    expect(validate(b).findings).toHaveLength(1);
  });
});

describe("forms are found by sheet name, case and accents ignored", () => {
  it.each(["Biểu mẫu 3", "Bieu mau 3", "BIỂU MẪU 3", "bm 3", "BM_3", "BM03"])("finds form 3 on a sheet named %p", (name) => {
    const b = book(cleanForm("BM3", { "2.1.2": 9300 }, { sheetName: name }));
    const result = validate(b);
    expect(result.forms).toEqual({ BM3: name });
    expect(withCode(result, "PART_EXCEEDS_WHOLE").map((f) => f.cell?.endsWith("!D14"))).toEqual([true]);
  });
});

describe("a table moved on its sheet validates by STT", () => {
  it("title lines inserted, the table starting in column B, the sheet named Biểu mẫu 3", () => {
    const titleLines = [
      "ỦY BAN NHÂN DÂN PHƯỜNG NHỊ CHIỂU",
      "Phụ lục 3",
      "Biểu mẫu 3",
      "Cải cách thủ tục hành chính",
      null,
      "Kỳ báo cáo: 6 tháng đầu năm 2026",
      null,
    ];
    const options = { sheetName: "Biểu mẫu 3", titleLines, firstColumn: 2 };
    const b = book(cleanForm("BM3", { "2.1.2": 9300, "2.2": 50 }, options));
    const result = validate(b);
    // header on row 8, 1 on row 9 … 2.1 on 13, 2.1.2 on 15, 2.2 on 16
    expect(result.findings.map((f) => [f.code, f.cell])).toEqual([
      ["PART_EXCEEDS_WHOLE", "'Biểu mẫu 3'!E15"],
      ["FORMULA_MISMATCH", "'Biểu mẫu 3'!E16"],
    ]);
    const formula = result.findings.find((f) => f.code === "FORMULA_MISMATCH")!;
    expect(formula.expected).toBe('=IF(OR(E17="",E17=0,E18=""),"",E18/E17*100)');
    expect(formula.fix).toMatchObject({ sheet: "Biểu mẫu 3", row: 16, col: 5 });
    expect(result.figures.BM3["2.1"]).toBeCloseTo((9300 / 9275) * 100, 9);
  });
});
