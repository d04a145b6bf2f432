import { figureFromParts, finiteFigure, isDerivedRow, type Figure } from "../figures";
import type { Form, FormRow } from "../forms/schema";

/** One unit's part of a ward figure. */
export interface Contribution {
  unitName: string;
  unitCode?: string;
  file: string;
  /** the unit's figure; null when it left the cell blank ("not reported") */
  value: number | null;
  /** the unit's Ghi chú on the row */
  note?: string;
}

/**
 * How a row's ward figure was made: "sum" adds every unit's figure, "lead"
 * takes the lead unit's (others are reconciled, never added), "code" follows
 * the code's own rule (dialogue held by any unit; survey forms combined).
 */
export type RowMode = "sum" | "lead" | "code";

/** A ward figure with the units it came from. */
export interface RowProvenance {
  value: number | null;
  /** every unit's figure for the row, used or not, in column order */
  contributions: Contribution[];
  mode: RowMode;
  /** the units whose figures make the ward's value */
  used: string[];
}

/**
 * A code row's ward value by the code's own rule, whatever the setup says:
 * the dialogue was held (BM1 5) if any unit held one; the survey form (BM1
 * 4.3) is the units' common one, and online (0) with paper (1) is combined (2).
 */
export function combineCodes(row: FormRow, parts: readonly Contribution[]): number | null {
  const codes = new Set(parts.map((p) => p.value).filter((v): v is number => v !== null && !!row.codes?.some((c) => c.value === v)));
  if (codes.size === 0) return null;
  if (row.combine === "any") return codes.has(1) ? 1 : 0;
  return codes.size === 1 ? [...codes][0] : 2;
}

/**
 * Ratios and totals recomputed from the combined inputs, never averaged
 * (1/2 and 9/10 give 10/12 = 83.3 %, not 70 %). A ratio or total passed in is
 * ignored; one past Number.MAX_VALUE is blank rather than Infinity in the
 * ward's workbook, and a total counts such a part as blank.
 */
export function deriveFigures(form: Form, inputs: Record<string, number | null>): Record<string, number | null> {
  const out: Record<string, number | null> = { ...inputs };
  for (const row of form.rows) if (isDerivedRow(row)) delete out[row.stt];
  const given: Readonly<Record<string, number | null>> = { ...out };
  const figure = (stt: string) => given[stt] ?? null;
  const blankIfUnreadable = (f: Figure) => finiteFigure(f) ?? null;
  for (const row of form.rows) {
    if (row.kind === "header") continue;
    out[row.stt] = isDerivedRow(row) ? (figureFromParts(form, row.stt, figure, blankIfUnreadable) ?? null) : (given[row.stt] ?? null);
  }
  return out;
}
