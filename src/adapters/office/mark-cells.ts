import type { Severity } from "../../core/validate/finding";
import type { MarkedCell } from "../host/types";
import { loadStructureProtection, protectionAfterFailure, refuseIfStructureProtected, SheetPasswordError } from "./protection";
import type { ExcelRunner } from "./run-excel";

/**
 * The very hidden sheet where marking remembers each cell's fill before it
 * was coloured, so that "Xóa đánh dấu" can put it back even after the pane
 * or the workbook was closed in between.
 */
export const MARKS_SHEET = "_CCHC_MARKS";

/** Fills by severity: Excel's own light red, light yellow and a light blue, unlike the template's own fills. */
export const MARK_FILL: Record<Severity, string> = { error: "#FFC7CE", warning: "#FFEB9C", info: "#BDD7EE" };

/**
 * context.sync() calls of marking or clearing, at most: the sheet list and
 * the workbook's structure protection; the stored marks, the sheets'
 * protection and current fills; the current fills of cells no longer marked;
 * the writes. The same for one cell or a thousand. A sheet whose password
 * refuses the unprotect adds at most two (which sheet refused, protect again
 * the sheets unprotected before it).
 */
export const MARK_CELLS_SYNCS = 4;

const HEADER = ["sheet", "address", "previousFill", "markFill"];
const ADDRESS = /^[A-Z]{1,3}[1-9]\d*$/;
const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** What the host can ask Excel about fills. */
export interface MarkOptions {
  /**
   * ExcelApi 1.9: fill.tintAndShade is null for "no fill", which tells it
   * from a white fill (fill.color is "#FFFFFF" for both). Without it a white
   * fill is remembered as no fill.
   */
  supportsTintAndShade: boolean;
}

/** One remembered cell: where, its fill before marking (null: none) and the fill marking gave it. */
interface StoredMark {
  sheet: string;
  address: string;
  previous: string | null;
  mark: string;
}

const keyOf = (sheet: string, address: string) => `${sheet.toLowerCase()}!${address.toUpperCase()}`;
const sameColour = (a: string | null, b: string | null) => (a ?? "").toUpperCase() === (b ?? "").toUpperCase();

/** Colours the given cells by severity, restoring cells marked before that are no longer in the list. */
export function markCellsInExcel(run: ExcelRunner, cells: readonly MarkedCell[], options: MarkOptions): Promise<void> {
  return syncMarks(run, cells, options);
}

/** Puts back the fill of every marked cell and forgets the marks. */
export function clearMarksInExcel(run: ExcelRunner, options: MarkOptions): Promise<void> {
  return syncMarks(run, [], options);
}

/** The worst severity per cell, addresses in capitals. */
function distinct(cells: readonly MarkedCell[]): MarkedCell[] {
  const byKey = new Map<string, MarkedCell>();
  for (const c of cells) {
    const cell = { ...c, address: c.address.replace(/\$/g, "").toUpperCase() };
    const key = keyOf(cell.sheet, cell.address);
    const had = byKey.get(key);
    if (!had || ORDER[cell.severity] < ORDER[had.severity]) byKey.set(key, cell);
  }
  return [...byKey.values()];
}

function readStored(values: unknown[][]): StoredMark[] {
  return values
    .slice(1)
    .flatMap(([sheet, address, previous, mark]) =>
      typeof sheet === "string" && sheet !== "" && typeof address === "string" && ADDRESS.test(address) && typeof mark === "string" && mark !== ""
        ? [{ sheet, address, previous: typeof previous === "string" && previous !== "" ? previous : null, mark }]
        : [],
    );
}

/**
 * Makes the marks on the workbook those of `cells` (none: clear), in at most
 * MARK_CELLS_SYNCS syncs. The previous fills are written to MARKS_SHEET
 * before any cell is coloured, so a batch that fails half-way still leaves
 * every changed cell restorable; a cell whose fill the officer changed after
 * marking is left as the officer made it. Protected sheets (made by Tạo biểu
 * mẫu, without password) are unprotected for the change and protected again
 * with the same options.
 */
