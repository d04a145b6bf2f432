/**
 * Both generators render one WorkbookPlan: the Office.js writer (into the
 * fake Excel) and the .xlsx writer (read back with ExcelJS) must give the same
 * cells, merges, protection, visibility and print settings.
 */
import ExcelJS from "exceljs";
import { writePlanToExcel } from "../../src/adapters/office/write-plan";
import { planToXlsx } from "../../src/adapters/xlsx/write-plan";
import { templatePlan } from "../support/plans";
import { FakeExcel, type FakeCell, type FakeSheet } from "./fake-excel";

// ------------------------------------------------------------ one neutral view of a sheet

interface ValidationView {
  type: string;
  operator: string | null;
  formulae: string[];
  allowBlank: boolean;
  showInputMessage: boolean;
  promptTitle: string;
  prompt: string;
  showErrorMessage: boolean;
  errorStyle: string;
  errorTitle: string;
  error: string;
}

interface CellView {
  value: string | number | boolean | null;
  formula: string | null;
  numFmt: string;
  locked: boolean;
  validation: ValidationView | null;
}

interface LookView {
  font: { name: string; size: number; bold: boolean; italic: boolean; color: string };
  fill: string | null;
  horizontal: string;
  vertical: string;
  wrap: boolean;
  borders: Record<"top" | "bottom" | "left" | "right", string | null>;
}

interface SheetView {
  name: string;
  visibility: string;
  protected: boolean;
  merges: string[];
  frozenRows: number;
  columnWidths: number[];
  rowHeights: Record<number, number>;
  print: { paper: string; orientation: string; fitWide: number; fitTall: number; titleRows: string; area: string; margins: number[] } | null;
  cells: Record<string, CellView>;
  looks: Record<string, LookView>;
}

const blankToNull = <T>(v: T | "" | undefined | null): T | null => (v === "" || v === undefined ? null : v);
const noDollars = (address: string) => address.replace(/\$/g, "").replace(/^.*!/, "");
const round = (n: number) => Math.round(n * 100) / 100;

// ------------------------------------------------------------ the fake's model → view

const OPERATOR: Record<string, string> = { GreaterThanOrEqualTo: "greaterThanOrEqual", Between: "between" };
const RULE_TYPE: Record<string, string> = { wholeNumber: "whole", decimal: "decimal", list: "list" };

function fakeValidation(v: FakeCell["validation"]): ValidationView | null {
  if (!v?.rule) return null;
  const [kind, body] = Object.entries(v.rule).find(([, b]) => b !== undefined)!;
  const formulae =
    kind === "list"
      ? [String((body as Excel.ListDataValidation).source)]
      : [(body as Excel.BasicDataValidation).formula1, (body as Excel.BasicDataValidation).formula2].filter((f) => f !== undefined).map(String);
  return {
    type: RULE_TYPE[kind] ?? kind,
    operator: kind === "list" ? null : OPERATOR[(body as Excel.BasicDataValidation).operator],
    formulae,
    allowBlank: v.ignoreBlanks,
    showInputMessage: !!v.prompt?.showPrompt,
    promptTitle: v.prompt?.title ?? "",
    prompt: v.prompt?.message ?? "",
    showErrorMessage: !!v.errorAlert?.showAlert,
    errorStyle: (v.errorAlert?.style ?? "Stop").toLowerCase(),
    errorTitle: v.errorAlert?.title ?? "",
    error: v.errorAlert?.message ?? "",
  };
}

