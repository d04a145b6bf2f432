/**
 * Kiểm tra (readWorkbookFromExcel) within the payload budget, on the fake
 * that measures every batch and refuses one over 5 MB as Excel on the web
 * does: "Excel on the web has a payload size limit for requests and responses
 * of 5MB" (learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins),
 * answering RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded
 * (learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
 *
 * Every read stays under PAYLOAD_BUDGET_BYTES both ways, in as many syncs as
 * the bytes need, and gives the snapshot the single read of every sheet gave
 * before (readInOneGo below, on a fake without a limit, as desktop Excel).
 */
import { LOAD_OVERHEAD_BYTES, ROW_OVERHEAD_BYTES, ASSUMED_CELL_BYTES, halve, type Block } from "../../src/adapters/office/chunked-read";
import { MARKS_SHEET } from "../../src/adapters/office/mark-cells";
import { PAYLOAD_BUDGET_BYTES } from "../../src/adapters/office/payload-budget";
import {
  FULL_ROW_BYTES,
  PROBE_COLUMNS,
  READ_SMALL_WORKBOOK_SYNCS,
  READ_WORKBOOK_MIN_SYNCS,
  readWorkbookFromExcel,
  readWorkbookSyncs,
  toCell,
} from "../../src/adapters/office/read-workbook";
import { writePlanToExcel } from "../../src/adapters/office/write-plan";
import { columnLetter } from "../../src/core/layout/address";
import { META_SHEET } from "../../src/core/layout/metadata";
import { LIMITS } from "../../src/core/limits";
import { formNumberOfSheet } from "../../src/core/read/locate";
import { formNumberOfTitle } from "../../src/core/read/locate-pasted";
import type { CellSnapshot, SheetSnapshot, WorkbookSnapshot } from "../../src/core/read/snapshot";
import { excelHolding } from "../support/excel-holding";
import { pastedSeedWorkbook } from "../support/pasted-seed";
import { snapshotOf, templatePlan } from "../support/plans";
import { SEED_VALUES } from "../support/seed-values";
import { defaultCell, EXCEL_WEB_PAYLOAD_LIMIT_BYTES, FakeExcel, type FakeCell } from "./fake-excel";
import { validateWorkbook } from "../support/worded";
import { cellsA1, rowsFromA1 } from "../support/a1";

// ------------------------------------------------------------------ helpers

/**
 * The read as it was before the budget (one sync for the form sheets and the
 * probes, one for the pasted sheets), kept here as the reference the chunked
 * read must equal, cell for cell and in the same order.
 */
async function readInOneGo(fake: FakeExcel): Promise<WorkbookSnapshot> {
  const CAP = `A1:${columnLetter(LIMITS.maxColsPerSheet)}${LIMITS.maxRowsPerSheet}`;
  const PROBE = `A1:${columnLetter(PROBE_COLUMNS)}${LIMITS.maxRowsPerSheet}`;
  const isForm = (name: string) => name === META_SHEET || formNumberOfSheet(name) !== undefined;
  const VIS: Record<string, SheetSnapshot["visibility"]> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };
  return fake.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/visibility");
    await context.sync();
    const listed = worksheets.items.filter((ws) => ws.name !== MARKS_SHEET).slice(0, LIMITS.maxSheets);
    const loadCells = (ws: Excel.Worksheet) =>
      ws.getRange(CAP).getIntersectionOrNullObject(ws.getUsedRange(true)).load("address,rowIndex,columnIndex,values,formulas,numberFormat,valueTypes");
    const reads: (Excel.Range | undefined)[] = listed.map((ws) => (isForm(ws.name) ? loadCells(ws) : undefined));
    const probes = listed.map((ws) =>
      isForm(ws.name) || ws.visibility === "VeryHidden" ? undefined : ws.getRange(PROBE).getIntersectionOrNullObject(ws.getUsedRange(true)).load("values"),
    );
    await context.sync();
    const holds = (v: unknown[][]) => v.some((row) => row.some((x) => formNumberOfTitle(x) !== undefined));
    const pasted = probes.map((p, i) => (p && !p.isNullObject && holds(p.values) ? loadCells(listed[i]) : undefined));
    if (pasted.some(Boolean)) {
      pasted.forEach((r, i) => (reads[i] ??= r));
      await context.sync();
    }
    return {
      sheets: listed.map((ws, i) => {
        const sheet: SheetSnapshot = { name: ws.name, visibility: VIS[ws.visibility] ?? "visible", rows: [], maxRow: 0, maxCol: 0, merges: [] };
        const range = reads[i];
        if (range && !range.isNullObject) {
          const cells: Record<string, CellSnapshot> = Object.create(null);
          range.values.forEach((row, r) =>
            row.forEach((value: unknown, c) => {
              const cell = toCell(value, range.formulas[r][c], range.valueTypes[r][c], range.numberFormat[r][c]);
              if (!cell) return;
              cells[`${columnLetter(range.columnIndex + c + 1)}${range.rowIndex + r + 1}`] = cell;
              sheet.maxRow = Math.max(sheet.maxRow, range.rowIndex + r + 1);
              sheet.maxCol = Math.max(sheet.maxCol, range.columnIndex + c + 1);
            }),
          );
          sheet.rows = rowsFromA1(cells);
        }
        return sheet;
      }),
    };
  });
}

