import type { CellPlan, CellStyle, SheetPlan, ValidationPlan, WorkbookPlan } from "../../core/layout/plan";
import { BASE_FONT, BORDER_COLOR } from "../../core/layout/styles";
import type { Cell as ExcelCell, CellFormulaValue as ExcelCellFormulaValue, Workbook as ExcelWorkbook } from "./exceljs";
import { ExcelJS, type DataValidation, type Worksheet } from "./exceljs";

const argb = (hex: string) => ({ argb: `FF${hex}` });
const THIN = { style: "thin" as const, color: argb(BORDER_COLOR) };

type ExcelStyle = Partial<ExcelCell["style"]>;

function excelStyle(style: CellStyle, numFmt: string, locked: boolean): ExcelStyle {
  return {
    numFmt,
    font: {
      name: BASE_FONT.name,
      size: style.size ?? BASE_FONT.size,
      bold: style.bold ?? false,
      italic: style.italic ?? false,
      ...(style.color ? { color: argb(style.color) } : {}),
    },
    ...(style.fill ? { fill: { type: "pattern", pattern: "solid", fgColor: argb(style.fill) } } : {}),
    ...(style.wrap || style.hAlign || style.vAlign ? { alignment: { wrapText: style.wrap ?? false, horizontal: style.hAlign, vertical: style.vAlign } } : {}),
    ...(style.border ? { border: { top: THIN, left: THIN, bottom: THIN, right: THIN } } : {}),
    protection: { locked },
  } as ExcelStyle;
}

/**
 * One ExcelJS style object per distinct look, shared by every cell that has it.
 * ExcelJS recognises a style object it has seen (by identity) and skips
 * serialising it to find its index: that was most of the time spent writing a
 * ward workbook whose detail sheet has a column per unit.
 */
class StyleCache {
  private readonly byKey = new Map<string, ExcelStyle>();
  private readonly keyOf = new WeakMap<CellStyle, string>();

  get(style: CellStyle, numFmt: string, locked: boolean): ExcelStyle {
    let key = this.keyOf.get(style);
    if (key === undefined) {
      key = JSON.stringify(style);
      this.keyOf.set(style, key);
    }
    const full = `${numFmt}\u0000${locked}\u0000${key}`;
    let shared = this.byKey.get(full);
    if (!shared) {
      shared = excelStyle(style, numFmt, locked);
      this.byKey.set(full, shared);
    }
    return shared;
  }
}

function writeCell(ws: Worksheet, plan: CellPlan, styles: StyleCache): void {
  const cell = ws.getCell(plan.address);
  // A string value is stored as text by ExcelJS, so text from users ("=HYPERLINK(…)") can never become a formula.
  if (plan.formula !== undefined) cell.value = { formula: plan.formula } as ExcelCellFormulaValue;
  else if (plan.value !== undefined) cell.value = plan.value;
  // Assigned whole and never mutated afterwards: the object is shared with other cells.
  cell.style = styles.get(plan.style, plan.numFmt, plan.locked);
}

function toDataValidation(v: ValidationPlan): DataValidation {
  const messages = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: v.prompt.title,
    prompt: v.prompt.text,
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: v.error.title,
    error: v.error.text,
  } as const;
  if (v.type === "list") return { type: "list", formulae: [`"${v.values.join(",")}"`], ...messages };
  return v.max === undefined
    ? { type: v.type, operator: "greaterThanOrEqual", formulae: [v.min], ...messages }
    : { type: v.type, operator: "between", formulae: [v.min, v.max], ...messages };
}

async function writeSheet(wb: ExcelWorkbook, plan: SheetPlan, styles: StyleCache): Promise<void> {
  const ws = wb.addWorksheet(plan.name, {
    state: plan.visibility,
    views: plan.freezeRows ? [{ state: "frozen", ySplit: plan.freezeRows, xSplit: 0 }] : [],
    pageSetup: plan.print
      ? {
          paperSize: 9, // A4
          orientation: plan.print.orientation,
          fitToPage: true,
          fitToWidth: 1,
          fitToHeight: 0,
          printTitlesRow: plan.print.titleRows,
          printArea: plan.print.area,
          margins: plan.print.margins,
        }
      : undefined,
  });
  plan.columnWidths.forEach((width, i) => (ws.getColumn(i + 1).width = width));
  for (const [row, height] of Object.entries(plan.rowHeights)) ws.getRow(Number(row)).height = height;
  for (const cell of plan.cells) writeCell(ws, cell, styles);
  for (const range of plan.merges) ws.mergeCells(range);
  for (const v of plan.validations) ws.getCell(v.address).dataValidation = toDataValidation(v);
  if (plan.protect) {
    // No password: the lock guards formulas against slips, it is not a secret (documented in the README).
    await ws.protect("", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
    });
  }
}

/** Renders a layout plan as .xlsx bytes (no file system: the CLI or the browser decides where they go). */
export async function planToXlsx(plan: WorkbookPlan): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Biểu mẫu CCHC";
  // Excel and LibreOffice then compute every formula on opening; the file carries no stale results.
  wb.calcProperties = { fullCalcOnLoad: true };
  const styles = new StyleCache();
  for (const sheet of plan.sheets) await writeSheet(wb, sheet, styles);
  const first = plan.sheets.findIndex((s) => s.visibility === "visible");
  wb.views = [{ activeTab: Math.max(first, 0), x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, visibility: "visible" }];
  // The fastest deflate level: the ward workbook of a city of units is mostly its detail sheet, and level 6 took a third of writing it for a few per cent of size.
  const buffer = await wb.xlsx.writeBuffer({ zip: { compressionOptions: { level: 1 } } } as Parameters<typeof wb.xlsx.writeBuffer>[0]);
  return new Uint8Array(buffer as ArrayBuffer);
}
