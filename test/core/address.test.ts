import { cellAddress, columnLetter, parseAddress } from "../../src/core/layout/address";

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
