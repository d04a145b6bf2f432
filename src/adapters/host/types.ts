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
  writeTemplate(
    plan: WorkbookPlan,
    options: { replaceExisting: boolean; fileName: string; signal?: AbortSignal },
  ): Promise<WriteTemplateOutcome>;
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
}
