/**
 * A period's figures against an earlier period's (DOMAIN.md, "Cumulative
 * rows"): a cumulative (lũy kế) figure never falls within a year, and a stock
 * figure (tại thời điểm báo cáo) that moves by more than a third is worth a
 * word in the report. For a unit's file against its earlier file, and for the
 * ward's figures against the ward's earlier report alike.
 */
import { CATALOGUE } from "../forms/catalogue";
import type { Catalogue } from "../forms/schema";
import { parsePeriod, periodRelation } from "../periods/period";
import { sameUnitName } from "../units/match-unit";
import { rawFinding, type FindingPlace, type RawFinding } from "../validate/finding";

/** A stock figure changed by more than this share of the earlier figure is noted. */
export const STOCK_CHANGE_NOTED = 1 / 3;

/** Whose figures, for which period: what a compared file says of itself. */
export interface PeriodFigures {
  /** the unit (or ward) the figures are of; null when the file does not say */
  unit: string | null;
  /** "2026-H1"; null when the file does not say */
  periodId: string | null;
  /** form id → STT → figure (null: blank) */
  figures: Readonly<Record<string, Readonly<Record<string, number | null>>>>;
}

/** The earlier file: its figures, its name, and whether any form could be read in it. */
export interface EarlierFigures extends PeriodFigures {
  file: string;
  hasForms: boolean;
}

/**
 * The findings of comparing a period with an earlier one: each at the cell of
 * the later figure (`place`), or one PREVIOUS_NOT_COMPARABLE saying why
 * nothing was compared.
 */
export function compareWithPrevious(
  current: PeriodFigures,
  earlier: EarlierFigures,
  options: { catalogue?: Catalogue; place: (form: string, stt: string) => FindingPlace | null },
): RawFinding[] {
  const catalogue = options.catalogue ?? CATALOGUE;
  const notComparable = (why: "other-unit" | "not-earlier" | "no-period" | "no-forms"): RawFinding[] => [
    rawFinding({
      code: "PREVIOUS_NOT_COMPARABLE",
      severity: "warning",
      form: "",
      row: null,
      at: null,
      params: { why, file: earlier.file, unit: current.unit, previousUnit: earlier.unit, period: current.periodId, previousPeriod: earlier.periodId },
      expected: null,
      actual: null,
    }),
  ];
  if (!earlier.hasForms) return notComparable("no-forms");
  // A file that does not name its unit is taken at the officer's word: it was chosen as the earlier file.
  if (current.unit && earlier.unit && !sameUnitName(current.unit, earlier.unit)) return notComparable("other-unit");
  const later = current.periodId ? parsePeriod(current.periodId) : undefined;
  const before = earlier.periodId ? parsePeriod(earlier.periodId) : undefined;
  if (!later?.ok || !before?.ok) return notComparable("no-period");
  const relation = periodRelation(later.value, before.value);
  if (relation === "unrelated") return notComparable("not-earlier");

  const out: RawFinding[] = [];
  const params = { period: later.value.id, previousPeriod: before.value.id };
  for (const form of catalogue.forms) {
    const now = current.figures[form.id];
    const then = earlier.figures[form.id];
    if (!now || !then) continue;
    for (const row of form.rows) {
      const value = now[row.stt];
      const previous = then[row.stt];
      if (typeof value !== "number" || typeof previous !== "number") continue;
      const at = () => options.place(form.id, row.stt);
      // Cumulative figures restart each year: only an earlier period of the same year bounds them.
      if (row.cumulative && relation === "same-year" && value < previous) {
        out.push(
          rawFinding({
            code: "CUMULATIVE_DECREASED",
            severity: "error",
            form: form.id,
            row: row.stt,
            at: at(),
            params: { value, previous, ...params },
            expected: `≥ ${previous}`,
            actual: value,
          }),
        );
      }
      // From nothing, any change is "more than a third": a first unit or first staff member is no news.
      const change = previous > 0 ? (value - previous) / previous : 0;
      if (row.stock && Math.abs(change) > STOCK_CHANGE_NOTED) {
        out.push(
          rawFinding({
            code: "STOCK_CHANGED",
            severity: "info",
            form: form.id,
            row: row.stt,
            at: at(),
            params: { value, previous, change, ...params },
            expected: null,
            actual: value,
          }),
        );
      }
    }
  }
  return out;
}
