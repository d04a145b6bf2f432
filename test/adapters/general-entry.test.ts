/**
 * How Excel reads what is written into a cell, and that the add-in's writers
 * never leave user text to that reading.
 *
 * Sources (the fake's enter() cites the same):
 * - Range.values, learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member:
 *   "If the returned value starts with a plus ("+"), minus ("-"), or equal sign
 *   ("="), Excel interprets this value as a formula"; ISO dates (YYYY-MM-DD) are
 *   stored as dates, locale-shaped ones ("19-8-2025") as text.
 * - Excel.NumberFormatCategory "Text", learn.microsoft.com/javascript/api/excel/excel.numberformatcategory:
 *   "Text format cells are treated as text even when a number is in the cell.
 *   The cell is displayed exactly as entered."
 * - TRUE function, support.microsoft.com/office/true-function-7652c6e3-8987-48d0-97cd-ef223246b3fb:
 *   "You can also enter the value TRUE directly into cells".
 * - Range.Formula (VBA), learn.microsoft.com/previous-versions/office/developer/office-2007/bb213521(v=office.12):
 *   a date entered into a cell without a date format gets the short date format.
 * - Worksheet protection: AccessDenied "If worksheet protection is enabled and
 *   not paused" (learn.microsoft.com/javascript/api/excel/excel.alloweditrange),
 *   the options that lift a refusal (learn.microsoft.com/javascript/api/excel/excel.worksheetprotectionoptions).
 */
import { applyFixesInExcel } from "../../src/adapters/office/apply-fixes";
import { writePlanToExcel } from "../../src/adapters/office/write-plan";
import { TEXT_FORMAT } from "../../src/core/layout/texts";
import { templatePlan } from "../support/plans";
import { dateSerial, FakeExcel, SHORT_DATE_FORMAT } from "./fake-excel";
import { a1 } from "../support/a1";

/** Texts Excel would not keep as typed under General. */
const TRICKY = ["- Trong đó: nữ", "+84 912 345 678", "-5+3", "TRUE", "false", "2026-06-04", "=1+1"];

async function enterAll(fake: FakeExcel, format: string | null, inputs: readonly string[]): Promise<void> {
  await fake.run(async (context) => {
    const range = context.workbook.worksheets.getItem("Sheet1").getRange(`A1:A${inputs.length}`);
    if (format !== null) range.numberFormat = inputs.map(() => [format]);
    range.values = inputs.map((v) => [v]);
    await context.sync();
  });
}

describe("the fake reads a value written under General as Excel does", () => {
  it("takes text starting with +, - or = as a formula, signed numerals as numbers", async () => {
    const fake = new FakeExcel();
    await enterAll(fake, null, ["- Trong đó", "+A2", "=1+1", "-5", "+2.5", "-", "5-3"]);
    expect(fake.cell("Sheet1", "A1")).toMatchObject({ formula: "=- Trong đó", value: null });
    expect(fake.cell("Sheet1", "A2")).toMatchObject({ formula: "=+A2", value: null });
    expect(fake.cell("Sheet1", "A3")).toMatchObject({ formula: "=1+1", value: null });
    expect(fake.cell("Sheet1", "A4")).toMatchObject({ formula: null, value: -5 });
    expect(fake.cell("Sheet1", "A5")).toMatchObject({ formula: null, value: 2.5 });
    // A lone sign and a sign inside the text are text.
    expect(fake.cell("Sheet1", "A6")).toMatchObject({ formula: null, value: "-" });
    expect(fake.cell("Sheet1", "A7")).toMatchObject({ formula: null, value: "5-3" });
  });

  it("takes TRUE and FALSE as logical values and an ISO date as a date serial with the short date format", async () => {
    const fake = new FakeExcel();
    await enterAll(fake, null, ["TRUE", "false", "2026-06-04", "19-8-2025", "2026-02-30"]);
    expect(fake.cell("Sheet1", "A1").value).toBe(true);
    expect(fake.cell("Sheet1", "A2").value).toBe(false);
    expect(fake.cell("Sheet1", "A3")).toMatchObject({ value: 46177, numberFormat: SHORT_DATE_FORMAT });
    expect(dateSerial(2026, 6, 4)).toBe(46177);
    expect(dateSerial(1900, 3, 1)).toBe(61);
    // Locale-shaped dates and days that do not exist stay text.
    expect(fake.cell("Sheet1", "A4")).toMatchObject({ value: "19-8-2025", numberFormat: "General" });
    expect(fake.cell("Sheet1", "A5").value).toBe("2026-02-30");
  });

  it("keeps a date under a number format the cell already has", async () => {
    const fake = new FakeExcel();
    await enterAll(fake, "dd/mm/yyyy", ["2026-06-04"]);
    expect(fake.cell("Sheet1", "A1")).toMatchObject({ value: 46177, numberFormat: "dd/mm/yyyy" });
  });

  it("keeps everything as entered under the text format @", async () => {
    const fake = new FakeExcel();
    await enterAll(fake, "@", TRICKY);
    TRICKY.forEach((text, i) => expect(fake.cell("Sheet1", `A${i + 1}`)).toMatchObject({ value: text, formula: null, numberFormat: "@" }));
  });

  it("reads seeded cells the same way (they stand for what an officer typed)", () => {
    const fake = new FakeExcel({ sheets: [{ name: "S", cells: { A1: "-x", A2: "TRUE", A3: "2026-06-04" } }] });
    expect(fake.cell("S", "A1").formula).toBe("=-x");
    expect(fake.cell("S", "A2").value).toBe(true);
    expect(fake.cell("S", "A3").value).toBe(46177);
  });
});