/** A fake without the limit (desktop Excel) holding the very same sheets: reads change nothing, so they may share them. */
function unlimitedTwin(fake: FakeExcel): FakeExcel {
  const twin = new FakeExcel({ payloadLimitBytes: Infinity });
  twin.workbook.sheets.splice(0, twin.workbook.sheets.length, ...fake.workbook.sheets);
  return twin;
}

/** What one read cost: its syncs, and its batches' largest request and response. */
async function measure(fake: FakeExcel, work: () => Promise<WorkbookSnapshot>) {
  const [syncs, batches] = [fake.syncCount, fake.batches.length];
  const read = await work();
  const mine = fake.batches.slice(batches);
  return {
    read,
    syncs: fake.syncCount - syncs,
    batches: mine,
    maxRequest: Math.max(...mine.map((b) => b.requestBytes)),
    maxResponse: Math.max(...mine.map((b) => b.responseBytes)),
  };
}

/** The same snapshot, cells in the same order. */
function expectSameRead(read: WorkbookSnapshot, reference: WorkbookSnapshot): void {
  expect(read).toEqual(reference);
  expect(read.sheets.map((s) => Object.keys(cellsA1(s)))).toEqual(reference.sheets.map((s) => Object.keys(cellsA1(s))));
}

const under = (budget: number) => (b: { requestBytes: number; responseBytes: number }) => b.requestBytes < budget && b.responseBytes < budget;

/** Cells typed straight into a sheet of the fake (as excelHolding does); the font and borders objects are shared, reads never change them. */
function fillSheet(fake: FakeExcel, name: string, rows: number, cols: number, text: (r: number, c: number) => string | number | null, from = 1): void {
  const sheet = fake.findSheet(name) ?? fake.addSheet(name);
  const base = defaultCell();
  for (let r = from; r < from + rows; r++) {
    for (let c = 1; c <= cols; c++) {
      const value = text(r, c);
      if (value !== null) sheet.cells.set(`${columnLetter(c)}${r}`, { ...base, value } as FakeCell);
    }
  }
}

/** Twenty-character texts of a household list, in Vietnamese (24–30 bytes of UTF-8 each). */
const NAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"].flatMap((family) =>
  ["Thị Hồng Nhung", "Văn Quyết", "Đức Thắng", "Minh Thư", "Hữu Lộc", "Ngọc Ánh"].map((given) => `${family} ${given} tổ dân phố`.slice(0, 20).padEnd(20, "·")),
);
const householdText = (r: number, c: number) => NAMES[(r * 7 + c) % NAMES.length];

// ------------------------------------------------------------------ the tests

