import type { WriteTemplateOutcome } from "../host/types";
import type { SheetPlan, WorkbookPlan } from "../../core/layout/plan";
import { META_SHEET } from "../../core/layout/metadata";
import { CALL_OVERHEAD_BYTES, PayloadBudget } from "./payload-budget";
import { loadStructureProtection, protectionAfterFailure, refuseIfStructureProtected, SheetPasswordError } from "./protection";
import type { ExcelRunner } from "./run-excel";
import { clearStep, queueSteps, SHEET_PROTECTION, sheetSteps, type Step } from "./sheet-steps";

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
/** A sheet the writer left behind; Excel's sheet names ignore case, so "~CCHC-NEW-1" is one too. */
export const isWriterLeftover = (name: string) => [TEMP_SHEET_PREFIX, ASIDE_SHEET_PREFIX].some((p) => name.toLowerCase().startsWith(p));

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
export async function writePlanToExcel(run: ExcelRunner, plan: WorkbookPlan, options: WritePlanOptions): Promise<WriteTemplateOutcome> {
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
      await budget.reserve(CALL_OVERHEAD_BYTES * (targets.length + present.length));
      present.filter((ws) => isWriterLeftover(ws.name)).forEach((ws) => removeSheet(ws));
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
      await budget.reserve(CALL_OVERHEAD_BYTES * unlocked.length);
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
      await finish(
        context,
        targets,
        present.map((ws) => ws.name),
        false,
      );
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

/** Deletes a sheet; `visibility` is what it is now (loaded, or known from the plan). */
export function removeSheet(ws: Excel.Worksheet, visibility: Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden" = ws.visibility): void {
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
  items.filter((ws) => ws.name.startsWith(`${TEMP_SHEET_PREFIX}${token}-`)).forEach((ws) => removeSheet(ws));
  await context.sync();
}

const firstVisible = (targets: readonly Target[]) => targets.find((t) => t.sheet.visibility === "visible");

/** After step 3 failed with no sheet replaced: every sheet this write added goes, under either name (two syncs). */
async function removeNew(context: Excel.RequestContext, targets: readonly Target[]): Promise<void> {
  const items = await loadSheets(context);
  const names = new Set(targets.flatMap((t) => [t.temp, t.sheet.name].map((n) => n.toLowerCase())));
  items.filter((ws) => names.has(ws.name.toLowerCase())).forEach((ws) => removeSheet(ws));
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
  const order = before.filter((n) => !swapped.some((t) => sameName(t.sheet.name, n))).map((n) => swapped.find((t) => sameName(t.temp, n))?.sheet.name ?? n);
  for (const t of swapped) {
    const old = named(t.sheet.name);
    if (old) removeSheet(old);
    named(t.temp)!.name = t.sheet.name;
  }
  orderSheets(
    context,
    order,
    targets.map((t) => t.sheet.name),
    before,
  );
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
  let order = [
    ...before.filter((n) => !n.startsWith(TEMP_SHEET_PREFIX) && !n.startsWith(ASIDE_SHEET_PREFIX)),
    ...targets.filter((t) => !t.existing).map((t) => t.sheet.name),
  ];
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
  orderSheets(
    context,
    order,
    targets.map((t) => t.sheet.name),
  );
  const first = firstVisible(targets);
  if (first) (first.existing?.ws ?? context.workbook.worksheets.getItem(first.sheet.name)).activate();
  await context.sync();
}
