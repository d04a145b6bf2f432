import { columnLetter } from "../../core/layout/address";
import { META_SHEET } from "../../core/layout/metadata";
import { LIMITS } from "../../core/limits";
import { formNumberOfSheet } from "../../core/read/locate";
import { formNumberOfTitle } from "../../core/read/locate-pasted";
import { putCell, type CellSnapshot, type SheetSnapshot, type WorkbookSnapshot } from "../../core/read/snapshot";
import { ASSUMED_CELL_BYTES, BlockReader, isPayloadTooLarge, LOAD_OVERHEAD_BYTES, ROW_OVERHEAD_BYTES, type BlockRead, type CellProperty } from "./chunked-read";
import { MARKS_SHEET } from "./mark-cells";
import { PAYLOAD_BUDGET_BYTES } from "./payload-budget";
import type { ExcelRunner } from "./run-excel";

/** The cap's width (LIMITS), in columns. */
const CAP_COLUMNS = LIMITS.maxColsPerSheet;

/**
 * Columns probed for a form's title ("Biểu mẫu 3") in a sheet not named after
 * a form. Word pastes the appendix from the cell where the officer clicked,
 * titles in the first column of the paste: A, or a little to the right.
 */
export const PROBE_COLUMNS = 8;

/** What a sheet is read for: all its cells (a form sheet, the metadata, a pasted appendix), or a probe for a title. */
type Role = "full" | "probe";
const PROPERTIES: Record<Role, readonly CellProperty[]> = { full: ["values", "formulas", "numberFormat", "valueTypes"], probe: ["values"] };
const widthOf = (role: Role) => (role === "full" ? CAP_COLUMNS : PROBE_COLUMNS);

/** A full row of the cap at ASSUMED_CELL_BYTES, with the overhead of its load: the largest row a read plans while no long text is measured (5,312 bytes). */
export const FULL_ROW_BYTES = PROPERTIES.full.reduce((n, p) => n + CAP_COLUMNS * ASSUMED_CELL_BYTES[p] + ROW_OVERHEAD_BYTES, 0) + LOAD_OVERHEAD_BYTES;

/** The fewest context.sync() calls of a read: the sheet list; each sheet's extent, with its first rows. */
export const READ_WORKBOOK_MIN_SYNCS = 2;

/**
 * The context.sync() calls of a small workbook's read, at most: the two, and
 * one for what the first rows did not hold (a pasted appendix, the rest of a
 * list), when the form sheets and any pasted appendix's title lie within the
 * first rows (about 90 beside the seven forms, more with fewer sheets) and
 * what is left comes to less than one budget (about 12,000 rows of a list
 * probed, 780 rows of the cap read whole at the bytes assumed per cell). The
 * template, a filled template, a pasted appendix beside it and a list of
 * 20 000 households (probed up to the cap) read in three.
 */
export const READ_SMALL_WORKBOOK_SYNCS = 3;

/**
 * The context.sync() calls of readWorkbookFromExcel, at most, when Excel
 * refuses no batch:
 *
 *     syncs ≤ 2 + 1 + ⌈E / (B − R)⌉      (2 when E = 0)
 *
 * where B is PAYLOAD_BUDGET_BYTES, E the estimated response bytes of every
 * block read after the second sync (rows × their row's estimate, plus
 * LOAD_OVERHEAD_BYTES a block) and R the largest row's estimate with its
 * overhead (FULL_ROW_BYTES unless long texts were measured). Every batch but
 * the last is filled to more than B − R, and so is every one but the last
 * before the pasted appendices found last: hence the 1. A refused batch
 * costs its sync and is sent again in halves.
 */
export function readWorkbookSyncs(plannedBytes: number, largestRowBytes: number = FULL_ROW_BYTES): number {
  if (plannedBytes <= 0) return READ_WORKBOOK_MIN_SYNCS;
  return READ_WORKBOOK_MIN_SYNCS + 1 + Math.ceil(plannedBytes / (PAYLOAD_BUDGET_BYTES - largestRowBytes));
}

/** The part of a sheet the core agrees to read (LIMITS), as an address. */
const CAP = `A1:${columnLetter(CAP_COLUMNS)}${LIMITS.maxRowsPerSheet}`;

/** Form sheets ("BM3", "Biểu mẫu 3") and the metadata sheet are always read; the core finds forms there by the sheet's name. */
const isFormSheet = (name: string) => name === META_SHEET || formNumberOfSheet(name) !== undefined;

const VISIBILITY: Record<string, SheetSnapshot["visibility"]> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };

/** True when a probed cell names a form the way a pasted appendix's title does. */
const holdsTitle = (values: unknown[][]) => values.some((row) => row.some((v) => formNumberOfTitle(v) !== undefined));

