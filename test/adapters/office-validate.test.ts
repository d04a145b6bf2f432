/**
 * Kiểm tra in Excel, on the recording fake: reading the open workbook in a
 * constant number of syncs, marking cells and putting their fills back, and
 * applying fixes all or nothing.
 */
import { APPLY_FIXES_SYNCS, applyFixesInExcel } from "../../src/adapters/office/apply-fixes";
import { createExcelHost } from "../../src/adapters/office/excel-host";
import { clearMarksInExcel, MARK_CELLS_SYNCS, MARK_FILL, MARKS_SHEET, markCellsInExcel } from "../../src/adapters/office/mark-cells";
import { READ_SMALL_WORKBOOK_SYNCS, READ_WORKBOOK_MIN_SYNCS, readWorkbookFromExcel, toCell } from "../../src/adapters/office/read-workbook";
import { SHEET_PROTECTION } from "../../src/adapters/office/sheet-steps";
import { writePlanToExcel } from "../../src/adapters/office/write-plan";
import type { MarkedCell } from "../../src/adapters/host/types";
import { openWorkbook } from "../../src/adapters/xlsx/open-workbook";
import { planToXlsx } from "../../src/adapters/xlsx/write-plan";
import { CATALOGUE } from "../../src/core/forms/catalogue";
import type { WorkbookPlan } from "../../src/core/layout/plan";
import { type Finding, type FixAction } from "../../src/core/validate";
import { CLEAN_VALUES } from "../support/clean-values";
import { fillTemplate, type FormValues } from "../support/fill";
import { templatePlan } from "../support/plans";
import { SEED_VALUES } from "../support/seed-values";
import { FakeExcel, type FakeWorkbook } from "./fake-excel";
import { validateWorkbook, type ValidationResult } from "../support/worded";
import { cellsA1 } from "../support/a1";

const ALL_FORMS = CATALOGUE.forms.map((f) => f.id);
const NO_TINT = { supportsTintAndShade: false };
const TINT = { supportsTintAndShade: true };

/** A fake Excel holding the template written by Tạo biểu mẫu (protected BM sheets, hidden metadata sheet). */
async function excelWithTemplate(plan: WorkbookPlan = templatePlan("Phường Nhị Chiểu")): Promise<FakeExcel> {
  const fake = new FakeExcel();
  await writePlanToExcel(fake.run, plan, { replaceExisting: false, supportsPageLayout: true });
  return fake;
}

/**
 * Types values into the fake as fillTemplate types them into the .xlsx: by
 * STT in column A; text stays text whatever the format (as when pasted from
 * Word), formulas become formulas, protection does not stop it.
 */
function fillFake(fake: FakeExcel, values: FormValues): void {
  for (const [form, rows] of Object.entries(values)) {
    const sheet = fake.sheet(form);
    const rowOf = new Map<string, number>();
    for (const [address, cell] of sheet.cells) {
      const m = /^A(\d+)$/.exec(address);
      if (m && cell.value !== null) rowOf.set(String(cell.value), Number(m[1]));
    }
    for (const [stt, entry] of Object.entries(rows)) {
      const r = rowOf.get(stt);
      if (!r) throw new Error(`no row ${form} ${stt}`);
      const e = entry !== null && typeof entry === "object" ? entry : { value: entry };
      const d = fake.cell(form, `D${r}`);
      sheet.cells.set(`D${r}`, d);
      if (e.formula !== undefined) Object.assign(d, { formula: `=${e.formula}`, value: null });
      else if ("value" in e) Object.assign(d, { formula: null, value: e.value === "" ? null : (e.value ?? null) });
      if (e.unit !== undefined) {
        const c = fake.cell(form, `C${r}`);
        sheet.cells.set(`C${r}`, c);
        Object.assign(c, { formula: null, value: e.unit === "" ? null : e.unit });
      }
    }
  }
}

async function validateFake(fake: FakeExcel): Promise<ValidationResult> {
  return validateWorkbook(await readWorkbookFromExcel(fake.run));
}

async function validateXlsx(plan: WorkbookPlan, values: FormValues): Promise<ValidationResult> {
  const opened = await openWorkbook(await fillTemplate(await planToXlsx(plan), values), "seed.xlsx");
  if (!opened.ok) throw new Error(opened.error.code);
  return validateWorkbook(opened.value);
}

/** Counts the syncs one call makes. */
async function syncsOf(fake: FakeExcel, work: () => Promise<unknown>): Promise<number> {
  const before = fake.syncCount;
  await work();
  return fake.syncCount - before;
}

