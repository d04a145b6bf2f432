import type { Form } from "../forms/schema";
import type { CellSnapshot, SheetSnapshot } from "./snapshot";

/*
 * What locating a form finds, on its own sheet (locate.ts) or pasted into
 * another (locate-pasted.ts). The shapes live apart from both finders so that
 * each can name the other's results without the two importing each other.
 */

/** The columns of a form table, found from its header row. */
export interface TableColumns {
  stt: number;
  indicator: number;
  unit: number;
  value: number;
  note?: number;
}

/** One data row of a form table as found on a sheet. */
export interface LocatedRow {
  stt: string;
  /** sheet row number */
  row: number;
  /** the STT exactly as the sheet has it (e.g. 2.1 stored as a number) */
  rawStt: CellSnapshot;
  indicator?: CellSnapshot;
  unit?: CellSnapshot;
  value?: CellSnapshot;
  note?: CellSnapshot;
  /** set when the row was matched by its indicator text (a pasted form), not by its STT */
  match?: { by: "text"; score: number; writtenStt?: string };
}

/** A form found in a workbook: its sheet, header, columns and rows in sheet order. */
export interface LocatedForm {
  form: Form;
  sheet: SheetSnapshot;
  headerRow: number;
  columns: TableColumns;
  /** header labels as found, for STRUCTURE_CHANGED when one was renamed */
  headerLabels: string[];
  rows: LocatedRow[];
  /** "pasted": a form found by its title inside another sheet (the appendix pasted from Word); absent for a form's own sheet */
  layout?: "pasted";
  pasted?: PastedForm;
}

/** A sheet row of a pasted form that no catalogue row could be given to. */
export interface UnmatchedRow {
  row: number;
  text: string;
  /** the STT as written, when there is one */
  writtenStt?: string;
  value?: CellSnapshot;
  unit?: CellSnapshot;
  /** "ambiguous": two catalogue rows fit equally well; "none": none fits */
  reason: "ambiguous" | "none";
  /** the catalogue rows it could be (ambiguous), or the closest one (none) */
  candidates: { stt: string; score: number }[];
}

/** What only a pasted form has: where its title is, what was skipped and what was left unmatched. */
export interface PastedForm {
  /** the cell of the title that starts the form */
  title: { row: number; col: number; text: string };
  /** the first row of its header (the header may take two rows; LocatedForm.headerRow is the last) */
  headerFirstRow: number;
  /** the last sheet row of the form's segment */
  lastRow: number;
  /** header rows repeated inside the form (after a page break), skipped */
  repeatedHeaders: number[];
  unmatched: UnmatchedRow[];
}

/** One form found in a pasted sheet; `located` is undefined when its table has no readable header. */
export interface PastedSegment {
  form: Form;
  title: { row: number; col: number; text: string };
  located?: LocatedForm;
}
