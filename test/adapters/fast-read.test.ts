import ExcelJS from "exceljs";
import { deflateSync, inflateSync } from "fflate";
import { LIMITS } from "../../src/core/limits";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/core/read";
import { openWorkbook } from "../../src/adapters/xlsx/open-workbook";
import { readXlsx } from "../support/exceljs-reader";
import { planToXlsx } from "../../src/adapters/xlsx/write-plan";
import { readXlsxFast, XlsxReadError, type RawInflate, type XlsxReadErrorCode } from "../../src/adapters/xlsx/fast-read";
import { shiftFormula } from "../../src/adapters/xlsx/fast-read/shared-formula";
import { CLEAN_VALUES } from "../support/clean-values";
import { fillTemplate } from "../support/fill";
import { handParts, handXlsx, MAIN_NS, sheetXml, zeroBomb, zipParts, type ZipPart } from "../support/hand-xlsx";
import { templatePlan } from "../support/plans";
import { SEED_VALUES } from "../support/seed-values";
import { recalculateWithLibreOffice } from "../support/soffice";
import { cellsA1, mergesA1, range } from "../support/a1";

const MB = 1024 * 1024;

/** The error readXlsxFast throws for these bytes (fails the test if it returns). */
function readError(bytes: Uint8Array): XlsxReadError {
  try {
    readXlsxFast(bytes);
  } catch (error) {
    if (error instanceof XlsxReadError) return error;
    throw error;
  }
  throw new Error("read without an error");
}

function expectRefused(bytes: Uint8Array, code: XlsxReadErrorCode, detail?: RegExp): void {
  const error = readError(bytes);
  expect(error.code).toBe(code);
  if (detail) expect(error.detail).toMatch(detail);
}

/** Milliseconds a synchronous call takes. */
function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = process.hrtime.bigint();
  const value = fn();
  return { value, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

/** Every cell-level difference between two snapshots of the same sheets, as "sheet!A1 field: a ≠ b". */
function differences(a: WorkbookSnapshot, b: WorkbookSnapshot): string[] {
  const out: string[] = [];
  const show = (v: unknown) => JSON.stringify(v);
  if (a.sheets.length !== b.sheets.length) out.push(`sheet count ${a.sheets.length} ≠ ${b.sheets.length}`);
  a.sheets.forEach((sa, i) => {
    const sb = b.sheets[i];
    if (!sb) return;
    for (const k of ["name", "visibility", "maxRow", "maxCol", "merges"] as const)
      if (show(sa[k]) !== show(sb[k])) out.push(`${sa.name} ${k}: ${show(sa[k])} ≠ ${show(sb[k])}`);
    const [cellsA, cellsB] = [cellsA1(sa), cellsA1(sb)];
    const addresses = new Set([...Object.keys(cellsA), ...Object.keys(cellsB)]);
    for (const address of addresses) {
      const ca = cellsA[address] as unknown as Record<string, unknown> | undefined;
      const cb = cellsB[address] as unknown as Record<string, unknown> | undefined;
      if (!ca || !cb) {
        out.push(`${sa.name}!${address}: ${show(ca)} ≠ ${show(cb)}`);
        continue;
      }
      for (const f of ["value", "formula", "error", "numFmt", "locked"])
        if (show(ca[f]) !== show(cb[f])) out.push(`${sa.name}!${address} ${f}: ${show(ca[f])} ≠ ${show(cb[f])}`);
    }
  });
  return out;
}

async function expectSameAsExcelJS(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  const fast = readXlsxFast(bytes);
  expect(differences(await readXlsx(bytes), fast)).toEqual([]);
  return fast;
}

const sheetOf = (book: WorkbookSnapshot, name: string): SheetSnapshot => book.sheets.find((s) => s.name === name)!;

const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN_NS}">
<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0"/><numFmt numFmtId="165" formatCode="[&gt;=100]#,##0;0.00"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="1"><fill><patternFill patternType="none"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><protection locked="0"/></xf></cellStyleXfs>
<cellXfs count="7">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyProtection="1"><protection locked="0"/></xf>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0"><alignment wrapText="1"/><protection locked="1" hidden="1"/></xf>
<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0"/>
</cellXfs></styleSheet>`;

const SHARED_STRINGS = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN_NS}" count="5" uniqueCount="5">
<si><t>Số liệu</t></si>
<si><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve">Tỷ lệ </t></r><r><t>hồ sơ</t></r><rPh sb="0" eb="2"><t>ふりがな</t></rPh><phoneticPr fontId="1"/></si>
<si><t>a &amp; b &lt;c&gt; &#7855; &#x1EA1; &quot;q&quot; &apos;s&apos;</t></si>
<si><t>line_x000D_break</t></si>
<si><t></t></si>
</sst>`;

