import { cellAddress, columnLetter } from "../../core/layout/address";
import { FORM_LAYOUT } from "../../core/layout/form-layout";
import type { CellPlan, SheetPlan, WorkbookPlan } from "../../core/layout/plan";
import { buildWorkbookPlan } from "../../core/layout/workbook-plan";
import { LIMITS } from "../../core/limits";
import { defaultPeriodId, parsePeriod } from "../../core/periods/period";
import type { SelfCheckReport, SelfCheckSkip, SelfCheckStep, SelfCheckStepId } from "../host/types";
import { applyFixesInExcel } from "./apply-fixes";
import { clearMarksInExcel, MARK_FILL, markCellsInExcel, MARKS_SHEET } from "./mark-cells";
import { utf8Bytes } from "./payload-budget";
import { loadStructureProtection } from "./protection";
import { toCell } from "./read-workbook";
import type { ExcelRunner } from "./run-excel";
import { SHEET_PROTECTION } from "./sheet-steps";
import { isWriterLeftover, removeSheet, writePlanToExcel } from "./write-plan";

/**
 * Kiểm tra môi trường: every Office.js path the add-in takes, run on scratch
 * sheets of the open workbook and removed again, so that each officer's Excel
 * is a test run the project's own tests (a fake Excel) cannot be.
 *
 * Each step is its own Excel.run, so one failure leaves the next steps their
 * chance; a step that fails reports Excel's error.code and message. The
 * scratch sheets are removed at the end whatever happened, and those of a
 * crashed earlier run at the start; the sheet that was active is made active
 * again. Nothing else of the workbook is touched: marking is skipped while
 * the officer's workbook holds marks of Kiểm tra (marking would replace them).
 */

/** Every scratch sheet's name starts with this; a sheet so named is the check's to delete. */
export const SCRATCH_PREFIX = "~cchc-kiemtra-";
/** The form written, read back, validated, protected, marked, fixed and printed. */
export const SCRATCH_FORM = `${SCRATCH_PREFIX}1`;
/** The form's very hidden metadata sheet, written with it. */
export const SCRATCH_META = `${SCRATCH_PREFIX}2`;
/** The sheet of the write over the payload budget. */
export const SCRATCH_LARGE = `${SCRATCH_PREFIX}3`;

/** The form the check writes: BM1 has counts, ratios (formulas), codes (a list) and headings. */
export const SELF_CHECK_FORM = "BM1";

/**
 * Bytes of values the payload step writes: over the 5 MB Excel on the web
 * accepts in one request, so the add-in must split the write into several
 * syncs (PAYLOAD_BUDGET_BYTES) for it to pass there. Excel on Windows and Mac
 * has no such limit: there the step shows that a write this large works.
 */
export const LARGE_WRITE_BYTES = 6_000_000;

/** ExcelApi versions the report asks about. */
export const EXCEL_API_VERSIONS = Array.from({ length: 17 }, (_, i) => `1.${i + 1}`);

/** What Office tells about itself (Office.context.diagnostics, Office.context.requirements); tests pass their own. */
export interface SelfCheckEnv {
  run: ExcelRunner;
  /** host, platform and version of the Office application; may throw or be undefined on old platforms */
  diagnostics: () => { host: string; platform: string; version: string } | undefined;
  /** Office.context.requirements.isSetSupported("ExcelApi", version) */
  isSetSupported: (version: string) => boolean;
  /** told each step as it starts */
  onStep?: (step: SelfCheckStepId) => void;
  /** milliseconds, for the steps' times; default performance.now() */
  now?: () => number;
  /** the day the scratch form's period is chosen around */
  today?: Date;
}

/** A check that read back something else than was written. */
class Mismatch extends Error {
  constructor(readonly found: NonNullable<SelfCheckStep["mismatch"]>) {
    super(`${found.sheet}!${found.address}: expected ${found.expected}, found ${found.actual}`);
  }
}

function expectSame(sheet: string, address: string, expected: unknown, actual: unknown): void {
  if (expected !== actual) throw new Mismatch({ sheet, address, expected: shown(expected), actual: shown(actual) });
}

const shown = (v: unknown): string => (typeof v === "string" ? JSON.stringify(v) : String(v));

const lower = (name: string) => name.toLowerCase();
const isScratch = (name: string) => lower(name).startsWith(SCRATCH_PREFIX);

