import { columnLetter } from "../../core/layout/address";
import { META_SHEET } from "../../core/layout/metadata";
import { LIMITS } from "../../core/limits";
import { formNumberOfSheet } from "../../core/read/locate";
import type { CellSnapshot, SheetSnapshot, WorkbookSnapshot } from "../../core/read/snapshot";
import { MARKS_SHEET } from "./mark-cells";
import type { ExcelRunner } from "./run-excel";

/** context.sync() calls of a read: the sheet list; the cells of every sheet read. The same for one sheet or a hundred. */
export const READ_WORKBOOK_SYNCS = 2;

/** Which sheets have their cells read; the others are listed without cells. */
export type SheetFilter = (name: string) => boolean;

/**
 * Validation looks at the form sheets (found by name, as the core finds them)
 * and the metadata sheet; an officer's other sheets (lists of households,
 * notes) can be large and are not read.
 */
export const validatedSheets: SheetFilter = (name) => name === META_SHEET || formNumberOfSheet(name) !== undefined;

/** The part of a sheet the core agrees to read (LIMITS), as an address. */
const CAP = `A1:${columnLetter(LIMITS.maxColsPerSheet)}${LIMITS.maxRowsPerSheet}`;

const VISIBILITY: Record<string, SheetSnapshot["visibility"]> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };

/**
 * Reads the open workbook into a snapshot in READ_WORKBOOK_SYNCS syncs: the
 * sheet list, then for every sheet read the used cells (values only, capped
 * to LIMITS before anything is loaded) with their values, formulas, number
 * formats and value types in one batch. The add-in's own marks sheet is left
 * out; locked flags and merges are not read (validation needs neither).
 */
export async function readWorkbookFromExcel(run: ExcelRunner, include: SheetFilter = validatedSheets): Promise<WorkbookSnapshot> {
  return run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/visibility");
    await context.sync();

    const listed = worksheets.items.filter((ws) => ws.name !== MARKS_SHEET).slice(0, LIMITS.maxSheets);
    const reads = listed.map((ws) => {
      if (!include(ws.name)) return undefined;
      // Intersecting before loading keeps a stray entry at row 900 000 from loading a million empty cells.
      const range = ws.getRange(CAP).getIntersectionOrNullObject(ws.getUsedRange(true));
      range.load("address,rowIndex,columnIndex,values,formulas,numberFormat,valueTypes");
      return range;
    });
    await context.sync();

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