/** One sheet exercising every cell type the reader knows, written as Excel writes them. */
const KINDS_SHEET = sheetXml(`<dimension ref="A1:F9"/><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s" s="1"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>inline text</t></is></c><c r="B2" t="inlineStr"><is><r><t>rich </t></r><r><rPr><i/></rPr><t>inline</t></r></is></c><c r="C2" s="5" t="inlineStr"><is><t></t></is></c></row>
<row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="b"><v>0</v></c><c r="C3" t="e"><v>#N/A</v></c><c r="D3" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>
<row r="4"><c r="A4" s="1"><v>1234567</v></c><c r="B4" s="2"><v>0.125</v></c><c r="C4" s="3"><v>1.5E3</v></c><c r="D4" s="4"><v>46000</v></c><c r="E4" s="6"><v>-7.25</v></c><c r="F4" s="2"/></row>
<row r="5"><c r="A5" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="B5" t="str"><f>IF(1,"","x")</f><v></v></c><c r="C5"><f>SUM(A4:B4)</f><v>1234567.125</v></c><c r="D5"><f>A4*2</f></c><c r="E5" t="b"><f>TRUE()</f><v>1</v></c></row>
<row r="6"><c r="A6"><f t="array" ref="A6:A7">SUM(A4:B4*2)</f><v>2469134.25</v></c></row><row r="7"><c r="A7"><v>0</v></c></row>
<row r="8"><c r="A8" t="s"><v>0</v></c><c r="B8"><v>99</v></c><c r="C8" s="2"/></row>
<row r="9" spans="1:3"><c r="A9"><v>9</v></c></row>
</sheetData><mergeCells count="2"><mergeCell ref="A8:B8"/><mergeCell ref="C9:C8"/></mergeCells>`);