describe("reading within the payload budget", () => {
  it("models the limit of Excel on the web", () => {
    expect(EXCEL_WEB_PAYLOAD_LIMIT_BYTES).toBe(5_000_000);
    expect(PAYLOAD_BUDGET_BYTES).toBeLessThan(EXCEL_WEB_PAYLOAD_LIMIT_BYTES);
    expect(NAMES.every((n) => n.length === 20)).toBe(true);
    expect(FULL_ROW_BYTES).toBe(LIMITS.maxColsPerSheet * 102 + 4 * ROW_OVERHEAD_BYTES + LOAD_OVERHEAD_BYTES);
  });

  it("reads twenty long lists beside the forms on Excel on the web: every batch under the budget, the snapshot as in one go", async () => {
    const fake = new FakeExcel();
    await writePlanToExcel(fake.run, templatePlan("Phường Nhị Chiểu"), { replaceExisting: false, supportsPageLayout: true });
    // A filled form, so that the form sheets carry figures and formulas.
    for (const [form, rows] of Object.entries(SEED_VALUES)) {
      const sheet = fake.sheet(form);
      for (const address of [...sheet.cells.keys()].filter((a) => /^A\d+$/.test(a))) {
        const stt = String(sheet.cells.get(address)!.value);
        const entry = (rows as Record<string, unknown>)[stt];
        if (typeof entry === "number" || typeof entry === "string") sheet.cells.set(`D${address.slice(1)}`, { ...defaultCell(), value: entry });
      }
    }
    for (let k = 1; k <= 20; k++) fillSheet(fake, `Danh sách ${k}`, LIMITS.maxRowsPerSheet, 8, householdText);
    const cells = 20 * LIMITS.maxRowsPerSheet * 8;

    const web = await measure(fake, () => readWorkbookFromExcel(fake.run));
    const twin = unlimitedTwin(fake);
    const desktop = await measure(twin, () => readWorkbookFromExcel(twin.run));
    const before = await measure(twin, () => readInOneGo(twin));

    expect(web.batches.every(under(PAYLOAD_BUDGET_BYTES))).toBe(true);
    expect(desktop.batches.every(under(PAYLOAD_BUDGET_BYTES))).toBe(true);
    // As before, the lists are only probed; in one go, their probes came to 5 MB and more.
    expect(before.maxResponse).toBeGreaterThan(EXCEL_WEB_PAYLOAD_LIMIT_BYTES);
    expectSameRead(web.read, before.read);
    expectSameRead(desktop.read, before.read);
    expect(web.read.sheets.filter((s) => s.name.startsWith("Danh sách")).every((s) => Object.keys(cellsA1(s)).length === 0)).toBe(true);
    expect(validateWorkbook(web.read).findings.length).toBeGreaterThan(0);

    // Syncs grow with the bytes: every probed cell at most as estimated, so within the formula at the assumed bytes.
    const planned = cells * ASSUMED_CELL_BYTES.values + 20 * LIMITS.maxRowsPerSheet * ROW_OVERHEAD_BYTES + 100 * LOAD_OVERHEAD_BYTES;
    expect(web.syncs).toBeLessThanOrEqual(readWorkbookSyncs(planned));
    expect(web.syncs).toBeGreaterThanOrEqual(READ_WORKBOOK_MIN_SYNCS + Math.ceil(web.batches.reduce((n, b) => n + b.responseBytes, 0) / PAYLOAD_BUDGET_BYTES));
    expect(web.syncs).toBe(desktop.syncs);
    console.log(
      `twenty lists of 5,000 × 8 and the seven forms: ${web.syncs} syncs; largest request ${web.maxRequest} B, largest response ${web.maxResponse} B (in one go: ${before.maxResponse} B)`,
    );
  }, 120_000);

  it("reads a pasted appendix of 5,000 × 12 whole, under the budget", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "Phụ lục" }] });
    // A title, then STT, an indicator's text, a figure and notes: the indicator of about 90 characters, the others of 20.
    const indicator = (r: number) => `Số hồ sơ thủ tục hành chính tiếp nhận trong kỳ báo cáo (trực tuyến và trực tiếp), mục ${r}`;
    fillSheet(fake, "Phụ lục", LIMITS.maxRowsPerSheet, 12, (r, c) =>
      r === 1 ? (c === 1 ? "Biểu mẫu 3" : null) : c === 1 ? r - 1 : c === 2 ? indicator(r) : c === 4 ? r * 3 : householdText(r, c),
    );
    const web = await measure(fake, () => readWorkbookFromExcel(fake.run));
    const twin = unlimitedTwin(fake);
    const before = await measure(twin, () => readInOneGo(twin));

    expect(web.batches.every(under(PAYLOAD_BUDGET_BYTES))).toBe(true);
    expect(before.maxResponse).toBeGreaterThan(EXCEL_WEB_PAYLOAD_LIMIT_BYTES);
    expectSameRead(web.read, before.read);
    const sheet = web.read.sheets[0];
    expect(Object.keys(cellsA1(sheet))).toHaveLength(1 + (LIMITS.maxRowsPerSheet - 1) * 12);
    expect(sheet).toMatchObject({ maxRow: LIMITS.maxRowsPerSheet, maxCol: 12 });
    expect(cellsA1(sheet).L5000).toEqual({ value: householdText(5000, 12) });
    console.log(
      `a pasted appendix of 5,000 × 12: ${web.syncs} syncs; largest request ${web.maxRequest} B, largest response ${web.maxResponse} B (in one go: ${before.maxResponse} B)`,
    );
  });

  it("halves a batch Excel refuses for its size (30,000-character texts) and reads it again, down to what Excel takes", async () => {
    const long = (r: number, c: number) => `${"Ghi chú dài ".repeat(2500).slice(0, 29_990)}${r}-${c}`;
    const fake = new FakeExcel({ sheets: [{ name: "BM1" }, { name: "Ghi chú" }] });
    // A form sheet with long texts among its first rows (the second sync is refused, then sent without them) …
    fillSheet(fake, "BM1", 60, 3, long);
    // … and a list whose long texts come after its first rows (a block is refused, then halved).
    fillSheet(fake, "Ghi chú", 600, 4, (r, c) => (r <= 400 ? householdText(r, c) : long(r, c)));
    const web = await measure(fake, () => readWorkbookFromExcel(fake.run));
    const twin = unlimitedTwin(fake);
    const before = await measure(twin, () => readInOneGo(twin));

    const refused = web.batches.filter((b) => b.responseBytes > EXCEL_WEB_PAYLOAD_LIMIT_BYTES);
    expect(refused.length).toBeGreaterThanOrEqual(2);
    // What Excel took is under its limit; once a sheet's long texts are measured, its later blocks are planned under the budget.
    const taken = web.batches.filter((b) => b.responseBytes <= EXCEL_WEB_PAYLOAD_LIMIT_BYTES);
    expect(taken.every((b) => b.requestBytes < PAYLOAD_BUDGET_BYTES)).toBe(true);
    expect(taken.filter((b) => b.responseBytes >= PAYLOAD_BUDGET_BYTES).length).toBeLessThanOrEqual(refused.length);
    expectSameRead(web.read, before.read);
    expect(Object.keys(cellsA1(web.read.sheets[0]))).toHaveLength(180);
    expect(cellsA1(web.read.sheets[0]).C60).toEqual({ value: long(60, 3) });
    console.log(`long texts: ${web.syncs} syncs, ${refused.length} refused; responses ${web.batches.map((b) => b.responseBytes).join(", ")}`);
  });

  it("fails with Excel's error when a single row is over the limit, as before", async () => {
    // 30 cells of 32,000 three-byte characters: 2.9 MB of values, as much again of formulas.
    const fake = new FakeExcel({ sheets: [{ name: "BM1" }] });
    fillSheet(fake, "BM1", 1, 30, () => "ễ".repeat(32_000));
    fillSheet(fake, "BM1", 3, 2, (r, c) => r * c, 2);
    await expect(readWorkbookFromExcel(fake.run)).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  it("reads small workbooks in three syncs at most, every batch far under the budget", async () => {
    const seed = await snapshotOf(await pastedSeedWorkbook());
    const template = new FakeExcel();
    await writePlanToExcel(template.run, templatePlan("UBND"), { replaceExisting: false, supportsPageLayout: true });
    const cases: [string, FakeExcel, number][] = [
      ["the template", template, READ_WORKBOOK_MIN_SYNCS],
      ["a pasted appendix", excelHolding(seed), READ_SMALL_WORKBOOK_SYNCS],
      ["an empty workbook", new FakeExcel(), READ_WORKBOOK_MIN_SYNCS],
    ];
    for (const [name, fake, syncs] of cases) {
      const web = await measure(fake, () => readWorkbookFromExcel(fake.run));
      expect([name, web.syncs]).toEqual([name, syncs]);
      expect(web.syncs).toBeLessThanOrEqual(READ_SMALL_WORKBOOK_SYNCS);
      expect(web.batches.every(under(PAYLOAD_BUDGET_BYTES / 10))).toBe(true);
      const twin = unlimitedTwin(fake);
      expectSameRead(web.read, (await measure(twin, () => readInOneGo(twin))).read);
    }
    expect(readWorkbookSyncs(0)).toBe(READ_WORKBOOK_MIN_SYNCS);
  });

  it("halves a refused batch by its blocks, one block by its rows, and gives up at one row", () => {
    const block = (sheet: number, top: number, bottom: number): Block => ({ sheet, properties: ["values"], top, bottom, left: 1, right: 4 });
    expect(halve([block(0, 1, 10), block(1, 1, 1000)])).toEqual([[block(0, 1, 10)], [block(1, 1, 1000)]]);
    expect(halve([block(0, 1, 1000), block(1, 1, 10), block(2, 1, 10)])).toEqual([[block(0, 1, 1000)], [block(1, 1, 10), block(2, 1, 10)]]);
    expect(halve([block(0, 11, 20)])).toEqual([[block(0, 11, 15)], [block(0, 16, 20)]]);
    expect(halve([block(0, 11, 12)])).toEqual([[block(0, 11, 11)], [block(0, 12, 12)]]);
    expect(halve([block(0, 7, 7)])).toBeUndefined();
  });
});