/** "BM3!D12" → the cell to mark, with the worst severity of its findings (the order is the core's). */
function markedCells(findings: readonly Finding[]): MarkedCell[] {
  return findings.flatMap((f) => {
    const m = f.cell ? /^(?:'((?:[^']|'')+)'|([^!]+))!([A-Z]+\d+)$/.exec(f.cell) : null;
    return m ? [{ sheet: m[1]?.replace(/''/g, "'") ?? m[2], address: m[3], severity: f.severity }] : [];
  });
}

const fixAt = (result: ValidationResult, code: Finding["code"], cell: string): FixAction => {
  const f = result.findings.find((x) => x.code === code && x.cell === cell);
  if (!f?.fix) throw new Error(`no fix for ${code} at ${cell}`);
  return f.fix;
};

const protections = (book: FakeWorkbook) => book.sheets.map((s) => [s.name, s.protection]);

// ------------------------------------------------------------------ reading

describe("readWorkbookFromExcel", () => {
  it("reads one form or seven in the same number of syncs", async () => {
    const one = await excelWithTemplate(templatePlan("UBND", ["BM3"]));
    const all = await excelWithTemplate(templatePlan("UBND", ALL_FORMS));
    // The fake's new workbook has its "Sheet1" too.
    expect(one.sheetNames()).toHaveLength(3);
    expect(all.sheetNames()).toHaveLength(9);
    // The forms lie within the first rows read with the extents, and no other sheet holds a pasted appendix: no third sync.
    expect(await syncsOf(one, () => readWorkbookFromExcel(one.run))).toBe(READ_WORKBOOK_MIN_SYNCS);
    expect(await syncsOf(all, () => readWorkbookFromExcel(all.run))).toBe(READ_WORKBOOK_MIN_SYNCS);
    expect([READ_WORKBOOK_MIN_SYNCS, READ_SMALL_WORKBOOK_SYNCS]).toEqual([2, 3]);
  });

  it("gives the seed's fill the same findings as the .xlsx of the same fill", async () => {
    const fake = await excelWithTemplate();
    fillFake(fake, SEED_VALUES);
    const inExcel = await validateFake(fake);
    const inFile = await validateXlsx(templatePlan("Phường Nhị Chiểu"), SEED_VALUES);
    expect(inExcel.counts).toEqual({ error: 17, warning: 23, info: 0 });
    expect(inExcel.findings).toEqual(inFile.findings);
    expect(inExcel.figures).toEqual(inFile.figures);
    expect(inExcel.metadata).toEqual(inFile.metadata);
  });

  it("gives a clean fill no error and no warning", async () => {
    const fake = await excelWithTemplate();
    fillFake(fake, CLEAN_VALUES);
    const result = await validateFake(fake);
    expect(result.findings).toEqual([]);
    expect(Object.keys(result.forms)).toEqual(ALL_FORMS);
  });

  it("reads cells as the .xlsx reader does: placeholders typed as text stay text, errors are errors, blanks are absent", async () => {
    const fake = new FakeExcel({
      sheets: [{ name: "BM2", cells: { A1: "tiêu đề", B3: 12, C3: "=B3*2", D3: "=1/0", E3: "", B5: "6.412" } }],
      evaluate: (_sheet, address) => (address === "D3" ? "#DIV/0!" : 24),
    });
    // "6.412" pasted as text into a number-formatted cell.
    Object.assign(fake.sheet("BM2").cells.get("B5")!, { value: "6.412", numberFormat: "#,##0" });
    const { sheets } = await readWorkbookFromExcel(fake.run);
    expect(cellsA1(sheets[0])).toEqual({
      A1: { value: "tiêu đề" },
      B3: { value: 12 },
      C3: { value: 24, formula: "B3*2" },
      D3: { value: null, formula: "1/0", error: "#DIV/0!" },
      B5: { value: "6.412", numFmt: "#,##0" },
    });
    expect(sheets[0]).toMatchObject({ maxRow: 5, maxCol: 4 });
    expect(toCell("=a+b", "=a+b", "String", "@")).toEqual({ value: "=a+b", numFmt: "@" });
    expect(toCell("", "", "Empty", "General")).toBeUndefined();
    expect(toCell("#N/A", "#N/A", "Error", "General")).toEqual({ value: null, error: "#N/A" });
    expect(toCell("#N/A", "#N/A", "String", "@")).toEqual({ value: "#N/A", numFmt: "@" });
  });

  it("reads within LIMITS, lists sheets it does not need without their cells, and leaves out its own marks sheet", async () => {
    const fake = new FakeExcel({
      sheets: [
        { name: "Hộ gia đình", cells: { A1: "Danh sách", B2000: 7 } },
        { name: "Biểu mẫu 3", cells: { A2: "STT", A5001: "xa", C4: 3 } },
        { name: "bm-4", cells: { B2: 1, BZ4: "phải" } },
        { name: MARKS_SHEET, visibility: "VeryHidden", cells: { A1: "sheet" } },
        { name: "Ẩn", visibility: "Hidden", cells: { A1: 1 } },
      ],
    });
    const { sheets } = await readWorkbookFromExcel(fake.run);
    expect(sheets.map((s) => [s.name, s.visibility, Object.keys(cellsA1(s))])).toEqual([
      ["Hộ gia đình", "visible", []],
      ["Biểu mẫu 3", "visible", ["A2", "C4"]],
      ["bm-4", "visible", ["B2"]],
      ["Ẩn", "hidden", []],
    ]);
    // Every load of cells is within the cap (the capped intersection of the used range, or a block inside it), never the whole used range;
    // the form sheets (1, 2) are read whole, the others (0, and 4 after the marks sheet) only probed: their values, in columns A to H.
    const loads = fake.calls.filter((c) => /\.load\([^)]*values/.test(c));
    const sheetOf = (c: string) => Number(/^worksheets\.items\[(\d+)\]/.exec(c)![1]);
    const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const within = (c: string, right: string) => {
      const m = /\.getRange\("A1:([A-Z]+)(\d+)"\)\.getIntersectionOrNullObject\(worksheets\.items\[\d+\]\.getUsedRange\(true\)\)\.load/.exec(c);
      const b = /\.getRange\("([A-Z]+)(\d+):([A-Z]+)(\d+)"\)\.load/.exec(c);
      if (m) return m[1] === right && Number(m[2]) <= 5000;
      return !!b && col(b[3]) <= col(right) && Number(b[4]) <= 5000;
    };
    expect(loads.length).toBeGreaterThan(0);
    expect(loads.filter((c) => c.includes("formulas")).every((c) => [1, 2].includes(sheetOf(c)) && within(c, "AX"))).toBe(true);
    expect(loads.filter((c) => !c.includes("formulas")).every((c) => [0, 4].includes(sheetOf(c)) && within(c, "H"))).toBe(true);
    expect(new Set(loads.filter((c) => c.includes("formulas")).map(sheetOf))).toEqual(new Set([1, 2]));
    expect(new Set(loads.filter((c) => !c.includes("formulas")).map(sheetOf))).toEqual(new Set([0, 4]));
    expect(fake.calls.some((c) => /getUsedRange\(true\)\.load/.test(c))).toBe(false);
  });

  it("reads an empty form sheet as empty", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "BM1" }] });
    const { sheets } = await readWorkbookFromExcel(fake.run);
    expect(sheets).toEqual([{ name: "BM1", visibility: "visible", rows: [], maxRow: 0, maxCol: 0, merges: [] }]);
  });
});

