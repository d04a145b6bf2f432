/**
 * The cells Kiểm tra's read-only sheet preview shows in the browser (file
 * mode): for each sheet with findings, a bounded window of cells around them,
 * as plain text the way Excel shows them (numbers in the notation of the
 * pane's language: 1.234,5). Made where the file is opened (the Web Worker),
 * so only these few cells cross to the page, never the workbook.
 * No React, no DOM: the worker imports this.
 */
import { cellAddress } from "../../core/layout/address";
import type { Lang } from "../../core/messages/types";
import { cellAt, type CellSnapshot, type SheetSnapshot, type WorkbookSnapshot } from "../../core/read/snapshot";
import { formatNumberVi } from "../../core/read/number";
import type { Finding, FindingPlace } from "../../core/validate/finding";

/** One non-empty cell of a preview. */
export interface PreviewCell {
  /** what the cell shows, as text (never markup) */
  text: string;
  /** "number" aligns right; "formula" is a formula whose result the file does not hold (shown as =…); "error" an error value (#DIV/0!) */
  kind: "text" | "number" | "formula" | "error";
}

/** A rectangle of one sheet, rows top…bottom and columns left…right (1-based, inclusive), with its non-empty cells. */
export interface PreviewWindow {
  sheet: string;
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** by address ("D17"); empty cells are absent */
  cells: Record<string, PreviewCell>;
  /** merged ranges clipped to the window ("A1:E1"), their text at the top-left cell */
  merges: string[];
  /** whether the sheet has rows below the window (the preview says it goes on) */
  more: boolean;
}

/** How much a file's preview may hold; the defaults keep a hundred files' previews to a few MB. */
export interface PreviewLimits {
  /** cells (rows × columns, empty or not) over all windows of one file */
  maxArea: number;
  /** a sheet up to this many rows (and maxArea / 2 cells) is shown whole: the form's whole table */
  wholeRows: number;
  /** rows shown above and below a finding in a longer sheet */
  pad: number;
  /** characters kept of one cell's text */
  maxText: number;
  /** windows of one file */
  maxWindows: number;
  /** merged ranges kept per window */
  maxMerges: number;
}

export const PREVIEW_LIMITS: PreviewLimits = { maxArea: 8000, wholeRows: 150, pad: 25, maxText: 300, maxWindows: 40, maxMerges: 200 };

/** A finding's cell as a host selects or marks it (sheet and "D12"), from its place as numbers: never parsed back from `cell`. */
export function hostCell(f: Pick<Finding, "at">): { sheet: string; address: string } | undefined {
  return f.at ? { sheet: f.at.sheet, address: cellAddress(f.at.row, f.at.col) } : undefined;
}

/** "BM3!D12" or "'Biểu mẫu 3'!D12" → sheet and address. */
export function splitCellRef(ref: string): { sheet: string; address: string } | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^!']+))!\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return undefined;
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], address: `${m[3].toUpperCase()}${m[4]}` };
}

/** The first section of a number format, without colours, locales, quoted text and escapes: what decides the digits. */
function formatCore(numFmt: string): string {
  const first = numFmt.split(";")[0];
  return first
    .replace(/\[[^\]]*]/g, "")
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/_./g, "");
}

/** A number with exactly `decimals` decimals (`fixed`) or at most that many, grouped by thousands or not, in the language's notation. */
function digits(value: number, decimals: number, fixed: boolean, grouped: boolean, lang: Lang): string {
  let text = formatNumberVi(value, decimals);
  if (fixed && decimals > 0) {
    const [int, frac = ""] = text.split(",");
    text = `${int},${frac.padEnd(decimals, "0")}`;
  }
  if (!grouped) text = text.replace(/\./g, "");
  // The English notation swaps the two marks (1,234.5).
  return lang === "en" ? text.replace(/[.,]/g, (c) => (c === "." ? "," : ".")) : text;
}

/** Excel's General: integers as they are, other numbers to about ten significant digits, never grouped. */
function general(value: number, lang: Lang): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return digits(value, 0, false, false, lang);
  if (Math.abs(value) >= 1e11 || (value !== 0 && Math.abs(value) < 1e-9))
    return value
      .toExponential(5)
      .replace(".", lang === "en" ? "." : ",")
      .toUpperCase();
  const whole = Math.floor(Math.abs(value)).toString().length;
  return digits(value, Math.max(0, 10 - whole), false, false, lang);
}

