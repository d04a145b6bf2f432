import type { WriteTemplateOutcome } from "../host/types";
import { columnLetter, parseAddress } from "../../core/layout/address";
import type { CellPlan, CellStyle, PrintPlan, SheetPlan, ValidationPlan, WorkbookPlan } from "../../core/layout/plan";
import { META_SHEET } from "../../core/layout/metadata";
import { BASE_FONT, BORDER_COLOR } from "../../core/layout/styles";
import { loadStructureProtection, refuseIfStructureProtected } from "./protection";
import type { ExcelRunner } from "./run-excel";

export type { ExcelRunner } from "./run-excel";

/** What the caller knows about the host before writing. */
export interface WritePlanOptions {
  /** replace sheets of the same names; when false, existing ones are reported and nothing is written */
  replaceExisting: boolean;
  /** ExcelApi 1.9 (worksheet.pageLayout) is available; without it print settings are skipped */
  supportsPageLayout: boolean;
  /**
   * Sheets of the plan that are the add-in's own (nobody types into them), so an
   * earlier copy is replaced without asking; default: the hidden metadata sheet.
   */
  ownSheets?: readonly string[];
}

/**
 * Prefix of the names new sheets are built under before they take their real
 * names. Any sheet left with it (a crash mid-write) is ours to delete.
 */
export const TEMP_SHEET_PREFIX = "~cchc-new-";
/** Prefix of the names replaced sheets are moved to until the new ones are in place. */
export const ASIDE_SHEET_PREFIX = "~cchc-old-";

/**
 * context.sync() calls of a successful write: load names and the workbook's
 * structure protection; write every sheet; swap the new sheets in. The same
 * for one form or seven. A protected structure stops it after the first.
 */
export const WRITE_PLAN_SYNCS = 3;

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

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Writes the plan's sheets into the open workbook in one Excel.run and
 * WRITE_PLAN_SYNCS syncs. Sheets that already exist are reported, not
 * touched, unless replaceExisting. New sheets are built under temporary names
 * and swapped in only once complete; if anything fails, the workbook is put
 * back as it was (or, past the point of no return, finished), so no name ever
 * holds half a form. A workbook whose structure is protected fails with
 * StructureProtectedError after the first sync, before any change.
 */
export async function writePlanToExcel(
  run: ExcelRunner,
  plan: WorkbookPlan,
  options: WritePlanOptions,
): Promise<WriteTemplateOutcome> {
  return run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/visibility");
    const structure = loadStructureProtection(context);
    await context.sync();

    // Every write adds, renames and deletes sheets: refused before asking about existing ones, with nothing touched.
    refuseIfStructureProtected(structure);
    const present = worksheets.items;
    const existing = present.filter((ws) => plan.sheets.some((s) => sameName(s.name, ws.name)));
    // The add-in's own sheets are ours to rewrite; only sheets the officer may have typed into need a question.
    const own = options.ownSheets ?? [META_SHEET];
    const forms = existing.filter((ws) => !own.some((name) => sameName(name, ws.name)));
    if (forms.length > 0 && !options.replaceExisting) {
      return { status: "exists", existing: forms.map((ws) => ws.name) };
    }
    const token = freshToken(present.map((ws) => ws.name));
    const moves: Move[] = existing.map((sheet, i) => ({ sheet, name: sheet.name, aside: `${ASIDE_SHEET_PREFIX}${token}-${i}` }));

    try {
      const added = plan.sheets.map((sheet, i) => {
        const ws = worksheets.add(`${TEMP_SHEET_PREFIX}${token}-${i}`);
        writeSheet(ws, sheet, options.supportsPageLayout);
        return ws;
      });
      // Last, because a protected sheet refuses the writes above.
      plan.sheets.forEach((sheet, i) => {
        if (sheet.protect) added[i].protection.protect(SHEET_PROTECTION);
      });
      present.filter((ws) => ws.name.startsWith(TEMP_SHEET_PREFIX)).forEach(removeSheet);
      await context.sync();

      plan.sheets.forEach((sheet, i) => {
        moves.filter((m) => sameName(m.name, sheet.name)).forEach((m) => (m.sheet.name = m.aside));
        added[i].name = sheet.name;
      });
      const first = plan.sheets.findIndex((s) => s.visibility === "visible");
      if (first >= 0) added[first].activate();
      moves.forEach((m) => removeSheet(m.sheet));
      await context.sync();
    } catch (error) {
      // Names no sheet had before: a new sheet holding one is undone with the rest.
      const fresh = plan.sheets.map((s) => s.name).filter((name) => !moves.some((m) => sameName(m.name, name)));
      await recover(context, moves, fresh).catch(() => undefined);
      throw error;
    }
    return { status: "written", sheets: plan.sheets.map((s) => s.name), printSetupApplied: options.supportsPageLayout };
  });
}