const hex = (color: string | null | undefined) => (color ? color.replace(/^#/, "").toUpperCase() : null);
const fakeEdge = (cell: FakeCell, edge: "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight") => {
  const b = cell.borders[edge];
  return b && b.style !== "None" ? `${b.style === "Continuous" ? b.weight.toLowerCase() : b.style}:${hex(b.color)}` : null;
};

function fakeSheetView(sheet: FakeSheet): SheetView {
  const cells: Record<string, CellView> = {};
  const looks: Record<string, LookView> = {};
  for (const [address, c] of sheet.cells) {
    cells[address] = {
      value: blankToNull(c.value),
      formula: c.formula ? c.formula.replace(/^=/, "") : null,
      numFmt: c.numberFormat,
      locked: c.locked,
      validation: fakeValidation(c.validation),
    };
    looks[address] = {
      font: { ...c.font, color: hex(c.font.color)! },
      fill: hex(c.fill),
      horizontal: c.horizontalAlignment.toLowerCase(),
      vertical: c.verticalAlignment === "Center" ? "middle" : c.verticalAlignment.toLowerCase(),
      wrap: c.wrapText,
      borders: { top: fakeEdge(c, "EdgeTop"), bottom: fakeEdge(c, "EdgeBottom"), left: fakeEdge(c, "EdgeLeft"), right: fakeEdge(c, "EdgeRight") },
    };
  }
  const layout = sheet.pageLayout;
  const widths = [...sheet.columnWidths.entries()].sort(([a], [b]) => a - b);
  return {
    name: sheet.name,
    visibility: sheet.visibility === "VeryHidden" ? "veryHidden" : sheet.visibility.toLowerCase(),
    protected: sheet.protection.protected,
    merges: [...sheet.merges].sort(),
    frozenRows: sheet.frozenRows,
    // Points back to characters of the default font (the Office.js writer's conversion, reversed).
    columnWidths: widths.map(([, points]) => round((points / 0.75 - 5) / 7)),
    rowHeights: Object.fromEntries(sheet.rowHeights),
    print: layout.paperSize
      ? {
          paper: layout.paperSize,
          orientation: layout.orientation!.toLowerCase(),
          fitWide: layout.zoom?.horizontalFitToPages ?? -1,
          fitTall: layout.zoom?.verticalFitToPages ?? -1,
          titleRows: noDollars(layout.printTitleRows ?? ""),
          area: noDollars(layout.printArea ?? ""),
          // Points back to inches.
          margins: [layout.leftMargin, layout.rightMargin, layout.topMargin, layout.bottomMargin, layout.headerMargin, layout.footerMargin].map((m) =>
            round((m ?? -72) / 72),
          ),
        }
      : null,
    cells,
    looks,
  };
}

// ------------------------------------------------------------ ExcelJS's reading → view

function xlsxValidation(v: ExcelJS.DataValidation | undefined): ValidationView | null {
  if (!v) return null;
  return {
    type: v.type,
    // "between" is the OOXML default, and may be left out of the file.
    operator: v.type === "list" ? null : (v.operator ?? "between"),
    formulae: (v.formulae ?? []).map((f) => String(f).replace(/^"(.*)"$/, "$1")),
    allowBlank: !!v.allowBlank,
    showInputMessage: !!v.showInputMessage,
    promptTitle: v.promptTitle ?? "",
    prompt: v.prompt ?? "",
    showErrorMessage: !!v.showErrorMessage,
    errorStyle: v.errorStyle ?? "stop",
    errorTitle: v.errorTitle ?? "",
    error: v.error ?? "",
  };
}

function xlsxValue(cell: ExcelJS.Cell): CellView["value"] {
  const v = cell.value;
  if (cell.type === ExcelJS.ValueType.Formula) return null;
  if (v === null || v === undefined) return null;
  if (typeof v === "object" && "richText" in v) return blankToNull(v.richText.map((r) => r.text).join(""));
  return blankToNull(v as string | number | boolean);
}

const argb = (c: Partial<ExcelJS.Color> | undefined) => (c?.argb ? c.argb.slice(-6).toUpperCase() : null);
const xlsxEdge = (b: Partial<ExcelJS.Border> | undefined) => (b?.style ? `${b.style}:${argb(b.color) ?? "000000"}` : null);

function xlsxSheetView(ws: ExcelJS.Worksheet): SheetView {
  const cells: Record<string, CellView> = {};
  const looks: Record<string, LookView> = {};
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const view: CellView = {
        value: xlsxValue(cell),
        formula: cell.type === ExcelJS.ValueType.Formula ? cell.formula : null,
        numFmt: cell.numFmt || "General",
        locked: cell.protection?.locked ?? true,
        validation: xlsxValidation(cell.dataValidation),
      };
      const styled = cell.font?.name !== undefined || cell.fill !== undefined || cell.border !== undefined;
      const blank = view.value === null && view.formula === null && view.numFmt === "General" && view.locked && !view.validation;
      if (blank && !styled) return;
      cells[cell.address] = view;
      const fill = cell.fill as ExcelJS.FillPattern | undefined;
      const a = cell.alignment ?? {};
      looks[cell.address] = {
        font: {
          name: cell.font?.name ?? "Calibri",
          size: cell.font?.size ?? 11,
          bold: !!cell.font?.bold,
          italic: !!cell.font?.italic,
          color: argb(cell.font?.color) ?? "000000",
        },
        fill: fill?.pattern === "solid" ? argb(fill.fgColor) : null,
        horizontal: a.horizontal ?? "general",
        vertical: a.vertical ?? "bottom",
        wrap: !!a.wrapText,
        borders: {
          top: xlsxEdge(cell.border?.top),
          bottom: xlsxEdge(cell.border?.bottom),
          left: xlsxEdge(cell.border?.left),
          right: xlsxEdge(cell.border?.right),
        },
      };
    });
  });
  const rowHeights: Record<number, number> = {};
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.height !== undefined && row.height !== null) rowHeights[r] = row.height;
  });
  const columnWidths: number[] = [];
  for (let c = 1; c <= ws.columnCount; c++) {
    const width = ws.getColumn(c).width;
    if (width !== undefined) columnWidths.push(round(width));
  }
  const frozen = (ws.views ?? []).find((v) => v.state === "frozen") as ExcelJS.WorksheetViewFrozen | undefined;
  const ps = ws.pageSetup;
  return {
    name: ws.name,
    visibility: ws.state ?? "visible",
    protected: !!(ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet,
    merges: [...((ws.model as { merges?: string[] }).merges ?? [])].sort(),
    frozenRows: frozen?.ySplit ?? 0,
    columnWidths,
    rowHeights,
    print:
      ps.paperSize !== undefined
        ? {
            paper: ps.paperSize === 9 ? "A4" : String(ps.paperSize),
            orientation: ps.orientation ?? "portrait",
            fitWide: ps.fitToPage ? (ps.fitToWidth ?? 1) : -1,
            fitTall: ps.fitToPage ? (ps.fitToHeight ?? 1) : -1,
            titleRows: noDollars(ps.printTitlesRow ?? ""),
            area: noDollars(ps.printArea ?? ""),
            margins: ["left", "right", "top", "bottom", "header", "footer"].map((k) =>
              round((ps.margins as unknown as Record<string, number> | undefined)?.[k] ?? -1),
            ),
          }
        : null,
    cells,
    looks,
  };
}

