import { defaultCell, FakeExcel, type FakeExcelOptions, type Visibility } from "../adapters/fake-excel";
import { cellAddress, rangeAddress } from "../../src/core/layout/address";
import { eachCell, type WorkbookSnapshot } from "../../src/core/read/snapshot";

const VISIBILITY: Record<string, Visibility> = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };

/**
 * A fake Excel holding exactly the cells of a workbook snapshot (as read from
 * an .xlsx): text stays text ("9.275", "2.1."), as after a paste from Word,
 * numbers stay numbers, formulas keep their formula; merges are kept.
 */
export function excelHolding(book: WorkbookSnapshot, options: Omit<FakeExcelOptions, "sheets"> = {}): FakeExcel {
  const fake = new FakeExcel({ ...options, sheets: book.sheets.map((s) => ({ name: s.name })) });
  for (const snap of book.sheets) {
    const sheet = fake.sheet(snap.name);
    eachCell(snap, (cell, row, col) => {
      const c = defaultCell();
      c.value = cell.formula !== undefined ? null : cell.value;
      c.formula = cell.formula !== undefined ? `=${cell.formula}` : null;
      if (cell.numFmt) c.numberFormat = cell.numFmt;
      sheet.cells.set(cellAddress(row, col), c);
    });
    sheet.merges = snap.merges.map(rangeAddress);
  }
  // Visibility last: a workbook keeps at least one visible sheet.
  for (const snap of book.sheets) fake.sheet(snap.name).visibility = VISIBILITY[snap.visibility];
  return fake;
}

/** Adds a sheet of `rows` rows after the others (a household list): a header, then a name, an address and a number per row. */
export function addHouseholdList(fake: FakeExcel, name: string, rows: number): void {
  const sheet = fake.addSheet(name);
  const put = (address: string, value: string | number) => {
    const c = defaultCell();
    c.value = value;
    sheet.cells.set(address, c);
  };
  ["STT", "Chủ hộ", "Địa chỉ", "Số nhân khẩu"].forEach((h, i) => put(`${"ABCD"[i]}1`, h));
  for (let r = 2; r <= rows + 1; r++) {
    put(`A${r}`, r - 1);
    put(`B${r}`, `Nguyễn Văn ${r}`);
    put(`C${r}`, `Tổ ${r % 40}, phường Nhị Chiểu`);
    put(`D${r}`, (r % 6) + 1);
  }
}