// ------------------------------------------------------------------ marking

describe("markCellsInExcel and clearMarksInExcel", () => {
  async function seeded(): Promise<{ fake: FakeExcel; cells: MarkedCell[] }> {
    const fake = await excelWithTemplate();
    fillFake(fake, SEED_VALUES);
    const result = await validateFake(fake);
    return { fake, cells: markedCells(result.findings) };
  }

  it("colours every cell with a finding by its worst severity, on protected sheets, and restores the formatting exactly", async () => {
    const { fake, cells } = await seeded();
    const before = fake.snapshot();
    expect(fake.sheet("BM3").protection.protected).toBe(true);

    await markCellsInExcel(fake.run, cells, TINT);

    expect(fake.cell("BM2", "D8").fill).toBe(MARK_FILL.error); // =a+b
    expect(fake.cell("BM3", "D13").fill).toBe(MARK_FILL.warning); // "9.275"
    expect(fake.cell("BM7", "C16").fill).toBe(MARK_FILL.warning); // "Thủ tục"
    expect(fake.cell("BM1", "D9").fill).toBe(MARK_FILL.error); // error and warning on one row: the error wins
    expect(fake.cell("BM3", "D11").fill).toBe(before.sheets.find((s) => s.name === "BM3")!.cells.get("D11")!.fill);
    // Protection as Tạo biểu mẫu left it, and the memory in a very hidden sheet.
    expect(protections(fake.snapshot()).filter(([n]) => n !== MARKS_SHEET)).toEqual(protections(before));
    expect(fake.sheet("BM3").protection.options).toEqual(SHEET_PROTECTION);
    expect(fake.sheet(MARKS_SHEET).visibility).toBe("VeryHidden");

    await clearMarksInExcel(fake.run, TINT);
    expect(fake.snapshot()).toEqual(before);
  });

  it("tells no fill from white where ExcelApi 1.9 allows, and keeps the template's own fills", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "BM1", cells: { A1: 1, A2: 2, A3: 3 } }] });
    fake.cell("BM1", "A2").fill = "#FFFFFF";
    fake.cell("BM1", "A3").fill = "#FFF9E5";
    const before = fake.snapshot();
    const cells: MarkedCell[] = ["A1", "A2", "A3"].map((address) => ({ sheet: "BM1", address, severity: "info" }));

    await markCellsInExcel(fake.run, cells, TINT);
    expect(["A1", "A2", "A3"].map((a) => fake.cell("BM1", a).fill)).toEqual([MARK_FILL.info, MARK_FILL.info, MARK_FILL.info]);
    await clearMarksInExcel(fake.run, TINT);
    expect(fake.snapshot()).toEqual(before);

    // Without tintAndShade Excel answers "#FFFFFF" for both: white comes back as no fill.
    await markCellsInExcel(fake.run, cells, NO_TINT);
    await clearMarksInExcel(fake.run, NO_TINT);
    expect(["A1", "A2", "A3"].map((a) => fake.cell("BM1", a).fill)).toEqual([null, null, "#FFF9E5"]);
  });

  it("marking again restores the cells no longer in the list and keeps the first remembered fill", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "BM1", cells: { A1: 1, A2: 2, A3: 3 } }] });
    fake.cell("BM1", "A1").fill = "#00B050";
    const before = fake.snapshot();

    await markCellsInExcel(
      fake.run,
      [
        { sheet: "BM1", address: "A1", severity: "warning" },
        { sheet: "BM1", address: "A2", severity: "error" },
      ],
      TINT,
    );
    await markCellsInExcel(
      fake.run,
      [
        { sheet: "bm1", address: "A1", severity: "error" },
        { sheet: "BM1", address: "A3", severity: "info" },
      ],
      TINT,
    );
    expect(["A1", "A2", "A3"].map((a) => fake.cell("BM1", a).fill)).toEqual([MARK_FILL.error, null, MARK_FILL.info]);

    await clearMarksInExcel(fake.run, TINT);
    expect(fake.snapshot()).toEqual(before);
  });

  it("leaves a cell the officer re-coloured after marking as the officer made it", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "BM1", cells: { A1: 1, A2: 2 } }] });
    await markCellsInExcel(
      fake.run,
      ["A1", "A2"].map((address) => ({ sheet: "BM1", address, severity: "error" as const })),
      TINT,
    );
    fake.cell("BM1", "A2").fill = "#FFFF00";
    await clearMarksInExcel(fake.run, TINT);
    expect(fake.cell("BM1", "A1").fill).toBeNull();
    expect(fake.cell("BM1", "A2").fill).toBe("#FFFF00");
    expect(fake.sheetNames()).toEqual(["BM1"]);
  });

  it("marks one cell or all of them in the same number of syncs, and clearing nothing costs one", async () => {
    const { fake, cells } = await seeded();
    expect(cells.length).toBeGreaterThan(30);
    const first = await syncsOf(fake, () => markCellsInExcel(fake.run, cells.slice(0, 1), TINT));
    const again = await syncsOf(fake, () => markCellsInExcel(fake.run, cells.slice(1), TINT));
    const clear = await syncsOf(fake, () => clearMarksInExcel(fake.run, TINT));
    expect(first).toBeLessThanOrEqual(MARK_CELLS_SYNCS);
    expect(again).toBe(MARK_CELLS_SYNCS);
    expect(clear).toBe(MARK_CELLS_SYNCS);
    expect(await syncsOf(fake, () => clearMarksInExcel(fake.run, TINT))).toBe(1);
  });

  it("works through the Excel host", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "BM1", cells: { A1: 1 }, protect: true }] });
    const before = fake.snapshot();
    const host = createExcelHost({ run: fake.run, supportsFillTint: () => true });
    await host.markCells!([{ sheet: "BM1", address: "A1", severity: "error" }]);
    expect(fake.cell("BM1", "A1").fill).toBe(MARK_FILL.error);
    expect(fake.sheet("BM1").protection.protected).toBe(true);
    await host.clearMarks!();
    expect(fake.snapshot()).toEqual(before);
  });
});