/** A sheet being replaced: its real name and where it waits until the new one is in. */
interface Move {
  sheet: Excel.Worksheet;
  name: string;
  aside: string;
}

/** A token that makes temporary names unused in this workbook. */
function freshToken(taken: readonly string[]): string {
  const base = Date.now().toString(36).slice(-6);
  for (let n = 0; ; n++) {
    const token = n === 0 ? base : `${base}${n}`;
    const clash = taken.some((t) => [TEMP_SHEET_PREFIX, ASIDE_SHEET_PREFIX].some((p) => t.toLowerCase().startsWith(`${p}${token}-`)));
    if (!clash) return token;
  }
}

function removeSheet(ws: Excel.Worksheet): void {
  // Excel refuses to delete a very hidden sheet.
  if (ws.visibility === "VeryHidden") ws.visibility = "Hidden";
  ws.delete();
}

/**
 * Best effort after a failed sync (the context is still usable). While a new
 * sheet still has its temporary name the swap is undone: new sheets go (also
 * those that already took a name no sheet had before), the old ones get their
 * names back. Once every new sheet has its name, only the old ones are left
 * to delete.
 */
async function recover(context: Excel.RequestContext, moves: readonly Move[], fresh: readonly string[]): Promise<void> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  await context.sync();
  const items = worksheets.items;
  const named = (name: string) => items.find((ws) => sameName(ws.name, name));
  const temps = items.filter((ws) => ws.name.startsWith(TEMP_SHEET_PREFIX));
  const rollBack = temps.length > 0;
  for (const m of moves) {
    const aside = named(m.aside);
    if (!aside) continue;
    if (!rollBack) {
      removeSheet(aside);
      continue;
    }
    const usurper = named(m.name);
    if (usurper) removeSheet(usurper);
    aside.name = m.name;
  }
  if (rollBack) {
    for (const name of fresh) {
      const added = named(name);
      if (added) removeSheet(added);
    }
  }
  temps.forEach(removeSheet);
  await context.sync();
}

function writeSheet(ws: Excel.Worksheet, sheet: SheetPlan, supportsPageLayout: boolean): void {
  sheet.columnWidths.forEach((width, i) => {
    const col = columnLetter(i + 1);
    ws.getRange(`${col}:${col}`).format.columnWidth = columnWidthPoints(width);
  });
  for (const [row, height] of Object.entries(sheet.rowHeights)) {
    ws.getRange(`${row}:${row}`).format.rowHeight = height;
  }
  // One call per property and block of alike cells, not per cell: Excel on the web refuses
  // requests over 5 MB, and a ward's detail sheet has thousands of cells.
  for (const block of cellBlocks(sheet.cells)) writeBlock(ws.getRange(block.address), block);
  sheet.merges.forEach((address) => ws.getRange(address).merge(false));
  sheet.validations.forEach((v) => writeValidation(ws.getRange(v.address).dataValidation, v));
  if (sheet.freezeRows) ws.freezePanes.freezeRows(sheet.freezeRows);
  if (sheet.print && supportsPageLayout) writePrint(ws.pageLayout, sheet.print);
  if (sheet.visibility === "veryHidden") ws.visibility = "VeryHidden";
}

