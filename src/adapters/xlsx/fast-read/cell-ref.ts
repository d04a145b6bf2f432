import type { CellRange } from "../../../core/layout/address";

/** Excel's last column (XFD) and row. */
export const MAX_COL = 16384;
export const MAX_ROW = 1048576;

/** A parsed cell reference. */
export interface CellRef {
  row: number;
  col: number;
}

/**
 * Reads the cell reference at b[start, end) ("D8", "d8", "$D$8"; ASCII bytes,
 * as a sheet part holds it) into `into`, in place: a sheet's r="…" are read
 * without being cut out and decoded. False for anything that is not a cell
 * inside Excel's grid.
 */
export function readCellRef(b: Uint8Array, start: number, end: number, into: CellRef): boolean {
  let i = start;
  if (i < end && b[i] === 36 /* $ */) i++;
  let col = 0;
  const colStart = i;
  for (; i < end; i++) {
    let c = b[i];
    if (c >= 97 && c <= 122) c -= 32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === colStart || i - colStart > 3) return false;
  if (i < end && b[i] === 36) i++;
  const rowStart = i;
  let row = 0;
  for (; i < end; i++) {
    const c = b[i];
    if (c < 48 || c > 57) return false;
    row = row * 10 + (c - 48);
  }
  if (i === rowStart || i - rowStart > 7) return false;
  if (row < 1 || row > MAX_ROW || col > MAX_COL) return false;
  into.row = row;
  into.col = col;
  return true;
}

/** The longest text that can be a cell or a range: "$XFD$1048576:$XFD$1048576". */
const LONGEST_RANGE = 25;
const scratch = new Uint8Array(LONGEST_RANGE);

/**
 * A string's codes as readCellRef reads bytes (anything beyond ASCII as 0,
 * never part of a reference), in a buffer reused from call to call; undefined
 * when the string is too long to be a cell or a range at all.
 */
function codesOf(text: string): Uint8Array | undefined {
  if (text.length > LONGEST_RANGE) return undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    scratch[i] = c < 128 ? c : 0;
  }
  return scratch;
}

/** "D8", "d8", "$D$8" → row 8, column 4; undefined for anything that is not a cell inside Excel's grid. */
export function parseCellRef(ref: string): CellRef | undefined {
  const codes = codesOf(ref);
  const at = { row: 0, col: 0 };
  return codes && readCellRef(codes, 0, ref.length, at) ? at : undefined;
}

const first: CellRef = { row: 0, col: 0 };
const second: CellRef = { row: 0, col: 0 };

/** The range at b[start, end) ("A1:E1", "E1:A1" or "A1"; ASCII bytes) as its rectangle, read in place; undefined for anything else. */
export function readRange(b: Uint8Array, start: number, end: number): CellRange | undefined {
  let colon = start;
  while (colon < end && b[colon] !== 58 /* : */) colon++;
  if (!readCellRef(b, start, colon, first)) return undefined;
  if (colon === end) {
    second.row = first.row;
    second.col = first.col;
  } else if (!readCellRef(b, colon + 1, end, second)) return undefined;
  return {
    row: Math.min(first.row, second.row),
    col: Math.min(first.col, second.col),
    lastRow: Math.max(first.row, second.row),
    lastCol: Math.max(first.col, second.col),
  };
}

/** "A1:E1" (or "E1:A1", or "A1") → its rectangle; undefined for anything else. */
export function parseRange(ref: string): CellRange | undefined {
  const codes = codesOf(ref);
  return codes && readRange(codes, 0, ref.length);
}
