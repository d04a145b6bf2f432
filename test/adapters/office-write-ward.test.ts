/**
 * Tổng hợp in Excel: the ward's plan written into the open workbook through
 * the fake Excel, all or nothing, in a constant number of syncs, replacing an
 * earlier result rather than adding to it.
 */
import { createBrowserHost, XLSX_MIME } from "../../src/adapters/browser/browser-host";
import { createExcelHost } from "../../src/adapters/office/excel-host";
import { PAYLOAD_BUDGET_BYTES } from "../../src/adapters/office/payload-budget";
import { cellBlocks } from "../../src/adapters/office/sheet-steps";
import { ASIDE_SHEET_PREFIX, TEMP_SHEET_PREFIX } from "../../src/adapters/office/write-plan";
import { WARD_OWN_SHEETS, WRITE_WARD_SYNCS, writeWardToExcel } from "../../src/adapters/office/write-ward";
import { FORM_IDS } from "../../src/core/forms/catalogue";
import { DETAIL_SHEET, RESULT_SHEET, SUBMISSIONS_SHEET, buildWardPlan } from "../../src/core/layout/ward-sheets";
import { buildWorkbookPlan } from "../../src/core/layout/workbook-plan";
import { META_SHEET } from "../../src/core/layout/metadata";
import type { CellPlan, WorkbookPlan } from "../../src/core/layout/plan";
import { SAMPLE_UNITS } from "../../src/core/sample/demo-units";
import { DEFAULT_REGISTRY } from "../../src/core/units/registry";
import { period, snapshotOfPlan } from "../support/plans";
import { FakeExcel, type FakeSheet, type SheetSeed } from "./fake-excel";
import { aggregate } from "../support/worded";
import { a1, at } from "../support/a1";

const CREATED = "2026-07-02T08:30:00.000Z";
const FORMULA_NAME = '=HYPERLINK("x")';

/**
 * The ward plan of `units` unit workbooks: the four sample units first, then
 * more of them under other names (units the registry does not know), the
 * last one named like a formula when asked.
 */
function wardPlan(units: number, options: { formulaNamedUnit?: boolean } = {}): WorkbookPlan {
  const workbooks = Array.from({ length: units }, (_, i) => {
    const sample = SAMPLE_UNITS[i % SAMPLE_UNITS.length];
    const last = i === units - 1 && options.formulaNamedUnit;
    const unit = last ? FORMULA_NAME : i < SAMPLE_UNITS.length ? sample.name : `${sample.name} – tổ ${i}`;
    const plan = buildWorkbookPlan({ unit, period: period(), forms: sample.forms, figures: sample.figures, createdAt: CREATED });
    return { file: last ? `${FORMULA_NAME}.xlsx` : `don-vi-${i + 1}.xlsx`, modified: 1_780_000_000_000 + i, book: snapshotOfPlan(plan) };
  });
  const result = aggregate({ workbooks, registry: DEFAULT_REGISTRY });
  expect(result.files.filter((f) => f.status === "used")).toHaveLength(units);
  return buildWardPlan(result, period(), CREATED);
}

const write = (fake: FakeExcel, plan: WorkbookPlan, replaceExisting = false) => writeWardToExcel(fake.run, plan, { replaceExisting, supportsPageLayout: true });

const isTemp = (name: string) => name.startsWith(TEMP_SHEET_PREFIX) || name.startsWith(ASIDE_SHEET_PREFIX);
const WARD_SHEETS = [...FORM_IDS, DETAIL_SHEET, RESULT_SHEET, SUBMISSIONS_SHEET, META_SHEET];

/** Every planned cell is in the sheet as planned (value or formula, format, lock, look), and nothing else is. */
function expectSheetIs(model: FakeSheet, cells: readonly CellPlan[]): void {
  expect([...model.cells.keys()].sort()).toEqual(cells.map((c) => a1(c)).sort());
  for (const c of cells) {
    const got = model.cells.get(a1(c))!;
    const want = {
      address: a1(c),
      value: c.formula !== undefined || c.value === undefined || c.value === "" ? null : c.value,
      formula: c.formula === undefined ? null : `=${c.formula}`,
      numberFormat: c.numFmt,
      locked: c.locked,
      bold: !!c.style.bold,
      fill: c.style.fill ? `#${c.style.fill}` : null,
      borders: c.style.border ? ["EdgeBottom", "EdgeLeft", "EdgeRight", "EdgeTop"] : [],
    };
    expect({
      address: a1(c),
      value: got.value,
      formula: got.formula,
      numberFormat: got.numberFormat,
      locked: got.locked,
      bold: got.font.bold,
      fill: got.fill,
      borders: Object.keys(got.borders)
        .filter((e) => got.borders[e as keyof typeof got.borders]?.style === "Continuous")
        .sort(),
    }).toEqual(want);
  }
}