/** The used cells of a sheet within the cap: 1-based, inclusive. */
interface Extent {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** What the second sync asks of one sheet: its extent, and its first rows. */
interface FirstLook {
  extent: Excel.Range;
  head?: Excel.Range;
}

/**
 * Reads the open workbook into a snapshot, in one Excel.run, every request
 * and response within PAYLOAD_BUDGET_BYTES (Excel on the web refuses either
 * over 5 MB), in READ_WORKBOOK_MIN_SYNCS syncs at least and
 * readWorkbookSyncs(E) at most: the syncs grow with the bytes read, not with
 * the sheets or forms.
 *
 * Form sheets and the metadata sheet have their used cells read (capped to
 * LIMITS before anything is loaded): values, formulas, number formats and
 * value types. Any other sheet may hold Phụ lục 3 pasted from Word ("Sheet1",
 * "Phụ lục 3"), or may be an officer's list of 20 000 households: such a sheet
 * is probed, the values alone of its first PROBE_COLUMNS columns within the
 * cap, and read like a form sheet only once a probed cell holds a form's
 * title ("Biểu mẫu 3"); the rest of its probe is then not needed. Nothing the
 * core could use is lost, as long as the titles lie in the first
 * PROBE_COLUMNS columns: it finds no pasted form in a sheet without such a
 * title (an appendix pasted from column I onwards is not found; the .xlsx
 * reader would find it). Very hidden sheets other than the metadata are not
 * read (the core ignores them), nor is the add-in's own marks sheet; locked
 * flags and merges are not read (validation needs neither).
 *
 * 1. The sheet list.
 * 2. Each sheet's extent (its used range within the cap: a few numbers), and
 *    its first rows, as many as the budget allows for every sheet at the
 *    cap's full width at ASSUMED_CELL_BYTES (about 90 rows beside the seven
 *    forms): a form sheet is read whole here. Were this refused for its size,
 *    it is sent again without the rows.
 * 3. The rest, in blocks of rows planned from the extents (BlockReader):
 *    each sync within the budget by estimate, a refused one sent again in
 *    halves down to a single row; a pasted appendix is read as soon as its
 *    title is seen.
 *
 * Reads change nothing, so sending one again is safe; the snapshot is the
 * same, cell for cell and in the same order, as one read of every sheet's
 * capped used range would give.
 */
export async function readWorkbookFromExcel(run: ExcelRunner): Promise<WorkbookSnapshot> {
  return run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/visibility");
    await context.sync();

    const listed = worksheets.items.filter((ws) => ws.name !== MARKS_SHEET).slice(0, LIMITS.maxSheets);
    const roles: (Role | undefined)[] = listed.map((ws) => (isFormSheet(ws.name) ? "full" : ws.visibility === "VeryHidden" ? undefined : "probe"));
    const reader = new BlockReader(context, listed);

    let head = headRows(reader, roles);
    let first = lookAt(listed, roles, head);
    try {
      await context.sync();
    } catch (error) {
      if (!isPayloadTooLarge(error) || head === 0) throw error;
      head = 0;
      first = lookAt(listed, roles, head);
      await context.sync();
    }

    const extents: (Extent | undefined)[] = first.map((look) => (look && !look.extent.isNullObject ? extentOf(look.extent) : undefined));
    const reads: BlockRead[][] = listed.map(() => []);
    const pasted = listed.map(() => false);
    const deliver = (read: BlockRead) => {
      const { sheet } = read.block;
      if (read.block.properties.length === PROPERTIES.full.length) reads[sheet].push(read);
      else if (!pasted[sheet] && holdsTitle(read.data.values!)) {
        // An appendix: read whole; the rest of its probe is not needed.
        pasted[sheet] = true;
        reader.retain((b) => b.sheet !== sheet);
        reader.add({ sheet, properties: PROPERTIES.full, ...extents[sheet]! });
      }
    };

    roles.forEach((role, i) => {
      const extent = extents[i];
      const top = first[i]?.head;
      if (!role || !extent) return;
      if (top && !top.isNullObject) {
        const data: BlockRead["data"] = {};
        for (const p of PROPERTIES[role]) data[p] = top[p] as unknown[][];
        const rows = data.values!.length;
        const columns = data.values![0]?.length ?? 0;
        reader.observe(i, data);
        deliver({
          block: {
            sheet: i,
            properties: PROPERTIES[role],
            top: top.rowIndex + 1,
            bottom: top.rowIndex + rows,
            left: top.columnIndex + 1,
            right: top.columnIndex + columns,
          },
          data,
        });
      }
      if (pasted[i]) return;
      // The rows the head did not cover (all of them when there was no head, or the used cells start below it).
      const from = Math.max(extent.top, head + 1);
      reader.add({ sheet: i, properties: PROPERTIES[role], top: from, bottom: extent.bottom, left: extent.left, right: Math.min(extent.right, widthOf(role)) });
    });

    await reader.readAll(deliver);

    return {
      sheets: listed.map((ws, i) => {
        const sheet: SheetSnapshot = { name: ws.name, visibility: VISIBILITY[ws.visibility] ?? "visible", rows: [], maxRow: 0, maxCol: 0, merges: [] };
        if (reads[i].length > 0) fillSheet(sheet, reads[i]);
        return sheet;
      }),
    };
  });
}

