/**
 * The fast reader's paths for aggregation speed: string items remembered from
 * workbook to workbook (shared-strings.ts) and a sheet's tags other than <c>
 * read lazily (XmlScanner.eagerOnly). Both must give exactly what reading
 * afresh gives, and what ExcelJS gives, on LibreOffice's files too.
 */
import ExcelJS from "exceljs";
import type { WorkbookSnapshot } from "../../src/core/read";
import { buildWorkbookPlan } from "../../src/core/layout";
import { FORM_IDS, findForm, isInputKind } from "../../src/core/forms";
import { parsePeriod } from "../../src/core/periods";
import { planToXlsx } from "../../src/adapters/xlsx/write-plan";
import { readXlsxFast } from "../../src/adapters/xlsx/fast-read";
import { CLOSE, END, OPEN, XmlScanner } from "../../src/adapters/xlsx/fast-read/xml";
import { readXlsx } from "../support/exceljs-reader";
import { recalculateWithLibreOffice } from "../support/soffice";
import { cellsA1 } from "../support/a1";

/** Every cell as "sheet!A1" → value, formula, error and number format (not `locked`: ExcelJS misreads LibreOffice's locked="false"). */
function cellsOf(book: WorkbookSnapshot): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const sheet of book.sheets)
    for (const [address, c] of Object.entries(cellsA1(sheet))) out[`${sheet.name}!${address}`] = [c.value, c.formula, c.error, c.numFmt];
  return out;
}

/** A workbook of these strings, down column A, then B… (the reader keeps 5,000 rows). */
async function excelJsBook(strings: string[], perColumn = 4000): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("S");
  strings.forEach((s, i) => (ws.getCell((i % perColumn) + 1, Math.floor(i / perColumn) + 1).value = s));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("the fast reader, file after file", () => {
  it("a LibreOffice-saved workbook, all seven forms filled, reads as ExcelJS reads it, the first time and again", async () => {
    const period = parsePeriod("2026-H1");
    if (!period.ok) throw new Error("period");
    const figures: Record<string, Record<string, number>> = {};
    for (const id of FORM_IDS) {
      figures[id] = {};
      for (const row of findForm(id)!.rows) if (isInputKind(row.kind)) figures[id][row.stt] = row.kind === "code" ? 1 : row.kind === "percent" ? 50 : 7;
    }
    const plan = buildWorkbookPlan({ unit: "Đơn vị đo 0001", period: period.value, forms: [...FORM_IDS], figures, createdAt: "2026-06-01T00:00:00Z" });
    const saved = await recalculateWithLibreOffice(await planToXlsx(plan));
    const first = readXlsxFast(saved);
    const again = readXlsxFast(saved);
    expect(again).toEqual(first);
    expect(cellsOf(first)).toEqual(cellsOf(await readXlsx(saved)));
    // The figures are there, and the unit's name among the shared strings.
    expect(Object.values(cellsOf(first)).some((c) => (c as unknown[])[0] === 7)).toBe(true);
    expect(JSON.stringify(cellsOf(first))).toContain("Đơn vị đo 0001");
  }, 240_000);

  it("a remembered string never stands in for another of the same length, and escapes stay decoded", async () => {
    const a = ["Đơn vị đo 0001", "abc", "x_x000D_y", "tab\there", "&lt;"];
    const b = ["Đơn vị đo 0002", "abd", "x_x000A_y", "tab\tHere", "&gt;"];
    for (const strings of [a, b, a, b]) {
      const bytes = await excelJsBook(strings);
      expect(cellsOf(readXlsxFast(bytes))).toEqual(cellsOf(await readXlsx(bytes)));
      expect(readXlsxFast(bytes).sheets[0].rows[1][1].value).toBe(strings[0]);
    }
  });

  it("more distinct strings than are remembered: read right before and after the memory starts afresh", async () => {
    const strings = Array.from({ length: 9000 }, (_, i) => `chuỗi ${i}`);
    const bytes = await excelJsBook(strings);
    const first = readXlsxFast(bytes);
    expect(readXlsxFast(bytes)).toEqual(first);
    const read = [1, 2, 3].flatMap((col) => first.sheets[0].rows.slice(1).flatMap((r) => (r[col] ? [r[col].value] : [])));
    expect(read).toEqual(strings);
  });

  it("eagerOnly: tags read lazily answer every attribute question as tags read at once", () => {
    const xml =
      `<worksheet xmlns:x="urn:x"><sheetData>` +
      `<row r="3" spans="1:5" ht='1>2' x:custom="a&amp;b" hidden="false"><c r="A3" s="2" t="s"><v>0</v></c><c r="B3" s="1"/></row>` +
      `<row r="4"  customHeight = "1" ><x:c r="A4"><v>1</v></x:c></row>` +
      `</sheetData></worksheet>`;
    const bytes = new TextEncoder().encode(xml);
    const walk = (eager: boolean) => {
      const x = new XmlScanner(bytes, "sheet.xml");
      if (!eager) x.eagerOnly("c");
      const seen: unknown[] = [];
      for (let t = x.next(); t !== END; t = x.next()) {
        if (t === CLOSE) seen.push(["/", x.name]);
        if (t !== OPEN) continue;
        seen.push([x.name, x.empty, ...["r", "s", "t", "spans", "ht", "custom", "customHeight", "hidden", "none"].map((n) => x.attr(n))]);
        if (x.is("v")) seen.push(x.text());
      }
      return seen;
    };
    expect(walk(false)).toEqual(walk(true));
    expect(walk(false)).toContainEqual(["row", false, "3", undefined, undefined, "1:5", "1>2", "a&b", undefined, "false", undefined]);
  });
});

describe("the styles part, file after file", () => {
  /** A workbook of one number in A1 with this number format. */
  async function formatted(numFmt: string): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const cell = wb.addWorksheet("S").getCell("A1");
    cell.value = 0.25;
    cell.numFmt = numFmt;
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it("a styles part stored as one read before gives its formats; a different one is read afresh, never mistaken for it", async () => {
    const percent = await formatted("0.00%");
    const date = await formatted("dd/mm/yyyy");
    const thousands = await formatted("#,##0.000");
    for (const bytes of [percent, date, percent, thousands, date, percent]) {
      expect(cellsOf(readXlsxFast(bytes))).toEqual(cellsOf(await readXlsx(bytes)));
    }
    expect(cellsOf(readXlsxFast(date))["S!A1"]).toEqual(cellsOf(await readXlsx(date))["S!A1"]);
    expect(JSON.stringify(cellsOf(readXlsxFast(percent)))).toContain("0.00%");
  });
});
