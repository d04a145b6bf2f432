import { cellAddress } from "../layout/address";
import type { FindingParamsMap } from "./finding-params";

/** The codes the aggregation itself raises (the rest come from checking a workbook, a unit's or the ward's). */
const AGGREGATION_CODE_LIST = [
  "UNIT_DUPLICATE",
  "UNIT_MISSING",
  "PERIOD_MISMATCH",
  "VALUES_CONFLICT",
  "UNKNOWN_UNIT",
  "UNIT_MATCHED_BY_TEXT",
  // The ward's figures: lead and sum (DOMAIN.md, "How a ward aggregates")
  "LEAD_MISSING",
  "LEAD_REPEATED",
  "DOUBLE_COUNT_SUSPECTED",
  // The reporting cycle: a unit's file made for other dates than the ward's
  "CUTOFF_MISMATCH",
] as const;

/** Every finding code, stable: tools and users may rely on them (documented in the README). */
export const FINDING_CODES = [
  "SUM_MISMATCH",
  "RATIO_MISMATCH",
  "FORMULA_MISMATCH",
  "PART_EXCEEDS_WHOLE",
  "NOT_A_NUMBER",
  "NUMBER_AS_TEXT",
  "AMBIGUOUS_NUMBER",
  "NOT_INTEGER",
  "NEGATIVE",
  "OUT_OF_RANGE",
  "INVALID_CODE",
  "MISSING_VALUE",
  "UNIT_MISMATCH",
  "CROSS_FORM_MISMATCH",
  "STRUCTURE_CHANGED",
  // Forms pasted into one sheet (Phụ lục 3 from Word) and cchc import
  "PASTED_LAYOUT",
  "ROW_MATCHED_BY_TEXT",
  "VALUE_RESOLVED",
  "TITLE_MISMATCH",
  // The previous period (--previous): cumulative rows never fall within a year, stock figures rarely jump
  "CUMULATIVE_DECREASED",
  "STOCK_CHANGED",
  "PREVIOUS_NOT_COMPARABLE",
  // Aggregation of unit workbooks into a ward's
  ...AGGREGATION_CODE_LIST,
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export const AGGREGATION_CODES: ReadonlySet<FindingCode> = new Set(AGGREGATION_CODE_LIST);

export type Severity = "error" | "warning" | "info";

/** A fix the product can apply with certainty, after the officer agrees; its cell as numbers (1-based row and column). */
export type FixAction =
  | { kind: "set-formula"; sheet: string; row: number; col: number; formula: string }
  | { kind: "set-number"; sheet: string; row: number; col: number; value: number }
  | { kind: "set-text"; sheet: string; row: number; col: number; text: string };

/** Values a message is built from, typed per code (finding-params.ts); numbers are formatted per language when the message is written. */
export type FindingParamsOf<C extends FindingCode> = FindingParamsMap[C];
export type { FindingParamsMap } from "./finding-params";

/** What every raw finding has, whatever its code. */
interface RawFindingFields {
  /** the unit workbook it is about, in an aggregation */
  file?: string;
  severity: Severity;
  form: string;
  /** the STT, or null for a finding about a whole form or workbook */
  row: string | null;
  /** sheet name and cell, e.g. { sheet: "BM3", row: 12, col: 4 } (D12), or null when there is no cell (a missing row) */
  at: FindingPlace | null;
  /** the value the rule expected and the one it found, as numbers or text */
  expected: number | string | null;
  actual: number | string | null;
  fix?: FixAction;
  /** on the ward's figures: the units whose figures make up the cells involved */
  units?: string[];
}

/** A raw finding of one code, with that code's params. */
export type RawFindingOf<C extends FindingCode> = RawFindingFields & { code: C; params: FindingParamsOf<C> };

/** What a rule reports, before it is put into words: a union discriminated by `code`, so `params` narrows with it. */
export type RawFinding = { [C in FindingCode]: RawFindingOf<C> }[FindingCode];

/**
 * Builds a raw finding of one code; its params are checked against that code's.
 * The one place a finding of a generic code becomes the union: TypeScript
 * cannot see that RawFindingOf<C> is a member of it for a C not yet known.
 */
export function rawFinding<C extends FindingCode>(f: RawFindingOf<C>): RawFinding {
  return f as unknown as RawFinding;
}

/** A finding's cell as numbers (1-based row and column), for code that goes to the cell: no "BM3!D12" to parse back. */
export interface FindingPlace {
  sheet: string;
  row: number;
  col: number;
}

/** A finding as users and tools see it. */
export interface Finding {
  code: FindingCode;
  /** the unit workbook it is about, in an aggregation */
  file?: string;
  severity: Severity;
  form: string;
  row: string | null;
  /** "BM3!D12" (sheet names with spaces are quoted: 'Biểu mẫu 3'!D12), to show and in --json */
  cell: string | null;
  /** the same cell as numbers, for code that selects, marks or sorts by it */
  at: FindingPlace | null;
  message: string;
  /** what to do about it */
  suggestion: string;
  expected: string | null;
  actual: string | null;
  /** the fix, with its cell also as "D14" (the --json field tools have read since the first release) */
  fix?: FixAction & { address: string };
  /** on the ward's figures: the units whose figures make up the cells involved */
  units?: string[];
}

/** "BM3!D12", quoting sheet names that need it. */
export function cellRef(sheet: string, address: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? `${sheet}!${address}` : `'${sheet.replace(/'/g, "''")}'!${address}`;
}

/** "BM3!D12" of a cell given as numbers: the text a report shows, built from the place only where it is shown. */
export function placeRef(sheet: string, row: number, col: number): string {
  return cellRef(sheet, cellAddress(row, col));
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Orders findings by form, then sheet row, then severity: the order a reader walks the forms. */
export function compareFindings(a: { form: string; cellRow?: number; severity: Severity }, b: { form: string; cellRow?: number; severity: Severity }): number {
  const fa = Number(a.form.replace(/\D/g, "")) || 0;
  const fb = Number(b.form.replace(/\D/g, "")) || 0;
  return fa - fb || (a.cellRow ?? 0) - (b.cellRow ?? 0) || ORDER[a.severity] - ORDER[b.severity];
}
