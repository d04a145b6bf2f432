import { META_SHEET, readMetadata } from "../../core/layout/metadata";
import type { ExcelRunner } from "./run-excel";
import { loadSheetValues } from "./sheet-values";

/** Rows of the metadata sheet read: its title and one row per key, with room for keys a later version adds. */
const META_RANGE = "A1:B20";

/** context.sync() calls of loadChoicesFromExcel: one, whether the sheet is there or not. */
export const LOAD_CHOICES_SYNCS = 1;

/**
 * The unit and period the open workbook's forms were last made for, as JSON
 * text ({"unit","period"}), in one sync: what Tạo biểu mẫu recorded on the
 * very hidden metadata sheet, so the workbook itself remembers them (nothing
 * else is written for it). Undefined when the workbook has no such sheet, or
 * one the add-in did not write.
 */
export async function loadChoicesFromExcel(run: ExcelRunner): Promise<string | undefined> {
  const values = await loadSheetValues(run, META_SHEET, META_RANGE);
  const meta = values && readMetadata(values);
  return meta ? JSON.stringify({ unit: meta.unit, period: meta.period }) : undefined;
}
