/**
 * A workbook as plain data: what readers (the .xlsx file, Office.js) produce
 * and validation and aggregation consume. No Excel object survives into it.
 * Cells are placed by their row and column numbers (1-based), never by "D8".
 */
import type { CellRange } from "../layout/address";

export type { CellRange } from "../layout/address";

export type CellValue = string | number | boolean | null;

export interface CellSnapshot {
  /** the value shown: a number, text, a boolean, or null for an empty cell; a formula's last computed result */
  value: CellValue;
  /** the formula without "=", when the cell holds one */
  formula?: string;
  /** an error value such as "#DIV/0!" */
  error?: string;
  numFmt?: string;
  locked?: boolean;
}

export interface SheetSnapshot {
  name: string;
  visibility: "visible" | "hidden" | "veryHidden";
  /**
   * Cells by row, then column, both from 1: rows[8][4] is D8. Sparse: an
   * empty cell or row is a hole (forEach skips holes, so it walks the cells
   * row by row, each row left to right; a structured clone keeps the holes).
   * Read with cellAt and eachCell.
   */
  rows: CellSnapshot[][];
  /** largest row and column numbers holding a cell */
  maxRow: number;
  maxCol: number;
  merges: CellRange[];
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}

/** The cell at (row, col), or undefined when it is empty. */
export function cellAt(sheet: SheetSnapshot, row: number, col: number): CellSnapshot | undefined {
  const cells = sheet.rows[row];
  return cells === undefined ? undefined : cells[col];
}

/** Calls fn for every cell of the sheet, row by row, each row left to right. */
export function eachCell(sheet: SheetSnapshot, fn: (cell: CellSnapshot, row: number, col: number) => void): void {
  sheet.rows.forEach((cells, row) => cells.forEach((cell, col) => fn(cell, row, col)));
}

/** Whether some cell of the sheet passes the test (stops at the first). */
export function someCell(sheet: SheetSnapshot, test: (cell: CellSnapshot, row: number, col: number) => boolean): boolean {
  return sheet.rows.some((cells, row) => cells.some((cell, col) => test(cell, row, col)));
}

/** Puts a cell into a sheet's rows being built. */
export function putCell(rows: CellSnapshot[][], row: number, col: number, cell: CellSnapshot): void {
  (rows[row] ??= [])[col] = cell;
}