/** Excel's answer as plain data: OfficeExtension.Error's code, message and where it stopped. */
function errorOf(error: unknown): NonNullable<SelfCheckStep["error"]> {
  if (typeof error !== "object" || error === null) return { code: "Unknown", message: String(error) };
  const e = error as { code?: unknown; name?: unknown; message?: unknown; debugInfo?: { errorLocation?: unknown } };
  const code = typeof e.code === "string" && e.code !== "" ? e.code : typeof e.name === "string" ? e.name : "Unknown";
  const location = e.debugInfo?.errorLocation;
  return { code, message: typeof e.message === "string" ? e.message : String(error), ...(typeof location === "string" && location !== "" ? { location } : {}) };
}

/** The form's plan under scratch names: the form sheet and its metadata sheet. */
export function scratchFormPlan(today: Date): WorkbookPlan {
  const period = parsePeriod(defaultPeriodId(today));
  if (!period.ok) throw new Error(`no period for ${today.toISOString()}`);
  const plan = buildWorkbookPlan({ unit: "Kiểm tra môi trường", period: period.value, forms: [SELF_CHECK_FORM], createdAt: today.toISOString() });
  const [form, meta] = plan.sheets;
  return {
    sheets: [
      { ...form, name: SCRATCH_FORM },
      { ...meta, name: SCRATCH_META },
    ],
  };
}

/** A sheet of text cells worth at least `bytes` as values: one block of alike cells, one call unless the writer splits it. */
export function largePlan(bytes: number = LARGE_WRITE_BYTES): { plan: WorkbookPlan; bytes: number; last: string } {
  const columns = 4;
  const filler = "Kiểm tra ghi lớn: số liệu thử của tiện ích Biểu mẫu CCHC, xóa sau khi kiểm tra. ".repeat(5);
  const cells: CellPlan[] = [];
  let total = 0;
  let row = 0;
  while (total < bytes) {
    row++;
    for (let c = 1; c <= columns; c++) {
      const value = `${row}.${c} ${filler}`;
      total += utf8Bytes(JSON.stringify(value)) + 1;
      cells.push({ row, col: c, value, numFmt: "@", style: {}, locked: true });
    }
  }
  const sheet: SheetPlan = { name: SCRATCH_LARGE, visibility: "visible", columnWidths: [], rowHeights: {}, cells, merges: [], validations: [], protect: false };
  return { plan: { sheets: [sheet] }, bytes: total, last: cellAddress(row, columns) };
}

/** What the first step learnt about the workbook. */
interface Start {
  /** sheet names present once earlier scratch sheets were removed */
  names: Set<string>;
  active: string;
  structureProtected: boolean;
  marksInUse: boolean;
  removed: number;
}

const TYPE_OF: Record<string, string> = { whole: "WholeNumber", decimal: "Decimal", list: "List" };
/** Formulas compared as Excel may give them back: case and spaces aside. */
const formulaKey = (f: unknown) => (typeof f === "string" ? f.replace(/^=/, "").replace(/\s+/g, "").toUpperCase() : f);