/** A number as its cell's format shows it: decimals, thousands groups and percent of the format; General otherwise. */
export function numberText(value: number, numFmt: string | undefined, lang: Lang): string {
  if (!Number.isFinite(value)) return String(value);
  if (!numFmt || /^general$/i.test(numFmt) || numFmt === "@") return general(value, lang);
  const core = formatCore(numFmt);
  if (!/[0#?]/.test(core)) return general(value, lang);
  const percent = core.includes("%");
  const frac = /\.([0#?]+)/.exec(core)?.[1] ?? "";
  const fixed = frac.includes("0");
  const grouped = /[#0?],[#0?]/.test(core);
  if (/E[+-]/i.test(core))
    return (percent ? value * 100 : value)
      .toExponential(frac.length)
      .replace(".", lang === "en" ? "." : ",")
      .toUpperCase();
  const text = digits(percent ? value * 100 : value, frac.length, fixed, grouped, lang);
  return percent ? `${text}%` : text;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** What a cell shows: its value as text in the format it has, its error, or its formula when the file holds no result. */
export function cellText(cell: CellSnapshot, lang: Lang, maxText = PREVIEW_LIMITS.maxText): PreviewCell | undefined {
  const clip = (text: string) => (text.length > maxText ? `${text.slice(0, maxText - 1)}…` : text);
  if (cell.error) return { text: clip(cell.error), kind: "error" };
  const { value } = cell;
  if (typeof value === "number") return { text: numberText(value, cell.numFmt, lang), kind: "number" };
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE", kind: "text" };
  if (typeof value === "string" && value !== "") {
    // The reader gives a date cell as its ISO day; Excel shows it as a day (Vietnamese: 09/06/2025).
    const day = ISO_DAY.exec(value);
    if (day && cell.numFmt && /[dmy]/i.test(formatCore(cell.numFmt))) {
      return { text: lang === "en" ? `${day[2]}/${day[3]}/${day[1]}` : `${day[3]}/${day[2]}/${day[1]}`, kind: "number" };
    }
    return { text: clip(value), kind: "text" };
  }
  if (cell.formula) return { text: clip(`=${cell.formula}`), kind: "formula" };
  return undefined;
}

interface Rect {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const area = (r: Rect) => (r.bottom - r.top + 1) * (r.right - r.left + 1);

/** The finding cells of each sheet, in the order the findings name them. */
function targetsBySheet(findings: readonly Pick<Finding, "at">[]): Map<string, { row: number; col: number }[]> {
  const out = new Map<string, { row: number; col: number }[]>();
  const seen = new Set<string>();
  for (const { at } of findings) {
    if (!at) continue;
    const key = `${at.sheet}\u0000${at.row}\u0000${at.col}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const list = out.get(at.sheet) ?? [];
    list.push({ row: at.row, col: at.col });
    out.set(at.sheet, list);
  }
  return out;
}

/**
 * The rectangles to show of one sheet: the whole sheet when it is small (a
 * form's sheet, a pasted appendix), else bands of rows around the finding
 * cells, merged where they meet. Columns: the sheet's (at most the reader's
 * 50), widened to reach a finding beyond them.
 */
function sheetRects(sheet: SheetSnapshot, targets: { row: number; col: number }[], limits: PreviewLimits): Rect[] {
  // A loop, not Math.max(...): a long pasted sheet can have thousands of findings.
  let maxRow = sheet.maxRow;
  let maxCol = Math.max(sheet.maxCol, 1);
  for (const t of targets) {
    maxRow = Math.max(maxRow, t.row);
    maxCol = Math.max(maxCol, t.col);
  }
  const columns = { left: 1, right: maxCol };
  if (maxRow <= limits.wholeRows && maxRow * maxCol <= limits.maxArea / 2) return [{ top: 1, bottom: maxRow, ...columns }];
  const rows = [...new Set(targets.map((t) => t.row))].sort((a, b) => a - b);
  const bands: Rect[] = [];
  for (const row of rows) {
    const top = Math.max(1, row - limits.pad);
    const bottom = Math.min(maxRow, row + limits.pad);
    const last = bands[bands.length - 1];
    if (last && top <= last.bottom + 1) last.bottom = Math.max(last.bottom, bottom);
    else bands.push({ top, bottom, ...columns });
  }
  return bands;
}

/** Shrinks a band to what the budget allows around its first finding row; undefined when not even a few rows fit. */
function fit(rect: Rect, row: number, budget: number): Rect | undefined {
  if (area(rect) <= budget) return rect;
  const width = rect.right - rect.left + 1;
  const rows = Math.floor(budget / width);
  if (rows < 7) return undefined;
  const top = Math.max(rect.top, Math.min(row - Math.floor(rows / 2), rect.bottom - rows + 1));
  return { ...rect, top, bottom: top + rows - 1 };
}

/** The window's cells and its merged ranges (clipped, their text moved to the clipped top-left cell). */
function fill(sheet: SheetSnapshot, rect: Rect, lang: Lang, limits: PreviewLimits): PreviewWindow {
  const cells: Record<string, PreviewCell> = {};
  for (let row = rect.top; row <= rect.bottom; row++) {
    for (let col = rect.left; col <= rect.right; col++) {
      const cell = cellAt(sheet, row, col);
      const shown = cell && cellText(cell, lang, limits.maxText);
      if (shown) cells[cellAddress(row, col)] = shown;
    }
  }
  const merges: string[] = [];
  for (const range of sheet.merges) {
    if (merges.length >= limits.maxMerges) break;
    const clipped = {
      top: Math.max(range.row, rect.top),
      bottom: Math.min(range.lastRow, rect.bottom),
      left: Math.max(range.col, rect.left),
      right: Math.min(range.lastCol, rect.right),
    };
    if (clipped.top > clipped.bottom || clipped.left > clipped.right || area(clipped) < 2) continue;
    const anchor = cellAddress(clipped.top, clipped.left);
    if (clipped.top !== range.row || clipped.left !== range.col) {
      const origin = cellAt(sheet, range.row, range.col);
      const shown = origin && cellText(origin, lang, limits.maxText);
      if (shown) cells[anchor] = shown;
      else delete cells[anchor];
    }
    merges.push(`${anchor}:${cellAddress(clipped.bottom, clipped.right)}`);
  }
  return { sheet: sheet.name, ...rect, cells, merges, more: rect.bottom < sheet.maxRow };
}

/**
 * The windows a file's preview needs for these findings, within `limits`
 * (the area left over is returned, for a job of many files to share one
 * budget). Findings whose cell no window holds are shown without a preview.
 */
export function previewWindows(
  book: WorkbookSnapshot,
  findings: readonly Pick<Finding, "at">[],
  lang: Lang,
  budget = PREVIEW_LIMITS.maxArea,
  limits: PreviewLimits = PREVIEW_LIMITS,
): { windows: PreviewWindow[]; left: number } {
  const windows: PreviewWindow[] = [];
  let left = Math.min(budget, limits.maxArea);
  for (const [name, targets] of targetsBySheet(findings)) {
    const sheet = book.sheets.find((s) => s.name === name);
    if (!sheet) continue;
    for (const rect of sheetRects(sheet, targets, limits)) {
      if (windows.length >= limits.maxWindows) return { windows, left };
      const first = targets.find((t) => t.row >= rect.top && t.row <= rect.bottom)!;
      const fitted = fit(rect, first.row, left);
      if (!fitted) continue;
      left -= area(fitted);
      windows.push(fill(sheet, fitted, lang, limits));
    }
  }
  return { windows, left };
}

/** The window that holds a finding's cell (its place as numbers, `Finding.at`), if any. */
export function windowFor(
  windows: readonly PreviewWindow[] | undefined,
  at: FindingPlace | null,
): { window: PreviewWindow; sheet: string; address: string; row: number; col: number } | undefined {
  if (!windows || !at) return undefined;
  const { sheet, row, col } = at;
  const window = windows.find((w) => w.sheet === sheet && row >= w.top && row <= w.bottom && col >= w.left && col <= w.right);
  return window ? { window, sheet, address: cellAddress(row, col), row, col } : undefined;
}
