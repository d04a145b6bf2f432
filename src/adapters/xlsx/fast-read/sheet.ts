import { LIMITS } from "../../../core/limits";
import type { CellSnapshot, CellValue, SheetSnapshot } from "../../../core/read/snapshot";
import { colLetters, formatRange, parseCellRef, parseRange, type CellRange } from "./cell-ref";
import { XlsxReadError } from "./errors";
import { readStringItem, unescapeXstring } from "./shared-strings";
import { shiftFormula } from "./shared-formula";
import { NO_STYLE, type CellStyle } from "./styles";
import { CLOSE, decodePart, END, OPEN, XmlScanner } from "./xml";

/** What every sheet of a workbook reads against. */
export interface SheetContext {
  strings: readonly string[];
  styles: readonly CellStyle[];
  date1904: boolean;
  /** cells and merged ranges the workbook may still keep (LIMITS.maxCellsPerWorkbook), shared by its sheets */
  budget: { cells: number };
}

/** The sheet as the workbook lists it. */
export interface SheetHeader {
  name: string;
  visibility: SheetSnapshot["visibility"];
}

interface SharedMaster {
  row: number;
  col: number;
  formula: string;
}

/** A date serial as ExcelJS reports it (the ISO day), or the number itself when it is no day at all. */
function dateOf(serial: number, date1904: boolean): CellValue {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000);
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return serial;
  return new Date(ms).toISOString().slice(0, 10);
}

/** A cell snapshot with its keys in the order the ExcelJS reader gives them. */
function cellOf(style: CellStyle, value: CellValue, formula: string | undefined, error: string | undefined): CellSnapshot {
  if (formula === undefined) {
    return error === undefined ? { value, numFmt: style.numFmt, locked: style.locked } : { value, error, numFmt: style.numFmt, locked: style.locked };
  }
  return error === undefined ? { value, formula, numFmt: style.numFmt, locked: style.locked } : { value, formula, error, numFmt: style.numFmt, locked: style.locked };
}

const boolOf = (v: string) => (v === "true" ? true : v === "false" ? false : parseInt(v, 10) !== 0);

