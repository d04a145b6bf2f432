import {
  ASIDE_SHEET_PREFIX,
  TEMP_SHEET_PREFIX,
  WRITE_PLAN_SYNCS,
  writePlanToExcel,
  type WritePlanOptions,
} from "../../src/adapters/office/write-plan";
import { CATALOGUE } from "../../src/core/forms/catalogue";
import type { CellPlan, SheetPlan, ValidationPlan, WorkbookPlan } from "../../src/core/layout/plan";
import { META_SHEET } from "../../src/core/layout/metadata";
import { templatePlan } from "../support/plans";
import { FakeExcel, type FakeCell, type FakeSheet, type SheetSeed } from "./fake-excel";

const ALL_FORMS = CATALOGUE.forms.map((f) => f.id);
const planFor = (forms: string[], unit?: string): WorkbookPlan => templatePlan(unit, forms);

const write = (fake: FakeExcel, plan: WorkbookPlan, options: Partial<WritePlanOptions> = {}) =>
  writePlanToExcel(fake.run, plan, { replaceExisting: false, supportsPageLayout: true, ...options });

const isTemp = (name: string) => name.startsWith(TEMP_SHEET_PREFIX) || name.startsWith(ASIDE_SHEET_PREFIX);

/** A workbook an officer has been using: own notes, last period's BM1 (protected, filled in), old metadata. */
const USED_WORKBOOK: SheetSeed[] = [
  { name: "Ghi chú", cells: { A1: "Số liệu tạm, chờ phòng Tư pháp", B2: 17 } },
  { name: "BM1", cells: { A1: "Biểu mẫu 1 (kỳ trước)", D8: 42 }, protect: true },
  { name: "bm2", cells: { D8: 3 } },
  { name: META_SHEET, visibility: "VeryHidden", cells: { A1: "metadata kỳ trước" } },
];

// ------------------------------------------------------------ what the plan means in Excel, spelt out

const H_ALIGN: Record<string, string> = { left: "Left", center: "Center", right: "Right" };
const V_ALIGN: Record<string, string> = { top: "Top", middle: "Center" };
const THIN = { style: "Continuous", weight: "Thin", color: "#808080" };

function expectedCell(cell: CellPlan, validation: ValidationPlan | undefined): FakeCell {
  const s = cell.style;
  return {
    value: cell.value === undefined || cell.value === "" ? null : cell.value,
    formula: cell.formula === undefined ? null : `=${cell.formula}`,
    numberFormat: cell.numFmt,
    locked: cell.locked,
    formulaHidden: false,
    font: { name: "Times New Roman", size: s.size ?? 12, bold: !!s.bold, italic: !!s.italic, color: s.color ? `#${s.color}` : "#000000" },
    fill: s.fill ? `#${s.fill}` : null,
    horizontalAlignment: s.hAlign ? H_ALIGN[s.hAlign] : "General",
    verticalAlignment: s.vAlign ? V_ALIGN[s.vAlign] : "Bottom",
    wrapText: !!s.wrap,
    borders: s.border ? { EdgeTop: THIN, EdgeBottom: THIN, EdgeLeft: THIN, EdgeRight: THIN } : {},
    validation: validation ? expectedValidation(validation) : null,
  };
}

function expectedValidation(v: ValidationPlan): FakeCell["validation"] {
  let rule: Excel.DataValidationRule;
  if (v.type === "list") rule = { list: { inCellDropDown: true, source: v.values.join(",") } };
  else if (v.max === undefined) rule = { [v.type === "whole" ? "wholeNumber" : "decimal"]: { formula1: v.min, operator: "GreaterThanOrEqualTo" } };
  else rule = { [v.type === "whole" ? "wholeNumber" : "decimal"]: { formula1: v.min, formula2: v.max, operator: "Between" } };
  return {
    rule,
    prompt: { showPrompt: true, title: v.prompt.title, message: v.prompt.text },
    errorAlert: { showAlert: true, style: "Stop", title: v.error.title, message: v.error.text },
    ignoreBlanks: true,
  };
}

