import { columnLetter } from "../../../core/layout/address";
import { MAX_COL, MAX_ROW } from "./cell-ref";

/*
 * A shared formula is written once, on its first cell (`<f t="shared"
 * ref="D9:D11" si="0">D8+1</f>`), and the other cells only say `si="0"`. Each
 * of them really holds the first cell's formula moved by its offset: relative
 * references shift, $-anchored parts stay, text in quotes and table
 * references in brackets are left alone.
 */

const isNameChar = (c: number) =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 36 || c === 95 || c === 46 || c === 92 || c === 63 || c > 127;

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)(\d{1,7})$/;

function colNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.toUpperCase().charCodeAt(i) - 64);
  return n;
}

function shiftCol(dollar: string, letters: string, dCol: number): string | undefined {
  const col = dollar ? colNumber(letters) : colNumber(letters) + dCol;
  return col >= 1 && col <= MAX_COL ? dollar + columnLetter(col) : undefined;
}

function shiftRow(dollar: string, digits: string, dRow: number): string | undefined {
  const row = dollar ? Number(digits) : Number(digits) + dRow;
  return row >= 1 && row <= MAX_ROW ? dollar + row : undefined;
}

/** A cell reference token moved by the offset, "#REF!" if it leaves the grid, or undefined if it is no reference. */
function shiftCell(token: string, dRow: number, dCol: number): string | undefined {
  const m = CELL.exec(token);
  if (!m || colNumber(m[2]) > MAX_COL) return undefined;
  const col = shiftCol(m[1], m[2], dCol);
  const row = shiftRow(m[3], m[4], dRow);
  return col && row ? col + row : "#REF!";
}

/** The formula of a cell `dRow` rows and `dCol` columns away from the shared formula's first cell. */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  const n = formula.length;
  let out = "";
  let i = 0;
  let prev = ""; // the last token copied, to pair "A" ":" "C" and "1" ":" "3"
  while (i < n) {
    const c = formula.charCodeAt(i);
    if (c === 34 || c === 39) {
      // "text" or 'sheet name', doubled quotes inside
      let j = i + 1;
      for (;;) {
        const q = formula.indexOf(c === 34 ? '"' : "'", j);
        if (q < 0) {
          j = n;
          break;
        }
        if (formula.charCodeAt(q + 1) === c) j = q + 2;
        else {
          j = q + 1;
          break;
        }
      }
      out += formula.slice(i, j);
      prev = "";
      i = j;
    } else if (c === 91 /* [ */) {
      // Table1[[#This Row],[Amount]] or an external book [1]: brackets nest
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        const d = formula.charCodeAt(j);
        if (d === 91) depth++;
        else if (d === 93 && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      prev = "";
      i = j + 1;
    } else if (isNameChar(c)) {
      let j = i + 1;
      while (j < n && isNameChar(formula.charCodeAt(j))) j++;
      const token = formula.slice(i, j);
      const before = i > 0 ? formula.charCodeAt(i - 1) : 0;
      let shifted: string | undefined;
      const after = formula.charCodeAt(j);
      // not a function "LOG10(", a sheet "BM1!D8" or a table "T1[Amount]"
      if (after !== 40 && after !== 33 && after !== 91) {
        shifted = shiftCell(token, dRow, dCol);
        if (shifted === undefined && before === 58 /* : */ && prev) {
          // the second half of A:C or 1:3; the first half was kept in `prev`
          const range = shiftWhole(prev, token, dRow, dCol);
          if (range) {
            out = out.slice(0, out.length - prev.length - 1) + range;
            prev = "";
            i = j;
            continue;
          }
        }
      }
      out += shifted ?? token;
      prev = formula.charCodeAt(j) === 58 && (COLUMN.test(token) || ROW.test(token)) ? token : "";
      i = j;
    } else {
      out += formula[i];
      if (c !== 58) prev = "";
      i++;
    }
  }
  return out;
}

/** Whole columns "A:C" or whole rows "1:3" moved by the offset, or undefined when the pair is neither. */
function shiftWhole(first: string, second: string, dRow: number, dCol: number): string | undefined {
  const a = COLUMN.exec(first);
  const b = COLUMN.exec(second);
  if (a && b) {
    const x = shiftCol(a[1], a[2], dCol);
    const y = shiftCol(b[1], b[2], dCol);
    return x && y ? `${x}:${y}` : "#REF!";
  }
  const r = ROW.exec(first);
  const s = ROW.exec(second);
  if (r && s) {
    const x = shiftRow(r[1], r[2], dRow);
    const y = shiftRow(s[1], s[2], dRow);
    return x && y ? `${x}:${y}` : "#REF!";
  }
  return undefined;
}
