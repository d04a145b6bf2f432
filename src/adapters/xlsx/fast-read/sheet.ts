import { LIMITS } from "../../../core/limits";
import { cellAddress, type CellRange } from "../../../core/layout/address";
import type { CellSnapshot, CellValue, SheetSnapshot } from "../../../core/read/snapshot";
import { parseCellRef, parseRange, readCellRef, readRange, type CellRef } from "./cell-ref";
import { XlsxReadError } from "./errors";
import { readStringItem, unescapeXstring } from "./shared-strings";
import { shiftFormula } from "./shared-formula";
import { NO_STYLE, type CellStyle } from "./styles";
import { CLOSE, END, OPEN, XmlScanner } from "./xml";

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
  return error === undefined
    ? { value, formula, numFmt: style.numFmt, locked: style.locked }
    : { value, formula, error, numFmt: style.numFmt, locked: style.locked };
}

const boolOf = (v: string) => (v === "true" ? true : v === "false" ? false : parseInt(v, 10) !== 0);

/** A number cell's value: the number, or under a date format the day it stands for. */
function numberOf(text: string, style: CellStyle, date1904: boolean): CellValue {
  const n = parseFloat(text);
  return style.isDate && Number.isFinite(n) ? dateOf(n, date1904) : n;
}

/** What <c> holds, as read from its attributes and children, before it is made a snapshot. */
interface RawCell {
  row: number;
  col: number;
  /** the s attribute read as parseInt reads it (an index into cellXfs; NaN when not a number), or undefined when absent */
  styleIndex: number | undefined;
  t: string | undefined;
  /** <v>'s plain text is source[vStart, vEnd), left in place until needed; vStart is -1 when <v> is absent or had to be decoded (then `v`) */
  vStart: number;
  vEnd: number;
  v: string | undefined;
  inline: string | undefined;
  fText: string | undefined;
  fType: string | undefined;
  fRef: string | undefined;
  fSi: string | undefined;
}

/**
 * The integer written as 1–9 ASCII digits at b[start, end), or -1 for anything
 * else: where it answers, it answers as parseInt(…, 10) would, without
 * cutting the text out of the part.
 */