describe("readXlsxFast reads what ExcelJS reads", () => {
  let template: Uint8Array;
  let filled: Uint8Array;
  beforeAll(async () => {
    template = await planToXlsx(templatePlan());
    // Clean figures where the catalogue's formulas stay, the seed's text figures and placeholders in BM1 and BM7.
    filled = await fillTemplate(template, { ...CLEAN_VALUES, BM1: SEED_VALUES.BM1, BM7: SEED_VALUES.BM7 });
  });

  it("the generated template", async () => {
    const book = await expectSameAsExcelJS(template);
    expect(book.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ...["BM1", "BM2", "BM3", "BM4", "BM5", "BM6", "BM7"].map((n) => [n, "visible"]),
      ["_CCHC", "veryHidden"],
    ]);
  });

  it("the template filled with figures, Vietnamese text figures, placeholders and changed units", async () => {
    const book = await expectSameAsExcelJS(filled);
    const values = Object.values(cellsA1(sheetOf(book, "BM1"))).map((c) => c.value);
    expect(values).toEqual(expect.arrayContaining(["= 27/52*100", "51,9%", "9.500", 52]));
  });

  it("the filled template after LibreOffice recalculated it (another producer): same, except the unlocked cells ExcelJS misreads", async () => {
    const recalculated = await recalculateWithLibreOffice(filled);
    const fast = readXlsxFast(recalculated);
    const slow = await readXlsx(recalculated);
    const diffs = differences(slow, fast);
    // LibreOffice writes <protection locked="false"/>; ExcelJS only understands "0" and reads such cells as locked.
    expect(diffs.length).toBeGreaterThan(0);
    expect(diffs.filter((d) => !/ locked: true ≠ false$/.test(d))).toEqual([]);
    // The fast reader's protection is the template's own, as both readers agree on the file ExcelJS wrote.
    const original = readXlsxFast(filled);
    for (const sheet of fast.sheets) {
      const before = sheetOf(original, sheet.name);
      const earlier = cellsA1(before);
      for (const [address, cell] of Object.entries(cellsA1(sheet)))
        if (earlier[address]) expect([address, cell.locked]).toEqual([address, earlier[address].locked]);
    }
    // …and the formulas' results LibreOffice computed are there.
    expect(fast.sheets.flatMap((s) => Object.values(cellsA1(s))).filter((c) => c.formula && typeof c.value === "number").length).toBeGreaterThan(5);
  }, 240_000);

  it("shared formulas written by ExcelJS, each cell with its own translated formula", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("BM6");
    for (let r = 8; r <= 11; r++) {
      ws.getCell(`B${r}`).value = r;
      ws.getCell(`C${r}`).value = 10 * r;
    }
    ws.getCell("D8").value = { formula: "B8+C8*$B$8", result: 648 } as ExcelJS.CellFormulaValue;
    for (let r = 9; r <= 11; r++) ws.getCell(`D${r}`).value = { sharedFormula: "D8", result: r + 80 * r } as ExcelJS.CellSharedFormulaValue;
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const book = await expectSameAsExcelJS(bytes);
    expect(cellsA1(sheetOf(book, "BM6")).D11).toEqual({ value: 891, formula: "B11+C11*$B$8", numFmt: undefined, locked: true });
  });

  it("every cell type written by hand: shared strings with rich text and phonetic runs, inline strings, booleans, errors, styles, dates, merges", async () => {
    const book = await expectSameAsExcelJS(handXlsx({ sheets: [{ name: "Kinds", xml: KINDS_SHEET }], sharedStrings: SHARED_STRINGS, styles: STYLES }));
    const { maxRow, maxCol } = book.sheets[0];
    const cells = cellsA1(book.sheets[0]);
    const merges = mergesA1(book.sheets[0]);
    expect(cells.A1.value).toBe("Số liệu");
    expect(cells.B1).toMatchObject({ value: "Tỷ lệ hồ sơ", numFmt: "#,##0" });
    expect(cells.C1.value).toBe(`a & b <c> ắ ạ "q" 's'`);
    expect(cells.D1.value).toBe("line\rbreak");
    expect(cells.E1.value).toBe("");
    expect(cells.A2.value).toBe("inline text");
    expect(cells.B2.value).toBe("rich inline");
    expect(cells.C2).toBeUndefined();
    expect([cells.A3.value, cells.B3.value]).toEqual([true, false]);
    expect(cells.C3).toMatchObject({ value: null, error: "#N/A" });
    expect(cells.D3).toMatchObject({ value: null, formula: "1/0", error: "#DIV/0!" });
    expect(cells.A4).toMatchObject({ value: 1234567, numFmt: "#,##0", locked: true });
    expect(cells.B4).toMatchObject({ value: 0.125, numFmt: "0.00%", locked: false });
    expect(cells.C4).toMatchObject({ value: 1500, numFmt: "0.0", locked: true });
    expect(cells.D4).toMatchObject({ value: "2025-12-09", numFmt: "mm-dd-yy" });
    expect(cells.E4).toMatchObject({ value: -7.25, numFmt: "[>=100]#,##0;0.00" });
    expect(cells.F4).toBeUndefined();
    expect(cells.A5).toMatchObject({ value: "ab", formula: '"a"&"b"' });
    expect(cells.B5).toMatchObject({ value: null, formula: 'IF(1,"","x")' });
    expect(cells.C5).toMatchObject({ value: 1234567.125, formula: "SUM(A4:B4)" });
    expect(cells.D5).toMatchObject({ value: null, formula: "A4*2" });
    expect(cells.E5).toMatchObject({ value: true, formula: "TRUE()" });
    expect(cells.A6).toMatchObject({ value: 2469134.25, formula: "SUM(A4:B4*2)" });
    expect(cells.A7).toMatchObject({ value: 0 });
    expect(cells.B8).toBeUndefined(); // hidden by the merge A8:B8
    expect(merges).toEqual(["A8:B8", "C8:C9"]);
    expect([maxRow, maxCol]).toEqual([9, 5]);
  });

  it("hidden and very hidden sheets, in tab order, whatever the part names", async () => {
    const cell = (v: number) => sheetXml(`<sheetData><row r="1"><c r="A1"><v>${v}</v></c></row></sheetData>`);
    const book = await expectSameAsExcelJS(
      handXlsx({
        sheets: [
          { name: "B", xml: cell(1) },
          { name: "A", xml: cell(2), state: "hidden" },
          { name: "C", xml: cell(3), state: "veryHidden" },
        ],
      }),
    );
    expect(book.sheets.map((s) => [s.name, s.visibility, cellsA1(s).A1.value])).toEqual([
      ["B", "visible", 1],
      ["A", "hidden", 2],
      ["C", "veryHidden", 3],
    ]);
  });
});

