import type { WorkbookPlan } from "../../core/layout/plan";
import type { WorkbookSnapshot } from "../../core/read/snapshot";
import type { FixAction, Severity } from "../../core/validate/finding";

/** What writing a template into a host gave. */
export type WriteTemplateOutcome =
  /** BM sheets with these names already exist and replaceExisting was false: ask the officer first. */
  | { status: "exists"; existing: string[] }
  | {
      status: "written";
      /** sheets written, in order */
      sheets: string[];
      /** false when the host could not apply print settings (Excel older than ExcelApi 1.9) */
      printSetupApplied: boolean;
      /** in the browser, the name of the downloaded file */
      fileName?: string;
    };

/** A cell to colour after Kiểm tra, with the severity of its worst finding. */
export interface MarkedCell {
  sheet: string;
  address: string;
  severity: Severity;
}

/** The steps of Kiểm tra môi trường, in the order they run. */
export const SELF_CHECK_STEPS = ["prepare", "write", "read", "validation", "protection", "marks", "fix", "print", "payload", "cleanup"] as const;
export type SelfCheckStepId = (typeof SELF_CHECK_STEPS)[number];

/** Why a step of the self-check did not run. */
export type SelfCheckSkip =
  /** the workbook's structure is protected: no scratch sheet can be added */
  | { reason: "structureProtected" }
  /** this Excel lacks the requirement set the step needs (print setup: ExcelApi 1.9) */
  | { reason: "notSupported"; needs: string }
  /** the workbook holds marks of Kiểm tra (Đánh dấu trên trang tính), which marking would replace */
  | { reason: "marksInUse" }
  /** an earlier step it builds on failed */
  | { reason: "blocked"; by: SelfCheckStepId };

/** One step of the self-check: what happened, Excel's answer when it failed, and how long it took. */
export interface SelfCheckStep {
  id: SelfCheckStepId;
  status: "passed" | "failed" | "skipped";
  /** milliseconds the step took */
  ms: number;
  skip?: SelfCheckSkip;
  /** what Excel (or the add-in) threw: error.code, error.message, and debugInfo.errorLocation when Excel gave one */
  error?: { code: string; message: string; location?: string };
  /** a step that ran but read back something else than it wrote */
  mismatch?: { sheet: string; address: string; expected: string; actual: string };
  /** what the step covered: cells read back, validations seen, bytes written, sheets removed */
  counts?: { cells?: number; validations?: number; bytes?: number; removed?: number };
}

/** What Kiểm tra môi trường found: plain data; the pane puts it into words and into the copied report. */
export interface SelfCheckReport {
  /** ISO time the check started */
  startedAt: string;
  /** Office.context.diagnostics; null when Office would not tell */
  excel: { host: string; platform: string; version: string } | null;
  /** ExcelApi 1.1 … 1.17, as Office.context.requirements.isSetSupported answers */
  requirementSets: { set: string; version: string; supported: boolean }[];
  /** Review > Protect Workbook is on: the steps that add sheets were skipped */
  structureProtected: boolean;
  steps: SelfCheckStep[];
  /** scratch sheets the check could not remove (removed by the next run, or by hand) */
  leftovers: string[];
  /** milliseconds of the whole check */
  totalMs: number;
}

/**
 * The task pane's only way to touch a workbook. The Excel host works on the
 * open workbook through Office.js; the browser host works on files the officer
 * picks and produces downloads. Components receive a Host through React
 * context and never call Office.js.
 */
export interface Host {
  kind: "excel" | "browser";
  /**
   * Tạo biểu mẫu, and Chuyển sang biểu mẫu chuẩn of a pasted appendix (the plan
   * of `cchc import`): Excel writes the sheets into the open workbook, all or
   * nothing; the browser downloads an .xlsx.
   */
  writeTemplate(plan: WorkbookPlan, options: { replaceExisting: boolean; fileName: string; signal?: AbortSignal }): Promise<WriteTemplateOutcome>;
  /**
   * Kiểm tra in Excel: the open workbook as plain data, read in one batch: the
   * form sheets, and the other sheets that hold a pasted appendix. Absent in
   * the browser (files are picked instead).
   */
  readOpenWorkbook?(): Promise<WorkbookSnapshot>;
  /** Takes the officer to a cell of a finding (Excel selects it). */
  selectCell?(sheet: string, address: string): Promise<void>;
  /** "Đánh dấu trên trang tính": colours the cells with findings, remembering their formatting. */
  markCells?(cells: MarkedCell[]): Promise<void>;
  /** "Xóa đánh dấu": restores exactly the formatting markCells changed. */
  clearMarks?(): Promise<void>;
  /** "Sửa": applies certain fixes in one batch (on protected sheets too), all or nothing. */
  applyFixes?(fixes: FixAction[]): Promise<void>;
  /** Tổng hợp: Excel writes the ward's sheets into the open workbook (all or nothing); the browser downloads them. */
  writeWard?(plan: WorkbookPlan, options: { replaceExisting: boolean; fileName: string; signal?: AbortSignal }): Promise<WriteTemplateOutcome>;
  /**
   * The ward's remembered setup (its units, leads and combine modes) as the
   * JSON text saveSetup was given, or undefined when none was saved. Excel
   * keeps it in the workbook (a very hidden sheet), the browser in
   * localStorage. The text is not checked here: the pane parses it.
   */
  loadSetup?(): Promise<string | undefined>;
  /** Remembers the ward's setup (JSON text), replacing the one saved before. */
  saveSetup?(json: string): Promise<void>;
  /**
   * What Tạo biểu mẫu was last used with, as JSON text ({"unit","period"}),
   * or undefined: Excel reads it from the open workbook (the metadata sheet
   * its forms were written with), the browser from localStorage. Not checked
   * here: the pane checks it (template/last-choices.ts).
   */
  loadChoices?(): Promise<string | undefined>;
  /** Remembers Tạo biểu mẫu's choices (JSON text); absent where writing the forms records them (Excel). */
  saveChoices?(json: string): Promise<void>;
  /**
   * Kiểm tra môi trường (Excel only): runs every Office.js path the add-in
   * uses on scratch sheets it removes afterwards, and reports Excel's version,
   * its requirement sets and each step. Never throws for a failed step; the
   * officer's workbook is left as it was. onStep is told each step as it starts.
   */
  selfCheck?(options?: { onStep?: (step: SelfCheckStepId) => void }): Promise<SelfCheckReport>;
}