/**
 * Rows of every sheet the second sync reads beside the extents: as many as
 * fit the budget with each sheet at its full width (the cap's for a form
 * sheet, PROBE_COLUMNS for a probe) at the bytes assumed per cell; at most
 * the cap's rows.
 */
function headRows(reader: BlockReader, roles: readonly (Role | undefined)[]): number {
  let perRow = 0;
  let fixed = 0;
  roles.forEach((role, i) => {
    if (!role) return;
    perRow += reader.rowBytes(i, PROPERTIES[role], widthOf(role));
    // The extent's load and the head's.
    fixed += 2 * LOAD_OVERHEAD_BYTES;
  });
  if (perRow === 0) return 0;
  return Math.max(0, Math.min(LIMITS.maxRowsPerSheet, Math.floor((reader.budget - fixed) / perRow)));
}

/** Queues, for each sheet read or probed, the load of its extent and of its first `head` rows (none when 0). */
function lookAt(listed: readonly Excel.Worksheet[], roles: readonly (Role | undefined)[], head: number): (FirstLook | undefined)[] {
  return listed.map((ws, i) => {
    const role = roles[i];
    if (!role) return undefined;
    // Intersecting before loading keeps a stray entry at row 900 000 from loading a million empty cells.
    const used = ws.getUsedRange(true);
    const extent = ws.getRange(CAP).getIntersectionOrNullObject(used);
    extent.load("rowIndex,columnIndex,rowCount,columnCount");
    if (head === 0) return { extent };
    const top = ws.getRange(`A1:${columnLetter(widthOf(role))}${head}`).getIntersectionOrNullObject(used);
    top.load(["rowIndex", "columnIndex", ...PROPERTIES[role]].join(","));
    return { extent, head: top };
  });
}

const extentOf = (range: Excel.Range): Extent => ({
  top: range.rowIndex + 1,
  bottom: range.rowIndex + range.rowCount,
  left: range.columnIndex + 1,
  right: range.columnIndex + range.columnCount,
});

/** The cells of a sheet from its blocks, top to bottom (the order of one read of the whole). Error values come back as their text in `values`; valueTypes tells them apart from the same text typed. */
function fillSheet(sheet: SheetSnapshot, reads: BlockRead[]): void {
  const cells: CellSnapshot[][] = [];
  for (const { block, data } of [...reads].sort((a, b) => a.block.top - b.block.top)) {
    const { values, formulas, valueTypes, numberFormat } = data as Record<CellProperty, unknown[][]>;
    values.forEach((row, i) => {
      row.forEach((value: unknown, j) => {
        const cell = toCell(value, formulas[i][j], valueTypes[i][j] as string, numberFormat[i][j]);
        if (!cell) return;
        const r = block.top + i;
        const c = block.left + j;
        putCell(cells, r, c, cell);
        sheet.maxRow = Math.max(sheet.maxRow, r);
        sheet.maxCol = Math.max(sheet.maxCol, c);
      });
    });
  }
  sheet.rows = cells;
}

/**
 * One cell as the .xlsx reader would give it: "" is no cell; "=…" is a
 * formula unless the cell shows exactly that text (a placeholder such as
 * "=a+b" typed under the text format); "General" is no number format.
 */
export function toCell(value: unknown, formula: unknown, type: string, numberFormat: unknown): CellSnapshot | undefined {
  const isFormula = typeof formula === "string" && formula.length > 1 && formula.startsWith("=") && value !== formula;
  const numFmt = typeof numberFormat === "string" && numberFormat !== "" && numberFormat.toLowerCase() !== "general" ? { numFmt: numberFormat } : {};
  const error = type === "Error" ? { error: String(value) } : {};
  if (!isFormula && value === "" && type !== "Error") return undefined;
  const shown = type === "Error" || value === "" || value === null || value === undefined ? null : (value as CellSnapshot["value"]);
  return { value: shown, ...(isFormula ? { formula: (formula as string).slice(1) } : {}), ...error, ...numFmt };
}
