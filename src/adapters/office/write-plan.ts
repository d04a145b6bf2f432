import type { WriteTemplateOutcome } from "../host/types";
import { columnLetter, parseAddress } from "../../core/layout/address";
import type { CellPlan, CellStyle, PrintPlan, SheetPlan, ValidationPlan, WorkbookPlan } from "../../core/layout/plan";
import { META_SHEET } from "../../core/layout/metadata";
import { BASE_FONT, BORDER_COLOR } from "../../core/layout/styles";
import { callBytes, PayloadBudget } from "./payload-budget";
import { loadStructureProtection, protectionAfterFailure, refuseIfStructureProtected, SheetPasswordError } from "./protection";
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
  /** bytes one request may carry; default PAYLOAD_BUDGET_BYTES (tests lower it) */
  payloadBudget?: number;
}

/**
 * Prefix of the names sheets are built under before they are put in place.
 * Any sheet left with it (a crash mid-write) is ours to delete.
 */
export const TEMP_SHEET_PREFIX = "~cchc-new-";
/** Prefix earlier versions renamed replaced sheets to; one left by a crash is deleted like a temporary sheet. */
export const ASIDE_SHEET_PREFIX = "~cchc-old-";
const isLeftover = (name: string) => name.startsWith(TEMP_SHEET_PREFIX) || name.startsWith(ASIDE_SHEET_PREFIX);

/**
 * context.sync() calls of a write whose copy of the plan fits one request
 * (any template, a ward of several hundred units): load names and
 * protection; build every sheet aside; when sheets are replaced, rewrite them
 * in place; put everything in place. In general, with B the estimated bytes
 * of one copy of the plan (payload-budget.ts) and b the budget, a write takes
 *   2 + ⌈B / b⌉ (+ ⌈B / b⌉ more when sheets are replaced)
 * syncs, give or take one per copy where a call does not fit the rest of a
 * batch (no call exceeds b / 2, so never more than ⌈2B / b⌉ per copy):
 * syncs grow with the bytes written, not with rows or forms.
 */
export const WRITE_PLAN_SYNCS = { fresh: 3, replacing: 4 } as const;

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

/** A plan sheet, the temporary sheet it is built on first, and the sheet of its name if one exists. */
interface Target {
  sheet: SheetPlan;
  temp: string;
  existing?: { ws: Excel.Worksheet; protection: Excel.WorksheetProtection };
}

/**
 * Writes the plan's sheets into the open workbook in one Excel.run, all or
 * nothing. Sheets that already exist are reported, not touched, unless
 * replaceExisting (the add-in's own sheets are always replaced).
 *
 * A sheet that exists is the same sheet afterwards, its contents replaced: a
 * formula, defined name, chart or list of the officer's that points into
 * "BM1" or "Kết quả tổng hợp" reads the new figures. (Renaming it aside and
 * deleting it would turn those references into #REF!.) All or nothing, in
 * three steps:
 * 1. every sheet of the plan is built complete under a temporary name, the
 *    officer's sheets untouched; a failure deletes the temporary sheets and
 *    the workbook is as it was;
 * 2. the sheets to replace are unprotected (a password refuses here, first:
 *    everything is put back and the sheet is named), cleared and written in
 *    place with the calls that just succeeded on the temporary sheets; should
 *    this fail all the same, the complete temporary sheets are swapped in
 *    (references into those sheets break then, but no half-written form stays);
 * 3. new names take their temporary sheets, the other temporary sheets go;
 *    a failure here is finished once more.
 * Every request stays under the payload budget (WRITE_PLAN_SYNCS). A
 * workbook whose structure is protected fails with StructureProtectedError
 * after the first sync, before any change.
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

    // Every write adds and deletes sheets: refused before asking about existing ones, with nothing touched.
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
    const targets: Target[] = plan.sheets.map((sheet, i) => {
      const ws = existing.find((w) => sameName(w.name, sheet.name));
      return { sheet, temp: `${TEMP_SHEET_PREFIX}${token}-${i}`, existing: ws && { ws, protection: ws.protection.load("protected,options") } };
    });
    const budget = new PayloadBudget(context, options.payloadBudget);
    const steps = (sheet: SheetPlan, protect: boolean) => sheetSteps(sheet, options.supportsPageLayout, protect, budget.limit);
    const write = (ws: Excel.Worksheet, steps: readonly Step[]) => queueSteps(budget, ws, steps);

    // 1. Aside.
    try {
      await budget.reserve(callBytes(undefined) * (targets.length + present.length));
      present.filter((ws) => isLeftover(ws.name)).forEach((ws) => removeSheet(ws, ws.visibility));
      for (const t of targets) await write(worksheets.add(t.temp), steps(t.sheet, true));
      await budget.flush();
    } catch (error) {
      await removeTemps(context, token).catch(() => undefined);
      throw error;
    }

    // 2. In place.
    const replaced = targets.filter((t) => t.existing);
    const unlocked = replaced.filter((t) => t.existing!.protection.protected);
    const unlockedNames = unlocked.map((t) => t.existing!.ws.name);
    try {
      await budget.reserve(callBytes(undefined) * unlocked.length);
      unlocked.forEach((t) => t.existing!.ws.protection.unprotect());
      for (const t of replaced) await write(t.existing!.ws, [clearStep(t.sheet, t.existing!.ws.name), ...steps(t.sheet, false)]);
      await budget.flush();
    } catch (error) {
      const after = await protectionAfterFailure(context, unlockedNames, error).catch(() => undefined);
      if (after?.refused) {
        unlocked.forEach((t, i) => {
          if (!after.protectedNow[i]) t.existing!.ws.protection.protect(t.existing!.protection.options);
        });
        await removeTemps(context, token).catch(() => undefined);
        throw new SheetPasswordError(after.refused, error);
      }
      await swapTempsIn(context, targets).catch(() => undefined);
      throw error;
    }

    // 3. In place, by name.
    try {
      await finish(context, targets, present.map((ws) => ws.name), false);
    } catch (error) {
      // With nothing rewritten in place the write can still be undone; otherwise only finished.
      const recover = replaced.length === 0 ? removeNew(context, targets) : finish(context, targets, [], true);
      await recover.catch(() => undefined);
      throw error;
    }
    return { status: "written", sheets: plan.sheets.map((s) => s.name), printSetupApplied: options.supportsPageLayout };
  });
}

/** A token that makes temporary names unused in this workbook. */
function freshToken(taken: readonly string[]): string {
  const base = Date.now().toString(36).slice(-6);
  for (let n = 0; ; n++) {
    const token = n === 0 ? base : `${base}${n}`;
    if (!taken.some((t) => t.toLowerCase().startsWith(`${TEMP_SHEET_PREFIX}${token}-`))) return token;
  }
}

