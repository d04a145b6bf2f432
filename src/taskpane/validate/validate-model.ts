/**
 * What Kiểm tra shows and works on, without React: a workbook's report, the
 * phases of the view, and the pure steps behind them (the sheets forms were
 * pasted into, what an import read, the cells to mark, what a fix changes).
 */
import type { MarkedCell } from "../../adapters/host/types";
import type { ImportResult } from "../../core/import/import-workbook";
import type { UiStrings } from "../../core/messages/vi-ui";
import { formNumberOfSheet } from "../../core/read/locate";
import { cellAddress } from "../../core/layout/address";
import { cellRef, type FindingCode, type FixAction, type RawFinding, type Severity } from "../../core/validate/finding";
import { countFindings, type ValidationResult } from "../../core/validate/validate-workbook";
import { toFinding } from "../../core/messages/word";
import { hostCell, type PreviewWindow } from "../jobs/preview";
import type { ErrorView } from "../describe-error";
import type { UiLang } from "../strings";

/** The outcome of checking one workbook: the open one in Excel, or one file in the browser. */
export interface Report {
  id: string;
  /** the file's name in the browser; absent for the workbook open in Excel */
  file?: string;
  /** the file's place among those chosen (browser), to convert it */
  index?: number;
  /** "import": what converting a pasted appendix read, its findings at the pasted cells; absent: a check */
  kind?: "import";
  /** the heading of an import report */
  title?: string;
  result?: ValidationResult;
  /** why the file could not be read, as a sentence */
  error?: string;
  /** whether opening and saving the file again as .xlsx may cure the error */
  resave?: boolean;
  /** in the browser, the cells around the findings for the sheet preview */
  preview?: PreviewWindow[];
}

/** Long work the view shows a spinner for. */
export type Task = "check" | "select" | "mark" | "clear" | "fix" | "convert";

/** A finished Chuyển sang biểu mẫu chuẩn, as the success message tells it. */
export interface ConvertedNotice {
  kind: "converted";
  /** the standard sheets written (BM1…), without the hidden metadata sheet */
  sheets: string[];
  /** the sheet(s) the pasted forms were read from */
  source: string;
  unit: string;
  period: string;
  /** in the browser, the name of the downloaded file */
  fileName?: string;
  printSetupApplied: boolean;
}

/** Where Kiểm tra stands. */
export type ValidatePhase =
  | { kind: "idle" }
  | { kind: "working"; task: Task; file?: string }
  | { kind: "stopped" }
  | { kind: "error"; task: Task; error: ErrorView }
  | { kind: "done"; notice?: { kind: "marked"; cells: number } | { kind: "cleared" } | { kind: "fixed"; cells: number } | ConvertedNotice };

/** The unit and period asked for before converting, when the pasted sheet does not say them. */
export interface ConvertChoice {
  reportId: string;
  unit: string;
  /** "" until the officer picks one */
  periodId: string;
  /** what the sheet does not say */
  missing: { unit: boolean; period: boolean };
  /** dates the sheet gives ("09/6/2025"), to help choosing */
  dates: string[];
}

/** One cell a fix changes, as the confirmation shows it. */
export interface FixChange {
  cell: string;
  before: string;
  after: string;
  fix: FixAction;
}

export type SeverityFilter = "all" | Severity;

/**
 * The sheets a checked workbook's forms were found pasted into (Phụ lục 3
 * pasted from Word into "Sheet1"), in order; empty when every form is on a
 * sheet of its own ("BM3", "Biểu mẫu 3").
 */
export function pastedSheets(result: ValidationResult | undefined): string[] {
  if (!result) return [];
  return [...new Set(Object.values(result.forms).filter((sheet) => formNumberOfSheet(sheet) === undefined))];
}

/**
 * What reading a pasted table decided or could not decide, as `cchc import`
 * reports it: numbers read from their context or typed as text, text that is
 * no number, rows placed by their text or placed nowhere, missing rows, a
 * title that says another period. The other findings of an import are about
 * the figures themselves, and Kiểm tra lists them already.
 */
const READING_CODES: ReadonlySet<FindingCode> = new Set([
  "VALUE_RESOLVED",
  "AMBIGUOUS_NUMBER",
  "NUMBER_AS_TEXT",
  "NOT_A_NUMBER",
  "ROW_MATCHED_BY_TEXT",
  "STRUCTURE_CHANGED",
  "TITLE_MISMATCH",
]);

/** The findings of an import that say how the pasted table was read, as a report's result. */
export function readingResult(result: ImportResult): ValidationResult {
  const findings = result.findings.filter((f) => READING_CODES.has(f.code));
  return { forms: result.forms, figures: {}, notes: {}, findings, counts: countFindings(findings) };
}

/** "phu-luc-3.xlsx" → "phu-luc-3-chuan.xlsx": the name `cchc import` gives the standard copy. */
export const convertedFileName = (file: string | undefined): string => `${(file ?? "bieu-mau").replace(/\.xlsx$/i, "")}-chuan.xlsx`;

/** The stable key of a finding within its report, for selection and React. */
export const findingKey = (report: Report, index: number) => `${report.id}#${index}`;

/** Every cell with a finding, once, with its worst severity. */
export function cellsToMark(findings: readonly RawFinding[]): MarkedCell[] {
  const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const byCell = new Map<string, MarkedCell>();
  for (const f of findings) {
    const at = hostCell(f);
    if (!at) continue;
    const key = `${at.sheet}!${at.address}`;
    const had = byCell.get(key);
    if (!had || order[f.severity] < order[had.severity]) byCell.set(key, { ...at, severity: f.severity });
  }
  return [...byCell.values()];
}

/** What each certain fix changes, once per cell, in words for the confirmation. */
export function describeFixes(findings: readonly RawFinding[], t: UiStrings["validate"], lang: UiLang): FixChange[] {
  const numbers = new Intl.NumberFormat(lang === "en" ? "en-US" : "vi-VN", { maximumFractionDigits: 10 });
  const seen = new Set<string>();
  const out: FixChange[] = [];
  for (const raw of findings) {
    const fix = raw.fix;
    if (!fix) continue;
    // The cell and the figure found, as the finding shows them.
    const f = toFinding(raw, lang);
    const cell = f.cell ?? cellRef(fix.sheet, cellAddress(fix.row, fix.col));
    if (seen.has(cell)) continue;
    seen.add(cell);
    const now = f.actual === null || f.actual === "" ? t.empty : f.actual;
    switch (fix.kind) {
      case "set-formula":
        out.push({ cell, before: now, after: `=${fix.formula}`, fix });
        break;
      case "set-number":
        out.push({ cell, before: f.actual ? t.asText(f.actual) : now, after: t.asNumber(numbers.format(fix.value)), fix });
        break;
      case "set-text":
        out.push({ cell, before: now, after: fix.text, fix });
        break;
    }
  }
  return out;
}
