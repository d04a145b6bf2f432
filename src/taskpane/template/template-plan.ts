/**
 * Tạo biểu mẫu's plan, with the catalogue and the layout: fetched when the
 * officer first clicks Tạo biểu mẫu, not part of the pane's first load.
 */
import { wardPeriod } from "../../core/cycle/ward-dates";
import { buildWorkbookPlan, type TemplateOptions } from "../../core/layout/workbook-plan";
import type { Period } from "../../core/periods/period";
import type { WardSetupStore } from "../setup/setup-store";

/**
 * The plan of the chosen forms; the period's dates are the ones the officer
 * saw (`dated`), else the ward's setup's for it (read now, when the dates
 * were not shown yet), else the standard guidance's.
 */
export async function templatePlan(options: TemplateOptions, dated: Period | undefined, store: Pick<WardSetupStore, "ready">) {
  let period = dated?.id === options.period.id ? dated : undefined;
  if (!period) {
    const { setup } = await store.ready();
    const ward = wardPeriod(setup ?? {}, options.period.id);
    period = ward.ok ? ward.value : options.period;
  }
  return buildWorkbookPlan({ ...options, period });
}
