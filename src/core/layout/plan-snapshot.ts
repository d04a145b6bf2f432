import type { CellSnapshot, WorkbookSnapshot } from "../read/snapshot";
import { parseAddress } from "./address";
import type { WorkbookPlan } from "./plan";

/** A plan as the snapshot a reader would give of the file written from it (formulas without cached results). */
export function snapshotOfPlan(plan: WorkbookPlan): WorkbookSnapshot {
  return {
    sheets: plan.sheets.map((sheet) => {
      const cells: Record<string, CellSnapshot> = {};
      let maxRow = 0;
      let maxCol = 0;
      for (const c of sheet.cells) {
        if (c.formula === undefined && (c.value === undefined || c.value === "")) continue;
        cells[c.address] = c.formula !== undefined ? { value: null, formula: c.formula, numFmt: c.numFmt } : { value: c.value!, numFmt: c.numFmt };
        const at = parseAddress(c.address)!;
        maxRow = Math.max(maxRow, at.row);
        maxCol = Math.max(maxCol, at.col);
      }
      return { name: sheet.name, visibility: sheet.visibility, cells, maxRow, maxCol, merges: sheet.merges };
    }),
  };
}