describe("the add-in never leaves user text to Excel's reading", () => {
  it("writes a template's texts under @ first, so units and headings that look like formulas, dates or TRUE stay text", async () => {
    const plan = templatePlan("-Phường 1 (TRUE)", ["BM1"]);
    const texts = plan.sheets.flatMap((s) => s.cells.filter((c) => typeof c.value === "string" && c.value !== "").map((c) => ({ sheet: s.name, cell: c })));
    expect(texts.length).toBeGreaterThan(TRICKY.length);
    // Every text cell of the plan is under the text format (CellPlan: "text is always written as text").
    expect(texts.every(({ cell }) => cell.numFmt === TEXT_FORMAT)).toBe(true);
    TRICKY.forEach((text, i) => (texts[i].cell.value = text));
    const fake = new FakeExcel();
    await writePlanToExcel(fake.run, plan, { replaceExisting: false, supportsPageLayout: true });
    for (const { sheet, cell } of texts) {
      expect({ at: `${sheet}!${a1(cell)}`, ...fake.cell(sheet, a1(cell)) }).toMatchObject({
        at: `${sheet}!${a1(cell)}`,
        value: cell.value,
        formula: null,
      });
    }
  });

  it("Sửa puts a unit's name back as text even into a General cell", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "BM1", cells: { C9: "VHXH" } }] });
    expect(fake.cell("BM1", "C9").numberFormat).toBe("General");
    await applyFixesInExcel(fake.run, [
      { kind: "set-text", sheet: "BM1", row: 9, col: 3, text: "-Phòng Tư pháp" },
      { kind: "set-text", sheet: "BM1", row: 10, col: 3, text: "2026-06-04" },
    ]);
    expect(fake.cell("BM1", "C9")).toMatchObject({ value: "-Phòng Tư pháp", formula: null });
    expect(fake.cell("BM1", "C10")).toMatchObject({ value: "2026-06-04", formula: null });
  });
});

describe("a protected sheet refuses what Excel refuses, with AccessDenied", () => {
  const refused = async (fake: FakeExcel, change: (range: Excel.Range) => void) =>
    fake.run(async (context) => {
      change(context.workbook.worksheets.getItem("S").getRange("A1:B2"));
      await context.sync();
    });

  it("values, formulas, formats, validation, merges and locking of locked cells", async () => {
    const changes: ((r: Excel.Range) => void)[] = [
      (r) =>
        (r.values = [
          [1, 2],
          [3, 4],
        ]),
      (r) =>
        (r.formulas = [
          ["=1", "=2"],
          ["=3", "=4"],
        ]),
      (r) =>
        (r.numberFormat = [
          ["@", "@"],
          ["@", "@"],
        ]),
      (r) => (r.format.fill.color = "#FFC7CE"),
      (r) => (r.format.font.bold = true),
      (r) => (r.format.borders.getItem("EdgeTop").style = "Continuous"),
      (r) => (r.format.horizontalAlignment = "Center"),
      (r) => (r.format.rowHeight = 30),
      (r) => (r.format.columnWidth = 30),
      (r) => (r.dataValidation.rule = { wholeNumber: { operator: "GreaterThanOrEqualTo", formula1: 0 } }),
      (r) => r.dataValidation.clear(),
      (r) => r.merge(),
      (r) => (r.format.protection.locked = false),
    ];
    for (const change of changes) {
      const fake = new FakeExcel({ sheets: [{ name: "S", protect: true }] });
      const before = fake.snapshot();
      await expect(refused(fake, change)).rejects.toMatchObject({ code: "AccessDenied" });
      expect(fake.snapshot()).toEqual(before);
    }
  });

  it("lets values into unlocked cells, and formats only where the protection options allow them", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "S" }] });
    await refused(fake, (r) => (r.format.protection.locked = false));
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("S").protection.protect({ allowFormatCells: true });
      await context.sync();
    });
    await refused(
      fake,
      (r) =>
        (r.values = [
          [1, 2],
          [3, 4],
        ]),
    );
    await refused(fake, (r) => (r.format.fill.color = "#FFC7CE"));
    expect(fake.cell("S", "B2")).toMatchObject({ value: 4, fill: "#FFC7CE" });
    await expect(refused(fake, (r) => (r.format.rowHeight = 30))).rejects.toMatchObject({ code: "AccessDenied" });
  });
});