describe("shared formulas: the formula each cell really has", () => {
  it.each([
    ["D8+1", 1, 0, "D9+1"],
    ["B8+C8*$B$8", 3, 0, "B11+C11*$B$8"],
    ["$A1+A$1+$A$1+A1", 2, 3, "$A3+D$1+$A$1+D3"],
    ['IF(D8="",0,D8)&"D8"', 1, 0, 'IF(D9="",0,D9)&"D8"'],
    ["'BM 1'!D8+BM1!D8+SUM(D:D)+SUM(8:8)", 1, 1, "'BM 1'!E9+BM1!E9+SUM(E:E)+SUM(9:9)"],
    ["LOG10(D8)+ATAN2(A1,B1)", 1, 0, "LOG10(D9)+ATAN2(A2,B2)"],
    ["Table1[[#This Row],[A1]]+A1", 1, 0, "Table1[[#This Row],[A1]]+A2"],
    ["A1+1.5E3", 1, 0, "A2+1.5E3"],
    ["A2-A1", -1, 0, "A1-#REF!"],
    ["XFD1", 0, 1, "#REF!"],
  ])("%s moved by (%i rows, %i columns) is %s", (formula, dRow, dCol, expected) => {
    expect(shiftFormula(formula, dRow, dCol)).toBe(expected);
  });

  it("written by hand, relative parts shift and anchored ones stay", () => {
    const xml = sheetXml(`<sheetData>
<row r="2"><c r="B2"><f t="shared" ref="B2:C3" si="0">A1+$A$1+A$1+$A1&amp;"A1"</f><v>1</v></c><c r="C2"><f t="shared" si="0"/><v>2</v></c></row>
<row r="3"><c r="B3"><f t="shared" si="0"/><v>3</v></c><c r="C3"><f t="shared" si="0"/></c></row></sheetData>`);
    const cells = cellsA1(readXlsxFast(handXlsx({ sheets: [{ name: "S", xml }] })).sheets[0]);
    expect([cells.B2.formula, cells.C2.formula, cells.B3.formula, cells.C3.formula]).toEqual([
      'A1+$A$1+A$1+$A1&"A1"',
      'B1+$A$1+B$1+$A1&"A1"',
      'A2+$A$1+A$1+$A2&"A1"',
      'B2+$A$1+B$1+$A2&"A1"',
    ]);
    expect([cells.C2.value, cells.C3.value]).toEqual([2, null]);
  });
});