function expectWorkbookIs(fake: FakeExcel, plan: WorkbookPlan, others: string[]): void {
  expect(fake.sheetNames()).toEqual([...others, ...plan.sheets.map((s) => s.name)]);
  for (const sheet of plan.sheets) {
    const model = fake.sheet(sheet.name);
    expectSheetIs(model, sheet.cells);
    expect(model.visibility).toBe(sheet.visibility === "veryHidden" ? "VeryHidden" : "Visible");
    expect(model.protection.protected).toBe(sheet.protect);
    expect(model.frozenRows).toBe(sheet.freezeRows ?? 0);
    if (sheet.print) expect(model.pageLayout.orientation).toBe(sheet.print.orientation === "portrait" ? "Portrait" : "Landscape");
  }
}

/** A workbook the ward officer keeps: own notes, and last period's ward report written by the add-in. */
function usedWorkbook(): SheetSeed[] {
  return [
    { name: "Ghi chú", cells: { A1: "Nhắc TTDVSNC gửi BM1", B2: 5 } },
    { name: "BM1", cells: { A1: "BM1 kỳ trước", D8: 42 }, protect: true },
    { name: "BM7", cells: { D9: 311 } },
    { name: DETAIL_SHEET, cells: { A1: "chi tiết kỳ trước", Z99: 7 }, protect: true },
    { name: RESULT_SHEET, cells: { A1: "kết quả kỳ trước" } },
    { name: META_SHEET, visibility: "VeryHidden", cells: { A1: "metadata kỳ trước" } },
  ];
}

const PLAN_3 = wardPlan(3);
const PLAN_30 = wardPlan(30, { formulaNamedUnit: true });

