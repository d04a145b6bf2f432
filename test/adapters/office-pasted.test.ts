/**
 * Phụ lục 3 pasted from Word into one sheet of the workbook open in Excel, on
 * the recording fake: Kiểm tra reads the pasted sheet (and not an officer's
 * long list in another sheet) in a constant number of syncs, its findings
 * point at the pasted cells, and Chuyển sang biểu mẫu chuẩn writes the
 * standard sheets `cchc import` writes, all or nothing.
 */
import { createExcelHost } from "../../src/adapters/office/excel-host";
import { MARK_FILL, markCellsInExcel } from "../../src/adapters/office/mark-cells";
import { PROBE_COLUMNS, READ_SMALL_WORKBOOK_SYNCS, readWorkbookFromExcel } from "../../src/adapters/office/read-workbook";
import { WRITE_PLAN_SYNCS, writePlanToExcel } from "../../src/adapters/office/write-plan";
import { openWorkbook } from "../../src/adapters/xlsx/open-workbook";
import { planToXlsx } from "../../src/adapters/xlsx/write-plan";
import { CATALOGUE } from "../../src/core/forms/catalogue";
import { META_SHEET } from "../../src/core/layout/metadata";
import { LIMITS } from "../../src/core/limits";
import type { WorkbookSnapshot } from "../../src/core/read/snapshot";
import { addHouseholdList, excelHolding } from "../support/excel-holding";
import { messyWorkbook } from "../support/pasted-messy";
import { pastedSeedWorkbook } from "../support/pasted-seed";
import { period, templatePlan } from "../support/plans";
import type { FakeExcel } from "./fake-excel";
import { importWorkbook, type ImportResult, validateWorkbook } from "../support/worded";
import { cellsA1 } from "../support/a1";

const FORMS = CATALOGUE.forms.map((f) => f.id);
const CREATED = "2026-06-20T08:00:00.000Z";

async function open(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  const opened = await openWorkbook(bytes, "x.xlsx");
  if (!opened.ok) throw new Error(opened.error.code);
  return opened.value;
}

async function syncsOf(fake: FakeExcel, work: () => Promise<unknown>): Promise<number> {
  const before = fake.syncCount;
  await work();
  return fake.syncCount - before;
}

/** Every load of cells (the first rows with the extents, or a block of rows), as queued. */
const cellLoads = (fake: FakeExcel) => fake.calls.filter((c) => /\.load\([^)]*values/.test(c));
/** Full reads (every property of a sheet's cells) and probes (values only), as queued. */
const fullReads = (fake: FakeExcel) => cellLoads(fake).filter((c) => /\.load\((rowIndex,columnIndex,)?values,formulas,numberFormat,valueTypes\)$/.test(c));
const probes = (fake: FakeExcel) => cellLoads(fake).filter((c) => /\.load\((rowIndex,columnIndex,)?values\)$/.test(c));
const sheetOf = (c: string) => Number(/^worksheets\.items\[(\d+)\]/.exec(c)![1]);
const columnNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
/**
 * The rows a load of cells asks for, when it is within the cap with columns up
 * to `right` (the capped intersection of the used range from A1, or a block of
 * rows inside it); undefined when it is not.
 */
function rowsWithin(c: string, right: string): [number, number] | undefined {
  const capped = /\.getRange\("A1:([A-Z]+)(\d+)"\)\.getIntersectionOrNullObject\(worksheets\.items\[\d+\]\.getUsedRange\(true\)\)\.load/.exec(c);
  const block = /\.getRange\("([A-Z]+)(\d+):([A-Z]+)(\d+)"\)\.load/.exec(c);
  const [top, bottom] = capped ? [1, Number(capped[2])] : block ? [Number(block[2]), Number(block[4])] : [0, 0];
  const last = capped ? capped[1] : block?.[3];
  if (!last || columnNumber(last) > columnNumber(right) || top < 1 || bottom > LIMITS.maxRowsPerSheet) return undefined;
  return [top, bottom];
}

let seed: WorkbookSnapshot;
let messy: WorkbookSnapshot;
let seedAsPhuLuc: WorkbookSnapshot;
beforeAll(async () => {
  seed = await open(await pastedSeedWorkbook());
  messy = await open(await messyWorkbook());
  seedAsPhuLuc = await open(await pastedSeedWorkbook({ sheetName: "Phụ lục 3" }));
}, 30_000);

