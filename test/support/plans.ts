import { CATALOGUE } from "../../src/core/forms";
import { buildWorkbookPlan, type WorkbookPlan } from "../../src/core/layout";
import type { WorkbookSnapshot } from "../../src/core/read";
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

export { snapshotOfPlan } from "../../src/core/layout/plan-snapshot";

/** .xlsx bytes opened as the product opens them; a test's own file that does not open is a broken test. */
export async function snapshotOf(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  const opened = await openWorkbook(bytes, "x.xlsx");
  if (!opened.ok) throw new Error(opened.error.code);
  return opened.value;
}