function expectSheetMatches(model: FakeSheet, plan: SheetPlan, printed: boolean): void {
  expect(model.name).toBe(plan.name);
  expect(model.visibility).toBe(plan.visibility === "veryHidden" ? "VeryHidden" : "Visible");
  expect(model.protection).toEqual(
    plan.protect
      ? { protected: true, options: { allowFormatColumns: true, allowFormatRows: true, selectionMode: "Normal" }, password: null }
      : { protected: false, options: null, password: null },
  );
  // Characters of Calibri 11 to points: (7 px × chars + 5 px) × 0.75.
  expect(model.columnWidths).toEqual(new Map(plan.columnWidths.map((w, i) => [i + 1, (w * 7 + 5) * 0.75])));
  expect(model.rowHeights).toEqual(new Map(Object.entries(plan.rowHeights).map(([r, h]) => [Number(r), h])));
  expect(model.merges).toEqual(plan.merges);
  expect(model.frozenRows).toBe(plan.freezeRows ?? 0);
  expect(model.pageLayout).toEqual(
    plan.print && printed
      ? {
          paperSize: "A4",
          orientation: "Portrait",
          zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
          printTitleRows: plan.print.titleRows.replace(/(\d+)/g, "$$$1"),
          printArea: plan.print.area,
          leftMargin: plan.print.margins.left * 72,
          rightMargin: plan.print.margins.right * 72,
          topMargin: plan.print.margins.top * 72,
          bottomMargin: plan.print.margins.bottom * 72,
          headerMargin: plan.print.margins.header * 72,
          footerMargin: plan.print.margins.footer * 72,
        }
      : {},
  );

  const validations = new Map(plan.validations.map((v) => [v.address, v]));
  for (const v of plan.validations) expect(plan.cells.some((c) => c.address === v.address)).toBe(true);
  expect([...model.cells.keys()].sort()).toEqual(plan.cells.map((c) => c.address).sort());
  for (const cell of plan.cells) {
    expect({ address: cell.address, ...model.cells.get(cell.address) }).toEqual({
      address: cell.address,
      ...expectedCell(cell, validations.get(cell.address)),
    });
  }
}

function expectWorkbookMatches(fake: FakeExcel, plan: WorkbookPlan, printed: boolean, before: string[] = ["Sheet1"]): void {
  const planned = plan.sheets.map((s) => s.name.toLowerCase());
  expect(fake.sheetNames()).toEqual([...before.filter((n) => !planned.includes(n.toLowerCase())), ...plan.sheets.map((s) => s.name)]);
  for (const sheet of plan.sheets) expectSheetMatches(fake.sheet(sheet.name), sheet, printed);
  expect(fake.activeSheet()?.name).toBe(plan.sheets[0].name);
}

// ------------------------------------------------------------ tests

