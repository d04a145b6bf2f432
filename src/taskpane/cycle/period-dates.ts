/**
 * The dates of a period as the officer may change them for one run or one
 * template: the cut-off window, the units' deadline and the ward's. What is
 * typed goes over what the ward's setup gives (core/cycle/ward-dates.ts),
 * which goes over the standard guidance. No React.
 */
import { isIsoDate, parsePeriod, type Period, type PeriodOverrides } from "../../core/periods/period";

export const DATE_FIELDS = ["from", "to", "deadline", "wardDeadline"] as const;
export type DateField = (typeof DATE_FIELDS)[number];

/** What the officer typed, ISO dates as a date field gives them; "" keeps the setup's. */
export type DatesDraft = Record<DateField, string>;

export const NO_DATES: DatesDraft = { from: "", to: "", deadline: "", wardDeadline: "" };

/** What is wrong with a typed date. */
export type DateProblem = "badDate" | "badWindow";

/** The period's own value of a field (the setup's, else the standard one); "" when it has none (the ward's deadline). */
export function baseValue(base: Period, field: DateField): string {
  if (field === "from" || field === "to") return base.window[field];
  return (field === "deadline" ? base.unitDeadline : base.wardDeadline) ?? "";
}

/** The typed dates checked: the overrides to pass on (only what was typed), the period they make, or the problem of each field. */
export function checkDates(
  base: Period,
  typed: DatesDraft,
): { period?: Period; overrides: PeriodOverrides; problems: Partial<Record<DateField, DateProblem>> } {
  const problems: Partial<Record<DateField, DateProblem>> = {};
  for (const field of DATE_FIELDS) if (typed[field] !== "" && !isIsoDate(typed[field])) problems[field] = "badDate";
  const value = (field: DateField) => (typed[field] !== "" ? typed[field] : baseValue(base, field));
  const window = { from: value("from"), to: value("to") };
  if (!problems.from && !problems.to && window.from > window.to) problems[typed.to !== "" ? "to" : "from"] = "badWindow";
  const overrides: PeriodOverrides = {
    ...(typed.from !== "" || typed.to !== "" ? { window } : {}),
    ...(typed.deadline !== "" ? { unitDeadline: typed.deadline } : {}),
    ...(typed.wardDeadline !== "" ? { wardDeadline: typed.wardDeadline } : {}),
  };
  if (Object.keys(problems).length > 0) return { overrides, problems };
  const wardDeadline = value("wardDeadline");
  const parsed = parsePeriod(base.id, { window, unitDeadline: value("deadline"), ...(wardDeadline ? { wardDeadline } : {}) });
  return parsed.ok ? { period: parsed.value, overrides, problems } : { overrides, problems: { from: "badWindow" } };
}
