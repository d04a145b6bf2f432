import { cellAddress, columnLetter, parseAddress, rangeAddress, rowsAddress } from "../../src/core/layout/address";
import { cellAt, eachCell, putCell, someCell, type SheetSnapshot } from "../../src/core/read/snapshot";

describe("cell addresses", () => {
  it.each([
    ["A1", { row: 1, col: 1 }],
    ["D8", { row: 8, col: 4 }],
    ["$D$8", { row: 8, col: 4 }],
    ["d8", { row: 8, col: 4 }],
    ["$AB12", { row: 12, col: 28 }],
    ["XFD1048576", { row: 1048576, col: 16384 }],
    ["AA$100", { row: 100, col: 27 }],
  ])("reads %s", (text, at) => expect(parseAddress(text)).toEqual(at));

  it.each(["", "8", "D", "$", "$$D8", "D$$8", "ABCD1", "D8:D9", "D 8", " D8", "D8 ", "Đ8", "D-8", "D8x", "Sheet1!D8", "ſ8"])("refuses %p", (text) => {
    expect(parseAddress(text)).toBeUndefined();
  });

  it("reads back every address it writes, for the columns and rows a sheet is read within", () => {
    for (const col of [1, 2, 25, 26, 27, 52, 53, 702, 703, 1024, 16384]) {
      expect(parseAddress(cellAddress(5000, col))).toEqual({ row: 5000, col });
      expect(columnLetter(col)).toMatch(/^[A-Z]{1,3}$/);
    }
  });
});

describe("ranges and whole rows", () => {
  it("writes a range as ExcelJS does, a single cell as A1:A1, and rows as 7:7", () => {
    expect(rangeAddress({ row: 1, col: 1, lastRow: 1, lastCol: 5 })).toBe("A1:E1");
    expect(rangeAddress({ row: 27, col: 4, lastRow: 28, lastCol: 28 })).toBe("D27:AB28");
    expect(rangeAddress({ row: 3, col: 2, lastRow: 3, lastCol: 2 })).toBe("B3:B3");
    expect(rowsAddress({ row: 7, lastRow: 7 })).toBe("7:7");
  });
});

describe("a snapshot's cells by (row, column)", () => {
  const sheet = (): SheetSnapshot => {
    const rows: SheetSnapshot["rows"] = [];
    // Put out of order, as a stray r="…" may: read back in sheet order.
    putCell(rows, 8, 4, { value: "D8" });
    putCell(rows, 2, 30, { value: "AD2" });
    putCell(rows, 2, 1, { value: "A2" });
    putCell(rows, 1000, 2, { value: "B1000" });
    return { name: "S", visibility: "visible", rows, maxRow: 1000, maxCol: 30, merges: [{ row: 1, col: 1, lastRow: 1, lastCol: 5 }] };
  };

  it("reads a cell at its place, empty places as undefined", () => {
    const s = sheet();
    expect(cellAt(s, 8, 4)).toEqual({ value: "D8" });
    expect([cellAt(s, 8, 5), cellAt(s, 9, 4), cellAt(s, 0, 0), cellAt(s, 1_048_576, 16_384)]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it("walks the cells row by row, each row left to right, skipping the empty ones", () => {
    const seen: string[] = [];
    eachCell(sheet(), (cell, row, col) => seen.push(`${cell.value}@${row},${col}`));
    expect(seen).toEqual(["A2@2,1", "AD2@2,30", "D8@8,4", "B1000@1000,2"]);
    expect(someCell(sheet(), (c) => c.value === "B1000")).toBe(true);
    expect(someCell(sheet(), (c) => c.value === "Z9")).toBe(false);
  });

  it("survives a structured clone (the Web Worker's postMessage) with its holes", () => {
    const copy = structuredClone(sheet());
    const seen: string[] = [];
    eachCell(copy, (cell) => seen.push(String(cell.value)));
    expect(seen).toEqual(["A2", "AD2", "D8", "B1000"]);
    expect(1 in copy.rows).toBe(false);
    expect(copy.merges).toEqual([{ row: 1, col: 1, lastRow: 1, lastCol: 5 }]);
  });
});
