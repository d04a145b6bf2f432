import { cellAddress } from "../../core/layout/address";
import type { FixAction } from "../../core/validate/finding";
import { protectionAfterFailure, SheetPasswordError } from "./protection";
import type { ExcelRunner } from "./run-excel";

/**
 * context.sync() calls of a successful fix: read what the cells hold and how
 * the sheets are protected; write every fix. A failed write adds at most two
 * more (read protection, put everything back), also when a sheet's password
 * refused the unprotect (then only the sheets already unprotected are put
 * back). The same for one fix or fifty.
 */
export const APPLY_FIXES_SYNCS = 2;

const TEXT_FORMAT = "@";

/** What a cell held before a fix, to put back exactly if the fix fails. */
type Content = { kind: "empty" } | { kind: "formula"; input: string } | { kind: "text"; text: string } | { kind: "constant"; value: number | boolean };

interface Before {
  fix: FixAction;
  numberFormat: string;
  content: Content;
}

interface SheetGroup {
  name: string;
  wasProtected: boolean;
  options: Excel.WorksheetProtectionOptions;
  cells: Before[];
}

const keyOf = (f: FixAction) => `${f.sheet.toLowerCase()}!${f.row}:${f.col}`;

/** The fix's cell as Excel is asked for it ("D8"). */
const addressOf = (f: FixAction) => cellAddress(f.row, f.col);

/** One fix per cell, the first given; sheets in the order first met. */
function distinct(fixes: readonly FixAction[]): FixAction[] {
  const seen = new Set<string>();
  return fixes.filter((f) => !seen.has(keyOf(f)) && !!seen.add(keyOf(f)));
}

function contentOf(value: unknown, formula: unknown, type: string): Content {
  // A typed "=a+b" under the text format shows exactly its input; a real formula shows its result.
  if (typeof formula === "string" && formula.startsWith("=") && formula.length > 1 && value !== formula) return { kind: "formula", input: formula };
  // An error constant (a typed #N/A) is entered back as its text under General.
  if (type === "Error") return { kind: "formula", input: String(value) };
  if (value === "" || value === null || value === undefined) return { kind: "empty" };
  if (typeof value === "number" || typeof value === "boolean") return { kind: "constant", value };
  return { kind: "text", text: String(value) };
}

/** Writes a fix: "Sửa" restores the form's formula, makes a typed "9.275" the number 9275, or puts back a unit text. */
function writeFix(range: Excel.Range, fix: FixAction, before: Before): void {
  switch (fix.kind) {
    case "set-formula":
      // Under "@" Excel would keep the formula as text.
      if (before.numberFormat === TEXT_FORMAT) range.numberFormat = [["General"]];
      range.formulas = [[`=${fix.formula}`]];
      return;
    case "set-number":
      if (before.numberFormat === TEXT_FORMAT) range.numberFormat = [["General"]];
      range.values = [[fix.value]];
      return;
    case "set-text":
      // The format first, so that a unit such as "1.000 đồng" is not read as a number.
      range.numberFormat = [[TEXT_FORMAT]];
      range.values = [[fix.text]];
      return;
  }
}

/** Puts a cell back as it was: content entered under a format that keeps it as it was, then the original format. */
function restore(range: Excel.Range, before: Before): void {
  const { content, numberFormat } = before;
  switch (content.kind) {
    case "text":
      range.numberFormat = [[TEXT_FORMAT]];
      range.values = [[content.text]];
      break;
    case "formula":
      range.numberFormat = [["General"]];
      range.formulas = [[content.input]];
      break;
    case "constant":
      range.numberFormat = [[numberFormat]];
      range.values = [[content.value]];
      break;
    case "empty":
      range.values = [[""]];
      break;
  }
  range.numberFormat = [[numberFormat]];
}

