import type { WriteTemplateOutcome } from "../host/types";
import type { WorkbookPlan } from "../../core/layout/plan";
import { META_SHEET } from "../../core/layout/metadata";
import { DETAIL_SHEET, RESULT_SHEET, SUBMISSIONS_SHEET } from "../../core/layout/ward-sheets";
import type { ExcelRunner } from "./run-excel";
import { WRITE_PLAN_SYNCS, writePlanToExcel } from "./write-plan";

/**
 * Sheets of a ward's workbook that only the add-in writes: a new aggregation
 * replaces them without asking. The BM sheets may hold figures the officer
 * typed, so replacing them is asked first.
 */
export const WARD_OWN_SHEETS: readonly string[] = [DETAIL_SHEET, RESULT_SHEET, SUBMISSIONS_SHEET, META_SHEET];

/** context.sync() calls of a successful ward write of ordinary size: the same for 3 units or 1,000 (WRITE_PLAN_SYNCS). */
export const WRITE_WARD_SYNCS = WRITE_PLAN_SYNCS;

/**
 * Writes a ward's plan (buildWardPlan) into the open workbook, all or nothing,
 * in WRITE_WARD_SYNCS syncs: the BM sheets (created if absent), "Chi tiết theo
 * đơn vị", "Kết quả tổng hợp" and the metadata sheet. Running it again rewrites
 * the previous result in place (the officer's formulas on it read the new
 * figures), never adds to it; BM sheets already there are reported as
 * "exists" unless replaceExisting.
 */
export function writeWardToExcel(
  run: ExcelRunner,
  plan: WorkbookPlan,
  options: { replaceExisting: boolean; supportsPageLayout: boolean },
): Promise<WriteTemplateOutcome> {
  return writePlanToExcel(run, plan, { ...options, ownSheets: WARD_OWN_SHEETS });
}