describe("hostile and broken files: refused with a typed error, or read within the limits", () => {
  const plainSheet = sheetXml(`<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>`);
  const withSheetPart = (change: Partial<ZipPart>, sheet = plainSheet): Uint8Array =>
    zipParts(handParts({ sheets: [{ name: "S", xml: sheet }] }).map((p) => (p.name === "xl/worksheets/sheet1.xml" ? { ...p, ...change } : p)));

  it("a zip bomb declared small: inflation stops at the part limit", () => {
    const bytes = withSheetPart({ data: "", deflated: zeroBomb(200 * MB), declaredSize: 1000 });
    expect(bytes.length).toBeLessThan(2 * MB);
    const { value: error, ms } = timed(() => readError(bytes));
    expect(error.code).toBe("too-large");
    expect(error.detail).toMatch(/sheet1\.xml inflates beyond 50 MB/);
    expect(ms).toBeLessThan(5000);
  });

  it("a small part that inflates to more than it declares is a damaged zip", () => {
    expectRefused(withSheetPart({ data: "", deflated: zeroBomb(100_000), declaredSize: 1000 }), "zip", /more than the 1000 bytes declared/);
  });

  it("a part declared larger than the limit is refused before anything is inflated", () => {
    const inflated: number[] = [];
    const counting: RawInflate = (data, room) => {
      inflated.push(room);
      return inflateSync(data, { out: new Uint8Array(room) });
    };
    const bytes = withSheetPart({ declaredSize: LIMITS.maxInflatedPartBytes + 1 });
    const error = (() => {
      try {
        readXlsxFast(bytes, { inflate: counting });
      } catch (e) {
        return e as XlsxReadError;
      }
      throw new Error("read");
    })();
    expect([error.code, error.detail]).toEqual(["too-large", "xl/worksheets/sheet1.xml declares 51 MB (at most 50 MB)"]);
    // The workbook part and its relationships are read first; the sheet never is.
    expect(inflated.length).toBeGreaterThan(0);
    expect(inflated).not.toContain(LIMITS.maxInflatedPartBytes + 2);
  });

  it("parts declaring more than the total limit together are refused", () => {
    const sheets = Array.from({ length: 5 }, (_, i) => ({ name: `S${i}`, xml: plainSheet }));
    const parts = handParts({ sheets }).map((p) => (p.name.startsWith("xl/worksheets/") ? { ...p, declaredSize: 45 * MB } : p));
    expectRefused(zipParts(parts), "too-large", /together/);
  });

  const LAUGHS = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">${Array.from(
    { length: 8 },
    (_, i) => `<!ENTITY lol${i + 2} "${`&lol${i + 1};`.repeat(10)}">`,
  ).join("")}]>`;

  it.each([
    [
      "a sheet",
      "xl/worksheets/sheet1.xml",
      `${LAUGHS}<worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>`,
    ],
    ["the workbook", "xl/workbook.xml", `${LAUGHS}<workbook xmlns="${MAIN_NS}"><sheets><sheet name="&lol9;" sheetId="1" r:id="rId1"/></sheets></workbook>`],
  ])("an entity-expansion (billion laughs) bomb in %s is refused, not expanded", (_what, part, xml) => {
    const parts = handParts({ sheets: [{ name: "S", xml: plainSheet }] }).map((p) => (p.name === part ? { ...p, data: xml } : p));
    expectRefused(zipParts(parts), "entity", /DOCTYPE/);
  });

  it.each(["&nbsp;", "&constructor;", "&#0;", "&#xZZ;"])("%s, an entity or character XML does not predefine, is refused", (entity) => {
    const data = sheetXml(`<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${entity}</t></is></c></row></sheetData>`);
    const error = readError(withSheetPart({ data }));
    expect([error.code, error.detail]).toEqual(["xml", expect.stringContaining(entity)]);
  });

  it("a sheet claiming A1:XFD1048576 with a cell at XFD1048576 reads within the limits", async () => {
    const xml = sheetXml(
      `<dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row><row r="1048576"><c r="XFD1048576"><v>3</v></c></row></sheetData>`,
    );
    const book = await expectSameAsExcelJS(handXlsx({ sheets: [{ name: "S", xml }] }));
    expect(book.sheets[0]).toMatchObject({ maxRow: 1, maxCol: 1 });
    expect(cellsA1(book.sheets[0])).toMatchObject({ A1: { value: 1 } });
    expect(Object.keys(cellsA1(book.sheets[0]))).toEqual(["A1"]);
  });

  it("a merge over the whole grid costs no more than the limits", () => {
    const xml = sheetXml(
      `<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row></sheetData><mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>`,
    );
    const { value: book, ms } = timed(() => readXlsxFast(handXlsx({ sheets: [{ name: "S", xml }] })));
    expect(book.sheets[0]).toMatchObject({ merges: [range("A1:XFD1048576")], maxRow: 1, maxCol: 1 });
    expect(Object.keys(cellsA1(book.sheets[0]))).toEqual(["A1"]);
    // A guard against a hang (a loop over the claimed grid), not a speed target: those live in `npm run bench`.
    expect(ms).toBeLessThan(5000);
  });

  it("overlapping merges are refused, as ExcelJS refuses them", () => {
    expectRefused(
      withSheetPart({ data: sheetXml(`<sheetData/><mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>`) }),
      "xml",
      /overlap at B2/,
    );
  });

  it("300,000 rows: only the first LIMITS.maxRowsPerSheet are read, fast", () => {
    const rows: string[] = [];
    // Some rows also reach beyond the column limit (BZ).
    for (let r = 1; r <= 300_000; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c>${r % 1000 === 0 ? `<c r="BZ${r}"><v>0</v></c>` : ""}</row>`);
    const xml = new TextEncoder().encode(sheetXml(`<sheetData>${rows.join("")}</sheetData>`));
    rows.length = 0;
    const deflated = deflateSync(xml, { level: 1 });
    const bytes = withSheetPart({ data: xml, deflated });
    // The floor: merely inflating and decoding the part, on this machine, now.
    const floor = timed(() => new TextDecoder().decode(inflateSync(deflated))).ms;
    const { value: book, ms } = timed(() => readXlsxFast(bytes));
    const sheet = book.sheets[0];
    expect([sheet.maxRow, sheet.maxCol, Object.keys(cellsA1(sheet)).length]).toEqual([LIMITS.maxRowsPerSheet, 1, LIMITS.maxRowsPerSheet]);
    expect(cellsA1(sheet)[`A${LIMITS.maxRowsPerSheet}`].value).toBe(LIMITS.maxRowsPerSheet);
    // A guard against reading all 300,000 rows into cells (seconds, and memory), not a speed target.
    expect(ms).toBeLessThan(10 * floor + 5000);
  });

  it("__proto__ and constructor as sheet names and cell text stay plain data", async () => {
    const xml = sheetXml(
      `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>__proto__</t></is></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="str"><v>toString</v></c></row></sheetData>`,
    );
    const bytes = handXlsx({
      sheets: [
        { name: "__proto__", xml },
        { name: "constructor", xml },
      ],
      sharedStrings: `<sst xmlns="${MAIN_NS}"><si><t>constructor</t></si></sst>`,
    });
    const book = await expectSameAsExcelJS(bytes);
    expect(book.sheets.map((s) => s.name)).toEqual(["__proto__", "constructor"]);
    // Cells are placed by numbers in arrays: no text of the file becomes a property name.
    const first = book.sheets[0];
    expect(Array.isArray(first.rows) && Array.isArray(first.rows[1])).toBe(true);
    const cells = cellsA1(first);
    expect(Object.keys(cells)).toEqual(["A1", "B1", "C1"]);
    expect([cells.A1.value, cells.B1.value, cells.C1.value]).toEqual(["__proto__", "constructor", "toString"]);
    expect(first.rows[1].length).toBe(4);
  });

  it("a workbook without xl/workbook.xml", () => {
    expectRefused(
      zipParts(handParts({ sheets: [{ name: "S", xml: plainSheet }] }).filter((p) => p.name !== "xl/workbook.xml")),
      "missing-part",
      /xl\/workbook\.xml/,
    );
  });

  it("a workbook without the workbook's relationships", () => {
    expectRefused(
      zipParts(handParts({ sheets: [{ name: "S", xml: plainSheet }] }).filter((p) => !p.name.endsWith(".rels"))),
      "missing-part",
      /workbook\.xml\.rels/,
    );
  });

  it("a shared string index that does not exist", () => {
    expectRefused(withSheetPart({ data: sheetXml(`<sheetData><row r="1"><c r="A1" t="s"><v>7</v></c></row></sheetData>`) }), "xml", /shared string 7/);
  });

  it.each([
    ["empty bytes", new Uint8Array(0)],
    ["random bytes", Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251)],
    ["a CSV", new TextEncoder().encode("STT;Chỉ tiêu;Số liệu\n1;Số văn bản;7\n")],
    ["a zip cut in half", handXlsx({ sheets: [{ name: "S", xml: plainSheet }] }).subarray(0, 600)],
  ])("not a zip: %s", (_what, bytes) => {
    expectRefused(bytes, "zip");
  });
});

