import { CATALOGUE } from "../../src/core/forms";
import { buildWorkbookPlan, type WorkbookPlan } from "../../src/core/layout";
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