describe("writeWardToExcel", () => {
  it("the plans are what the tests claim: 3 and 30 unit columns in the detail sheet", () => {
    const header = (plan: WorkbookPlan) => plan.sheets.find((s) => s.name === DETAIL_SHEET)!.cells.filter((c) => /^[A-Z]+3$/.test(a1(c)));
    // Form, STT, indicator, unit of measure, one column per unit, the ward's total, how it was made, the units' notes.
    expect(header(PLAN_3)).toHaveLength(4 + 3 + 3);
    expect(header(PLAN_30)).toHaveLength(4 + 30 + 3);
    expect(PLAN_3.sheets.map((s) => s.name)).toEqual(WARD_SHEETS);
  });

  it.each([
    ["3 units", PLAN_3],
    ["30 units", PLAN_30],
  ])("writes %s in the same three syncs, and writes exactly the plan", async (_, plan) => {
    expect(WRITE_WARD_SYNCS).toEqual({ fresh: 3, replacing: 4 });
    const fake = new FakeExcel();
    const outcome = await write(fake, plan);
    expect(outcome).toEqual({ status: "written", sheets: WARD_SHEETS, printSetupApplied: true });
    expect(fake.syncCount).toBe(WRITE_WARD_SYNCS.fresh);
    expectWorkbookIs(fake, plan, ["Sheet1"]);
    expect(fake.activeSheet()?.name).toBe("BM1");
  });

  it("keeps the request small: a few thousand calls, not one per cell and property", async () => {
    const small = new FakeExcel();
    await write(small, PLAN_3);
    const large = new FakeExcel();
    await write(large, PLAN_30);
    const cells = PLAN_30.sheets.reduce((n, s) => n + s.cells.length, 0);
    expect(cells).toBeGreaterThan(3000);
    // Ten times the units costs less than 10 % more calls: whole blocks of alike cells go in one call each.
    expect(large.calls.length).toBeLessThan(small.calls.length * 1.1);
    expect(large.calls.length).toBeLessThan(cells * 2);
  });

  it("writes the ward's formulas live and its figures as numbers", async () => {
    const fake = new FakeExcel();
    await write(fake, PLAN_3);
    const bm1 = PLAN_3.sheets.find((s) => s.name === "BM1")!;
    const formulas = bm1.cells.filter((c) => c.formula !== undefined);
    expect(formulas.length).toBeGreaterThan(0);
    for (const c of formulas) expect(fake.cell("BM1", a1(c)).formula).toBe(`=${c.formula}`);
    const numbers = bm1.cells.filter((c) => typeof c.value === "number");
    expect(numbers.length).toBeGreaterThan(0);
    for (const c of numbers) expect(fake.cell("BM1", a1(c)).value).toBe(c.value);
  });

  it("keeps text from unit files as text: a unit or file named like a formula stays inert", async () => {
    const fake = new FakeExcel();
    await write(fake, PLAN_30);

    const detail = fake.sheet(DETAIL_SHEET);
    const header = [...detail.cells.entries()].filter(([address, cell]) => /^[A-Z]+3$/.test(address) && cell.value === FORMULA_NAME);
    expect(header).toHaveLength(1);
    expect(header[0][1]).toMatchObject({ value: FORMULA_NAME, formula: null, numberFormat: "@" });

    const result = fake.sheet(RESULT_SHEET);
    const texts = [...result.cells.values()].filter((c) => typeof c.value === "string" && c.value.includes("HYPERLINK"));
    // the unit's name, its file's name, and the findings naming them
    expect(texts.length).toBeGreaterThanOrEqual(2);
    for (const c of texts) expect(c).toMatchObject({ formula: null, numberFormat: "@" });
    expect([...result.cells.values()].some((c) => c.value === `${FORMULA_NAME}.xlsx`)).toBe(true);
    for (const sheet of fake.workbook.sheets) {
      for (const cell of sheet.cells.values()) if (cell.formula) expect(cell.formula).not.toContain("HYPERLINK");
    }
  });

  it("asks before replacing BM sheets the officer may have typed into, and changes nothing", async () => {
    const fake = new FakeExcel({ sheets: usedWorkbook() });
    const before = fake.snapshot();

    const outcome = await write(fake, PLAN_3);

    // The report and metadata sheets are the add-in's own: only the BM sheets need a question.
    expect(outcome).toEqual({ status: "exists", existing: ["BM1", "BM7"] });
    expect(WARD_OWN_SHEETS).toEqual([DETAIL_SHEET, RESULT_SHEET, SUBMISSIONS_SHEET, META_SHEET]);
    expect(fake.snapshot()).toEqual(before);
    expect(fake.syncCount).toBe(1);
  });

  it("replaces an earlier report's own sheets without asking when no BM sheet is in the way", async () => {
    const seeds = usedWorkbook().filter((s) => !s.name.startsWith("BM"));
    const fake = new FakeExcel({ sheets: seeds });
    const outcome = await write(fake, PLAN_3);
    expect(outcome).toMatchObject({ status: "written" });
    expectWorkbookIs(fake, PLAN_3, ["Ghi chú"]);
  });

  it("running it again replaces the previous result and never adds to it", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "Ghi chú", cells: { A1: "giữ nguyên" } }] });
    await write(fake, PLAN_30);
    expectWorkbookIs(fake, PLAN_30, ["Ghi chú"]);

    const again = await write(fake, PLAN_3);
    expect(again).toEqual({ status: "exists", existing: FORM_IDS });

    const syncsBefore = fake.syncCount;
    await expect(write(fake, PLAN_3, true)).resolves.toMatchObject({ status: "written" });
    expect(fake.syncCount - syncsBefore).toBe(WRITE_WARD_SYNCS.replacing);
    // Same sheets, no copies ("BM1 (2)"), and none of the 30-unit columns left in the detail sheet.
    expectWorkbookIs(fake, PLAN_3, ["Ghi chú"]);
    expect(fake.sheetNames().filter(isTemp)).toEqual([]);
    expect(fake.cell("Ghi chú", "A1").value).toBe("giữ nguyên");

    await write(fake, PLAN_3, true);
    expectWorkbookIs(fake, PLAN_3, ["Ghi chú"]);
  });

  it("rewrites the report in place: an officer's ='Kết quả tổng hợp'!D8 and =BM1!D8 read the new figures", async () => {
    const fake = new FakeExcel({ evaluateReferences: true, sheets: [{ name: "Báo cáo của phường", cells: { A1: `='${RESULT_SHEET}'!D8`, A2: "=BM1!D8" } }] });
    const read = () =>
      fake.run(async (context) => {
        const range = context.workbook.worksheets.getItem("Báo cáo của phường").getRange("A1:A2").load("values");
        await context.sync();
        return range.values.map((row) => row[0]);
      });
    const planned = (plan: WorkbookPlan, sheet: string) => plan.sheets.find((s) => s.name === sheet)!.cells.find((c) => a1(c) === "D8")!.value;

    await write(fake, PLAN_30);
    expect(await read()).toEqual([planned(PLAN_30, RESULT_SHEET), planned(PLAN_30, "BM1")]);
    const ids = WARD_SHEETS.map((name) => fake.sheet(name).id);

    await write(fake, PLAN_3, true);

    expect(planned(PLAN_3, "BM1")).not.toEqual(planned(PLAN_30, "BM1"));
    expect(await read()).toEqual([planned(PLAN_3, RESULT_SHEET), planned(PLAN_3, "BM1")]);
    expect(fake.cell("Báo cáo của phường", "A1").formula).toBe(`='${RESULT_SHEET}'!D8`);
    expect(WARD_SHEETS.map((name) => fake.sheet(name).id)).toEqual(ids);
    expectWorkbookIs(fake, PLAN_3, ["Báo cáo của phường"]);
  });

  it("writes a ward of 2,000 units under Excel on the web's 5 MB, every request under the 4 MB budget", async () => {
    const plan = wardPlan(2000);
    const fake = new FakeExcel({ sheets: usedWorkbook() });
    await expect(write(fake, plan, true)).resolves.toMatchObject({ status: "written" });
    expectWorkbookIs(fake, plan, ["Ghi chú"]);
    const requests = fake.batches.map((b) => b.requestBytes);
    expect(Math.max(...requests)).toBeLessThan(PAYLOAD_BUDGET_BYTES);
    // Two copies of about 6 MB each (built aside, then in place): syncs follow the bytes.
    const total = requests.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(2 * 5_000_000);
    expect(fake.syncCount).toBeLessThanOrEqual(2 + 2 * Math.ceil(total / 2 / PAYLOAD_BUDGET_BYTES) + 2);
  }, 60_000);

  describe("all or nothing", () => {
    it.each([1, 2])("a failure at sync %i leaves the workbook exactly as it was", async (k) => {
      for (const seeds of [usedWorkbook(), undefined]) {
        const fake = new FakeExcel({ sheets: seeds }).failAtSync(k);
        const before = fake.snapshot();
        await expect(write(fake, PLAN_30, true)).rejects.toMatchObject({ code: "GeneralException" });
        expect(fake.snapshot()).toEqual(before);
      }
    });

    it("writing into a workbook without a report, a failure at the last sync leaves it as it was", async () => {
      const fake = new FakeExcel().failAtSync(3);
      const before = fake.snapshot();
      await expect(write(fake, PLAN_30, true)).rejects.toMatchObject({ code: "GeneralException" });
      expect(fake.snapshot()).toEqual(before);
    });

    it.each([1, 10, 100, 1000, 3000])("a failure after %i calls of building aside undoes them", async (afterOps) => {
      const fake = new FakeExcel({ sheets: usedWorkbook() }).failAtSync(2, { afterOps });
      const before = fake.snapshot();
      await expect(write(fake, PLAN_30, true)).rejects.toMatchObject({ code: "GeneralException" });
      expect(fake.snapshot()).toEqual(before);
    });

    it.each([
      [3, [0, 1, 5, 50, 500, 2000]],
      [4, [0, 1, 2, 3, 5, 8, 12, 16, 20, 30]],
    ])("a failure at sync %i, once the old report is being rewritten, leaves the whole new report", async (k, cuts) => {
      for (const afterOps of cuts) {
        const fake = new FakeExcel({ sheets: usedWorkbook() }).failAtSync(k, { afterOps });
        await expect(write(fake, PLAN_3, true)).rejects.toMatchObject({ code: "GeneralException" });
        expect(fake.sheetNames().filter(isTemp)).toEqual([]);
        expectWorkbookIs(fake, PLAN_3, ["Ghi chú"]);
      }
    });

    it("after a failed attempt the next one writes the whole report", async () => {
      const fake = new FakeExcel({ sheets: usedWorkbook() }).failAtSync(2, { afterOps: 500 });
      await expect(write(fake, PLAN_3, true)).rejects.toThrow();
      await expect(write(fake, PLAN_3, true)).resolves.toMatchObject({ status: "written" });
      expectWorkbookIs(fake, PLAN_3, ["Ghi chú"]);
    });
  });
});