function removeSheet(ws: Excel.Worksheet, visibility: Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden"): void {
  // Excel refuses to delete a very hidden sheet.
  if (visibility === "VeryHidden") ws.visibility = "Hidden";
  ws.delete();
}

/** The workbook's sheets with names and visibility (one sync). */
async function loadSheets(context: Excel.RequestContext): Promise<Excel.Worksheet[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  await context.sync();
  return worksheets.items;
}

/** Deletes this write's temporary sheets (two syncs). */
async function removeTemps(context: Excel.RequestContext, token: string): Promise<void> {
  const items = await loadSheets(context);
  items.filter((ws) => ws.name.startsWith(`${TEMP_SHEET_PREFIX}${token}-`)).forEach((ws) => removeSheet(ws, ws.visibility));
  await context.sync();
}

const firstVisible = (targets: readonly Target[]) => targets.find((t) => t.sheet.visibility === "visible");

/** After step 3 failed with no sheet replaced: every sheet this write added goes, under either name (two syncs). */
async function removeNew(context: Excel.RequestContext, targets: readonly Target[]): Promise<void> {
  const items = await loadSheets(context);
  const names = new Set(targets.flatMap((t) => [t.temp, t.sheet.name].map((n) => n.toLowerCase())));
  items.filter((ws) => names.has(ws.name.toLowerCase())).forEach((ws) => removeSheet(ws, ws.visibility));
  await context.sync();
}

/**
 * Puts the plan's sheets together, in the plan's order, where the first of
 * them stood in `before` (at the end when none did); the other sheets keep
 * their order. Moving a sheet changes no reference. `order` is the
 * workbook's sheets by name as they stand when the moves run; only the moves
 * needed are queued.
 */
function orderSheets(context: Excel.RequestContext, order: readonly string[], plan: readonly string[], before: readonly string[] = order): void {
  const inPlan = (name: string) => plan.some((p) => sameName(p, name));
  const firstAt = before.findIndex(inPlan);
  const others = order.filter((n) => !inPlan(n));
  const at = firstAt < 0 ? others.length : others.filter((n) => before.slice(0, firstAt).some((b) => sameName(b, n))).length;
  const wanted = [...others.slice(0, at), ...plan, ...others.slice(at)];
  const current = [...order];
  wanted.forEach((name, i) => {
    const from = current.findIndex((n) => sameName(n, name));
    if (from === i || from < 0) return;
    current.splice(i, 0, ...current.splice(from, 1));
    context.workbook.worksheets.getItem(name).position = i;
  });
}

/**
 * After step 2 failed: each complete temporary sheet takes its name, in
 * place of the sheet that may be half written (two syncs).
 */
