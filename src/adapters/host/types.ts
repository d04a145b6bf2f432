import type { WorkbookPlan } from "../../core/layout/plan";

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

/**
 * The task pane's only way to touch a workbook. The Excel host writes into the
 * open workbook through Office.js; the browser host produces an .xlsx download.
 * Components receive a Host through React context and never call Office.js.
 */
export interface Host {
  kind: "excel" | "browser";
  writeTemplate(
    plan: WorkbookPlan,
    options: { replaceExisting: boolean; fileName: string; signal?: AbortSignal },
  ): Promise<WriteTemplateOutcome>;
}