function smallIntAt(b: Uint8Array, start: number, end: number): number {
  if (end <= start || end - start > 9) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = b[i] - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Reads one worksheet part into a snapshot, within LIMITS' rows and columns. */
export function readSheet(bytes: Uint8Array, part: string, header: SheetHeader, ctx: SheetContext): SheetSnapshot {
  const x = new XmlScanner(bytes, part);
  // A cell's r, s and t are all read; a row's other attributes (ht, spans, customHeight…) never are.
  x.eagerOnly("c");
  const source = x.source;
  // Cells by row, then column (sparse); a row's array is made when its first cell is kept.
  const cells: CellSnapshot[][] = [];
  // Where each kept cell is, for taking out merged non-master cells and the extent.
  const rows: number[] = [];
  const cols: number[] = [];
  const merges: CellRange[] = [];
  const shared = new Map<string, SharedMaster>();
  const { strings, styles, date1904, budget } = ctx;
  const fail: (what: string) => never = (what) => {
    throw new XlsxReadError("xml", `${part}: ${what}`, part);
  };
  const spend = () => {
    if (--budget.cells < 0) throw new XlsxReadError("too-large", `more than ${LIMITS.maxCellsPerWorkbook} cells`);
  };
  // One of each for the whole sheet: a cell is read into them, not into objects of its own.
  const at: CellRef = { row: 0, col: 0 };
  const raw: RawCell = {
    row: 0,
    col: 0,
    styleIndex: undefined,
    t: undefined,
    vStart: -1,
    vEnd: -1,
    v: undefined,
    inline: undefined,
    fText: undefined,
    fType: undefined,
    fRef: undefined,
    fSi: undefined,
  };

  /** After <c …> (not empty): reads its attributes and children into `raw`, leaving the scanner after </c>. */
  const readCell = () => {
    // s is a number almost always; read in place, else as parseInt reads it.
    if (x.attrSpan("s")) {
      const n = smallIntAt(source, x.spanStart, x.spanEnd);
      raw.styleIndex = n >= 0 ? n : parseInt(x.slice(x.spanStart, x.spanEnd), 10);
    } else {
      const s = x.attr("s");
      raw.styleIndex = s === undefined ? undefined : parseInt(s, 10);
    }
    raw.t = x.attr("t");
    raw.v = raw.inline = raw.fText = raw.fType = raw.fRef = raw.fSi = undefined;
    raw.vStart = -1;
    for (let u = x.next(); u !== CLOSE; u = x.next()) {
      if (u === END) fail("unclosed cell");
      if (x.is("v")) {
        if (x.textSpan()) {
          raw.vStart = x.spanStart;
          raw.vEnd = x.spanEnd;
          raw.v = undefined;
        } else {
          raw.vStart = -1;
          raw.v = x.text();
        }
      } else if (x.is("f")) {
        raw.fType = x.attr("t");
        raw.fRef = x.attr("ref");
        raw.fSi = x.attr("si");
        raw.fText = x.text();
      } else if (x.is("is")) raw.inline = readStringItem(x);
      else x.skip();
    }
  };

  /** The snapshot of the cell read into `raw`, or undefined for an empty one. */
  const snapshotOf = (): CellSnapshot | undefined => {
    const { row, col, t, vStart, vEnd, inline, fText, fType, fRef, fSi } = raw;
    const style = styles[raw.styleIndex ?? 0] ?? NO_STYLE;
    // The usual cell, read in place: no formula, and <v> a small integer, a number or a shared string's index.
    if (fText === undefined && fType === undefined && vStart >= 0) {
      const n = smallIntAt(source, vStart, vEnd);
      if (n >= 0) {
        if (t === "s") {
          const text = strings[n];
          if (text !== undefined) return cellOf(style, text, undefined, undefined);
        } else if (t !== "str" && t !== "b" && t !== "e" && t !== "d" && t !== "inlineStr") {
          return cellOf(style, style.isDate ? dateOf(n, date1904) : n, undefined, undefined);
        }
      }
    }
    // Anything else as it always was, from <v>'s text.
    const v = vStart >= 0 ? x.slice(vStart, vEnd) : raw.v;
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
      if (!v) return cellOf(style, null, formula, undefined);
      if (t === "str") return cellOf(style, v, formula, undefined);
      if (t === "b") return cellOf(style, boolOf(v), formula, undefined);
      if (t === "e") return cellOf(style, null, formula, v);
      return cellOf(style, numberOf(v, style, date1904), formula, undefined);
    }
    if (t === "inlineStr") {
      const text = inline ?? (v === undefined ? undefined : unescapeXstring(v));
      return text ? cellOf(style, text, undefined, undefined) : undefined;
    }
    if (!v) return undefined;
    switch (t) {
      case "s": {
        const text = strings[parseInt(v, 10)];
        if (text === undefined) fail(`shared string ${v} does not exist`);
        return cellOf(style, text, undefined, undefined);
      }
      case "str":
        return cellOf(style, v, undefined, undefined);
      case "b":
        return cellOf(style, boolOf(v), undefined, undefined);
      case "e":
        return cellOf(style, null, undefined, v);
      case "d":
        return cellOf(style, /^\d{4}-\d\d-\d\d/.test(v) ? v.slice(0, 10) : v, undefined, undefined);
      default:
        return cellOf(style, numberOf(v, style, date1904), undefined, undefined);
    }
  };

  /** After <sheetData>: the rows up to LIMITS.maxRowsPerSheet; rows beyond are jumped over unread. */
  const readRows = () => {
    let rowNumber = 0;
    // The array of the row last written to: a <row>'s cells are all on it, bar a stray r="…".
    let rowCells: CellSnapshot[] = [];
    let rowCellsAt = 0;
    for (let t = x.next(); t !== CLOSE; t = x.next()) {
      if (t === END) fail("unclosed sheetData");
      if (!x.is("row")) {
        x.skip();
        continue;
      }
      // r="12" is read in place; anything else as parseInt reads it.
      const n = x.attrSpan("r") ? smallIntAt(source, x.spanStart, x.spanEnd) : -1;
      if (n >= 0) rowNumber = n;
      else {
        const r = x.attr("r");
        rowNumber = r === undefined ? rowNumber + 1 : parseInt(r, 10);
      }
      if (!(rowNumber >= 1)) fail(`bad row number "${x.attr("r")}"`);
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
        let row = rowNumber;
        // r="D8" is read in place; an escaped one (r="D&#56;") is decoded first.
        if (x.attrSpan("r")) {
          if (!readCellRef(source, x.spanStart, x.spanEnd, at)) fail(`bad cell reference "${x.slice(x.spanStart, x.spanEnd)}"`);
          row = at.row;
          col = at.col;
        } else {
          const ref = x.attr("r");
          if (ref === undefined) col++;
          else {
            const parsed = parseCellRef(ref);
            if (!parsed) fail(`bad cell reference "${ref}"`);
            row = parsed.row;
            col = parsed.col;
          }
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
        // An empty cell (<c r="B1" s="1"/>, a styled blank) is no cell at all.
        if (x.empty) continue;
        raw.row = row;
        raw.col = col;
        readCell();
        const cell = snapshotOf();
        if (!cell) continue;
        spend();
        if (row !== rowCellsAt) {
          rowCells = cells[row] ?? (cells[row] = []);
          rowCellsAt = row;
        }
        rowCells[col] = cell;
        rows.push(row);
        cols.push(col);
      }
    }
  };

  /** After <mergeCells>: the merged ranges whose master cell is inside the limits. */
  const readMerges = () => {
    for (let t = x.next(); t !== CLOSE; t = x.next()) {
      if (t === END) fail("unclosed mergeCells");
      let range: CellRange | undefined;
      // ref="A1:E1" is read in place; an escaped one is decoded first.
      if (x.is("mergeCell")) range = x.attrSpan("ref") ? readRange(source, x.spanStart, x.spanEnd) : parseRange(x.attr("ref") ?? "");
      x.skip();
      if (!range || range.row > LIMITS.maxRowsPerSheet || range.col > LIMITS.maxColsPerSheet) continue;
      spend();
      merges.push(range);
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
  dropMergedCells(cells, rows, cols, merges, part);
  // The extent of the cells kept (a dropped cell's row and column were set to 0).
  let maxRow = 0;
  let maxCol = 0;
  for (let i = 0; i < rows.length; i++) {
    if (rows[i] > maxRow) maxRow = rows[i];
    if (cols[i] > maxCol) maxCol = cols[i];
  }
  return { name: header.name, visibility: header.visibility, rows: cells, maxRow, maxCol, merges };
}

/**
 * The grid dropMergedCells marks, kept from sheet to sheet: a new typed array
 * this size is allocated outside the heap (~1 µs, and work for the GC) for
 * every sheet with merges. At most LIMITS' rows × columns (250 KB).
 */
let mergeGrid = new Uint8Array(1024);

/**
 * Takes out the cells a merge hides (all but its top-left master), as Excel
 * shows them, setting their row and column to 0 in `rows` and `cols`. Marks
 * the merged area, clipped to the limits, on a grid: the cost is bounded by
 * the grid, and a cell marked twice means overlapping merges, which Excel
 * repairs and ExcelJS refuses; so does this reader.
 */
function dropMergedCells(cells: CellSnapshot[][], rows: number[], cols: number[], ranges: CellRange[], part: string): void {
  if (ranges.length === 0) return;
  let height = 0;
  let width = 0;
  for (const r of ranges) {
    height = Math.max(height, Math.min(r.lastRow, LIMITS.maxRowsPerSheet));
    width = Math.max(width, Math.min(r.lastCol, LIMITS.maxColsPerSheet));
  }
  const MASTER = 1;
  const HIDDEN = 2;
  if (mergeGrid.length < height * width) mergeGrid = new Uint8Array(height * width);
  const grid = mergeGrid;
  grid.fill(0, 0, height * width);
  for (const r of ranges) {
    for (let row = r.row; row <= Math.min(r.lastRow, height); row++) {
      for (let col = r.col; col <= Math.min(r.lastCol, width); col++) {
        const i = (row - 1) * width + (col - 1);
        if (grid[i]) throw new XlsxReadError("xml", `${part}: merged ranges overlap at ${cellAddress(row, col)}`, part);
        grid[i] = row === r.row && col === r.col ? MASTER : HIDDEN;
      }
    }
  }
  for (let i = 0; i < rows.length; i++) {
    if (rows[i] <= height && cols[i] <= width && grid[(rows[i] - 1) * width + (cols[i] - 1)] === HIDDEN) {
      delete cells[rows[i]][cols[i]];
      rows[i] = cols[i] = 0;
    }
  }
}