// ------------------------------------------------------------------ fixing

describe("applyFixesInExcel", () => {
  async function seeded() {
    const fake = await excelWithTemplate();
    fillFake(fake, SEED_VALUES);
    const result = await validateFake(fake);
    const fixes = [fixAt(result, "FORMULA_MISMATCH", "BM2!D8"), fixAt(result, "NUMBER_AS_TEXT", "BM3!D13"), fixAt(result, "UNIT_MISMATCH", "BM7!C16")];
    return { fake, result, fixes };
  }
  const still = (r: ValidationResult, cells: string[]) => r.findings.filter((f) => f.cell && cells.includes(f.cell)).map((f) => `${f.code} ${f.cell}`);

  it('fixes "=a+b" and "9.275" on protected sheets in two syncs; validating again no longer reports them', async () => {
    const { fake, fixes } = await seeded();
    const protectedBefore = protections(fake.snapshot());

    expect(await syncsOf(fake, () => applyFixesInExcel(fake.run, fixes))).toBe(APPLY_FIXES_SYNCS);

    expect(fake.cell("BM2", "D8").formula).toBe(`=${(fixes[0] as Extract<FixAction, { kind: "set-formula" }>).formula}`);
    expect(fake.cell("BM3", "D13")).toMatchObject({ value: 9275, formula: null });
    expect(fake.cell("BM7", "C16")).toMatchObject({ value: "Hồ sơ", numberFormat: "@" });
    expect(protections(fake.snapshot())).toEqual(protectedBefore);
    const after = await validateFake(fake);
    expect(still(after, ["BM2!D8", "BM3!D13", "BM7!C16"])).toEqual([]);
  });

  it("fixes every certain finding of the seed at once, in the same two syncs", async () => {
    const { fake, result } = await seeded();
    const all = result.findings.flatMap((f) => (f.fix ? [f.fix] : []));
    expect(all.length).toBeGreaterThan(20);
    expect(await syncsOf(fake, () => applyFixesInExcel(fake.run, all))).toBe(APPLY_FIXES_SYNCS);
    const after = await validateFake(fake);
    expect(after.findings.filter((f) => f.fix)).toEqual([]);
    expect(after.counts.error).toBeLessThan(result.counts.error);
  });

  it("restores a formula into a cell formatted as text as a formula, not as text", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "BM2", cells: { D8: "=a+b", D9: 1 } }] });
    fake.cell("BM2", "D8").numberFormat = "@";
    await applyFixesInExcel(fake.run, [{ kind: "set-formula", sheet: "BM2", row: 8, col: 4, formula: "SUM(D9)" }]);
    expect(fake.cell("BM2", "D8")).toMatchObject({ formula: "=SUM(D9)", numberFormat: "General" });
  });

  it.each([0, 1, 2, 4, 6])("leaves the workbook as it was when the fix sync fails after %i operations", async (afterOps) => {
    const { fake, fixes } = await seeded();
    const before = fake.snapshot();
    fake.failAtSync(fake.syncCount + 2, { afterOps, code: "GeneralException" });
    await expect(applyFixesInExcel(fake.run, fixes)).rejects.toMatchObject({ code: "GeneralException" });
    expect(fake.snapshot()).toEqual(before);
  });

  it("changes nothing when a sheet has gone since Kiểm tra", async () => {
    const { fake, fixes } = await seeded();
    const before = fake.snapshot();
    await expect(applyFixesInExcel(fake.run, [...fixes, { kind: "set-number", sheet: "BM9", row: 8, col: 4, value: 1 }])).rejects.toMatchObject({
      code: "ItemNotFound",
    });
    expect(fake.snapshot()).toEqual(before);
  });
});

describe("selectCell", () => {
  it("activates the sheet and selects the cell in one sync", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "BM1" }, { name: "Biểu mẫu 3", protect: true }] });
    const host = createExcelHost({ run: fake.run });
    expect(await syncsOf(fake, () => host.selectCell!("Biểu mẫu 3", "D12"))).toBe(1);
    expect(fake.activeSheet()?.name).toBe("Biểu mẫu 3");
    expect(fake.workbook.selection).toEqual({ sheetId: fake.sheet("Biểu mẫu 3").id, address: "D12" });
  });
});