describe("writePlanToExcel", () => {
  it("uses the same three syncs for one form and for all seven", async () => {
    expect(WRITE_PLAN_SYNCS).toBe(3);
    for (const forms of [["BM1"], ALL_FORMS]) {
      const fake = new FakeExcel();
      await write(fake, planFor(forms));
      expect(fake.syncCount).toBe(3);
    }
    const replacing = new FakeExcel({ sheets: USED_WORKBOOK });
    await write(replacing, planFor(ALL_FORMS), { replaceExisting: true });
    expect(replacing.syncCount).toBe(3);
  });

  it("writes every value, formula, format, lock, merge, validation, protection, visibility and print setting of the plan", async () => {
    const fake = new FakeExcel();
    const plan = planFor(ALL_FORMS);
    const outcome = await write(fake, plan);

    expect(outcome).toEqual({ status: "written", sheets: [...ALL_FORMS, META_SHEET], printSetupApplied: true });
    expectWorkbookMatches(fake, plan, true);
    // The plan exercises every kind of cell this test claims to check.
    const all = plan.sheets.flatMap((s) => s.validations);
    expect(new Set(all.map((v) => `${v.type}${"max" in v && v.max !== undefined ? "-max" : ""}`))).toEqual(new Set(["whole", "decimal", "decimal-max", "list"]));
    expect(plan.sheets.flatMap((s) => s.cells).some((c) => c.formula?.startsWith("IF(OR("))).toBe(true);
    expect(plan.sheets.flatMap((s) => s.cells).some((c) => c.formula?.includes("SUM("))).toBe(true);
    expect(fake.cell("BM1", "A10")).toMatchObject({ value: "2.1", numberFormat: "@" });
  });

  it("reports existing BM sheets, ignoring case, and writes nothing", async () => {
    const fake = new FakeExcel({ sheets: USED_WORKBOOK });
    const before = fake.snapshot();

    const outcome = await write(fake, planFor(ALL_FORMS));

    // The hidden metadata sheet is rewritten without asking; only form sheets are the officer's to decide.
    expect(outcome).toEqual({ status: "exists", existing: ["BM1", "bm2"] });
    expect(fake.snapshot()).toEqual(before);
    expect(fake.syncCount).toBe(1);
    expect(fake.calls.filter((c) => !c.includes(".load("))).toEqual([]);
  });

  it("rewrites an earlier metadata sheet without asking when no form sheet is in the way", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "Sheet1", cells: { A1: "giữ nguyên" } }, { name: META_SHEET, visibility: "VeryHidden", cells: { A1: "cũ" } }] });

    const outcome = await write(fake, planFor(["BM4"]));

    expect(outcome).toMatchObject({ status: "written", sheets: ["BM4", META_SHEET] });
    expect(fake.sheet(META_SHEET)!.cells.get("A1")?.value).not.toBe("cũ");
    expect(fake.cell("Sheet1", "A1")).toMatchObject({ value: "giữ nguyên" });
  });

  it("replaces existing sheets when asked: the old ones are gone, no temporary sheet is left", async () => {
    const fake = new FakeExcel({ sheets: [...USED_WORKBOOK, { name: `${TEMP_SHEET_PREFIX}crash-0`, visibility: "VeryHidden" }] });
    const plan = planFor(ALL_FORMS);

    const outcome = await write(fake, plan, { replaceExisting: true });

    expect(outcome).toMatchObject({ status: "written" });
    expectWorkbookMatches(fake, plan, true, ["Ghi chú"]);
    expect(fake.cell("BM1", "D8").value).toBeNull();
    expect(fake.cell("Ghi chú", "A1").value).toBe("Số liệu tạm, chờ phòng Tư pháp");
    expect(fake.sheetNames().filter(isTemp)).toEqual([]);
  });

  it("skips print settings without ExcelApi 1.9 and says so", async () => {
    const fake = new FakeExcel({ apiVersion: "1.8" });
    const plan = planFor(ALL_FORMS);

    const outcome = await write(fake, plan, { supportsPageLayout: false });

    expect(outcome).toMatchObject({ status: "written", printSetupApplied: false });
    expect(fake.calls.filter((c) => c.includes(".pageLayout"))).toEqual([]);
    expectWorkbookMatches(fake, plan, false);
  });

  it("would fail on Excel 2019 if it used pageLayout unasked, and then leaves the workbook as it was", async () => {
    const fake = new FakeExcel({ apiVersion: "1.8", sheets: USED_WORKBOOK });
    const before = fake.snapshot();
    await expect(write(fake, planFor(["BM1"]), { replaceExisting: true })).rejects.toMatchObject({ code: "ApiNotFound" });
    expect(fake.snapshot()).toEqual(before);
  });

  it("writes a unit name that looks like a formula as inert text", async () => {
    const fake = new FakeExcel();
    const unit = '=HYPERLINK("x")';
    await write(fake, planFor(["BM1"], unit));

    const meta = fake.sheet(META_SHEET);
    const unitCell = [...meta.cells.values()].find((c) => c.value === unit);
    expect(unitCell).toMatchObject({ value: unit, formula: null, numberFormat: "@" });
    expect(fake.cell("BM1", "A3")).toMatchObject({ value: `Đơn vị báo cáo: ${unit}`, formula: null, numberFormat: "@" });
  });

  describe("when a sync fails", () => {
    const plan = planFor(["BM1", "BM2"]);
    const replace = (fake: FakeExcel) => write(fake, plan, { replaceExisting: true });

    it.each([1, 2, 3])("at sync %i, leaves the original sheets untouched and no temporary sheet", async (k) => {
      const fake = new FakeExcel({ sheets: USED_WORKBOOK }).failAtSync(k);
      const before = fake.snapshot();

      await expect(replace(fake)).rejects.toMatchObject({ code: "GeneralException" });

      expect(fake.snapshot()).toEqual(before);
      await expect(replace(fake)).resolves.toMatchObject({ status: "written" });
      expectWorkbookMatches(fake, plan, true, ["Ghi chú"]);
    });

    it.each([1, 5, 50, 400, 1000])("half-way through writing the sheets (after %i calls), undoes it", async (afterOps) => {
      const fake = new FakeExcel({ sheets: USED_WORKBOOK }).failAtSync(2, { afterOps });
      const before = fake.snapshot();
      await expect(replace(fake)).rejects.toMatchObject({ code: "GeneralException" });
      expect(fake.snapshot()).toEqual(before);
    });

    it("half-way through swapping the sheets in, leaves either the old workbook or the whole new one", async () => {
      const reference = new FakeExcel({ sheets: USED_WORKBOOK });
      await replace(reference);
      const outcomes = new Set<string>();
      for (let afterOps = 0; afterOps <= 30; afterOps++) {
        const fake = new FakeExcel({ sheets: USED_WORKBOOK }).failAtSync(3, { afterOps });
        const before = fake.snapshot();
        await expect(replace(fake)).rejects.toMatchObject({ code: "GeneralException" });

        expect(fake.sheetNames().filter(isTemp)).toEqual([]);
        const rolledBack = JSON.stringify(fake.snapshot().sheets) === JSON.stringify(before.sheets);
        if (rolledBack) expect(fake.snapshot()).toEqual(before);
        else expect(fake.workbook.sheets).toEqual(reference.workbook.sheets);
        outcomes.add(rolledBack ? "old" : "new");
      }
      expect(outcomes).toEqual(new Set(["old", "new"]));
    });
  });
});
