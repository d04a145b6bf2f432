import type { Form, FormRow } from "../forms/schema";
import type { CombineMode, RegistryUnit, UnitRegistry } from "./registry";

/** DOMAIN.md's default lead of each form (seed 000's split); a ward with another split says so in its setup. */
export const DEFAULT_LEADS: Readonly<Record<string, string>> = { BM1: "VHXH", BM2: "VP", BM3: "TTPVHCC", BM4: "VHXH", BM5: "VHXH", BM6: "KT", BM7: "TTPVHCC" };

/** Forms whose counts are summed over units unless the setup says otherwise: every unit reports its own directives, tasks, inspections. */
const SUMMED_BY_DEFAULT: ReadonlySet<string> = new Set(["BM1"]);

/** The unit whose figures are the ward's for a form: the setup's lead, else the default lead when the setup has that unit. */
export function leadOf(setup: UnitRegistry, formId: string): RegistryUnit | undefined {
  const code = setup.leads[formId] ?? DEFAULT_LEADS[formId];
  return code === undefined ? undefined : setup.units.find((u) => u.code === code);
}

/** Rows the setup's sum/lead choice applies to: counts and money. Ratios, totals, percents and codes keep their own rules. */
export const isCombinable = (row: FormRow) => row.kind === "count" || row.kind === "money";

/** Sum or lead for a count or money row: the row's setting, else its form's, else the default (BM1 sum, the others lead). */
export function combineModeOf(setup: UnitRegistry, formId: string, stt: string): CombineMode {
  return setup.combine[`${formId} ${stt}`] ?? setup.combine[formId] ?? (SUMMED_BY_DEFAULT.has(formId) ? "sum" : "lead");
}

/** How a form is combined, for the officer: sum, lead or both (some rows set apart). */
export function formMode(setup: UnitRegistry, form: Form): CombineMode | "mixed" {
  const modes = new Set(form.rows.filter(isCombinable).map((r) => combineModeOf(setup, form.id, r.stt)));
  return modes.size === 1 ? [...modes][0] : "mixed";
}