/** Runs the self-check; never throws for a failed step. */
export async function runSelfCheck(env: SelfCheckEnv): Promise<SelfCheckReport> {
  const { run } = env;
  const now = env.now ?? (() => (typeof performance !== "undefined" ? performance.now() : Date.now()));
  const began = now();
  const startedAt = new Date().toISOString();
  const supported = (version: string) => {
    try {
      return env.isSetSupported(version);
    } catch {
      return false;
    }
  };
  const printSupported = supported("1.9");
  const steps: SelfCheckStep[] = [];

  const perform = async (id: SelfCheckStepId, body: () => Promise<SelfCheckStep["counts"] | void>): Promise<boolean> => {
    env.onStep?.(id);
    const t0 = now();
    try {
      const counts = await body();
      steps.push({ id, status: "passed", ms: Math.round(now() - t0), ...(counts ? { counts } : {}) });
      return true;
    } catch (error) {
      const ms = Math.round(now() - t0);
      steps.push(error instanceof Mismatch ? { id, status: "failed", ms, mismatch: error.found } : { id, status: "failed", ms, error: errorOf(error) });
      return false;
    }
  };
  const skip = (id: SelfCheckStepId, why: SelfCheckSkip) => steps.push({ id, status: "skipped", ms: 0, skip: why });

  let start: Start | undefined;
  const plan = scratchFormPlan(env.today ?? new Date());
  const form = plan.sheets[0];
  let leftovers: string[] = [];
  try {
    await perform("prepare", async () => {
      start = await prepare(run);
      return { removed: start.removed };
    });
    const blocked: SelfCheckSkip | undefined = !start
      ? { reason: "blocked", by: "prepare" }
      : start.structureProtected
        ? { reason: "structureProtected" }
        : undefined;
    if (blocked) {
      for (const id of ["write", "read", "validation", "protection", "marks", "fix", "print", "payload"] as const) skip(id, blocked);
    } else {
      const written = await perform("write", async () => {
        const outcome = await writePlanToExcel(run, plan, { replaceExisting: false, supportsPageLayout: printSupported });
        if (outcome.status !== "written") throw new Mismatch({ sheet: SCRATCH_FORM, address: "", expected: "written", actual: outcome.status });
        return { cells: form.cells.length };
      });
      const needsForm = (id: SelfCheckStepId, body: () => Promise<SelfCheckStep["counts"] | void>) =>
        written ? perform(id, body) : Promise.resolve(skip(id, { reason: "blocked", by: "write" }));

      await needsForm("read", () => readBack(run, form));
      await needsForm("validation", () => checkValidation(run, form));
      await needsForm("protection", () => checkProtection(run));
      if (start!.marksInUse) skip("marks", { reason: "marksInUse" });
      else await needsForm("marks", () => checkMarks(run, form, printSupported));
      await needsForm("fix", () => checkFix(run, form));
      if (!printSupported) skip("print", { reason: "notSupported", needs: "ExcelApi 1.9" });
      else await needsForm("print", () => checkPrint(run, form));
      await perform("payload", () => checkLargeWrite(run));
    }
  } finally {
    // Whatever happened above, the scratch sheets go.
    let outcome: string[] | undefined;
    await perform("cleanup", async () => {
      const first = await cleanup(run, start).catch(async () => cleanup(run, start));
      outcome = first.left;
      if (first.left.length > 0) throw new Mismatch({ sheet: first.left[0], address: "", expected: "removed", actual: "present" });
      return { removed: first.removed };
    });
    leftovers = outcome ?? (await listScratch(run).catch(() => [SCRATCH_FORM, SCRATCH_META, SCRATCH_LARGE]));
  }

  let excel: SelfCheckReport["excel"] = null;
  try {
    const d = env.diagnostics();
    if (d) excel = { host: String(d.host), platform: String(d.platform), version: String(d.version) };
  } catch {
    // Office.context.diagnostics is missing on some platforms: reported as unknown.
  }
  return {
    startedAt,
    excel,
    requirementSets: EXCEL_API_VERSIONS.map((version) => ({ set: "ExcelApi", version, supported: supported(version) })),
    structureProtected: start?.structureProtected ?? false,
    steps,
    leftovers,
    totalMs: Math.round(now() - began),
  };
}

/** Sheets, structure protection and the active sheet; scratch sheets of a crashed earlier run are removed. */
function prepare(run: ExcelRunner): Promise<Start> {
  return run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/visibility");
    const structure = loadStructureProtection(context);
    const active = worksheets.getActiveWorksheet().load("name");
    await context.sync();
    const old = worksheets.items.filter((ws) => isScratch(ws.name));
    const removable = !structure.protected && old.length > 0;
    if (removable) {
      old.forEach((ws) => removeSheet(ws));
      await context.sync();
    }
    const names = worksheets.items.map((ws) => ws.name).filter((name) => !(removable && isScratch(name)));
    return {
      names: new Set(names.map(lower)),
      active: active.name,
      structureProtected: structure.protected,
      marksInUse: names.includes(MARKS_SHEET),
      removed: removable ? old.length : 0,
    };
  });
}

/**
 * The scratch form read back as Kiểm tra reads a form sheet (its used cells
 * within the limits: values, formulas, number formats, value types, turned
 * into cells by the reader's own toCell), compared with the plan.
 */