/** A rectangle of plan cells sharing number format, style and lock, written together. */
export interface CellBlock {
  /** "A4:C9", or "D8" for a single cell */
  address: string;
  /** the cells, row by row */
  rows: CellPlan[][];
}

const styleKey = (c: CellPlan): string => {
  const s = c.style;
  return JSON.stringify([c.numFmt, c.locked, s.bold ?? false, s.italic ?? false, s.size ?? null, s.fill ?? null, s.color ?? null, s.wrap ?? false, s.hAlign ?? null, s.vAlign ?? null, s.border ?? false]);
};

/**
 * The plan's cells as few rectangles as a simple sweep finds: runs of adjacent
 * cells of one row that look alike, stacked with the same run of the row above.
 * Every cell lands in exactly one block; a cell planned twice keeps its last plan.
 */
export function cellBlocks(cells: readonly CellPlan[]): CellBlock[] {
  const byRow = new Map<number, Map<number, CellPlan>>();
  for (const cell of cells) {
    const at = parseAddress(cell.address);
    if (!at) throw new Error(`not a cell address in the plan: ${cell.address}`);
    if (!byRow.has(at.row)) byRow.set(at.row, new Map());
    byRow.get(at.row)!.set(at.col, cell);
  }
  interface Open { r1: number; r2: number; c1: number; c2: number; rows: CellPlan[][] }
  const blocks: Open[] = [];
  let above = new Map<string, Open>();
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const line = [...byRow.get(row)!.entries()].sort((a, b) => a[0] - b[0]);
    const here = new Map<string, Open>();
    for (let i = 0; i < line.length; ) {
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
  return blocks.map((b) => {
    const from = `${columnLetter(b.c1)}${b.r1}`;
    const to = `${columnLetter(b.c2)}${b.r2}`;
    return { address: from === to ? from : `${from}:${to}`, rows: b.rows };
  });
}

function writeBlock(range: Excel.Range, block: CellBlock): void {
  const first = block.rows[0][0];
  // The format first: Excel reads a value as it is typed, so "2.1" under "@" stays text and "=x" stays inert.
  range.numberFormat = block.rows.map((row) => row.map((c) => c.numFmt));
  // null leaves a cell as it is: constants and formulas each go in with one call.
  const values = block.rows.map((row) => row.map((c) => (c.formula === undefined && c.value !== undefined ? c.value : null)));
  const formulas = block.rows.map((row) => row.map((c) => (c.formula !== undefined ? `=${c.formula}` : null)));
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
    const edges: (typeof EDGES[number] | "InsideHorizontal" | "InsideVertical")[] = [...EDGES];
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
    v.max === undefined
      ? { formula1: v.min, operator: "GreaterThanOrEqualTo" }
      : { formula1: v.min, formula2: v.max, operator: "Between" };
  return v.type === "whole" ? { wholeNumber: basic } : { decimal: basic };
}

function writeValidation(dv: Excel.DataValidation, v: ValidationPlan): void {
  dv.rule = validationRule(v);
  dv.ignoreBlanks = true;
  dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.text };
  dv.errorAlert = { showAlert: true, style: "Stop", title: v.error.title, message: v.error.text };
}

/** "7:7" → "$7:$7": Office.js wants whole, absolute rows for print titles. */
export const absoluteRows = (rows: string): string => rows.replace(/\$?(\d+)/g, "$$$1");

function writePrint(layout: Excel.PageLayout, print: PrintPlan): void {
  layout.paperSize = print.paper;
  layout.orientation = print.orientation === "portrait" ? "Portrait" : "Landscape";
  // One page wide; 0 pages tall means "as many as needed".
  if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  layout.setPrintTitleRows(absoluteRows(print.titleRows));
  layout.setPrintArea(print.area);
  // Office.js takes margins in points.
  layout.leftMargin = print.margins.left * 72;
  layout.rightMargin = print.margins.right * 72;
  layout.topMargin = print.margins.top * 72;
  layout.bottomMargin = print.margins.bottom * 72;
  layout.headerMargin = print.margins.header * 72;
  layout.footerMargin = print.margins.footer * 72;
}
