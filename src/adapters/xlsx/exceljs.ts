import ExcelJS from "exceljs";

/**
 * The only import of the .xlsx library in the project, so that replacing it
 * (or loading it lazily in the browser) is one edit.
 */
export { ExcelJS };
export type { Workbook, Worksheet, Cell, CellValue, DataValidation } from "exceljs";
