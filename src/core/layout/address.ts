/**
 * The one place cells are turned into Excel's A1 text and back. Inside the
 * core a cell is its (row, column) numbers, 1-based; the edges (the .xlsx
 * reader and writer, Office.js, the pane's text) call here where they speak
 * A1. Formula text ("SUM(D9,D10)") is Excel's language and is built with
 * cellAddress too.
 */

/** A rectangle of cells, corners included: { row: 1, col: 1, lastRow: 1, lastCol: 5 } is A1:E1. */
export interface CellRange {
  row: number;
  col: number;
  lastRow: number;
  lastCol: number;
}

/** The letters of the columns a sheet is read within (and a margin), made once: addresses are built per cell, often. */
const LETTERS: string[] = [];

/** 1 → "A", 27 → "AA". */
export function columnLetter(col: number): string {
  const known = LETTERS[col];
  if (known !== undefined) return known;
  const letters = lettersOf(col);
  if (Number.isInteger(col) && col > 0 && col <= 1024) LETTERS[col] = letters;
  return letters;
}

function lettersOf(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** (row 8, column 4) → "D8". */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

const DOLLAR = 36;

/**
 * "D8", "$d$8" → { row: 8, col: 4 }; undefined for anything else (one to three
 * letters, then digits). Read character by character: every cell of every
 * sheet read, validated and written goes through here.
 */
export function parseAddress(address: string): { row: number; col: number } | undefined {
  const n = address.length;
  let i = address.charCodeAt(0) === DOLLAR ? 1 : 0;
  const lettersFrom = i;
  let col = 0;
  for (; i < n; i++) {
    const c = address.charCodeAt(i) & ~32; // a–z as A–Z
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === lettersFrom || i - lettersFrom > 3) return undefined;
  if (address.charCodeAt(i) === DOLLAR) i++;
  const digitsFrom = i;
  let row = 0;
  for (; i < n; i++) {
    const d = address.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    row = row * 10 + d;
  }
  return i === digitsFrom ? undefined : { row, col };
}

/** { row: 1, col: 1, lastRow: 1, lastCol: 5 } → "A1:E1" (a single cell as "A1:A1", as ExcelJS writes it). */
export function rangeAddress(r: CellRange): string {
  return `${cellAddress(r.row, r.col)}:${cellAddress(r.lastRow, r.lastCol)}`;
}

/** Whole rows, { row: 7, lastRow: 7 } → "7:7" (the print titles). */
export function rowsAddress(r: { row: number; lastRow: number }): string {
  return `${r.row}:${r.lastRow}`;
}
