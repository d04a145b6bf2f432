import { cellAddress, columnLetter, rangeAddress, type CellRange } from "../../core/layout/address";
import type { CellPlan, CellStyle, PrintPlan, SheetPlan, ValidationPlan } from "../../core/layout/plan";
import { BASE_FONT, BORDER_COLOR } from "../../core/layout/styles";
import { CALL_OVERHEAD_BYTES, jsonBytes, type PayloadBudget } from "./payload-budget";

/**
 * The Office.js calls that write one plan sheet, as steps that know the bytes
 * they add to a request (payload-budget.ts), so the writer can sync between
 * them; and the calls that empty a sheet before it is written again in place.
 */

/** Excel stores column widths in characters of the default font; Office.js sets them in points. */
export function columnWidthPoints(characters: number): number {
  // Calibri 11 (the Normal style of a new workbook): 7 px per character plus 5 px of padding; 1 px = 0.75 pt.
  return (characters * 7 + 5) * 0.75;
}

/** Protection the generated sheets get: no password, officers may still resize rows and columns. */
export const SHEET_PROTECTION: Excel.WorksheetProtectionOptions = {
  allowFormatColumns: true,
  allowFormatRows: true,
  selectionMode: "Normal",
};

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center" } as const;
const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;
// The grey the .xlsx writer uses too; it belongs in core's STYLES once the plan carries border colours.

/** Calls that write part of a sheet, and the bytes they add to a request. */
export interface Step {
  bytes: number;
  queue: (ws: Excel.Worksheet) => void;
}

/** Queues the steps on the sheet, syncing whenever the next would take the request past the budget. */
export async function queueSteps(budget: PayloadBudget, ws: Excel.Worksheet, steps: readonly Step[]): Promise<void> {
  for (const step of steps) {
    await budget.reserve(step.bytes);
    step.queue(ws);
  }
}

/** Bytes of `calls` calls carrying `data` between them. */
const cost = (calls: number, ...data: unknown[]) => calls * CALL_OVERHEAD_BYTES + data.reduce<number>((n, d) => n + jsonBytes(d), 0);

/**
 * Empties a sheet that is to be rewritten: what Excel's Clear All does, and
 * what it leaves (merges, validation, conditional formats, row heights and
 * column widths, hidden rows and columns, frozen panes, a hidden sheet the
 * plan shows; a name in other letter case). Its charts and pictures stay;
 * every call is of ExcelApi ≤ 1.8.
 */
export function clearStep(sheet: SheetPlan, name: string): Step {
  return {
    bytes: cost(15, sheet.name),
    queue: (ws) => {
      // "bm2" becomes "BM2"; references follow a rename.
      if (name !== sheet.name) ws.name = sheet.name;
      if (sheet.visibility === "visible") ws.visibility = "Visible";
      ws.freezePanes.unfreeze();
      const all = ws.getRange();
      all.dataValidation.clear();
      all.unmerge();
      all.clear("All");
      all.conditionalFormats.clearAll();
      all.rowHidden = false;
      all.columnHidden = false;
      all.format.useStandardHeight = true;
      all.format.useStandardWidth = true;
    },
  };
}

/** The calls that write a plan sheet into an empty one, in order; `protect` last, because a protected sheet refuses the others. */
export function sheetSteps(sheet: SheetPlan, supportsPageLayout: boolean, protect: boolean, budget: number): Step[] {
  const steps: Step[] = [];
  sheet.columnWidths.forEach((width, i) => {
    const col = columnLetter(i + 1);
    steps.push({ bytes: cost(2, width), queue: (ws) => (ws.getRange(`${col}:${col}`).format.columnWidth = columnWidthPoints(width)) });
  });
  for (const [row, height] of Object.entries(sheet.rowHeights)) {
    steps.push({ bytes: cost(2, height), queue: (ws) => (ws.getRange(`${row}:${row}`).format.rowHeight = height) });
  }
  // One call per property and block of alike cells, not per cell; a block too large for one request is cut into rows.
  for (const block of cellBlocks(sheet.cells).flatMap((b) => fitBlock(b, budget / 2))) {
    steps.push({ bytes: blockBytes(block), queue: (ws) => writeBlock(ws.getRange(block.address), block) });
  }
  for (const range of sheet.merges) {
    const address = rangeAddress(range);
    steps.push({ bytes: cost(2, address), queue: (ws) => ws.getRange(address).merge(false) });
  }
  for (const v of sheet.validations)
    steps.push({
      bytes: cost(5, validationRule(v), v.prompt, v.error),
      queue: (ws) => writeValidation(ws.getRange(cellAddress(v.row, v.col)).dataValidation, v),
    });
  const rest = [
    sheet.freezeRows ? (ws: Excel.Worksheet) => ws.freezePanes.freezeRows(sheet.freezeRows) : undefined,
    sheet.print && supportsPageLayout ? (ws: Excel.Worksheet) => writePrint(ws.pageLayout, sheet.print!) : undefined,
    sheet.visibility === "veryHidden" ? (ws: Excel.Worksheet) => (ws.visibility = "VeryHidden") : undefined,
    protect && sheet.protect ? (ws: Excel.Worksheet) => ws.protection.protect(SHEET_PROTECTION) : undefined,
  ];
  for (const queue of rest) if (queue) steps.push({ bytes: cost(16, sheet.print), queue });
  return steps;
}