function readBack(run: ExcelRunner, form: SheetPlan): Promise<SelfCheckStep["counts"]> {
  return run(async (context) => {
    const ws = context.workbook.worksheets.getItem(form.name);
    const cap = `A1:${columnLetter(LIMITS.maxColsPerSheet)}${LIMITS.maxRowsPerSheet}`;
    const range = ws.getRange(cap).getIntersectionOrNullObject(ws.getUsedRange(true));
    range.load("address,rowIndex,columnIndex,values,formulas,numberFormat,valueTypes");
    await context.sync();
    if (range.isNullObject) throw new Mismatch({ sheet: form.name, address: "A1", expected: "cells", actual: "empty" });
    let compared = 0;
    for (const cell of form.cells) {
      if (cell.formula === undefined && (cell.value === undefined || cell.value === "")) continue;
      const [i, j] = [cell.row - 1 - range.rowIndex, cell.col - 1 - range.columnIndex];
      const inside = i >= 0 && j >= 0 && i < range.values.length && j < (range.values[0]?.length ?? 0);
      const read = inside ? toCell(range.values[i][j], range.formulas[i][j], range.valueTypes[i][j], range.numberFormat[i][j]) : undefined;
      if (cell.formula !== undefined) expectSame(form.name, a1(cell), formulaKey(cell.formula), formulaKey(read?.formula));
      else expectSame(form.name, a1(cell), cell.value, read?.value);
      compared++;
    }
    return { cells: compared };
  });
}

/** Every input cell's data validation is there, of the planned kind (ExcelApi 1.8). */
function checkValidation(run: ExcelRunner, form: SheetPlan): Promise<SelfCheckStep["counts"]> {
  return run(async (context) => {
    const ws = context.workbook.worksheets.getItem(form.name);
    const loaded = form.validations.map((v) => ws.getRange(a1(v)).dataValidation.load("type"));
    await context.sync();
    form.validations.forEach((v, i) => expectSame(form.name, a1(v), TYPE_OF[v.type], loaded[i].type));
    return { validations: form.validations.length };
  });
}

/** The form sheet is protected as written; unprotect and protect again take effect. */
function checkProtection(run: ExcelRunner): Promise<void> {
  return run(async (context) => {
    const ws = context.workbook.worksheets.getItem(SCRATCH_FORM);
    const written = ws.protection.load("protected");
    await context.sync();
    expectSame(SCRATCH_FORM, "", true, written.protected);
    ws.protection.unprotect();
    const open = ws.protection.load("protected");
    await context.sync();
    expectSame(SCRATCH_FORM, "", false, open.protected);
    ws.protection.protect(SHEET_PROTECTION);
    const again = ws.protection.load("protected");
    await context.sync();
    expectSame(SCRATCH_FORM, "", true, again.protected);
  });
}

/** A plan cell's address, as Excel is asked for it. */
const a1 = (c: { row: number; col: number }) => cellAddress(c.row, c.col);

const inputCell = (form: SheetPlan) => form.cells.find((c) => !c.locked && c.style.fill !== undefined);

async function fillOf(run: ExcelRunner, sheet: string, address: string): Promise<string> {
  return run(async (context) => {
    const fill = context.workbook.worksheets.getItem(sheet).getRange(address).format.fill.load("color");
    await context.sync();
    return String(fill.color ?? "").toUpperCase();
  });
}

/** Đánh dấu and Xóa đánh dấu on an input cell of the protected form: coloured, then its own fill back, the marks sheet gone. */
async function checkMarks(run: ExcelRunner, form: SheetPlan, tint: boolean): Promise<SelfCheckStep["counts"]> {
  const cell = inputCell(form);
  if (!cell) throw new Mismatch({ sheet: form.name, address: "", expected: "an input cell", actual: "none" });
  const options = { supportsTintAndShade: tint };
  const address = a1(cell);
  await markCellsInExcel(run, [{ sheet: form.name, address, severity: "error" }], options);
  expectSame(form.name, address, MARK_FILL.error.toUpperCase(), await fillOf(run, form.name, address));
  await clearMarksInExcel(run, options);
  expectSame(form.name, address, `#${cell.style.fill!.toUpperCase()}`, await fillOf(run, form.name, address));
  const marksLeft = await run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(MARKS_SHEET).load("name");
    await context.sync();
    return !sheet.isNullObject;
  });
  expectSame(MARKS_SHEET, "", false, marksLeft);
  return { cells: 1 };
}

