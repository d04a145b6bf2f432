/**
 * The cells of Kiểm tra's sheet preview (file mode): shown as Excel shows
 * them in the pane's language, bounded however large the sheet, and found
 * again for a finding's cell.
 */
import { parseAddress } from "../../src/core/layout/address";
import type { CellSnapshot, SheetSnapshot, WorkbookSnapshot } from "../../src/core/read/snapshot";
import type { FindingPlace } from "../../src/core/validate/finding";
import { cellText, numberText, previewWindows, splitCellRef, windowFor, type PreviewLimits, PREVIEW_LIMITS } from "../../src/taskpane/jobs/preview";
import { sheetFromA1 } from "../support/a1";

/** A finding's place (`Finding.at`) from the "BM7!D17" a test names it by. */
function at(ref: string): FindingPlace {
  const { sheet, address } = splitCellRef(ref)!;
  return { sheet, ...parseAddress(address)! };
}

function sheet(name: string, cells: Record<string, CellSnapshot>, maxRow: number, maxCol: number, merges: string[] = []): SheetSnapshot {
  return { ...sheetFromA1(name, cells, { merges }), maxRow, maxCol };
}

describe("a cell's text", () => {
  it.each([
    [1234.5, undefined, "vi", "1234,5"],
    [2026, undefined, "vi", "2026"],
    [1234567, "#,##0", "vi", "1.234.567"],
    [1234.5, "#,##0.00", "vi", "1.234,50"],
    [1234.5, "#,##0.00", "en", "1,234.50"],
    [94.117647, "0.0", "vi", "94,1"],
    [0.125, "0.0%", "vi", "12,5%"],
    [1 / 3, undefined, "vi", "0,333333333"],
    [-0.0001, "0.0", "vi", "0,0"],
    [12, "@", "vi", "12"],
    [372, '#,##0 "hồ sơ"', "vi", "372"],
  ] as const)("%p in format %p (%s) reads %p", (value, numFmt, lang, text) => {
    expect(numberText(value, numFmt, lang)).toBe(text);
  });

  it("shows errors, dates, booleans, and a formula the file holds no result for", () => {
    expect(cellText({ value: null, error: "#DIV/0!" }, "vi")).toEqual({ text: "#DIV/0!", kind: "error" });
    expect(cellText({ value: "2025-06-09", numFmt: "dd/mm/yyyy" }, "vi")).toEqual({ text: "09/06/2025", kind: "number" });
    expect(cellText({ value: "2025-06-09" }, "vi")).toEqual({ text: "2025-06-09", kind: "text" });
    expect(cellText({ value: true }, "vi")).toEqual({ text: "TRUE", kind: "text" });
    expect(cellText({ value: null, formula: "D16/D15*100" }, "vi")).toEqual({ text: "=D16/D15*100", kind: "formula" });
    expect(cellText({ value: "" }, "vi")).toBeUndefined();
    expect(cellText({ value: null }, "vi")).toBeUndefined();
  });

  it("keeps text as text, markup included, and clips very long text", () => {
    expect(cellText({ value: "<b>Số TTHC</b>" }, "vi")).toEqual({ text: "<b>Số TTHC</b>", kind: "text" });
    const long = cellText({ value: "x".repeat(1000) }, "vi")!;
    expect(long.text.length).toBe(PREVIEW_LIMITS.maxText);
    expect(long.text.endsWith("…")).toBe(true);
  });
});

