import ExcelJS from "exceljs";
import { CATALOGUE } from "../../src/core/forms";
import { META_SHEET, readMetadata, rowNumbers } from "../../src/core/layout";
import { planToXlsx } from "../../src/adapters/xlsx/write-plan";
import { readXlsx } from "../support/exceljs-reader";
import { templatePlan } from "../support/plans";
import { cellsA1, mergesA1 } from "../support/a1";

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe("the .xlsx template", () => {
  let wb: ExcelJS.Workbook;
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await planToXlsx(templatePlan());
    wb = await load(bytes);
  });

  it("has the seven form sheets and the very hidden metadata sheet", () => {
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([...CATALOGUE.forms.map((f) => [f.id, "visible"]), [META_SHEET, "veryHidden"]]);
  });

  it("stores every STT as text and every ratio and total as a real formula", () => {
    for (const form of CATALOGUE.forms) {
      const ws = wb.getWorksheet(form.id)!;
      const rows = rowNumbers(form);
      for (const row of form.rows) {
        const r = rows.get(row.stt)!;
        expect(ws.getCell(`A${r}`).value).toBe(row.stt);
        expect(ws.getCell(`A${r}`).type).toBe(ExcelJS.ValueType.String);
        const d = ws.getCell(`D${r}`);
        if (row.kind === "ratio" || row.kind === "total") {
          expect(d.type).toBe(ExcelJS.ValueType.Formula);
          expect(d.formula).toMatch(row.kind === "ratio" ? /\/D\d+\*100\)$/ : /SUM\(/);
        } else {
          expect(d.value).toBeNull();
        }
      }
    }
  });

  it("locks everything but the inputs and notes, and protects the sheet without a password", () => {
    const ws = wb.getWorksheet("BM3")!;
    const rows = rowNumbers(CATALOGUE.forms[2]);
    // Excel's default for a cell without a protection record is locked.
    const locked = (address: string) => ws.getCell(address).protection?.locked ?? true;
    expect(locked(`D${rows.get("2.1.1")}`)).toBe(false);
    expect(locked(`E${rows.get("2.1.1")}`)).toBe(false);
    expect(locked(`D${rows.get("2.1")}`)).toBe(true);
    expect(locked(`B${rows.get("2.1")}`)).toBe(true);
    expect(locked("A1")).toBe(true);
    const protection = (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(protection).toMatchObject({ sheet: true });
    expect(protection.hashValue).toBeUndefined();
  });

  it("validates inputs with Vietnamese messages", () => {
    const ws = wb.getWorksheet("BM1")!;
    const rows = rowNumbers(CATALOGUE.forms[0]);
    expect(ws.getCell(`D${rows.get("2.1")}`).dataValidation).toMatchObject({
      type: "whole",
      operator: "greaterThanOrEqual",
      formulae: [0],
      showErrorMessage: true,
      errorStyle: "stop",
      promptTitle: "Nhập số nguyên không âm",
    });
    expect(ws.getCell(`D${rows.get("4.3")}`).dataValidation).toMatchObject({ type: "list", formulae: ['"0,1,2"'] });
    const bm3 = wb.getWorksheet("BM3")!;
    expect(bm3.getCell(`D${rowNumbers(CATALOGUE.forms[2]).get("1.1")}`).dataValidation).toMatchObject({
      type: "decimal",
      operator: "between",
      formulae: [0, 100],
    });
    const bm6 = wb.getWorksheet("BM6")!;
    expect(bm6.getCell(`D${rowNumbers(CATALOGUE.forms[5]).get("1.1")}`).dataValidation).toMatchObject({ type: "decimal", formulae: [0] });
  });

  it("prints on A4 portrait, one page wide, header row repeated, without the yellow, with page numbers", () => {
    const ws = wb.getWorksheet("BM7")!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "7:7" });
    // Issue 16: the fill that marks input cells is for the screen; "Trang 1/2" centred at the foot (&P page, &N pages).
    expect(ws.pageSetup.blackAndWhite).toBe(true);
    expect(ws.headerFooter.oddFooter).toBe("&CTrang &P/&N");
  });

  it("reads back as a snapshot carrying unit and period", async () => {
    const snap = await readXlsx(bytes);
    const meta = snap.sheets.find((s) => s.name === META_SHEET)!;
    const rows = Array.from({ length: meta.maxRow }, (_, i) => [cellsA1(meta)[`A${i + 1}`]?.value, cellsA1(meta)[`B${i + 1}`]?.value]);
    expect(readMetadata(rows)).toMatchObject({ unit: "Phòng Văn hóa - Xã hội", period: "2026-H1" });
    const bm1 = snap.sheets.find((s) => s.name === "BM1")!;
    expect(cellsA1(bm1).A3.value).toBe("Đơn vị báo cáo: Phòng Văn hóa - Xã hội");
    expect(mergesA1(bm1)).toContain("A1:E1");
  });

  it("keeps a unit name that looks like a formula as inert text", async () => {
    const hostile = await load(await planToXlsx(templatePlan('=HYPERLINK("http://evil","x")', ["BM1"])));
    const a3 = hostile.getWorksheet("BM1")!.getCell("A3");
    expect(a3.type).toBe(ExcelJS.ValueType.String);
    expect(a3.value).toBe('Đơn vị báo cáo: =HYPERLINK("http://evil","x")');
    const meta = hostile.getWorksheet(META_SHEET)!;
    const unitRow = meta.getColumn(1).values.indexOf("unit");
    expect(meta.getCell(`B${unitRow}`).type).toBe(ExcelJS.ValueType.String);
  });
});