/** Reads one worksheet part into a snapshot, within LIMITS' rows and columns. */
export function readSheet(bytes: Uint8Array, part: string, header: SheetHeader, ctx: SheetContext): SheetSnapshot {
  const x = new XmlScanner(decodePart(bytes), part);
  const cells: Record<string, CellSnapshot> = Object.create(null);
  // Where each kept cell is, for taking out merged non-master cells and the extent.
  const keys: string[] = [];
  const rows: number[] = [];
  const cols: number[] = [];
  const merges: string[] = [];
  const ranges: CellRange[] = [];
  const shared = new Map<string, SharedMaster>();
  const { strings, styles, date1904, budget } = ctx;
  const fail: (what: string) => never = (what) => {
    throw new XlsxReadError("xml", `${part}: ${what}`);
  };
  const spend = () => {
    if (--budget.cells < 0) throw new XlsxReadError("too-large", `more than ${LIMITS.maxCellsPerWorkbook} cells`);
  };

  /** After <c …>: the cell's snapshot, or undefined for an empty cell; leaves the scanner after </c>. */
  const readCell = (row: number, col: number): CellSnapshot | undefined => {
    if (x.empty) return undefined;
    const s = x.attr("s");
    const t = x.attr("t");
    let v: string | undefined;
    let inline: string | undefined;
    let fText: string | undefined;
    let fType: string | undefined;
    let fRef: string | undefined;
    let fSi: string | undefined;
    for (let u = x.next(); u !== CLOSE; u = x.next()) {
      if (u === END) fail("unclosed cell");
      if (x.is("v")) v = x.text();
      else if (x.is("f")) {
        fType = x.attr("t");
        fRef = x.attr("ref");
        fSi = x.attr("si");
        fText = x.text();
      } else if (x.is("is")) inline = readStringItem(x);
      else x.skip();
    }
    const style = (s === undefined ? styles[0] : styles[parseInt(s, 10)]) ?? NO_STYLE;
    const number = (text: string): CellValue => {
      const n = parseFloat(text);
      return style.isDate && Number.isFinite(n) ? dateOf(n, date1904) : n;
    };
    const make = (value: CellValue, formula?: string, error?: string) => cellOf(style, value, formula, error);

    let formula: string | undefined;
    if (fText || fType !== undefined) {
      formula = fText ?? "";
      if (fType === "shared" && fSi !== undefined) {
        if (fRef !== undefined) shared.set(fSi, { row, col, formula });
        else if (!fText) {
          const master = shared.get(fSi);
          formula = master ? shiftFormula(master.formula, row - master.row, col - master.col) : undefined;
        }
      }
    }
    if (formula !== undefined) {
      // A formula's cached result; none (or "") reads as null, as ExcelJS does.
      if (!v) return make(null, formula);
      if (t === "str") return make(v, formula);
      if (t === "b") return make(boolOf(v), formula);
      if (t === "e") return make(null, formula, v);
      return make(number(v), formula);
    }
    if (t === "inlineStr") {
      const text = inline ?? (v === undefined ? undefined : unescapeXstring(v));
      return text ? make(text) : undefined;
    }
    if (!v) return undefined;
    switch (t) {
      case "s": {
        const text = strings[parseInt(v, 10)];
        if (text === undefined) fail(`shared string ${v} does not exist`);
        return make(text);
      }
      case "str":
        return make(v);
      case "b":
        return make(boolOf(v));
      case "e":
        return make(null, undefined, v);
      case "d":
        return make(/^\d{4}-\d\d-\d\d/.test(v) ? v.slice(0, 10) : v);
      default:
        return make(number(v));
    }
  };

  /** After <sheetData>: the rows up to LIMITS.maxRowsPerSheet; rows beyond are jumped over unread. */
  const readRows = () => {
    let rowNumber = 0;
    for (let t = x.next(); t !== CLOSE; t = x.next()) {
      if (t === END) fail("unclosed sheetData");
      if (!x.is("row")) {
        x.skip();
        continue;
      }
      const r = x.attr("r");
      rowNumber = r === undefined ? rowNumber + 1 : parseInt(r, 10);
      if (!(rowNumber >= 1)) fail(`bad row number "${r}"`);
      // Rows come in order (Excel refuses a file where they do not): past the limit, nothing more is read.
      if (rowNumber > LIMITS.maxRowsPerSheet) {
        if (!x.skipPast("sheetData")) fail("unclosed sheetData");
        return;
      }
      if (x.empty) continue;
      let col = 0;
      for (let u = x.next(); u !== CLOSE; u = x.next()) {
        if (u === END) fail("unclosed row");
        if (!x.is("c")) {
          x.skip();
          continue;
        }
        const ref = x.attr("r");
        let row = rowNumber;
        let key: string | undefined;
        if (ref === undefined) col++;
        else {
          const at = parseCellRef(ref);
          if (!at) fail(`bad cell reference "${ref}"`);
          row = at.row;
          col = at.col;
          if (at.canonical) key = ref;
        }
        if (col > LIMITS.maxColsPerSheet) {
          // Cells come in column order: the rest of the row is beyond the limit too.
          x.skip();
          if (!x.skipPast("row")) fail("unclosed row");
          break;
        }
        if (row > LIMITS.maxRowsPerSheet) {
          x.skip();
          continue;
        }
        const cell = readCell(row, col);
        if (!cell) continue;
        key ??= colLetters(col) + row;
        spend();
        cells[key] = cell;
        keys.push(key);
        rows.push(row);
        cols.push(col);
      }
    }
  };

  /** After <mergeCells>: the merged ranges whose master cell is inside the limits. */
  const readMerges = () => {
    for (let t = x.next(); t !== CLOSE; t = x.next()) {
      if (t === END) fail("unclosed mergeCells");
      const range = x.is("mergeCell") ? parseRange(x.attr("ref") ?? "") : undefined;
      x.skip();
      if (!range || range.top > LIMITS.maxRowsPerSheet || range.left > LIMITS.maxColsPerSheet) continue;
      spend();
      merges.push(formatRange(range));
      ranges.push(range);
    }
  };

  if (x.next() === OPEN && !x.empty) {
    for (let t = x.next(); t === OPEN; t = x.next()) {
      if (x.is("sheetData")) {
        if (!x.empty) readRows();
      } else if (x.is("mergeCells")) {
        if (!x.empty) readMerges();
      } else {
        x.skip();
      }
    }
  }
  dropMergedCells(cells, keys, rows, cols, ranges, part);
  let maxRow = 0;
  let maxCol = 0;
  for (let i = 0; i < keys.length; i++) {
    if (!(keys[i] in cells)) continue;
    if (rows[i] > maxRow) maxRow = rows[i];
    if (cols[i] > maxCol) maxCol = cols[i];
  }
  return { name: header.name, visibility: header.visibility, cells, maxRow, maxCol, merges };
}

/**
 * Takes out the cells a merge hides (all but its top-left master), as Excel
 * shows them. Marks the merged area, clipped to the limits, on a grid: the
 * cost is bounded by the grid, and a cell marked twice means overlapping
 * merges, which Excel repairs and ExcelJS refuses; so does this reader.
 */
function dropMergedCells(cells: Record<string, CellSnapshot>, keys: string[], rows: number[], cols: number[], ranges: CellRange[], part: string): void {
  if (ranges.length === 0) return;
  let height = 0;
  let width = 0;
  for (const r of ranges) {
    height = Math.max(height, Math.min(r.bottom, LIMITS.maxRowsPerSheet));
    width = Math.max(width, Math.min(r.right, LIMITS.maxColsPerSheet));
  }
  const MASTER = 1;
  const HIDDEN = 2;
  const grid = new Uint8Array(height * width);
  for (const r of ranges) {
    for (let row = r.top; row <= Math.min(r.bottom, height); row++) {
      for (let col = r.left; col <= Math.min(r.right, width); col++) {
        const i = (row - 1) * width + (col - 1);
        if (grid[i]) throw new XlsxReadError("xml", `${part}: merged ranges overlap at ${colLetters(col)}${row}`);
        grid[i] = row === r.top && col === r.left ? MASTER : HIDDEN;
      }
    }
  }
  for (let i = 0; i < keys.length; i++) {
    if (rows[i] <= height && cols[i] <= width && grid[(rows[i] - 1) * width + (cols[i] - 1)] === HIDDEN) delete cells[keys[i]];
  }
}