describe("reading a pasted appendix in Excel", () => {
  it.each([
    ["the seed in Sheet1", () => seed],
    ['the seed in "Phụ lục 3"', () => seedAsPhuLuc],
    ["a new user's sheet from column B", () => messy],
  ])("%s: the same forms and findings, at the same cells, as the .xlsx reader gives", async (_name, book) => {
    const fake = excelHolding(book());
    const read = await readWorkbookFromExcel(fake.run);
    const inExcel = validateWorkbook(read);
    const inFile = validateWorkbook(book());
    expect(Object.keys(inExcel.forms).length).toBeGreaterThanOrEqual(6);
    expect(inExcel.forms).toEqual(inFile.forms);
    expect(inExcel.findings).toEqual(inFile.findings);
    expect(inExcel.figures).toEqual(inFile.figures);
    // The findings are at the pasted cells.
    const sheet = book().sheets[0].name;
    expect(inExcel.findings.filter((f) => f.cell).every((f) => f.cell!.replace(/^'|'?![A-Z]+\d+$/g, "") === sheet)).toBe(true);
  });

  it("reads in three syncs with a pasted sheet, template sheets and a 20 000-row list; the list is only probed, within the cap", async () => {
    const fake = excelHolding(seed);
    await writePlanToExcel(fake.run, templatePlan("Phường Nhị Chiểu", ["BM3"]), { replaceExisting: false, supportsPageLayout: true });
    addHouseholdList(fake, "Hộ gia đình", 20_000);
    fake.calls.length = 0;

    let read!: WorkbookSnapshot;
    expect(await syncsOf(fake, async () => (read = await readWorkbookFromExcel(fake.run)))).toBe(READ_SMALL_WORKBOOK_SYNCS);

    expect(read.sheets.map((s) => [s.name, Object.keys(cellsA1(s)).length > 0])).toEqual([
      ["Sheet1", true],
      ["BM3", true],
      [META_SHEET, true],
      ["Hộ gia đình", false],
    ]);
    const at = (name: string) => fake.sheetNames().indexOf(name);
    const list = at("Hộ gia đình");
    // BM3, the metadata sheet and the pasted sheet are read with all four properties, within the cap; the list never is:
    // only the values of its first columns (A to H), every load within the cap, together reaching down to the cap's last row.
    expect(cellLoads(fake).length).toBeGreaterThan(0);
    expect(cellLoads(fake).every((c) => fullReads(fake).includes(c) || probes(fake).includes(c))).toBe(true);
    expect(new Set(fullReads(fake).map(sheetOf))).toEqual(new Set([at("Sheet1"), at("BM3"), at(META_SHEET)]));
    expect(fullReads(fake).every((c) => rowsWithin(c, "AX") !== undefined)).toBe(true);
    expect(fullReads(fake).some((c) => sheetOf(c) === list)).toBe(false);
    const onList = probes(fake).filter((c) => sheetOf(c) === list);
    const probeRight = "ABCDEFGH"[PROBE_COLUMNS - 1];
    expect(probeRight).toBe("H");
    expect(onList.every((c) => rowsWithin(c, probeRight) !== undefined)).toBe(true);
    // Its probes follow on from row 1 to the cap's last row, each row once: the rows one probe of the capped used range asked for.
    const bands = onList.map((c) => rowsWithin(c, probeRight)!).sort((a, b) => a[0] - b[0]);
    expect(bands.map(([top], i) => top - (i === 0 ? 0 : bands[i - 1][1]))).toEqual(bands.map(() => 1));
    expect(bands[bands.length - 1][1]).toBe(LIMITS.maxRowsPerSheet);
    expect(fake.calls.some((c) => /getUsedRange\(true\)\.load\([^)]*values/.test(c))).toBe(false);
    // BM3 from its own sheet, the others from the pasted one.
    const result = validateWorkbook(read);
    expect(result.forms).toEqual({ BM1: "Sheet1", BM2: "Sheet1", BM3: "BM3", BM4: "Sheet1", BM5: "Sheet1", BM6: "Sheet1", BM7: "Sheet1" });
  });

  it("reads one pasted form or seven, ten rows or a hundred, in the same syncs; a sheet mentioning no form is not read", async () => {
    const small = excelHolding({
      sheets: [{ ...seed.sheets[0], rows: seed.sheets[0].rows.slice(0, 33) }],
    });
    const big = excelHolding(seed);
    addHouseholdList(big, "Danh sách", 300);
    expect(await syncsOf(small, () => readWorkbookFromExcel(small.run))).toBe(READ_SMALL_WORKBOOK_SYNCS);
    expect(await syncsOf(big, () => readWorkbookFromExcel(big.run))).toBe(READ_SMALL_WORKBOOK_SYNCS);
    expect(Object.keys(validateWorkbook(await readWorkbookFromExcel(small.run)).forms)).toEqual(["BM1"]);
    expect(cellsA1((await readWorkbookFromExcel(big.run)).sheets.find((s) => s.name === "Danh sách")!)).toEqual({});
  });

  it("leaves out a very hidden sheet other than its own metadata, as the core does", async () => {
    const fake = excelHolding({
      sheets: [
        { ...seed.sheets[0], name: "Ẩn hẳn", visibility: "veryHidden" },
        { name: "Sheet2", visibility: "visible", rows: [], maxRow: 0, maxCol: 0, merges: [] },
      ],
    });
    const read = await readWorkbookFromExcel(fake.run);
    expect(read.sheets.map((s) => [s.name, s.visibility, Object.keys(cellsA1(s)).length])).toEqual([
      ["Ẩn hẳn", "veryHidden", 0],
      ["Sheet2", "visible", 0],
    ]);
  });

  it("a finding of the pasted sheet takes the officer to its cell, and marks go on the pasted cells", async () => {
    const fake = excelHolding(seedAsPhuLuc);
    const host = createExcelHost({ run: fake.run, supportsFillTint: () => true });
    const result = validateWorkbook(await host.readOpenWorkbook!());
    const placeholder = result.findings.find((f) => f.code === "FORMULA_MISMATCH" && f.form === "BM2")!;
    expect(placeholder.cell).toBe("'Phụ lục 3'!D38");
    expect(fake.cell("Phụ lục 3", "D38").value).toBe("=a+b");

    await host.selectCell!("Phụ lục 3", "D38");
    expect(fake.workbook.selection).toEqual({ sheetId: fake.sheet("Phụ lục 3").id, address: "D38" });

    await markCellsInExcel(fake.run, [{ sheet: "Phụ lục 3", address: "D38", severity: "error" }], { supportsTintAndShade: true });
    expect(fake.cell("Phụ lục 3", "D38").fill).toBe(MARK_FILL.error);
  });
});

