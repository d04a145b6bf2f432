import { CATALOGUE } from "../../src/core/forms";
import type { Form, FormRow } from "../../src/core/forms";
import { cellAddress } from "../../src/core/layout/address";
import { ratioFormula, totalFormula } from "../../src/core/layout/formulas";
import { META_FORMAT, META_SHEET } from "../../src/core/layout/metadata";
import { FORM_TEXT } from "../../src/core/layout/texts";
import type { CellSnapshot, CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/read";
import { sheetFromA1 } from "./a1";

/**
 * What a row holds: a figure typed into Số liệu, or the cells as a user left
 * them (a formula with or without its cached result, an error value, another
 * unit, another STT or indicator). `unit: null` empties the Đơn vị tính cell.
 */
export type Entry = CellValue | { value?: CellValue; formula?: string; error?: string; unit?: CellValue; stt?: CellValue; indicator?: CellValue };

export interface FormSheetOptions {
  /** default: the form id ("BM3"); e.g. "Biểu mẫu 3" */
  sheetName?: string;
  /** lines above the header row; default: the template's five title lines and an empty one (header on row 7) */
  titleLines?: (string | null)[];
  /** column of STT, 1 = A (default); the other columns follow it */
  firstColumn?: number;
  /** STTs in sheet order; default: the catalogue's. Leave one out, repeat it, swap two or add an unknown one. */
  rows?: string[];
  /** header labels in place of STT | Chỉ tiêu thống kê | Đơn vị tính | Số liệu | Ghi chú; null leaves a heading blank */
  header?: (string | null)[];
  /** entries by STT; ratio and total rows default to the catalogue formula with no cached result, as a freshly written file */
  values?: Record<string, Entry>;
}

/** The catalogue form with this id. */
export function formOf(id: string): Form {
  const form = CATALOGUE.forms.find((f) => f.id === id);
  if (!form) throw new Error(`no form ${id}`);
  return form;
}

function templateTitle(form: Form): (string | null)[] {
  return [
    FORM_TEXT.formLabel(form.number),
    form.title,
    FORM_TEXT.unitLine("Phòng Văn hóa - Xã hội"),
    FORM_TEXT.periodLine("6 tháng đầu năm 2026"),
    FORM_TEXT.windowLine("15/12/2025", "14/06/2026"),
    null,
  ];
}

/** Row number of each STT on a sheet built with these options (the first one when an STT repeats). */
export function rowOf(formId: string, options: FormSheetOptions = {}): Map<string, number> {
  const form = formOf(formId);
  const header = (options.titleLines ?? templateTitle(form)).length + 1;
  const order = options.rows ?? form.rows.map((r) => r.stt);
  const rows = new Map<string, number>();
  order.forEach((stt, i) => {
    if (!rows.has(stt)) rows.set(stt, header + 1 + i);
  });
  return rows;
}

/** The default formula of a ratio or total row, over the rows where its parts sit; undefined when a part is not on the sheet. */
function catalogueFormula(row: FormRow, at: (stt: string) => string | undefined): string | undefined {
  if (row.kind === "ratio") {
    const n = at(row.numerator!);
    const d = at(row.denominator!);
    return n && d ? ratioFormula(n, d) : undefined;
  }
  if (row.kind === "total") {
    const parts = row.sumOf!.map(at);
    return parts.every(Boolean) ? totalFormula(parts as string[]) : undefined;
  }
  return undefined;
}

/** A form sheet as plain data, laid out like the generated template unless told otherwise. */
export function formSheet(formId: string, options: FormSheetOptions = {}): SheetSnapshot {
  const form = formOf(formId);
  const titleLines = options.titleLines ?? templateTitle(form);
  const c0 = options.firstColumn ?? 1;
  const col = { stt: c0, indicator: c0 + 1, unit: c0 + 2, value: c0 + 3, note: c0 + 4 };
  const cells: Record<string, CellSnapshot> = {};
  const put = (r: number, c: number, cell: CellSnapshot | undefined) => {
    if (cell && (cell.value !== null || cell.formula !== undefined || cell.error !== undefined)) cells[cellAddress(r, c)] = cell;
  };
  const text = (v: CellValue | undefined): CellSnapshot | undefined => (v === undefined || v === null || v === "" ? undefined : { value: v });

  titleLines.forEach((line, i) => put(i + 1, c0, text(line)));
  const headerRow = titleLines.length + 1;
  const labels = options.header ?? [...FORM_TEXT.header];
  labels.forEach((label, i) => put(headerRow, c0 + i, text(label)));

  const rows = rowOf(formId, options);
  const at = (stt: string) => (rows.has(stt) ? cellAddress(rows.get(stt)!, col.value) : undefined);
  const order = options.rows ?? form.rows.map((r) => r.stt);
  order.forEach((stt, i) => {
    const r = headerRow + 1 + i;
    const row = form.rows.find((x) => x.stt === stt);
    const given = options.values?.[stt];
    const entry = given !== null && typeof given === "object" ? given : given === undefined ? {} : { value: given };
    put(r, col.stt, text("stt" in entry ? entry.stt : stt));
    put(r, col.indicator, text("indicator" in entry ? entry.indicator : (row?.indicator ?? `Chỉ tiêu ${stt}`)));
    put(r, col.unit, text("unit" in entry ? entry.unit : (row?.unit ?? "")));
    if ("value" in entry || "formula" in entry || "error" in entry) {
      put(r, col.value, {
        value: entry.value ?? null,
        ...(entry.formula !== undefined ? { formula: entry.formula.replace(/^=/, "") } : {}),
        ...(entry.error !== undefined ? { error: entry.error } : {}),
      });
    } else if (row) {
      const formula = catalogueFormula(row, at);
      if (formula) put(r, col.value, { value: null, formula });
    }
  });
  return finish(options.sheetName ?? form.id, cells);
}

/** A sheet of arbitrary cells ("A1" → value), e.g. a sheet named BM3 without a form table. */
export function plainSheet(name: string, values: Record<string, CellValue>): SheetSnapshot {
  const cells: Record<string, CellSnapshot> = {};
  for (const [address, value] of Object.entries(values)) cells[address] = { value };
  return finish(name, cells);
}

/** The hidden metadata sheet of a workbook made by the product, listing its forms. */
export function metaSheet(forms: string[], unit = "Phòng Văn hóa - Xã hội"): SheetSnapshot {
  const rows: [string, string][] = [
    ["format", META_FORMAT],
    ["formatVersion", "1"],
    ["catalogueVersion", CATALOGUE.version],
    ["unit", unit],
    ["period", "2026-H1"],
    ["forms", forms.join(",")],
  ];
  const cells: Record<string, CellSnapshot> = { A1: { value: FORM_TEXT.metaTitle } };
  rows.forEach(([k, v], i) => {
    cells[`A${i + 2}`] = { value: k };
    cells[`B${i + 2}`] = { value: v };
  });
  return { ...finish(META_SHEET, cells), visibility: "veryHidden" };
}

function finish(name: string, cells: Record<string, CellSnapshot>): SheetSnapshot {
  return sheetFromA1(name, cells);
}

/** A workbook of these sheets. */
export function book(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { sheets };
}
