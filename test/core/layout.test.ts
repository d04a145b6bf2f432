import { CATALOGUE, loadCatalogue, type CatalogueInput } from "../../src/core/forms";
import { buildWorkbookPlan, FORM_LAYOUT, META_SHEET, readMetadata, ratioFormula, rowNumbers, totalFormula, type SheetPlan } from "../../src/core/layout";
import { buildWardPlan, DETAIL_SHEET } from "../../src/core/layout/ward-sheets";
import { cellAddress, rangeAddress } from "../../src/core/layout/address";
import { LIMITS } from "../../src/core/limits";
import { parsePeriod } from "../../src/core/periods";
import { DEFAULT_REGISTRY } from "../../src/core/units";
import { period as testPeriod } from "../support/plans";
import { unitBook } from "../support/unit-books";
import { aggregate } from "../support/worded";
import { a1, planCellA1, setA1 } from "../support/a1";

const period = (() => {
  const p = parsePeriod("2026-H1");
  if (!p.ok) throw new Error("period");
  return p.value;
})();
const ALL = CATALOGUE.forms.map((f) => f.id);
const plan = buildWorkbookPlan({ unit: "Phòng Văn hóa - Xã hội", period, forms: ALL, createdAt: "2026-11-27T08:00:00.000Z" });
const sheet = (name: string) => plan.sheets.find((s) => s.name === name)!;
const cell = (s: SheetPlan, address: string) => planCellA1(s.cells, address);