/** Bytes of writing one block: the calls writeBlock makes and the arrays it sends. */
function blockBytes(block: CellBlock): number {
  const { numberFormats, values, formulas } = blockArrays(block);
  const s = block.rows[0][0].style;
  const optional = [s.bold, s.italic, s.color, s.fill, s.hAlign, s.vAlign, s.wrap].filter(Boolean).length;
  const edges = s.border ? EDGES.length + (block.rows.length > 1 ? 1 : 0) + (block.rows[0].length > 1 ? 1 : 0) : 0;
  // getRange, number format, values, formulas, font name and size, locked; four calls per border edge.
  return cost(7 + optional + edges * 4, numberFormats, values, formulas);
}

/** A block whose calls would not fit in `most` bytes, cut into runs of rows that do (one row may be more). */
function fitBlock(block: CellBlock, most: number): CellBlock[] {
  if (block.rows.length === 1 || blockBytes(block) <= most) return [block];
  const half = Math.ceil(block.rows.length / 2);
  const part = (rows: CellPlan[][], r1: number, r2: number) => blockOf({ row: r1, col: block.col, lastRow: r2, lastCol: block.lastCol }, rows);
  return [
    ...fitBlock(part(block.rows.slice(0, half), block.row, block.row + half - 1), most),
    ...fitBlock(part(block.rows.slice(half), block.row + half, block.lastRow), most),
  ];
}

/** A rectangle of plan cells sharing number format, style and lock, written together. */
export interface CellBlock extends CellRange {
  /** as Excel is given it: "A4:C9", or "D8" for a single cell */
  address: string;
  /** the cells, row by row */
  rows: CellPlan[][];
}

function blockOf(range: CellRange, rows: CellPlan[][]): CellBlock {
  const single = range.row === range.lastRow && range.col === range.lastCol;
  return { ...range, address: single ? cellAddress(range.row, range.col) : rangeAddress(range), rows };
}

const styleKey = (c: CellPlan): string => {
  const s = c.style;
  return JSON.stringify([
    c.numFmt,
    c.locked,
    s.bold ?? false,
    s.italic ?? false,
    s.size ?? null,
    s.fill ?? null,
    s.color ?? null,
    s.wrap ?? false,
    s.hAlign ?? null,
    s.vAlign ?? null,
    s.border ?? false,
  ]);
};

/**
 * The plan's cells as few rectangles as a simple sweep finds: runs of adjacent
 * cells of one row that look alike, stacked with the same run of the row above.
 * Every cell lands in exactly one block; a cell planned twice keeps its last plan.
 */
export function cellBlocks(cells: readonly CellPlan[]): CellBlock[] {
  const byRow = new Map<number, Map<number, CellPlan>>();
  for (const cell of cells) {
    if (!byRow.has(cell.row)) byRow.set(cell.row, new Map());
    byRow.get(cell.row)!.set(cell.col, cell);
  }
  interface Open {
    r1: number;
    r2: number;
    c1: number;
    c2: number;
    rows: CellPlan[][];
  }
  const blocks: Open[] = [];
  let above = new Map<string, Open>();
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const line = [...byRow.get(row)!.entries()].sort((a, b) => a[0] - b[0]);
    const here = new Map<string, Open>();
    for (let i = 0; i < line.length;) {
      const key = styleKey(line[i][1]);
      let j = i + 1;
      while (j < line.length && line[j][0] === line[j - 1][0] + 1 && styleKey(line[j][1]) === key) j++;
      const run = line.slice(i, j);
      const [c1, c2] = [run[0][0], run[run.length - 1][0]];
      const id = `${c1}:${c2}:${key}`;
      const open = above.get(id);
      const cellsOfRun = run.map(([, cell]) => cell);
      if (open && open.r2 === row - 1) {
        open.r2 = row;
        open.rows.push(cellsOfRun);
        here.set(id, open);
      } else {
        const block = { r1: row, r2: row, c1, c2, rows: [cellsOfRun] };
        blocks.push(block);
        here.set(id, block);
      }
      i = j;
    }
    above = here;
  }
  return blocks.map((b) => blockOf({ row: b.r1, col: b.c1, lastRow: b.r2, lastCol: b.c2 }, b.rows));
}

