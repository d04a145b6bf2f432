/**
 * Tests speak A1 ("D8") where it reads best; snapshots and plans place cells
 * by (row, col). These helpers go between the two, through the product's own
 * address module.
 */
import { cellAddress, parseAddress, rangeAddress, type CellRange } from "../../src/core/layout/address";
import type { CellPlan } from "../../src/core/layout/plan";
import { cellAt, eachCell, putCell, type CellSnapshot, type SheetSnapshot } from "../../src/core/read/snapshot";

/** "D8" → { row: 8, col: 4 }; throws on anything else (a test's typo). */
export function at(address: string): { row: number; col: number } {
  const p = parseAddress(address);
  if (!p) throw new Error(`not a cell address: ${address}`);
  return p;
}

/** "A1:E1" (or "A1") → its range. */
export function range(ref: string): CellRange {
  const [a, b = a] = ref.split(":");
  const from = at(a);
  const to = at(b);
  return { row: from.row, col: from.col, lastRow: to.row, lastCol: to.col };
}

/** A place given as numbers, written "D8". */
export const a1 = (p: { row: number; col: number }): string => cellAddress(p.row, p.col);

/** Cells by "D8" → a snapshot's rows. */
export function rowsFromA1(cells: Record<string, CellSnapshot>): CellSnapshot[][] {
  const rows: CellSnapshot[][] = [];
  for (const [address, cell] of Object.entries(cells)) {
    const p = at(address);
    putCell(rows, p.row, p.col, cell);
  }
  return rows;
}

/** A sheet of these cells by "D8", its extent computed; merges as "A1:E1". */
export function sheetFromA1(
  name: string,
  cells: Record<string, CellSnapshot>,
  options: { visibility?: SheetSnapshot["visibility"]; merges?: string[] } = {},
): SheetSnapshot {
  let maxRow = 0;
  let maxCol = 0;
  for (const address of Object.keys(cells)) {
    const p = at(address);
    maxRow = Math.max(maxRow, p.row);
    maxCol = Math.max(maxCol, p.col);
  }
  return { name, visibility: options.visibility ?? "visible", rows: rowsFromA1(cells), maxRow, maxCol, merges: (options.merges ?? []).map(range) };
}

/** The cell at "D8" of a sheet. */
export function cellA1(sheet: SheetSnapshot, address: string): CellSnapshot | undefined {
  const p = at(address);
  return cellAt(sheet, p.row, p.col);
}

/** A sheet's cells by "D8", row by row (the order the readers give them). */
export function cellsA1(sheet: SheetSnapshot): Record<string, CellSnapshot> {
  const out: Record<string, CellSnapshot> = {};
  eachCell(sheet, (cell, row, col) => (out[cellAddress(row, col)] = cell));
  return out;
}

/** A sheet's merges as "A1:E1". */
export const mergesA1 = (sheet: { merges: readonly CellRange[] }): string[] => sheet.merges.map(rangeAddress);

/** The (first) plan cell at "D8". */
export function planCellA1(cells: readonly CellPlan[], address: string): CellPlan | undefined {
  const p = at(address);
  return cells.find((c) => c.row === p.row && c.col === p.col);
}

/** Puts a cell at "D8" of a sheet, as a user typing into it (the extent is left as it was). */
export function setA1(sheet: SheetSnapshot, address: string, cell: CellSnapshot): void {
  const p = at(address);
  putCell(sheet.rows, p.row, p.col, cell);
}

/** Empties the cell at "D8" of a sheet. */
export function deleteA1(sheet: SheetSnapshot, address: string): void {
  const p = at(address);
  if (sheet.rows[p.row]) delete sheet.rows[p.row][p.col];
}
