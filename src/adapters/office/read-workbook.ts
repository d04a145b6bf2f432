import { columnLetter } from "../../core/layout/address";
import { META_SHEET } from "../../core/layout/metadata";
import { LIMITS } from "../../core/limits";
import { formNumberOfSheet } from "../../core/read/locate";
import { formNumberOfTitle } from "../../core/read/locate-pasted";
import type { CellSnapshot, SheetSnapshot, WorkbookSnapshot } from "../../core/read/snapshot";
import { MARKS_SHEET } from "./mark-cells";
import type { ExcelRunner } from "./run-excel";

/**
 * context.sync() calls of a read, at most: the sheet list; the cells of the
 * form sheets with a probe of every other sheet; the cells of the other sheets
 * that hold a pasted appendix (skipped when none does). The same for one sheet
 * or a hundred, ten rows or five thousand.
 */
export const READ_WORKBOOK_SYNCS = 3;

/** The part of a sheet the core agrees to read (LIMITS), as an address. */
const CAP = `A1:${columnLetter(LIMITS.maxColsPerSheet)}${LIMITS.maxRowsPerSheet}`;

/**
 * Columns probed for a form's title ("Biểu mẫu 3") in a sheet not named after
 * a form. Word pastes the appendix from the cell where the officer clicked,
 * titles in the first column of the paste: A, or a little to the right.
 */
export const PROBE_COLUMNS = 8;
const PROBE = `A1:${columnLetter(PROBE_COLUMNS)}${LIMITS.maxRowsPerSheet}`;

/** Form sheets ("BM3", "Biểu mẫu 3") and the metadata sheet are always read; the core finds forms there by the sheet's name. */
const isFormSheet = (name: string) => name === META_SHEET || formNumberOfSheet(name) !== undefined;

const VISIBILITY: Record<string, SheetSnapshot["visibility"]> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };

/** True when a probed cell names a form the way a pasted appendix's title does. */
const holdsTitle = (values: unknown[][]) => values.some((row) => row.some((v) => formNumberOfTitle(v) !== undefined));

/**
 * Reads the open workbook into a snapshot in at most READ_WORKBOOK_SYNCS
 * syncs. Form sheets and the metadata sheet have their used cells read
 * (capped to LIMITS before anything is loaded): values, formulas, number
 * formats and value types, in one batch.
 *
 * Any other sheet may hold Phụ lục 3 pasted from Word ("Sheet1", "Phụ lục 3"),
 * or may be an officer's list of 20 000 households. Loading all of every such
 * sheet would make Kiểm tra slow and can exceed what Excel on the web accepts
 * in one answer (about 5 MB), so those sheets are probed first, in the same
 * sync as the form sheets: the values alone of their first PROBE_COLUMNS
 * columns, within the cap. Only a sheet whose probe holds a form's title
 * ("Biểu mẫu 3") is read like a form sheet, in one more sync (skipped when
 * no sheet has one). Nothing the core could use is lost, as long as the
 * titles lie in the first PROBE_COLUMNS columns: it finds no pasted form in a
 * sheet without such a title. The probe is a fixed address, not one relative
 * to each sheet's used range, so that the decision needs no sync of its own;
 * an appendix pasted from column I onwards is not found (the .xlsx reader
 * would find it). Very hidden sheets other than the metadata are not read (the core ignores
 * them), nor is the add-in's own marks sheet; locked flags and merges are not
 * read (validation needs neither).
 */
export async function readWorkbookFromExcel(run: ExcelRunner): Promise<WorkbookSnapshot> {
  return run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/visibility");
    await context.sync();

    const listed = worksheets.items.filter((ws) => ws.name !== MARKS_SHEET).slice(0, LIMITS.maxSheets);
    const reads: (Excel.Range | undefined)[] = listed.map((ws) => (isFormSheet(ws.name) ? loadCells(ws) : undefined));
    const probes = listed.map((ws) => {
      if (isFormSheet(ws.name) || ws.visibility === "VeryHidden") return undefined;
      const probe = ws.getRange(PROBE).getIntersectionOrNullObject(ws.getUsedRange(true));
      probe.load("values");
      return probe;
    });
    await context.sync();

    const pasted = probes.map((probe, i) => (probe && !probe.isNullObject && holdsTitle(probe.values) ? loadCells(listed[i]) : undefined));
    if (pasted.some(Boolean)) {
      pasted.forEach((range, i) => (reads[i] ??= range));
      await context.sync();
    }

    return {
      sheets: listed.map((ws, i) => {
        const range = reads[i];
        const sheet: SheetSnapshot = { name: ws.name, visibility: VISIBILITY[ws.visibility] ?? "visible", cells: {}, maxRow: 0, maxCol: 0, merges: [] };
        if (range && !range.isNullObject) fillSheet(sheet, range);
        return sheet;
      }),
    };
  });
}

/** Queues the load of a sheet's used cells within the cap. */
function loadCells(ws: Excel.Worksheet): Excel.Range {
  // Intersecting before loading keeps a stray entry at row 900 000 from loading a million empty cells.
  const range = ws.getRange(CAP).getIntersectionOrNullObject(ws.getUsedRange(true));
  range.load("address,rowIndex,columnIndex,values,formulas,numberFormat,valueTypes");
  return range;
}

/** Error values come back as their text in `values`; valueTypes tells them apart from the same text typed. */
function fillSheet(sheet: SheetSnapshot, range: Excel.Range): void {
  const cells: Record<string, CellSnapshot> = Object.create(null);
  range.values.forEach((row, i) => {
    row.forEach((value: unknown, j) => {
      const cell = toCell(value, range.formulas[i][j], range.valueTypes[i][j], range.numberFormat[i][j]);
      if (!cell) return;
      const r = range.rowIndex + i + 1;
      const c = range.columnIndex + j + 1;
      cells[`${columnLetter(c)}${r}`] = cell;
      sheet.maxRow = Math.max(sheet.maxRow, r);
      sheet.maxCol = Math.max(sheet.maxCol, c);
    });
  });
  sheet.cells = cells;
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
