import type { ExcelRunner } from "./run-excel";

/** Takes the officer to a cell: its sheet becomes the active one and the cell is selected, in one sync. */
export async function selectCellInExcel(run: ExcelRunner, sheet: string, address: string): Promise<void> {
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
  });
}