describe("the windows of a file", () => {
  it("shows a form's sheet whole, merges included, and finds a finding's cell in it", () => {
    const book: WorkbookSnapshot = {
      sheets: [
        sheet("BM7", { A1: { value: "Biểu mẫu 7" }, D17: { value: 372, numFmt: "#,##0" }, D16: { value: 1352, numFmt: "#,##0" } }, 30, 5, ["A1:E1"]),
        sheet("BM1", { A1: { value: "Biểu mẫu 1" } }, 30, 5),
      ],
    };
    const { windows } = previewWindows(book, [{ at: at("BM7!D17") }, { at: null }, { at: at("BM7!D16") }], "vi");
    expect(windows).toHaveLength(1);
    expect(windows[0]).toMatchObject({ sheet: "BM7", top: 1, bottom: 30, left: 1, right: 5, merges: ["A1:E1"], more: false });
    expect(windows[0].cells.D16).toEqual({ text: "1.352", kind: "number" });
    const place = windowFor(windows, at("BM7!D17"))!;
    expect(place).toMatchObject({ sheet: "BM7", address: "D17", row: 17, col: 4 });
    expect(place.window.cells.D17.text).toBe("372");
    expect(windowFor(windows, at("BM1!D9"))).toBeUndefined();
    expect(windowFor(windows, null)).toBeUndefined();
  });

  it("quoted sheet names are read back", () => {
    expect(splitCellRef("'Phụ lục 3'!D12")).toEqual({ sheet: "Phụ lục 3", address: "D12" });
    expect(splitCellRef("'O''Neil'!$b$3")).toEqual({ sheet: "O'Neil", address: "B3" });
    const book: WorkbookSnapshot = { sheets: [sheet("Phụ lục 3", { D12: { value: 7 } }, 20, 5)] };
    const { windows } = previewWindows(book, [{ at: at("'Phụ lục 3'!D12") }], "vi");
    expect(windowFor(windows, at("'Phụ lục 3'!D12"))?.window.cells.D12.text).toBe("7");
  });

  it("a long sheet gives bands of rows around the findings, never the whole sheet", () => {
    const cells: Record<string, CellSnapshot> = {};
    for (let r = 1; r <= 5000; r++) {
      cells[`A${r}`] = { value: `Hộ ${r}` };
      cells[`D${r}`] = { value: r };
    }
    const book: WorkbookSnapshot = { sheets: [sheet("Sheet1", cells, 5000, 8)] };
    const { windows, left } = previewWindows(book, [{ at: at("Sheet1!D4000") }, { at: at("Sheet1!D4010") }, { at: at("Sheet1!D100") }], "vi");
    expect(windows.map((w) => [w.top, w.bottom, w.left, w.right, w.more])).toEqual([
      [75, 125, 1, 8, true],
      [3975, 4035, 1, 8, true],
    ]);
    expect(windowFor(windows, at("Sheet1!D4010"))?.window.cells.D4010.text).toBe("4010");
    expect(windowFor(windows, at("Sheet1!D2000"))).toBeUndefined();
    expect(left).toBe(PREVIEW_LIMITS.maxArea - (51 + 61) * 8);
  });

  it("stays within its budget: what does not fit gets no window", () => {
    const cells: Record<string, CellSnapshot> = {};
    for (let r = 1; r <= 1000; r++) cells[`A${r}`] = { value: r };
    const book: WorkbookSnapshot = { sheets: [sheet("Sheet1", cells, 1000, 50)] };
    const limits: PreviewLimits = { ...PREVIEW_LIMITS, maxArea: 1000 };
    const { windows, left } = previewWindows(book, [{ at: at("Sheet1!A500") }, { at: at("Sheet1!A900") }], "vi", 1000, limits);
    const area = windows.reduce((n, w) => n + (w.bottom - w.top + 1) * (w.right - w.left + 1), 0);
    expect(area).toBeLessThanOrEqual(1000);
    expect(left).toBe(1000 - area);
    // The band around A500 shrank to fit (20 rows of 50 columns), and A900 found no room.
    expect(windows).toHaveLength(1);
    expect(windowFor(windows, at("Sheet1!A500"))).toBeDefined();
    expect(windowFor(windows, at("Sheet1!A900"))).toBeUndefined();
    expect(previewWindows(book, [{ at: at("Sheet1!A500") }], "vi", 0).windows).toEqual([]);
  });

  it("clips a merged range to the window and keeps its text", () => {
    const cells: Record<string, CellSnapshot> = { A1: { value: "Tiêu đề dài" } };
    for (let r = 2; r <= 400; r++) cells[`B${r}`] = { value: r };
    const book: WorkbookSnapshot = { sheets: [sheet("S", cells, 400, 5, ["A1:A300"])] };
    const { windows } = previewWindows(book, [{ at: at("S!B200") }], "vi");
    expect(windows[0]).toMatchObject({ top: 175, bottom: 225, merges: ["A175:A225"] });
    expect(windows[0].cells.A175).toEqual({ text: "Tiêu đề dài", kind: "text" });
  });
});