describe("the layout of a generated workbook", () => {
  it("has one sheet per form, BM1 … BM7, then the hidden metadata sheet", () => {
    expect(plan.sheets.map((s) => s.name)).toEqual([...ALL, META_SHEET]);
    expect(plan.sheets.map((s) => s.visibility)).toEqual([...ALL.map(() => "visible"), "veryHidden"]);
  });

  it("writes the title block with form, title, unit, period and cut-off window", () => {
    const bm3 = sheet("BM3");
    expect([1, 2, 3, 4, 5].map((r) => cell(bm3, `A${r}`)!.value)).toEqual([
      "Biểu mẫu 3",
      "Cải cách thủ tục hành chính",
      "Đơn vị báo cáo: Phòng Văn hóa - Xã hội",
      "Kỳ báo cáo: 6 tháng đầu năm 2026",
      "Thời hạn chốt số liệu: từ ngày 15/12/2025 đến ngày 14/06/2026",
    ]);
  });

  it("has exactly one header row STT | Chỉ tiêu thống kê | Đơn vị tính | Số liệu | Ghi chú", () => {
    for (const form of CATALOGUE.forms) {
      const s = sheet(form.id);
      const header = ["A", "B", "C", "D", "E"].map((c) => cell(s, `${c}${FORM_LAYOUT.headerRow}`)!.value);
      expect(header).toEqual(["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu", "Ghi chú"]);
      const headerRows = s.cells.filter((c) => c.value === "Chỉ tiêu thống kê");
      expect(headerRows).toHaveLength(1);
    }
  });

  it("writes one row per STT in catalogue order, STT as text", () => {
    for (const form of CATALOGUE.forms) {
      const s = sheet(form.id);
      form.rows.forEach((row, i) => {
        const r = FORM_LAYOUT.firstDataRow + i;
        expect(cell(s, `A${r}`)).toMatchObject({ value: row.stt, numFmt: "@" });
        expect(cell(s, `B${r}`)!.value).toBe(row.indicator);
        expect(cell(s, `C${r}`)!.value).toBe(row.unit);
      });
    }
  });

  it("puts a formula in every ratio and total row, and an unlocked empty input in every input row", () => {
    for (const form of CATALOGUE.forms) {
      const s = sheet(form.id);
      const rows = rowNumbers(form);
      const d = (stt: string) => `D${rows.get(stt)}`;
      for (const row of form.rows) {
        const value = cell(s, d(row.stt))!;
        if (row.kind === "ratio") {
          expect(value).toMatchObject({ formula: ratioFormula(d(row.numerator!), d(row.denominator!)), locked: true, numFmt: "0.0" });
        } else if (row.kind === "total") {
          expect(value).toMatchObject({ formula: totalFormula(row.sumOf!.map(d)), locked: true });
        } else if (row.kind === "header") {
          expect(value).toMatchObject({ locked: true });
          expect(value.formula ?? value.value).toBeUndefined();
        } else {
          expect(value.locked).toBe(false);
          expect(value.formula ?? value.value).toBeUndefined();
        }
      }
    }
    expect(cell(sheet("BM1"), "D9")!.formula).toBe('IF(OR(D10="",D10=0,D11=""),"",D11/D10*100)');
    expect(cell(sheet("BM5"), "D16")!.formula).toBe('IF(COUNT(D17,D18,D19)=0,"",SUM(D17,D18,D19))');
  });

  it("validates every input cell by its kind, and nothing else", () => {
    for (const form of CATALOGUE.forms) {
      const s = sheet(form.id);
      const rows = rowNumbers(form);
      const inputs = form.rows.filter((r) => ["count", "money", "percent", "code"].includes(r.kind));
      expect(s.validations.map(a1).sort()).toEqual(inputs.map((r) => `D${rows.get(r.stt)}`).sort());
      for (const row of inputs) {
        const v = s.validations.find((x) => a1(x) === `D${rows.get(row.stt)}`)!;
        expect(v.prompt.title.length).toBeLessThanOrEqual(32);
        expect(v.prompt.text.length).toBeLessThanOrEqual(255);
        expect(v.error.text.length).toBeLessThanOrEqual(255);
        if (row.kind === "count") expect(v).toMatchObject({ type: "whole", min: 0 });
        if (row.kind === "money") expect(v).toMatchObject({ type: "decimal", min: 0 });
        if (row.kind === "percent") expect(v).toMatchObject({ type: "decimal", min: 0, max: 100 });
        if (row.kind === "code") expect(v).toMatchObject({ type: "list", values: row.codes!.map((c) => c.value) });
      }
    }
  });

  it("protects form sheets and prints them on A4 portrait, fitted to width, header repeated", () => {
    for (const id of ALL) {
      expect(sheet(id).protect).toBe(true);
      expect(sheet(id).print).toMatchObject({ paper: "A4", orientation: "portrait", fitToWidth: true, titleRows: { row: 7, lastRow: 7 } });
    }
  });

  it("records unit and period in the metadata sheet, and reads them back", () => {
    const meta = sheet(META_SHEET);
    const rows: unknown[][] = [];
    for (const c of meta.cells) (rows[c.row] ??= [])[c.col - 1] = c.value;
    expect(readMetadata(rows.filter(Boolean))).toEqual({
      format: "bieu-mau-cchc",
      formatVersion: "1",
      catalogueVersion: CATALOGUE.version,
      unit: "Phòng Văn hóa - Xã hội",
      period: "2026-H1",
      windowFrom: "2025-12-15",
      windowTo: "2026-06-14",
      unitDeadline: "2026-06-10",
      forms: ALL,
      createdAt: "2026-11-27T08:00:00.000Z",
    });
    expect(readMetadata([["format", "something-else"]])).toBeUndefined();
  });

  it("keeps only the chosen forms", () => {
    const some = buildWorkbookPlan({ unit: "VP", period, forms: ["BM4", "BM1"], createdAt: "x" });
    expect(some.sheets.map((s) => s.name)).toEqual(["BM1", "BM4", META_SHEET]);
  });

  it("writes a hostile unit name as plain text and bounds its length", () => {
    const hostile = buildWorkbookPlan({ unit: '=HYPERLINK("http://x","y")\u0007' + "x".repeat(500), period, forms: ["BM1"], createdAt: "x" });
    const a3 = planCellA1(hostile.sheets[0].cells, "A3")!;
    expect(a3.formula).toBeUndefined();
    expect(a3.numFmt).toBe("@");
    expect(String(a3.value)).toMatch(/^Đơn vị báo cáo: =HYPERLINK/);
    expect(String(a3.value).length).toBeLessThanOrEqual("Đơn vị báo cáo: ".length + 200);
  });

  it("follows the catalogue: a row added in one place gets its line, formula and validation", () => {
    const input = JSON.parse(JSON.stringify(CATALOGUE)) as CatalogueInput;
    const bm2 = input.forms[1];
    bm2.rows.push({ stt: "1.2", indicator: "Số VBQPPL do cơ quan khác ban hành", unit: "Văn bản", kind: "count" });
    bm2.rows[0].sumOf = ["1.1", "1.2"];
    const extended = buildWorkbookPlan({ unit: "VP", period, forms: ["BM2"], createdAt: "x", catalogue: loadCatalogue(input) });
    const s = extended.sheets[0];
    expect(cell(s, "A10")!.value).toBe("1.2");
    expect(cell(s, "D8")!.formula).toBe(totalFormula(["D9", "D10"]));
    expect(s.validations.map(a1)).toContain("D10");
  });
});

