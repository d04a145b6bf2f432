/**
 * A second, independent reader of .xlsx files, built on ExcelJS: the tests read
 * what the product writes with it, and compare the product's own reader with it.
 */
import ExcelJS from "exceljs";
import type {
  Cell as ExcelCell,
  CellFormulaValue as ExcelCellFormulaValue,
  CellHyperlinkValue as ExcelCellHyperlinkValue,
  CellValue as ExcelCellValue,
  Worksheet as ExcelWorksheet,
} from "exceljs";
import { putCell, type CellSnapshot, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from "../../src/core/read/snapshot";
import { range } from "./a1";
import { LIMITS } from "../../src/core/limits";

type RawValue = ExcelCellValue;

function plainText(value: RawValue): string | undefined {
  if (value && typeof value === "object" && "richText" in value) return value.richText.map((r) => r.text).join("");
  if (value && typeof value === "object" && "hyperlink" in value) return String((value as ExcelCellHyperlinkValue).text ?? "");
  return undefined;
}

function toSnapshot(cell: ExcelCell): CellSnapshot | undefined {
  const raw = cell.value;
  const snap = (value: CellValue, extra: Partial<CellSnapshot> = {}): CellSnapshot => ({
    value,
    ...extra,
    numFmt: cell.numFmt || undefined,
    locked: cell.protection?.locked ?? true,
  });
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === "number" || typeof raw === "string" || typeof raw === "boolean") return snap(raw);
  if (raw instanceof Date) return snap(raw.toISOString().slice(0, 10));
  const text = plainText(raw);
  if (text !== undefined) return snap(text);
  if (typeof raw === "object" && "error" in raw) return snap(null, { error: String(raw.error) });
  if (typeof raw === "object" && ("formula" in raw || "sharedFormula" in raw)) {
    const formula = cell.formula ?? "";
    // cell.result keeps a cached 0 that cell.value's formula object drops.
    const result = cell.result ?? (raw as ExcelCellFormulaValue).result;
    if (result && typeof result === "object" && "error" in result) return snap(null, { formula, error: String(result.error) });
    const value: CellValue =
      result === undefined || result === null ? null : result instanceof Date ? result.toISOString().slice(0, 10) : (result as CellValue);
    return snap(value === "" ? null : value, { formula });
  }
  return snap(String(raw));
}

function readSheet(ws: ExcelWorksheet): SheetSnapshot {
  const cells: CellSnapshot[][] = [];
  let maxRow = 0;
  let maxCol = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r > LIMITS.maxRowsPerSheet) return;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (c > LIMITS.maxColsPerSheet) return;
      // Merged cells repeat the master's value in ExcelJS; only the master holds it.
      if (cell.isMerged && cell.master !== cell) return;
      const s = toSnapshot(cell);
      if (!s) return;
      putCell(cells, r, c, s);
      maxRow = Math.max(maxRow, r);
      maxCol = Math.max(maxCol, c);
    });
  });
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).map(range);
  return { name: ws.name, visibility: (ws.state ?? "visible") as SheetSnapshot["visibility"], rows: cells, maxRow, maxCol, merges };
}

/** Reads .xlsx bytes into a plain snapshot. Throws on bytes that are not a readable workbook. */
export async function readXlsx(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return { sheets: wb.worksheets.slice(0, LIMITS.maxSheets).map(readSheet) };
}
