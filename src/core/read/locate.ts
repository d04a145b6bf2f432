import type { Catalogue, Form } from "../forms/schema";
import { FORM_TEXT } from "../layout/texts";
import type { LocatedForm, LocatedRow, TableColumns } from "./located";
import { cellAt, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot";
import { locatePastedForms } from "./locate-pasted";
import { foldText, memoText, normaliseStt } from "./text";

export type { LocatedForm, LocatedRow, TableColumns } from "./located";

/** Sheet names that mean form N: "BM3", "Biểu mẫu 3", "Bieu mau 3", "bm 3" (case and accents ignored). */
export const formNumberOfSheet: (name: string) => number | undefined = memoText(formNumber);

// Every workbook names its sheets alike ("BM1" … "BM7"), and each name is asked about twice: remembered (memoText).
function formNumber(name: string): number | undefined {
  const m = /^(?:bm|bieu mau)\s*(\d+)$/.exec(foldText(name).replace(/[_-]+/g, " "));
  return m ? Number(m[1]) : undefined;
}

const HEADER_SCAN_ROWS = 40;
const HEADER_SCAN_COLS = 15;
const folded = FORM_TEXT.header.map(foldText);

/** Finds the header row and column of each heading; tolerates a header spread over two rows. */
function findHeader(sheet: SheetSnapshot): { row: number; columns: TableColumns; labels: string[] } | undefined {
  const text = (r: number, c: number) => {
    const v = cellAt(sheet, r, c)?.value;
    return typeof v === "string" ? foldText(v) : "";
  };
  for (let r = 1; r <= Math.min(sheet.maxRow, HEADER_SCAN_ROWS); r++) {
    let stt = 0;
    let indicator = 0;
    for (let c = 1; c <= Math.min(sheet.maxCol, HEADER_SCAN_COLS); c++) {
      const t = text(r, c);
      if (t === "stt" && !stt) stt = c;
      else if (t.startsWith(folded[1]) && !indicator) indicator = c;
    }
    if (!stt || !indicator) continue;
    let unit = 0;
    let value = 0;
    let note = 0;
    let lastHeaderRow = r;
    for (const rr of [r, r + 1]) {
      for (let c = 1; c <= Math.min(sheet.maxCol, HEADER_SCAN_COLS); c++) {
        const t = text(rr, c);
        if (t === folded[2] && !unit) unit = c;
        else if (t === folded[3] && !value) value = c;
        else if (t.startsWith(folded[4]) && !note) note = c;
      }
      if (unit && value) {
        lastHeaderRow = rr;
        break;
      }
    }
    // A renamed heading: fall back to the standard order after the indicator column.
    const columns: TableColumns = { stt, indicator, unit: unit || indicator + 1, value: value || indicator + 2, note: note || undefined };
    const labels = [columns.stt, columns.indicator, columns.unit, columns.value, columns.note ?? indicator + 3].map((c) => {
      const v = cellAt(sheet, r, c)?.value ?? cellAt(sheet, lastHeaderRow, c)?.value;
      return typeof v === "string" ? v.trim() : "";
    });
    return { row: lastHeaderRow, columns, labels };
  }
  return undefined;
}

/** Reads a form table: every row below the header whose STT column holds an STT. */
export function locateForm(form: Form, sheet: SheetSnapshot): LocatedForm | undefined {
  const header = findHeader(sheet);
  if (!header) return undefined;
  const { columns } = header;
  const at = (r: number, c: number | undefined) => (c ? cellAt(sheet, r, c) : undefined);
  const rows: LocatedRow[] = [];
  for (let r = header.row + 1; r <= sheet.maxRow; r++) {
    const rawStt = at(r, columns.stt);
    const stt = normaliseStt(rawStt?.value);
    if (!stt || !rawStt) continue;
    rows.push({ stt, row: r, rawStt, indicator: at(r, columns.indicator), unit: at(r, columns.unit), value: at(r, columns.value), note: at(r, columns.note) });
  }
  return { form, sheet, headerRow: header.row, columns, headerLabels: header.labels, rows };
}

/** A form's place in a workbook that could not be used: its sheet, and the title cell of a pasted form. */
export interface FormPlace {
  form: Form;
  sheet: SheetSnapshot;
  /** the title cell of a pasted form; absent for a form's own sheet */
  title?: { row: number; col: number };
}

/**
 * The forms of a workbook: sheets named after a form ("BM3", "Biểu mẫu 3"),
 * then, in any other sheet, forms pasted one after another under their
 * titles ("Biểu mẫu 3"). A form's own sheet wins over a pasted copy, and the
 * first place wins among equals; the others are duplicates.
 */
/** Where a workbook's forms are: read, unreadable, or found a second time. */
export interface LocatedForms {
  found: LocatedForm[];
  unreadable: FormPlace[];
  duplicates: FormPlace[];
}

export function locateForms(book: WorkbookSnapshot, catalogue: Catalogue): LocatedForms {
  const found: LocatedForm[] = [];
  const unreadable: FormPlace[] = [];
  const duplicates: FormPlace[] = [];
  const seen = new Set<string>();
  for (const sheet of book.sheets) {
    const n = formNumberOfSheet(sheet.name);
    const form = catalogue.forms.find((f) => f.number === n);
    if (!form) continue;
    if (seen.has(form.id)) {
      duplicates.push({ form, sheet });
      continue;
    }
    seen.add(form.id);
    const located = locateForm(form, sheet);
    if (located) found.push(located);
    else unreadable.push({ form, sheet });
  }
  // Pasted forms second: once the standard sheets have been made from a pasted appendix, they are the ones read.
  for (const sheet of book.sheets) {
    if (formNumberOfSheet(sheet.name) !== undefined || sheet.visibility === "veryHidden") continue;
    for (const segment of locatePastedForms(sheet, catalogue)) {
      const title = { row: segment.title.row, col: segment.title.col };
      if (seen.has(segment.form.id)) duplicates.push({ form: segment.form, sheet, title });
      else if (segment.located) found.push(segment.located);
      else unreadable.push({ form: segment.form, sheet, title });
      seen.add(segment.form.id);
    }
  }
  return { found, unreadable, duplicates };
}