describe("the ward workbook's plan", () => {
  it("cuts a text longer than a cell holds (a unit named by a 100,000-character title line) to Excel's 32,767 characters, marked … (found by the fuzz test)", () => {
    const long = `Phòng ${"9".repeat(100_000)}x`;
    const result = aggregate({
      workbooks: [{ file: "don-vi.xlsx", book: unitBook({ BM2: { "1.1": 4 } }, { title: { unit: long } }) }],
      registry: DEFAULT_REGISTRY,
    });
    expect(result.units.map((u) => u.name)).toEqual([long]);
    const texts = buildWardPlan(result, period, "2026-06-12T08:00:00.000Z")
      .sheets.flatMap((s) => s.cells)
      .map((c) => c.value)
      .filter((v): v is string => typeof v === "string");
    const longest = texts.reduce((a, b) => (b.length > a.length ? b : a), "");
    expect(longest).toHaveLength(32_767);
    expect(longest.endsWith("…")).toBe(true);
  });

  it("is made for as many units as an aggregation takes (LIMITS.maxFiles): the detail sheet's print area ends at its last row", () => {
    const one = aggregate({ workbooks: [{ file: "don-vi.xlsx", book: unitBook({ BM2: { "1.1": 4 } }, { unit: "Đơn vị 0" }) }], registry: DEFAULT_REGISTRY });
    const units = Array.from({ length: LIMITS.maxFiles }, (_, i) => ({ name: `Đơn vị ${i}` }));
    const detail = buildWardPlan({ ...one, units }, period, "2026-06-12T08:00:00.000Z").sheets.find((s) => s.name === DETAIL_SHEET)!;
    expect(detail.cells.length).toBeGreaterThan(140_000);
    const rows = CATALOGUE.forms.reduce((n, f) => n + f.rows.length, 0);
    // Form, STT, indicator, unit; a column per unit; then the ward's figure, how it was made and the units' notes.
    expect(rangeAddress(detail.print!.area)).toBe(`A1:${cellAddress(3 + rows, 4 + LIMITS.maxFiles + 3)}`);
  });
});

describe("the ward workbook's row heights", () => {
  it("stay within Excel's 409 points however many units' notes a row carries (Excel refuses a taller row: 'Excel specifications and limits')", () => {
    const note = "Số liệu theo QĐ giao vốn, đã đối chiếu với Kho bạc";
    const workbooks = Array.from({ length: 60 }, (_, i) => {
      const book = unitBook({ BM1: { "1": i } }, { unit: `Tổ dân phố số ${i + 1}` });
      setA1(
        book.sheets.find((s) => s.name === "BM1")!,
        "E8",
        { value: note },
      );
      return { file: `to-${i}.xlsx`, book };
    });
    const result = aggregate({ workbooks, registry: DEFAULT_REGISTRY, ward: "Phường Ái Quốc" });
    const plan = buildWardPlan(result, testPeriod("2026-H1"), "2026-06-12T08:00:00.000Z");
    const bm1 = plan.sheets.find((s) => s.name === "BM1")!;
    expect(String(planCellA1(bm1.cells, "E8")!.value).split("\n")).toHaveLength(60);
    for (const sheet of plan.sheets) for (const h of Object.values(sheet.rowHeights)) expect(h).toBeLessThanOrEqual(409);
    expect(bm1.rowHeights[8]).toBe(409);
  });
});