describe("Chuyển sang biểu mẫu chuẩn in Excel", () => {
  /** What the pane does: read the open workbook, import it as `cchc import` does, write the plan through the host. */
  async function convert(fake: FakeExcel, replaceExisting = false) {
    const host = createExcelHost({ run: fake.run, supportsPageLayout: () => true });
    const imported = importWorkbook(await host.readOpenWorkbook!(), { period: period("2026-H1"), createdAt: CREATED });
    return { imported, outcome: await host.writeTemplate(imported.plan!, { replaceExisting, fileName: "x.xlsx" }) };
  }

  /** The standard workbook `cchc import` writes for the same sheet, as read back from its bytes. */
  async function cliStandard(book: WorkbookSnapshot): Promise<{ imported: ImportResult; standard: WorkbookSnapshot }> {
    const imported = importWorkbook(book, { period: period("2026-H1"), createdAt: CREATED });
    return { imported, standard: await open(await planToXlsx(imported.plan!)) };
  }

  it.each([
    ["the seed", () => seed],
    ["a new user's sheet", () => messy],
  ])("%s: writes the standard sheets beside the pasted one, holding the figures `cchc import` writes", async (_name, book) => {
    const fake = excelHolding(book());
    const pastedBefore = structuredClone(fake.sheet(book().sheets[0].name));
    let written!: Awaited<ReturnType<typeof convert>>;
    expect(await syncsOf(fake, async () => (written = await convert(fake)))).toBe(READ_SMALL_WORKBOOK_SYNCS + WRITE_PLAN_SYNCS.fresh);

    const { imported, standard } = await cliStandard(book());
    const forms = Object.keys(imported.forms);
    expect(written.outcome).toEqual({ status: "written", sheets: [...forms, META_SHEET], printSetupApplied: true });
    expect(fake.sheetNames()).toEqual([book().sheets[0].name, ...forms, META_SHEET]);
    expect(fake.sheet(book().sheets[0].name)).toEqual(pastedBefore);

    // Read back: the standard sheets are what validation now reads, with the figures of the file the CLI writes.
    const after = validateWorkbook(await readWorkbookFromExcel(fake.run));
    const fromFile = validateWorkbook(standard);
    expect(Object.values(after.forms).every((sheet) => /^BM\d$/.test(sheet))).toBe(true);
    expect(after.metadata).toEqual(fromFile.metadata);
    for (const form of forms) {
      for (const v of written.imported.values.filter((x) => x.form === form))
        expect([form, v.stt, after.figures[form][v.stt] ?? null]).toEqual([form, v.stt, v.value]);
      expect(after.figures[form]).toEqual(fromFile.figures[form]);
    }
    // Every cell the CLI's file holds on a standard sheet, with the same value or formula.
    for (const sheet of standard.sheets.filter((s) => /^BM\d$/.test(s.name))) {
      for (const [address, cell] of Object.entries(cellsA1(sheet))) {
        const inExcel = fake.cell(sheet.name, address);
        if (cell.formula !== undefined) expect([sheet.name, address, inExcel.formula]).toEqual([sheet.name, address, `=${cell.formula}`]);
        else expect([sheet.name, address, inExcel.value]).toEqual([sheet.name, address, cell.value === "" ? null : cell.value]);
      }
    }
    expect(fake.sheet("BM3").protection.protected).toBe(true);
  });

  it("asks before replacing BM sheets the workbook already has, and changes nothing until told", async () => {
    const fake = excelHolding(seed);
    await writePlanToExcel(fake.run, templatePlan("Phường Nhị Chiểu", ["BM2", "BM6"]), { replaceExisting: false, supportsPageLayout: true });
    const before = fake.snapshot();
    const asked = await convert(fake);
    expect(asked.outcome).toEqual({ status: "exists", existing: ["BM2", "BM6"] });
    expect(fake.snapshot()).toEqual(before);

    // The pasted BM2 and BM6 are duplicates of the template's: the import reads the template's (empty) sheets for them, as `cchc import` would.
    const replaced = await convert(fake, true);
    expect(replaced.outcome).toMatchObject({ status: "written" });
    expect(
      fake
        .sheetNames()
        .filter((n) => /^BM\d$/.test(n))
        .sort(),
    ).toEqual(FORMS);
  });

  /** The workbook each run below starts from: the seed, the template's sheets for `existing` forms, and a list of 50 households. */
  async function prepared(existing: readonly string[]): Promise<FakeExcel> {
    const fake = excelHolding(seed);
    if (existing.length)
      await writePlanToExcel(fake.run, templatePlan("Phường Nhị Chiểu", [...existing]), { replaceExisting: false, supportsPageLayout: true });
    addHouseholdList(fake, "Hộ gia đình", 50);
    return fake;
  }

  /**
   * The sheets as an officer sees them: names, order, contents; not Excel's ids. Maps and Sets (cells, widths, hidden rows) as their
   * entries, not as the {} JSON makes of them; told apart by tag, as structuredClone's copies are not of this test's Map.
   */
  const seen = (fake: FakeExcel) =>
    JSON.stringify(
      fake.snapshot().sheets.map(({ id: _id, ...sheet }) => sheet),
      (_key, v: unknown) => (/^\[object (Map|Set)\]$/.test(Object.prototype.toString.call(v)) ? [...(v as Iterable<unknown>)] : v),
    );

  // Reading (syncs 1–3) changes nothing. Writing only new sheets (syncs 4–6) leaves nothing behind, whether it fails at the start of a
  // sync or part-way through. Replacing BM4: building aside (sync 4) and the start of the rewrite in place (sync 5) leave the workbook
  // as it was; once BM4 is being rewritten in place (syncs 6–7), a failure leaves the whole new result, as a conversion that did not fail.
  it.each(Array.from({ length: READ_SMALL_WORKBOOK_SYNCS + WRITE_PLAN_SYNCS.replacing }, (_, i) => i + 1))(
    "leaves the workbook as it was, or wholly converted, when sync %i of the conversion fails",
    async (k) => {
      for (const existing of [[], ["BM4"]]) {
        const replacing = existing.length > 0;
        if (!replacing && k > READ_SMALL_WORKBOOK_SYNCS + WRITE_PLAN_SYNCS.fresh) continue;
        const reference = await prepared(existing);
        const start = reference.syncCount;
        expect(await convert(reference, true)).toMatchObject({ outcome: { status: "written" } });
        expect(reference.syncCount - start).toBe(READ_SMALL_WORKBOOK_SYNCS + WRITE_PLAN_SYNCS[replacing ? "replacing" : "fresh"]);
        for (const afterOps of [0, 5]) {
          const fake = await prepared(existing);
          const before = fake.snapshot();
          fake.failAtSync(fake.syncCount + k, { code: "GeneralException", afterOps });
          await expect(convert(fake, true)).rejects.toMatchObject({ code: "GeneralException" });
          if (!replacing || k <= READ_SMALL_WORKBOOK_SYNCS + 2) expect(fake.snapshot()).toEqual(before);
          else expect(seen(fake)).toBe(seen(reference));
        }
      }
    },
  );
});
