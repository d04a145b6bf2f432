import { ASIDE_SHEET_PREFIX, TEMP_SHEET_PREFIX, WRITE_PLAN_SYNCS, writePlanToExcel, type WritePlanOptions } from "../../src/adapters/office/write-plan";
import { CATALOGUE } from "../../src/core/forms/catalogue";
import type { CellPlan, SheetPlan, ValidationPlan, WorkbookPlan } from "../../src/core/layout/plan";
import { META_SHEET } from "../../src/core/layout/metadata";
import { templatePlan } from "../support/plans";
import { FakeExcel, type FakeCell, type FakeSheet, type SheetSeed } from "./fake-excel";
import { a1, mergesA1 } from "../support/a1";
import { rangeAddress } from "../../src/core/layout/address";

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
  expect(model.merges).toEqual(mergesA1(plan));
  expect(model.frozenRows).toBe(plan.freezeRows ?? 0);
  expect(model.pageLayout).toEqual(
    plan.print && printed
      ? {
          paperSize: "A4",
          orientation: "Portrait",
          zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
          printTitleRows: `$${plan.print.titleRows.row}:$${plan.print.titleRows.lastRow}`,
          printArea: rangeAddress(plan.print.area),
          leftMargin: plan.print.margins.left * 72,
          rightMargin: plan.print.margins.right * 72,
          topMargin: plan.print.margins.top * 72,
          bottomMargin: plan.print.margins.bottom * 72,
          headerMargin: plan.print.margins.header * 72,
          footerMargin: plan.print.margins.footer * 72,
          // Printed without the yellow of the cells to fill, "Trang 1/11" at the foot of each page (issue 16).
          blackAndWhite: true,
          centerFooter: "Trang &P/&N",
        }
      : {},
  );

  const validations = new Map(plan.validations.map((v) => [a1(v), v]));
  for (const v of plan.validations) expect(plan.cells.some((c) => a1(c) === a1(v))).toBe(true);
  expect([...model.cells.keys()].sort()).toEqual(plan.cells.map((c) => a1(c)).sort());
  for (const cell of plan.cells) {
    expect({ address: a1(cell), ...model.cells.get(a1(cell)) }).toEqual({
      address: a1(cell),
      ...expectedCell(cell, validations.get(a1(cell))),
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
  it("uses three syncs for one form and for all seven, four when it replaces sheets", async () => {
    expect(WRITE_PLAN_SYNCS).toEqual({ fresh: 3, replacing: 4 });
    for (const forms of [["BM1"], ALL_FORMS]) {
      const fake = new FakeExcel();
      await write(fake, planFor(forms));
      expect(fake.syncCount).toBe(WRITE_PLAN_SYNCS.fresh);
    }
    const replacing = new FakeExcel({ sheets: USED_WORKBOOK });
    await write(replacing, planFor(ALL_FORMS), { replaceExisting: true });
    expect(replacing.syncCount).toBe(WRITE_PLAN_SYNCS.replacing);
  });

  it("writes every value, formula, format, lock, merge, validation, protection, visibility and print setting of the plan", async () => {
    const fake = new FakeExcel();
    const plan = planFor(ALL_FORMS);
    const outcome = await write(fake, plan);

    expect(outcome).toEqual({ status: "written", sheets: [...ALL_FORMS, META_SHEET], printSetupApplied: true });
    expectWorkbookMatches(fake, plan, true);
    // The plan exercises every kind of cell this test claims to check.
    const all = plan.sheets.flatMap((s) => s.validations);
    expect(new Set(all.map((v) => `${v.type}${"max" in v && v.max !== undefined ? "-max" : ""}`))).toEqual(
      new Set(["whole", "decimal", "decimal-max", "list"]),
    );
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
    const fake = new FakeExcel({
      sheets: [
        { name: "Sheet1", cells: { A1: "giữ nguyên" } },
        { name: META_SHEET, visibility: "VeryHidden", cells: { A1: "cũ" } },
      ],
    });

    const outcome = await write(fake, planFor(["BM4"]));

    expect(outcome).toMatchObject({ status: "written", sheets: ["BM4", META_SHEET] });
    expect(fake.sheet(META_SHEET)!.cells.get("A1")?.value).not.toBe("cũ");
    expect(fake.cell("Sheet1", "A1")).toMatchObject({ value: "giữ nguyên" });
  });

  it("replaces existing sheets when asked: the same sheets, rewritten in place, no temporary sheet left", async () => {
    const fake = new FakeExcel({
      sheets: [...USED_WORKBOOK, { name: `${TEMP_SHEET_PREFIX}crash-0`, visibility: "VeryHidden" }, { name: `${ASIDE_SHEET_PREFIX}crash-0` }],
    });
    const ids = { bm1: fake.sheet("BM1").id, bm2: fake.sheet("bm2").id, meta: fake.sheet(META_SHEET).id };
    const plan = planFor(ALL_FORMS);

    const outcome = await write(fake, plan, { replaceExisting: true });

    expect(outcome).toMatchObject({ status: "written" });
    expectWorkbookMatches(fake, plan, true, ["Ghi chú"]);
    expect({ bm1: fake.sheet("BM1").id, bm2: fake.sheet("BM2").id, meta: fake.sheet(META_SHEET).id }).toEqual(ids);
    expect(fake.cell("BM1", "D8").value).toBeNull();
    expect(fake.cell("Ghi chú", "A1").value).toBe("Số liệu tạm, chờ phòng Tư pháp");
    expect(fake.sheetNames().filter(isTemp)).toEqual([]);
  });

  it("clears what the officer added to a sheet it replaces: merges, rows, widths, frozen panes, hidden rows", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "Ghi chú" }, { name: "BM1", cells: { Z40: "ghi tay", D8: 42 } }] });
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("BM1");
      ws.getRange("X30:Z31").merge(false);
      ws.getRange("40:40").format.rowHeight = 100;
      ws.getRange("Z:Z").format.columnWidth = 300;
      ws.getRange("50:52").rowHidden = true;
      ws.freezePanes.freezeRows(3);
      ws.getRange("Z40").dataValidation.rule = { wholeNumber: { formula1: 0, operator: "GreaterThan" } };
      ws.visibility = "Hidden";
      await context.sync();
    });
    const plan = planFor(["BM1"]);
    await write(fake, plan, { replaceExisting: true });
    expectWorkbookMatches(fake, plan, true, ["Ghi chú"]);
    expect(fake.sheet("BM1").hiddenRows.size).toBe(0);
  });

  it("keeps an officer's formulas on the forms working: =BM1!D8 elsewhere reads the new figure", async () => {
    const plan = templatePlan("Phòng Tư pháp", ["BM1", "BM2"]);
    // An entry cell of each form: the officer's own sheet sums up from there.
    const [one, two] = plan.sheets.slice(0, 2).map((s) => a1(s.cells.find((c) => !c.locked)!));
    const fake = new FakeExcel({
      evaluateReferences: true,
      sheets: [
        { name: "Của tôi", cells: { A1: `=BM1!${one}`, A2: `='BM2'!${two}` } },
        { name: "BM1", cells: { [one]: 42 } },
        { name: "BM2", cells: { [two]: 7 } },
      ],
    });
    const shown = () =>
      fake.run(async (context) => {
        const range = context.workbook.worksheets.getItem("Của tôi").getRange("A1:A2").load("values");
        await context.sync();
        return range.values;
      });
    expect(await shown()).toEqual([[42], [7]]);

    await write(fake, plan, { replaceExisting: true });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("BM1").getRange(one).values = [[1234]];
      await context.sync();
    });

    expect(fake.cell("Của tôi", "A1").formula).toBe(`=BM1!${one}`);
    expect(fake.cell("Của tôi", "A2").formula).toBe(`='BM2'!${two}`);
    // An empty cell reads 0, as Excel shows it; a deleted sheet would read #REF!.
    expect(await shown()).toEqual([[1234], [0]]);
  });

  it.each([
    ["first", "BM1"],
    ["after a sheet already unprotected", "BM2"],
  ])("a sheet protected with a password (%s) stops it before anything changes, and says which", async (_, locked) => {
    const options = { allowFormatCells: true, allowInsertRows: true };
    const fake = new FakeExcel({
      sheets: [
        { name: "Ghi chú" },
        ...["BM1", "BM2"].map((name) => ({
          name,
          cells: { D8: 42 },
          ...(name === locked ? { password: "phuong" } : { protect: true, protectOptions: options }),
        })),
      ],
    });
    const before = fake.snapshot();
    await expect(write(fake, planFor(["BM1", "BM2"]), { replaceExisting: true })).rejects.toMatchObject({ code: "SheetPasswordProtected", sheet: locked });
    // The other sheet, unprotected first when it came first, is protected again with the officer's own options.
    expect(fake.snapshot()).toEqual(before);
  });

  it("splits a write over the payload budget into as many syncs as it needs, with the same result", async () => {
    const plan = planFor(ALL_FORMS);
    const whole = new FakeExcel({ payloadLimitBytes: Infinity });
    await write(whole, plan);
    const budget = 60_000;
    const split = new FakeExcel({ payloadLimitBytes: budget });
    await write(split, plan, { payloadBudget: budget });
    expect(split.syncCount).toBeGreaterThan(whole.syncCount + 3);
    expect(Math.max(...split.batches.map((b) => b.requestBytes))).toBeLessThanOrEqual(budget);
    expectWorkbookMatches(split, plan, true);
    // Our estimate is never below what the fake counts, so the budget is a real bound.
    expect(Math.max(...whole.batches.map((b) => b.requestBytes))).toBeGreaterThan(budget);
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
    /** The sheets as an officer sees them: names, order, contents; not Excel's ids. */
    const seen = (fake: FakeExcel) => fake.snapshot().sheets.map(({ id: _id, ...sheet }) => sheet);

    it.each([1, 2])("at sync %i, leaves the original sheets untouched and no temporary sheet", async (k) => {
      const fake = new FakeExcel({ sheets: USED_WORKBOOK }).failAtSync(k);
      const before = fake.snapshot();

      await expect(replace(fake)).rejects.toMatchObject({ code: "GeneralException" });

      expect(fake.snapshot()).toEqual(before);
      await expect(replace(fake)).resolves.toMatchObject({ status: "written" });
      expectWorkbookMatches(fake, plan, true, ["Ghi chú"]);
    });

    it.each([1, 5, 50, 400, 1000])("half-way through building the sheets aside (after %i calls), undoes it", async (afterOps) => {
      const fake = new FakeExcel({ sheets: USED_WORKBOOK }).failAtSync(2, { afterOps });
      const before = fake.snapshot();
      await expect(replace(fake)).rejects.toMatchObject({ code: "GeneralException" });
      expect(fake.snapshot()).toEqual(before);
    });

    it.each([0, 1, 3, 10, 100, 400, 1000])("half-way through rewriting in place (after %i calls), the whole new forms stand", async (afterOps) => {
      const fake = new FakeExcel({ sheets: USED_WORKBOOK }).failAtSync(3, { afterOps });
      await expect(replace(fake)).rejects.toMatchObject({ code: "GeneralException" });
      expect(fake.sheetNames().filter(isTemp)).toEqual([]);
      expectWorkbookMatches(fake, plan, true, ["Ghi chú"]);
    });

    it("half-way through putting the sheets in place, the whole new forms stand, in place", async () => {
      const reference = new FakeExcel({ sheets: USED_WORKBOOK });
      await replace(reference);
      for (let afterOps = 0; afterOps <= 12; afterOps++) {
        const fake = new FakeExcel({ sheets: USED_WORKBOOK }).failAtSync(4, { afterOps });
        const ids = fake.sheet("BM1").id;
        await expect(replace(fake)).rejects.toMatchObject({ code: "GeneralException" });
        expect(fake.sheetNames().filter(isTemp)).toEqual([]);
        expect(seen(fake)).toEqual(seen(reference));
        expect(fake.sheet("BM1").id).toBe(ids);
      }
    });

    it("writing new sheets only, a failure while naming them undoes it all", async () => {
      const fresh: SheetSeed[] = [{ name: "Ghi chú", cells: { A1: "giữ" } }];
      for (let afterOps = 0; afterOps <= 12; afterOps++) {
        const fake = new FakeExcel({ sheets: fresh }).failAtSync(3, { afterOps });
        const before = fake.snapshot();
        await expect(write(fake, plan)).rejects.toMatchObject({ code: "GeneralException" });
        expect(fake.sheetNames().filter(isTemp)).toEqual([]);
        expect(fake.sheetNames()).toEqual(["Ghi chú"]);
        expect(fake.snapshot().sheets).toEqual(before.sheets);
      }
    });
  });
});