// ------------------------------------------------------------ the comparison

describe("the Office.js and .xlsx generators", () => {
  const plan = templatePlan('UBND phường "=HYPERLINK(1)"');
  let office: SheetView[];
  let xlsx: SheetView[];

  beforeAll(async () => {
    const excel = new FakeExcel();
    await writePlanToExcel(excel.run, plan, { replaceExisting: false, supportsPageLayout: true });
    office = plan.sheets.map((s) => fakeSheetView(excel.sheet(s.name)));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await planToXlsx(plan)) as unknown as ArrayBuffer);
    xlsx = wb.worksheets.map(xlsxSheetView);
  });

  it("make the same sheets, in the same order, with the same visibility and protection", () => {
    const outline = (views: SheetView[]) => views.map(({ name, visibility, protected: p }) => ({ name, visibility, protected: p }));
    expect(outline(xlsx)).toEqual(outline(office));
    expect(outline(office).map((s) => s.name)).toEqual(plan.sheets.map((s) => s.name));
  });

  it("make the same cells: value, formula, number format, lock and data validation at every address", () => {
    plan.sheets.forEach((sheet, i) => {
      expect({ sheet: sheet.name, cells: xlsx[i].cells }).toEqual({ sheet: sheet.name, cells: office[i].cells });
    });
    plan.sheets.forEach((sheet, i) => expect(Object.keys(office[i].cells).length).toBe(sheet.cells.length));
    const all = office.flatMap((s) => Object.values(s.cells));
    expect(all.some((c) => c.formula !== null)).toBe(true);
    expect(all.some((c) => c.validation?.type === "list")).toBe(true);
    expect(all.some((c) => !c.locked)).toBe(true);
  });

  it("make the same merges, frozen rows, column widths, row heights and print settings", () => {
    const layout = ({ name, merges, frozenRows, columnWidths, rowHeights, print }: SheetView) => ({
      name,
      merges,
      frozenRows,
      columnWidths,
      rowHeights,
      print,
    });
    expect(xlsx.map(layout)).toEqual(office.map(layout));
    expect(office.filter((s) => s.print !== null).map((s) => s.name)).toEqual(plan.sheets.filter((s) => s.print).map((s) => s.name));
  });

  it("make cells that look the same: font, fill, alignment, wrapping and borders", () => {
    plan.sheets.forEach((sheet, i) => {
      expect({ sheet: sheet.name, looks: xlsx[i].looks }).toEqual({ sheet: sheet.name, looks: office[i].looks });
    });
  });
});