/**
 * Issue 16, printing: no wrapped text is cut. Each row must be at least as tall
 * as the lines its longest text needs at its column's width (a merged cell:
 * the merged columns'), by the estimate the layout sizes rows with
 * (wrappedHeight: 1.1 characters per unit of column width at 12 pt, one line
 * of FORM_LAYOUT.lineHeight), scaled by the cell's font size; a merged text
 * that does not wrap must fit on one line. Capped at Excel's 409 points.
 */
function cutTexts(sheet: SheetPlan): string[] {
  const out: string[] = [];
  const widthOf = (from: number, to: number) => sheet.columnWidths.slice(from - 1, to).reduce((a, b) => a + b, 0);
  const heightOf = (from: number, to: number) => {
    let h = 0;
    for (let r = from; r <= to; r++) h += sheet.rowHeights[r] ?? FORM_LAYOUT.lineHeight;
    return h;
  };
  for (const c of sheet.cells) {
    if (typeof c.value !== "string" || c.value === "") continue;
    const merge = sheet.merges.find((m) => m.row === c.row && m.col === c.col);
    const wrap = c.style?.wrap === true;
    if (!wrap && !merge) continue; // a text that does not wrap runs on into the empty cells beside it
    const size = c.style?.size ?? 12;
    const perLine = widthOf(c.col, merge?.lastCol ?? c.col) * 1.1 * (12 / size);
    const lines = wrap ? c.value.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0) : c.value.length > perLine ? 2 : 1;
    const needed = Math.min(FORM_LAYOUT.maxRowHeight, lines * FORM_LAYOUT.lineHeight * (size / 12));
    const height = heightOf(c.row, merge?.lastRow ?? c.row);
    if (height + 0.01 < needed) out.push(`${sheet.name}!${a1(c)}: ${c.value.length} characters in ${lines} line(s) need ${needed} pt, the row has ${height}`);
  }
  return out;
}

describe("row heights fit their text (issue 16, printing)", () => {
  const longUnit = `Phòng ${"Văn hóa - Xã hội và Thông tin ".repeat(10)}`.slice(0, 200);

  it("on every form sheet, for a unit name of the longest length allowed", () => {
    const forms = buildWorkbookPlan({ unit: longUnit, period, forms: ALL, createdAt: "2026-11-27T08:00:00.000Z" });
    expect(forms.sheets.flatMap(cutTexts)).toEqual([]);
  });

  it("on every sheet of the ward's workbook, the units' notes included", () => {
    const note = "Số liệu theo quyết định giao vốn của Ủy ban nhân dân phường, đã đối chiếu với Kho bạc Nhà nước khu vực";
    const workbooks = Array.from({ length: 5 }, (_, i) => {
      const book = unitBook({ BM1: { "1": i, "2.1": 3 }, BM6: { "1.1": 100 } }, { unit: `${longUnit.slice(0, 60)} ${i + 1}` });
      setA1(
        book.sheets.find((s) => s.name === "BM1")!,
        "E8",
        { value: note },
      );
      return { file: `don-vi-${i}.xlsx`, book };
    });
    const result = aggregate({ workbooks, registry: DEFAULT_REGISTRY, ward: "Phường Ái Quốc" });
    const ward = buildWardPlan(result, testPeriod("2026-H1"), "2026-06-12T08:00:00.000Z");
    expect(ward.sheets.flatMap(cutTexts)).toEqual([]);
  });
});