describe("openWorkbook answers with a FileError for what the reader refuses", () => {
  const plainSheet = sheetXml(`<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>`);

  it("reads a good workbook", async () => {
    const result = await openWorkbook(handXlsx({ sheets: [{ name: "BM1", xml: plainSheet }] }), "a.xlsx");
    expect(result).toMatchObject({ ok: true, value: { sheets: [{ name: "BM1" }] } });
    expect(result.ok && cellsA1(result.value.sheets[0])).toMatchObject({ A1: { value: 1 } });
  });

  it("a zip bomb is content too large", async () => {
    const parts = handParts({ sheets: [{ name: "S", xml: plainSheet }] }).map((p) =>
      p.name.endsWith("sheet1.xml") ? { ...p, deflated: zeroBomb(60 * MB), declaredSize: 10 } : p,
    );
    expect(await openWorkbook(zipParts(parts), "bomb.xlsx")).toEqual({
      ok: false,
      error: { code: "FILE_CONTENT_TOO_LARGE", file: "bomb.xlsx", detail: "xl/worksheets/sheet1.xml inflates beyond 50 MB", part: "xl/worksheets/sheet1.xml" },
    });
  });

  it("an entity bomb is a damaged file, with the reason", async () => {
    const parts = handParts({ sheets: [{ name: "S", xml: `<!DOCTYPE x [<!ENTITY a "b">]>${plainSheet}` }] });
    expect(await openWorkbook(zipParts(parts), "e.xlsx")).toEqual({
      ok: false,
      error: {
        code: "FILE_DAMAGED",
        file: "e.xlsx",
        detail: "xl/worksheets/sheet1.xml: DOCTYPE or ENTITY declaration refused",
        reason: "entity",
        part: "xl/worksheets/sheet1.xml",
      },
    });
  });

  it("a truncated zip is a damaged file", async () => {
    const result = await openWorkbook(handXlsx({ sheets: [{ name: "S", xml: plainSheet }] }).subarray(0, 600), "cut.xlsx");
    expect(result).toMatchObject({ ok: false, error: { code: "FILE_DAMAGED", file: "cut.xlsx" } });
  });

  it("a reason quoting the file stays one line: control characters shown as ?, a long quote cut (found by the fuzz test)", async () => {
    const bad = (ref: string) => handXlsx({ sheets: [{ name: "S", xml: sheetXml(`<sheetData><row r="1"><c r="${ref}"><v>1</v></c></row></sheetData>`) }] });
    expect(await openWorkbook(bad("D9&#10;D10\u0000"), "nl.xlsx")).toEqual({
      ok: false,
      error: {
        code: "FILE_DAMAGED",
        file: "nl.xlsx",
        detail: 'xl/worksheets/sheet1.xml: bad cell reference "D9?D10?"',
        reason: "xml",
        part: "xl/worksheets/sheet1.xml",
      },
    });
    const long = await openWorkbook(bad("D".repeat(5000)), "long.xlsx");
    expect(long.ok).toBe(false);
    if (!long.ok && long.error.code === "FILE_DAMAGED") expect(long.error.detail).toHaveLength(201);
  });
});
