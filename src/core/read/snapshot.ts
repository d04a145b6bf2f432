/**
 * A workbook as plain data: what readers (the .xlsx file, Office.js) produce
 * and validation and aggregation consume. No Excel object survives into it.
 */

export type CellValue = string | number | boolean | null;

export interface CellSnapshot {
  /** the value shown: a number, text, a boolean, or null for an empty cell; a formula's last computed result */
  value: CellValue;
  /** the formula without "=", when the cell holds one */
  formula?: string;
  /** an error value such as "#DIV/0!" */
  error?: string;
  numFmt?: string;
  locked?: boolean;
}

export interface SheetSnapshot {
  name: string;
  visibility: "visible" | "hidden" | "veryHidden";
  /** cells by address ("D8"); empty cells are absent */
  cells: Record<string, CellSnapshot>;
  /** largest row and column numbers holding a cell */
  maxRow: number;
  maxCol: number;
  merges: string[];
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}