async function swapTempsIn(context: Excel.RequestContext, targets: readonly Target[]): Promise<void> {
  const items = await loadSheets(context);
  const named = (name: string) => items.find((ws) => sameName(ws.name, name));
  // Read before the renames below: a proxy shows a name as soon as it is set.
  const swapped = targets.filter((t) => named(t.temp));
  const before = items.map((ws) => ws.name);
  const order = before
    .filter((n) => !swapped.some((t) => sameName(t.sheet.name, n)))
    .map((n) => swapped.find((t) => sameName(t.temp, n))?.sheet.name ?? n);
  for (const t of swapped) {
    const old = named(t.sheet.name);
    if (old) removeSheet(old, old.visibility);
    named(t.temp)!.name = t.sheet.name;
  }
  orderSheets(context, order, targets.map((t) => t.sheet.name), before);
  const first = firstVisible(targets);
  if (first) context.workbook.worksheets.getItem(first.sheet.name).activate();
  await context.sync();
}

/**
 * Step 3: new names take their temporary sheets, replaced sheets are
 * protected as planned, the other temporary sheets go, the first visible
 * sheet is shown. One sync; after a failure (`again`) it first looks at
 * what is left to do (one more).
 */
async function finish(context: Excel.RequestContext, targets: readonly Target[], before: readonly string[], again: boolean): Promise<void> {
  let left = (_t: Target) => true;
  let isProtected = (_t: Target) => false;
  // The order after this step: the sheets as they were, the new names at the end where their temporary sheets were added.
  let order = [...before.filter((n) => !n.startsWith(TEMP_SHEET_PREFIX) && !n.startsWith(ASIDE_SHEET_PREFIX)), ...targets.filter((t) => !t.existing).map((t) => t.sheet.name)];
  if (again) {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    const states = targets.map((t) => t.existing?.ws.protection.load("protected"));
    await context.sync();
    const names = worksheets.items.map((ws) => ws.name);
    left = (t) => names.some((n) => sameName(n, t.temp));
    isProtected = (t) => states[targets.indexOf(t)]?.protected ?? false;
    order = names.filter((n) => !targets.some((t) => t.existing && sameName(t.temp, n))).map((n) => targets.find((t) => sameName(t.temp, n))?.sheet.name ?? n);
  }
  for (const t of targets) {
    const temp = () => context.workbook.worksheets.getItem(t.temp);
    if (!t.existing) {
      if (left(t)) temp().name = t.sheet.name;
      continue;
    }
    if (t.sheet.protect && !isProtected(t)) t.existing.ws.protection.protect(SHEET_PROTECTION);
    if (left(t)) removeSheet(temp(), t.sheet.visibility === "veryHidden" ? "VeryHidden" : "Visible");
  }
  orderSheets(context, order, targets.map((t) => t.sheet.name));
  const first = firstVisible(targets);
  if (first) (first.existing?.ws ?? context.workbook.worksheets.getItem(first.sheet.name)).activate();
  await context.sync();
}

/** Calls that write part of a sheet, and the bytes they add to a request. */
interface Step {
  bytes: number;
  queue: (ws: Excel.Worksheet) => void;
}

/** Queues the steps on the sheet, syncing whenever the next would take the request past the budget. */
async function queueSteps(budget: PayloadBudget, ws: Excel.Worksheet, steps: readonly Step[]): Promise<void> {
  for (const step of steps) {
    await budget.reserve(step.bytes);
    step.queue(ws);
  }
}

/** Bytes of `calls` calls carrying `data` between them. */
const cost = (calls: number, ...data: unknown[]) => calls * callBytes(undefined) + data.reduce<number>((n, d) => n + callBytes(d) - callBytes(undefined), 0);

/**
 * Empties a sheet that is to be rewritten: what Excel's Clear All does, and
 * what it leaves (merges, validation, conditional formats, row heights and
 * column widths, hidden rows and columns, frozen panes, a hidden sheet the
 * plan shows; a name in other letter case). Its charts and pictures stay;
 * every call is of ExcelApi ≤ 1.8.
 */
function clearStep(sheet: SheetPlan, name: string): Step {
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
function sheetSteps(sheet: SheetPlan, supportsPageLayout: boolean, protect: boolean, budget: number): Step[] {
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
  for (const address of sheet.merges) steps.push({ bytes: cost(2, address), queue: (ws) => ws.getRange(address).merge(false) });
  for (const v of sheet.validations) steps.push({ bytes: cost(5, validationRule(v), v.prompt, v.error), queue: (ws) => writeValidation(ws.getRange(v.address).dataValidation, v) });
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
  const [from, to] = block.address.split(":");
  const start = parseAddress(from)!;
  const end = parseAddress(to)!;
  const half = Math.ceil(block.rows.length / 2);
  const part = (rows: CellPlan[][], r1: number, r2: number): CellBlock => ({
    address: `${columnLetter(start.col)}${r1}:${columnLetter(end.col)}${r2}`,
    rows,
  });
  return [
    ...fitBlock(part(block.rows.slice(0, half), start.row, start.row + half - 1), most),
    ...fitBlock(part(block.rows.slice(half), start.row + half, end.row), most),
  ];
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
