/**
 * The .xlsx writer on what a layout plan can carry beyond the forms' own text:
 * whatever a unit's file held (quoted in findings, unit names, notes) must come
 * back exactly as it was, as text, in a file every part of which is well-formed.
 */
import { unzipSync, strFromU8 } from "fflate";
import { XMLValidator } from "fast-xml-parser";
import type { CellPlan, SheetPlan, WorkbookPlan } from "../../src/core/layout/plan";
import { STYLES } from "../../src/core/layout/styles";
import { planToXlsx } from "../../src/adapters/xlsx/write-plan";
import { openWorkbook } from "../../src/adapters/xlsx/open-workbook";
import { readXlsx } from "../support/exceljs-reader";
import { templatePlan } from "../support/plans";
import { a1, at, cellsA1 } from "../support/a1";

const TEXTS = [
  '=HYPERLINK("http://example.com","bấm")',
  "+1+2",
  "  hai khoảng trắng đầu",
  "khoảng trắng cuối ",
  "dòng một\ndòng hai",
  "cột\tcột",
  "_x0041_ gõ đúng như vậy",
  "a & b < c > d \"ngoặc\" 'đơn'",
  "chuông \u0007 và \u001f giữa chữ",
  "Phường Nhị Chiểu 😀",
  "nửa cặp \uD800 thay thế",
];

function sheetOf(cells: CellPlan[], extra: Partial<SheetPlan> = {}): SheetPlan {
  return { name: "Thử", visibility: "visible", columnWidths: [20, 20], rowHeights: {}, cells, merges: [], validations: [], protect: false, ...extra };
}

const textCell = (address: string, value: string): CellPlan => ({ ...at(address), value, numFmt: "@", style: STYLES.plain, locked: true });

describe("the .xlsx writer", () => {
  const plan: WorkbookPlan = { sheets: [sheetOf(TEXTS.map((t, i) => textCell(`A${i + 1}`, t)))] };
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await planToXlsx(plan);
  });

  it("writes every part as well-formed XML, whatever the text holds", () => {
    const parts = unzipSync(bytes);
    expect(Object.keys(parts)).toEqual(
      expect.arrayContaining(["[Content_Types].xml", "xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"]),
    );
    for (const [name, data] of Object.entries(parts)) expect([name, XMLValidator.validate(strFromU8(data))]).toEqual([name, true]);
  });

  it("gives every text back exactly, as text, to the product's reader", async () => {
    const opened = await openWorkbook(bytes, "thu.xlsx");
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    const cells = cellsA1(opened.value.sheets[0]);
    // A lone half of a surrogate pair cannot be UTF-8; Excel's own escape keeps it.
    expect(TEXTS.map((_, i) => cells[`A${i + 1}`]?.value)).toEqual(TEXTS);
    expect(TEXTS.map((_, i) => cells[`A${i + 1}`]?.formula)).toEqual(TEXTS.map(() => undefined));
  });

  it("gives the same texts to ExcelJS, an independent reader", async () => {
    const book = await readXlsx(bytes);
    expect(TEXTS.map((_, i) => cellsA1(book.sheets[0])[`A${i + 1}`]?.value)).toEqual(TEXTS);
  });

  it("writes the same bytes for the same plan (no clock inside the file)", async () => {
    expect(Buffer.from(await planToXlsx(templatePlan())).equals(Buffer.from(await planToXlsx(templatePlan())))).toBe(true);
  });

  it("leaves a cell empty rather than writing a number that is not finite", async () => {
    const cells: CellPlan[] = [NaN, Infinity, -Infinity, 1e21, -0, 0.1 + 0.2].map((value, i) => ({
      row: i + 1,
      col: 2,
      value,
      numFmt: "General",
      style: STYLES.plain,
      locked: true,
    }));
    const opened = await openWorkbook(await planToXlsx({ sheets: [sheetOf(cells)] }), "so.xlsx");
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    const read = cells.map((c) => cellsA1(opened.value.sheets[0])[a1(c)]?.value);
    expect(read).toEqual([undefined, undefined, undefined, 1e21, 0, 0.1 + 0.2]);
  });

  it("keeps a row's height when the row has no cell, and each cell's look when many share it", async () => {
    const cells = Array.from({ length: 300 }, (_, i) => ({
      ...textCell(`C${i + 1}`, `đơn vị ${i % 7}`),
      style: i % 2 ? STYLES.header : STYLES.input,
      locked: i % 3 !== 0,
    }));
    const xlsx = await planToXlsx({ sheets: [sheetOf(cells, { rowHeights: { 400: 42 } })] });
    const sheet = strFromU8(unzipSync(xlsx)["xl/worksheets/sheet1.xml"]);
    expect(sheet).toContain('<row r="400" ht="42" customHeight="1"></row>');
    const styles = strFromU8(unzipSync(xlsx)["xl/styles.xml"]);
    // Four looks (two styles × locked or not) plus Excel's default format.
    expect(styles).toMatch(/<cellXfs count="5">/);
    const shared = strFromU8(unzipSync(xlsx)["xl/sharedStrings.xml"]);
    expect(shared).toMatch(/count="300" uniqueCount="7"/);
    const book = await readXlsx(xlsx);
    expect(cells.every((c) => cellsA1(book.sheets[0])[a1(c)]?.locked === c.locked)).toBe(true);
  });
});
