import { columnLetter } from "../../../core/layout/address";

/** Excel's last column (XFD) and row. */
export const MAX_COL = 16384;
export const MAX_ROW = 1048576;

const letters: string[] = [];

/** 1 → "A", cached for the columns a sheet really uses. */
export function colLetters(col: number): string {
  return letters[col] ?? (letters[col] = columnLetter(col));
}

/** A parsed cell reference; `canonical` when the text was already "D8" (upper case, no $, no leading zero). */
export interface CellRef {
  row: number;
  col: number;
  canonical: boolean;
}

/** "D8", "d8", "$D$8" → row 8, column 4; undefined for anything that is not a cell inside Excel's grid. */
export function parseCellRef(ref: string): CellRef | undefined {
  const n = ref.length;
  let i = 0;
  let canonical = true;
  if (ref.charCodeAt(i) === 36) {
    i++;
    canonical = false;
  }
  let col = 0;
  const colStart = i;
  for (; i < n; i++) {
    let c = ref.charCodeAt(i);
    if (c >= 97 && c <= 122) {
      c -= 32;
      canonical = false;
    }
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === colStart || i - colStart > 3) return undefined;
  if (ref.charCodeAt(i) === 36) {
    i++;
    canonical = false;
  }
  const rowStart = i;
  let row = 0;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    row = row * 10 + (c - 48);
  }
  if (i === rowStart || i - rowStart > 7) return undefined;
  if (ref.charCodeAt(rowStart) === 48) canonical = false;
  if (row < 1 || row > MAX_ROW || col > MAX_COL) return undefined;
  return { row, col, canonical };
}

/** A rectangle of cells, corners ordered. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "A1:E1" (or "E1:A1", or "A1") → its rectangle; undefined for anything else. */
export function parseRange(ref: string): CellRange | undefined {
  const colon = ref.indexOf(":");
  const a = parseCellRef(colon < 0 ? ref : ref.slice(0, colon));
  const b = colon < 0 ? a : parseCellRef(ref.slice(colon + 1));
  if (!a || !b) return undefined;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

/** A rectangle written as ExcelJS does: "A1:E1", a single cell as "A1:A1". */
export function formatRange(r: CellRange): string {
  return `${colLetters(r.left)}${r.top}:${colLetters(r.right)}${r.bottom}`;
}