/**
 * Applies certain fixes in one Excel.run, all or nothing: the cells' contents,
 * formats and the sheets' protection are read first; each protected sheet is
 * unprotected, fixed and protected again with its own options; if the write
 * fails, every cell and protection is put back as read, and the error is
 * rethrown. A sheet that no longer exists fails the first sync, before any
 * change.
 */
export async function applyFixesInExcel(run: ExcelRunner, fixes: readonly FixAction[]): Promise<void> {
  const list = distinct(fixes);
  if (list.length === 0) return;
  await run(async (context) => {
    const worksheets = context.workbook.worksheets;
    const sheets = new Map<string, { ws: Excel.Worksheet; protection: Excel.WorksheetProtection; fixes: FixAction[] }>();
    for (const fix of list) {
      const key = fix.sheet.toLowerCase();
      let entry = sheets.get(key);
      if (!entry) {
        const ws = worksheets.getItem(fix.sheet);
        entry = { ws, protection: ws.protection.load("protected,options"), fixes: [] };
        sheets.set(key, entry);
      }
      entry.fixes.push(fix);
    }
    const reads = [...sheets.values()].map((s) => s.fixes.map((f) => s.ws.getRange(addressOf(f)).load("values,formulas,numberFormat,valueTypes")));
    await context.sync();

    const groups: SheetGroup[] = [...sheets.values()].map((s, i) => ({
      name: s.fixes[0].sheet,
      wasProtected: s.protection.protected,
      options: s.protection.options,
      cells: s.fixes.map((fix, j) => {
        const r = reads[i][j];
        return { fix, numberFormat: String(r.numberFormat[0][0]), content: contentOf(r.values[0][0], r.formulas[0][0], r.valueTypes[0][0]) };
      }),
    }));

    try {
      // Every unprotect first, before any cell changes: a sheet whose password refuses it stops the batch with nothing written.
      const locked = groups.filter((g) => g.wasProtected);
      for (const g of locked) worksheets.getItem(g.name).protection.unprotect();
      for (const g of groups) {
        const ws = worksheets.getItem(g.name);
        for (const cell of g.cells) writeFix(ws.getRange(addressOf(cell.fix)), cell.fix, cell);
      }
      // Last, and nothing after it: protectionAfterFailure tells a refused unprotect by the sheets protected now.
      for (const g of locked) worksheets.getItem(g.name).protection.protect(g.options);
      await context.sync();
    } catch (error) {
      const refused = await rollback(context, groups, error).catch(() => undefined);
      if (refused) throw new SheetPasswordError(refused, error);
      throw error;
    }
  });
}

/**
 * After a failed write (Office.js keeps the operations before the failing
 * one): every fixed cell gets its content and format back and every sheet its
 * protection, whichever point the batch reached. When an unprotect was
 * refused no cell was written: only the sheets unprotected before it are
 * protected again, and the refusing sheet's name is returned.
 */
async function rollback(context: Excel.RequestContext, groups: readonly SheetGroup[], error: unknown): Promise<string | undefined> {
  const worksheets = context.workbook.worksheets;
  const locked = groups.filter((g) => g.wasProtected);
  const { protectedNow, refused } = await protectionAfterFailure(
    context,
    locked.map((g) => g.name),
    error,
  );
  const now = new Map(locked.map((g, i) => [g, protectedNow[i]]));
  if (refused) {
    const open = locked.filter((g) => !now.get(g));
    open.forEach((g) => worksheets.getItem(g.name).protection.protect(g.options));
    if (open.length > 0) await context.sync();
    return refused;
  }
  groups.forEach((g) => {
    const ws = worksheets.getItem(g.name);
    // Only a sheet that was protected can have been unprotected by the batch; one the fix never protected is still as it was.
    if (now.get(g)) ws.protection.unprotect();
    for (const cell of g.cells) restore(ws.getRange(addressOf(cell.fix)), cell);
    if (g.wasProtected) ws.protection.protect(g.options);
  });
  await context.sync();
  return undefined;
}
