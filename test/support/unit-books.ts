import { CATALOGUE } from "../../src/core/forms";
import { META_FORMAT, META_SHEET } from "../../src/core/layout/metadata";
import { FORM_TEXT } from "../../src/core/layout/texts";
import { parsePeriod } from "../../src/core/periods";
import type { CellSnapshot, SheetSnapshot, WorkbookSnapshot } from "../../src/core/read";
import { rowsFromA1 } from "./a1";
import { formSheet, type Entry } from "./snapshot-builder";

/** Figures of a unit by form and STT, as typed (ratio and total rows keep their template formulas). */
export type UnitFigures = Record<string, Record<string, Entry>>;

export interface UnitBookOptions {
  /** the unit recorded in the hidden metadata sheet (as `cchc template --unit` does); none: a hand-made workbook */
  unit?: string;
  /** the period id recorded with the unit (default 2026-H1) */
  period?: string;
  /** when the template was made, as recorded in the metadata */
  createdAt?: string;
  /** the title block's unit and period label lines; default: the recorded unit and period, or none for a hand-made workbook */
  title?: { unit?: string | null; period?: string | null };
  /** sheet names in place of the form ids, e.g. { BM3: "Biểu mẫu 3" } */
  sheetNames?: Record<string, string>;
}

function label(periodId: string): string {
  const p = parsePeriod(periodId);
  if (!p.ok) throw new Error(`bad test period ${periodId}`);
  return p.value.label.vi;
}

/** The hidden metadata sheet `cchc template` writes, for one unit and period. */
export function unitMeta(unit: string, periodId: string, forms: string[], createdAt = "2026-06-01T08:00:00.000Z"): SheetSnapshot {
  const rows: [string, string][] = [
    ["format", META_FORMAT],
    ["formatVersion", "1"],
    ["catalogueVersion", CATALOGUE.version],
    ["unit", unit],
    ["period", periodId],
    ["forms", forms.join(",")],
    ["createdAt", createdAt],
  ];
  const cells: Record<string, CellSnapshot> = { A1: { value: FORM_TEXT.metaTitle } };
  rows.forEach(([k, v], i) => {
    cells[`A${i + 2}`] = { value: k };
    cells[`B${i + 2}`] = { value: v };
  });
  return { name: META_SHEET, visibility: "veryHidden", rows: rowsFromA1(cells), maxRow: rows.length + 1, maxCol: 2, merges: [] };
}

/**
 * A unit workbook as plain data: one sheet per form given, laid out like the
 * template, with the unit and period in the title block and (unless it is a
 * hand-made workbook) in the metadata sheet.
 */
export function unitBook(figures: UnitFigures, options: UnitBookOptions = {}): WorkbookSnapshot {
  const periodId = options.period ?? "2026-H1";
  const titleUnit = options.title?.unit === undefined ? options.unit : options.title.unit;
  const titlePeriod = options.title?.period === undefined ? (options.unit !== undefined ? label(periodId) : undefined) : options.title.period;
  const forms = Object.keys(figures);
  const sheets = forms.map((id) => {
    const form = CATALOGUE.forms.find((f) => f.id === id)!;
    const titleLines = [
      FORM_TEXT.formLabel(form.number),
      form.title,
      titleUnit ? FORM_TEXT.unitLine(titleUnit) : null,
      titlePeriod ? FORM_TEXT.periodLine(titlePeriod) : null,
      null,
      null,
    ];
    return formSheet(id, { titleLines, values: figures[id], sheetName: options.sheetNames?.[id] });
  });
  if (options.unit !== undefined) sheets.push(unitMeta(options.unit, periodId, forms, options.createdAt));
  return { sheets };
}
