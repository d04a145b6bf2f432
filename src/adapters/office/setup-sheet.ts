import { loadStructureProtection, refuseIfStructureProtected } from "./protection";
import type { ExcelRunner } from "./run-excel";
import { loadSheetValues } from "./sheet-values";

/**
 * The very hidden sheet where the ward's setup (units, leads, combine modes)
 * is remembered in the workbook, so that it travels with the ward's report
 * and is there again when the workbook is opened on another computer.
 */
export const SETUP_SHEET = "_CCHC_SETUP";

/** A1 of the sheet: what it holds and in which layout; a sheet without it holds no setup the add-in wrote. */
export const SETUP_MARKER = "CCHC setup v1";

/** Characters of JSON per cell: under Excel's limit of 32,767 characters a cell holds. */
export const SETUP_PIECE = 30_000;

/**
 * Rows of column A the setup may take, the marker included, always written
 * whole (rows after the last piece blank), so that a shorter setup leaves
 * nothing of a longer one behind without a clear. 1 MB of JSON at most, as
 * the setup file the CLI reads.
 */
export const SETUP_ROWS = 40;
export const SETUP_MAX_CHARS = (SETUP_ROWS - 1) * SETUP_PIECE;

/**
 * Each piece starts with this character: Excel would read a piece starting
 * with "=" as a formula and drop a leading "'" as its prefix character.
 */
const PIECE_PREFIX = "|";

/** context.sync() calls of loadSetupFromExcel: one, whether the sheet is there or not. */
export const LOAD_SETUP_SYNCS = 1;
/** context.sync() calls of saveSetupToExcel: whether the sheet is there (and the structure protection), then the write. */
export const SAVE_SETUP_SYNCS = 2;

const RANGE = `A1:A${SETUP_ROWS}`;

/** The JSON in pieces of at most `size` characters, never splitting a character outside the BMP in two. */
export function splitSetup(json: string, size = SETUP_PIECE): string[] {
  const pieces: string[] = [];
  for (let at = 0; at < json.length;) {
    let end = Math.min(at + size, json.length);
    // A high surrogate last would leave half a character in each cell.
    const last = json.charCodeAt(end - 1);
    if (end < json.length && last >= 0xd800 && last <= 0xdbff) end--;
    pieces.push(json.slice(at, end));
    at = end;
  }
  return pieces;
}

/** The JSON back from column A's values; undefined when A1 is not the marker (nothing the add-in wrote). */
export function joinSetup(column: unknown[][]): string | undefined {
  if (column[0]?.[0] !== SETUP_MARKER) return undefined;
  let json = "";
  for (const [cell] of column.slice(1)) {
    if (typeof cell !== "string" || !cell.startsWith(PIECE_PREFIX)) break;
    json += cell.slice(PIECE_PREFIX.length);
  }
  return json;
}

/**
 * The setup saved in the open workbook, in one sync: undefined when the
 * workbook has no setup sheet; "" when the sheet is not one the add-in wrote
 * (the pane reports it as unreadable and uses the default).
 */
export async function loadSetupFromExcel(run: ExcelRunner): Promise<string | undefined> {
  const values = await loadSheetValues(run, SETUP_SHEET, RANGE);
  return values === undefined ? undefined : (joinSetup(values) ?? "");
}

/**
 * Saves the setup into the open workbook, in SAVE_SETUP_SYNCS syncs: the
 * sheet is created (very hidden) if absent, and column A rewritten whole, as
 * text. Throws a RangeError for a setup over SETUP_MAX_CHARS, before touching
 * the workbook, and StructureProtectedError when the sheet would have to be
 * added (or hidden again) in a workbook whose structure is protected.
 */
export async function saveSetupToExcel(run: ExcelRunner, json: string): Promise<void> {
  if (json.length > SETUP_MAX_CHARS) throw new RangeError(`setup of ${json.length} characters, over ${SETUP_MAX_CHARS}`);
  const pieces = splitSetup(json);
  const rows = [[SETUP_MARKER], ...pieces.map((p) => [PIECE_PREFIX + p])];
  while (rows.length < SETUP_ROWS) rows.push([""]);
  await run(async (context) => {
    const worksheets = context.workbook.worksheets;
    const existing = worksheets.getItemOrNullObject(SETUP_SHEET);
    existing.load("visibility");
    const structure = loadStructureProtection(context);
    await context.sync();

    const created = existing.isNullObject;
    // Adding the sheet or hiding it again changes the structure; rewriting column A of the hidden sheet does not.
    if (created || existing.visibility !== "VeryHidden") refuseIfStructureProtected(structure);
    const sheet = created ? worksheets.add(SETUP_SHEET) : existing;
    const range = sheet.getRange(RANGE);
    // Text, so that Excel keeps every piece as written (no numbers, dates or formulas read into it).
    range.numberFormat = rows.map(() => ["@"]);
    range.values = rows;
    if (created || existing.visibility !== "VeryHidden") sheet.visibility = "VeryHidden";
    await context.sync();
  });
}
