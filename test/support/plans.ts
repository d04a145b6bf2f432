import { CATALOGUE } from "../../src/core/forms";
import { buildWorkbookPlan, parseAddress, type WorkbookPlan } from "../../src/core/layout";
import type { CellSnapshot, WorkbookSnapshot } from "../../src/core/read";
import { openWorkbook } from "../../src/adapters/xlsx/open-workbook";
import { parsePeriod, type Period } from "../../src/core/periods";

/** A period known to be valid, for tests. */
export function period(id = "2026-H1"): Period {
  const p = parsePeriod(id);
  if (!p.ok) throw new Error(`bad test period ${id}`);
  return p.value;
}

/** The plan of a template for tests: all forms unless told otherwise, a fixed timestamp. */
export function templatePlan(unit = "Phòng Văn hóa - Xã hội", forms = CATALOGUE.forms.map((f) => f.id), periodId = "2026-H1"): WorkbookPlan {
  return buildWorkbookPlan({ unit, period: period(periodId), forms, createdAt: "2026-11-27T08:00:00.000Z" });
}

/** A plan read back as the snapshot a reader would give (formulas without cached results). */
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

/** .xlsx bytes opened as the product opens them; a test's own file that does not open is a broken test. */
export async function snapshotOf(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  const opened = await openWorkbook(bytes, "x.xlsx");
  if (!opened.ok) throw new Error(opened.error.code);
  return opened.value;
}