describe("cellBlocks", () => {
  const cell = (address: string, bold = false, value?: string | number): CellPlan => ({
    ...at(address),
    value,
    numFmt: "General",
    style: { bold },
    locked: true,
  });

  it("puts every cell in exactly one block of alike, adjacent cells", () => {
    const cells = [cell("A1"), cell("B1"), cell("C1", true), cell("A2"), cell("B2"), cell("C2", true), cell("E2"), cell("A4")];
    const blocks = cellBlocks(cells);
    expect(blocks.map((b) => b.address)).toEqual(["A1:B2", "C1:C2", "E2", "A4"]);
    expect(
      blocks
        .flatMap((b) => b.rows.flat())
        .map((c) => a1(c))
        .sort(),
    ).toEqual(cells.map((c) => a1(c)).sort());
  });

  it("covers every cell of the ward plans once", () => {
    for (const plan of [PLAN_3, PLAN_30]) {
      for (const sheet of plan.sheets) {
        const covered = cellBlocks(sheet.cells).flatMap((b) => b.rows.flat().map((c) => a1(c)));
        expect(covered.sort()).toEqual(sheet.cells.map((c) => a1(c)).sort());
      }
    }
  });
});

describe("the hosts' writeWard", () => {
  it("Excel: writes into the open workbook, all or nothing, asking before replacing BM sheets", async () => {
    const fake = new FakeExcel({ apiVersion: "1.8", sheets: usedWorkbook() });
    const host = createExcelHost({ run: fake.run, supportsPageLayout: () => false });
    const options = { replaceExisting: false, fileName: "tong-hop-2026-H1.xlsx" };
    await expect(host.writeWard!(PLAN_3, options)).resolves.toEqual({ status: "exists", existing: ["BM1", "BM7"] });
    await expect(host.writeWard!(PLAN_3, { ...options, replaceExisting: true })).resolves.toEqual({
      status: "written",
      sheets: WARD_SHEETS,
      printSetupApplied: false,
    });
    expectWorkbookIs(fake, { sheets: PLAN_3.sheets.map((x) => ({ ...x, print: undefined })) }, ["Ghi chú"]);
  });

  it("Excel: does nothing once the request is aborted", async () => {
    const fake = new FakeExcel();
    const controller = new AbortController();
    controller.abort();
    const host = createExcelHost({ run: fake.run, supportsPageLayout: () => true });
    await expect(host.writeWard!(PLAN_3, { replaceExisting: false, fileName: "x.xlsx", signal: controller.signal })).rejects.toThrow();
    expect(fake.syncCount).toBe(0);
  });

  it("browser: downloads the ward workbook under the period's name", async () => {
    const saved: { file: Blob; fileName: string }[] = [];
    const host = createBrowserHost({ save: (file, fileName) => saved.push({ file, fileName }) });
    const outcome = await host.writeWard!(PLAN_3, { replaceExisting: false, fileName: "tong-hop-2026-H1.xlsx" });
    expect(outcome).toEqual({ status: "written", sheets: WARD_SHEETS, printSetupApplied: true, fileName: "tong-hop-2026-H1.xlsx" });
    expect(saved.map((x) => [x.fileName, x.file.type])).toEqual([["tong-hop-2026-H1.xlsx", XLSX_MIME]]);
    const bytes = new Uint8Array(await saved[0].file.arrayBuffer());
    expect(String.fromCharCode(bytes[0], bytes[1])).toBe("PK");
  });
});