/** The three arrays a block is written with; null leaves a cell as it is, so constants and formulas each go in with one call. */
function blockArrays(block: CellBlock) {
  return {
    numberFormats: block.rows.map((row) => row.map((c) => c.numFmt)),
    values: block.rows.map((row) => row.map((c) => (c.formula === undefined && c.value !== undefined ? c.value : null))),
    formulas: block.rows.map((row) => row.map((c) => (c.formula !== undefined ? `=${c.formula}` : null))),
  };
}

function writeBlock(range: Excel.Range, block: CellBlock): void {
  const first = block.rows[0][0];
  const { numberFormats, values, formulas } = blockArrays(block);
  // The format first: Excel reads a value as it is typed, so "2.1" under "@" stays text and "=x" stays inert.
  range.numberFormat = numberFormats;
  if (values.some((row) => row.some((v) => v !== null))) range.values = values;
  if (formulas.some((row) => row.some((f) => f !== null))) range.formulas = formulas;
  writeStyle(range.format, first.style, { rows: block.rows.length, columns: block.rows[0].length });
  range.format.protection.locked = first.locked;
}

function writeStyle(format: Excel.RangeFormat, style: CellStyle, size: { rows: number; columns: number }): void {
  format.font.name = BASE_FONT.name;
  format.font.size = style.size ?? BASE_FONT.size;
  if (style.bold) format.font.bold = true;
  if (style.italic) format.font.italic = true;
  if (style.color) format.font.color = `#${style.color}`;
  if (style.fill) format.fill.color = `#${style.fill}`;
  if (style.hAlign) format.horizontalAlignment = H_ALIGN[style.hAlign];
  if (style.vAlign) format.verticalAlignment = V_ALIGN[style.vAlign];
  if (style.wrap) format.wrapText = true;
  if (style.border) {
    // A range's Edge* borders are its outline; the lines between its cells are the Inside* ones.
    const edges: ((typeof EDGES)[number] | "InsideHorizontal" | "InsideVertical")[] = [...EDGES];
    if (size.rows > 1) edges.push("InsideHorizontal");
    if (size.columns > 1) edges.push("InsideVertical");
    for (const edge of edges) {
      const border = format.borders.getItem(edge);
      border.style = "Continuous";
      border.weight = "Thin";
      border.color = `#${BORDER_COLOR}`;
    }
  }
}

/** The Office.js rule of a plan validation (ExcelApi 1.8). */
export function validationRule(v: ValidationPlan): Excel.DataValidationRule {
  if (v.type === "list") return { list: { inCellDropDown: true, source: v.values.join(",") } };
  const basic: Excel.BasicDataValidation =
    v.max === undefined ? { formula1: v.min, operator: "GreaterThanOrEqualTo" } : { formula1: v.min, formula2: v.max, operator: "Between" };
  return v.type === "whole" ? { wholeNumber: basic } : { decimal: basic };
}

function writeValidation(dv: Excel.DataValidation, v: ValidationPlan): void {
  dv.rule = validationRule(v);
  dv.ignoreBlanks = true;
  dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.text };
  dv.errorAlert = { showAlert: true, style: "Stop", title: v.error.title, message: v.error.text };
}

/** { row: 7, lastRow: 7 } → "$7:$7": Office.js wants whole, absolute rows for print titles. */
const absoluteRows = (rows: PrintPlan["titleRows"]): string => `$${rows.row}:$${rows.lastRow}`;

function writePrint(layout: Excel.PageLayout, print: PrintPlan): void {
  layout.paperSize = print.paper;
  layout.orientation = print.orientation === "portrait" ? "Portrait" : "Landscape";
  // One page wide; 0 pages tall means "as many as needed".
  if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  layout.setPrintTitleRows(absoluteRows(print.titleRows));
  layout.setPrintArea(rangeAddress(print.area));
  // Office.js takes margins in points.
  layout.leftMargin = print.margins.left * 72;
  layout.rightMargin = print.margins.right * 72;
  layout.topMargin = print.margins.top * 72;
  layout.bottomMargin = print.margins.bottom * 72;
  layout.headerMargin = print.margins.header * 72;
  layout.footerMargin = print.margins.footer * 72;
  layout.blackAndWhite = print.blackAndWhite;
  layout.headersFooters.defaultForAllPages.centerFooter = print.footer;
}
