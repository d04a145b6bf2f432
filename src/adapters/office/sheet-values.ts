import type { ExcelRunner } from "./run-excel";

const codeOf = (error: unknown) => (typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined);

/**
 * The values of one range of a sheet the add-in keeps (its hidden setup or
 * metadata sheet), in one sync: undefined when the workbook has no such sheet.
 */
export async function loadSheetValues(run: ExcelRunner, sheet: string, address: string): Promise<unknown[][] | undefined> {
  return run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheet).getRange(address);
    range.load("values");
    try {
      await context.sync();
    } catch (error) {
      // The sheet is the only item this batch asks for: "not found" means the add-in never wrote it here.
      if (codeOf(error) === "ItemNotFound") return undefined;
      throw error;
    }
    return range.values;
  });
}
