import { putCell, type CellSnapshot, type WorkbookSnapshot } from "../read/snapshot";
import type { WorkbookPlan } from "./plan";

/** A plan as the snapshot a reader would give of the file written from it (formulas without cached results). */
export function snapshotOfPlan(plan: WorkbookPlan): WorkbookSnapshot {
  return {
    sheets: plan.sheets.map((sheet) => {
      const rows: CellSnapshot[][] = [];
      let maxRow = 0;
      let maxCol = 0;
      for (const c of sheet.cells) {
        if (c.formula === undefined && (c.value === undefined || c.value === "")) continue;
        putCell(rows, c.row, c.col, c.formula !== undefined ? { value: null, formula: c.formula, numFmt: c.numFmt } : { value: c.value!, numFmt: c.numFmt });
        maxRow = Math.max(maxRow, c.row);
        maxCol = Math.max(maxCol, c.col);
      }
      return { name: sheet.name, visibility: sheet.visibility, rows, maxRow, maxCol, merges: sheet.merges };
    }),
  };
}