async function syncMarks(run: ExcelRunner, cells: readonly MarkedCell[], options: MarkOptions): Promise<void> {
  await run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/visibility");
    const structure = loadStructureProtection(context);
    await context.sync();

    const items = worksheets.items;
    const sheetOf = (name: string) => items.find((ws) => ws.name !== MARKS_SHEET && ws.name.toLowerCase() === name.toLowerCase());
    const marksSheet = items.find((ws) => ws.name === MARKS_SHEET);
    const wanted = distinct(cells).filter((c) => sheetOf(c.sheet));
    if (!marksSheet && wanted.length === 0) return;
    // Adding the memory sheet (first marks) or deleting it (clearing) is a change of structure.
    if (!marksSheet || wanted.length === 0) refuseIfStructureProtected(structure);

    const loadFill = (sheet: string, address: string) => {
      const fill = sheetOf(sheet)!.getRange(address).format.fill;
      fill.load(options.supportsTintAndShade ? "color,tintAndShade" : "color");
      return fill;
    };
    const fillOf = (fill: Excel.RangeFill): string | null => {
      const color = fill.color ? fill.color.toUpperCase() : null;
      const none = color === null || (color === "#FFFFFF" && (!options.supportsTintAndShade || fill.tintAndShade === null));
      return none ? null : color;
    };

    const storedRange = marksSheet?.getUsedRange(true).load("values");
    const protections = new Map(items.filter((ws) => ws.name !== MARKS_SHEET).map((ws) => [ws.name, ws.protection.load("protected,options")]));
    const wantedFills = wanted.map((c) => loadFill(c.sheet, c.address));
    await context.sync();

    const stored = storedRange ? readStored(storedRange.values) : [];
    const storedByKey = new Map(stored.map((m) => [keyOf(m.sheet, m.address), m]));
    const wantedKeys = new Set(wanted.map((c) => keyOf(c.sheet, c.address)));
    const leaving = stored.filter((m) => !wantedKeys.has(keyOf(m.sheet, m.address)) && sheetOf(m.sheet));
    const leavingFills = leaving.map((m) => loadFill(m.sheet, m.address));
    if (leaving.length > 0) await context.sync();

    const records: StoredMark[] = wanted.map((c, i) => {
      const current = fillOf(wantedFills[i]);
      const before = storedByKey.get(keyOf(c.sheet, c.address));
      // Marked before and still showing that mark: the fill to come back to is the one remembered then.
      const previous = before && sameColour(current, before.mark) ? before.previous : current;
      return { sheet: sheetOf(c.sheet)!.name, address: c.address, previous, mark: MARK_FILL[c.severity] };
    });
    const restores = leaving.filter((m, i) => sameColour(fillOf(leavingFills[i]), m.mark));

    const changes = new Map<string, { apply: (ws: Excel.Worksheet) => void }[]>();
    const change = (sheet: string, apply: (ws: Excel.Worksheet) => void) => {
      const name = sheetOf(sheet)!.name;
      changes.set(name, [...(changes.get(name) ?? []), { apply }]);
    };
    for (const m of restores) {
      change(m.sheet, (ws) => {
        const fill = ws.getRange(m.address).format.fill;
        if (m.previous === null) fill.clear();
        else fill.color = m.previous;
      });
    }
    for (const r of records) change(r.sheet, (ws) => (ws.getRange(r.address).format.fill.color = r.mark));

    // Unprotected before anything else changes: a sheet whose password refuses it stops the batch with nothing changed.
    const unlocked = [...changes.keys()].filter((name) => {
      const protection = protections.get(sheetOf(name)!.name)!;
      return protection.protected && !protection.options.allowFormatCells;
    });
    for (const name of unlocked) sheetOf(name)!.protection.unprotect();

    // The memory next: if a later step fails, every cell already coloured can still be put back.
    if (records.length > 0) {
      const sheet = marksSheet ?? worksheets.add(MARKS_SHEET);
      const rows = [HEADER, ...records.map((r) => [r.sheet, r.address, r.previous ?? "", r.mark])];
      const height = Math.max(rows.length, storedRange?.values.length ?? 0);
      while (rows.length < height) rows.push(["", "", "", ""]);
      const range = sheet.getRange(`A1:D${height}`);
      range.numberFormat = rows.map((row) => row.map(() => "@"));
      range.values = rows;
      if (!marksSheet) sheet.visibility = "VeryHidden";
    }

    for (const [name, list] of changes) {
      const ws = sheetOf(name)!;
      list.forEach((c) => c.apply(ws));
    }

    // Forgotten once every cell is back.
    if (records.length === 0 && marksSheet) {
      marksSheet.visibility = "Hidden";
      marksSheet.delete();
    }

    // Last, and nothing after it: protectionAfterFailure tells a refused unprotect by the sheets protected now.
    for (const name of unlocked) sheetOf(name)!.protection.protect(protections.get(sheetOf(name)!.name)!.options);
    try {
      await context.sync();
    } catch (error) {
      const refused = await reprotect(context, unlocked, (name) => protections.get(sheetOf(name)!.name)!.options, error).catch(() => undefined);
      if (refused) throw new SheetPasswordError(refused, error);
      throw error;
    }
  });
}

/**
 * After a failed write: every sheet the batch unprotected and left so is
 * protected again with its options; returns the sheet whose unprotect was
 * refused, if that is where the batch stopped.
 */
async function reprotect(
  context: Excel.RequestContext,
  unlocked: readonly string[],
  optionsOf: (name: string) => Excel.WorksheetProtectionOptions,
  error: unknown,
): Promise<string | undefined> {
  const { protectedNow, refused } = await protectionAfterFailure(context, unlocked, error);
  const open = unlocked.filter((_, i) => !protectedNow[i]);
  for (const name of open) context.workbook.worksheets.getItem(name).protection.protect(optionsOf(name));
  if (open.length > 0) await context.sync();
  return refused;
}