/** Sửa on the protected form: a formula put back, a number and a unit text written; the sheet protected again. */
async function checkFix(run: ExcelRunner, form: SheetPlan): Promise<SelfCheckStep["counts"]> {
  const formula = form.cells.find((c) => c.formula !== undefined);
  const number = [...form.cells].reverse().find((c) => !c.locked && c.style.fill !== undefined);
  // A unit of measure ("Văn bản") in the Đơn vị tính column of a data row.
  const unit = form.cells.find((c) => c.col === FORM_LAYOUT.col.unit && c.row >= FORM_LAYOUT.firstDataRow && typeof c.value === "string" && c.value !== "");
  if (!formula || !number) throw new Mismatch({ sheet: form.name, address: "", expected: "a formula and an input cell", actual: "none" });
  await applyFixesInExcel(run, [
    { kind: "set-formula", sheet: form.name, row: formula.row, col: formula.col, formula: formula.formula! },
    { kind: "set-number", sheet: form.name, row: number.row, col: number.col, value: 9275 },
    ...(unit ? [{ kind: "set-text" as const, sheet: form.name, row: unit.row, col: unit.col, text: String(unit.value) }] : []),
  ]);
  return run(async (context) => {
    const ws = context.workbook.worksheets.getItem(form.name);
    const f = ws.getRange(a1(formula)).load("formulas");
    const n = ws.getRange(a1(number)).load("values");
    const t = unit ? ws.getRange(a1(unit)).load("values") : undefined;
    const p = ws.protection.load("protected");
    await context.sync();
    expectSame(form.name, a1(formula), formulaKey(formula.formula), formulaKey(f.formulas[0][0]));
    expectSame(form.name, a1(number), 9275, n.values[0][0]);
    if (unit && t) expectSame(form.name, a1(unit), unit.value, t.values[0][0]);
    expectSame(form.name, "", true, p.protected);
    return { cells: unit ? 3 : 2 };
  });
}

/** The print setup written with the form (ExcelApi 1.9): A4, the planned orientation. */
function checkPrint(run: ExcelRunner, form: SheetPlan): Promise<void> {
  return run(async (context) => {
    const layout = context.workbook.worksheets.getItem(form.name).pageLayout;
    layout.load("paperSize,orientation");
    await context.sync();
    if (!form.print) return;
    expectSame(form.name, "", form.print.paper, layout.paperSize);
    expectSame(form.name, "", form.print.orientation === "portrait" ? "Portrait" : "Landscape", layout.orientation);
  });
}

/** A write of more than 5 MB through the add-in's writer, then its first and last cells read back. */
async function checkLargeWrite(run: ExcelRunner): Promise<SelfCheckStep["counts"]> {
  const { plan, bytes, last } = largePlan();
  const sheet = plan.sheets[0];
  await writePlanToExcel(run, plan, { replaceExisting: false, supportsPageLayout: false });
  const expected = new Map(sheet.cells.map((c) => [a1(c), c.value] as const).filter(([address]) => address === "A1" || address === last));
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet.name);
    const reads = [...expected.keys()].map((address) => [address, ws.getRange(address).load("values")] as const);
    await context.sync();
    for (const [address, range] of reads) expectSame(sheet.name, address, expected.get(address), range.values[0][0]);
  });
  return { bytes, cells: sheet.cells.length };
}

/**
 * Removes every scratch sheet (and a writer's temporary sheet or the marks
 * sheet this run left behind), with the sheet that was active made active
 * again first; then lists what is still there.
 */
function cleanup(run: ExcelRunner, start: Start | undefined): Promise<{ removed: number; left: string[] }> {
  return run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/visibility");
    const structure = loadStructureProtection(context);
    await context.sync();
    const ours = (name: string) =>
      isScratch(name) || (start !== undefined && !start.names.has(lower(name)) && (isWriterLeftover(name) || name === MARKS_SHEET));
    const doomed = worksheets.items.filter((ws) => ours(ws.name));
    if (doomed.length === 0) return { removed: 0, left: [] };
    // Nothing can be deleted while the structure is protected: said, not tried.
    if (structure.protected) return { removed: 0, left: doomed.map((ws) => ws.name).filter(isScratch) };
    const active = start && worksheets.items.find((ws) => ws.name === start.active && ws.visibility === "Visible");
    active?.activate();
    doomed.forEach((ws) => removeSheet(ws));
    await context.sync();
    worksheets.load("items/name");
    await context.sync();
    return { removed: doomed.length, left: worksheets.items.map((ws) => ws.name).filter(isScratch) };
  });
}

function listScratch(run: ExcelRunner): Promise<string[]> {
  return run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();
    return worksheets.items.map((ws) => ws.name).filter(isScratch);
  });
}
