import { RATIO_TOLERANCE, typedTolerance } from "../figures";
import type { FormRow } from "../forms/schema";
import type { LocatedRow } from "../read/locate";
import { readNumber } from "../read/number";
import { evaluateTypedArithmetic } from "../validate/arithmetic";

/** A result typed where a ratio or total formula belongs, with the figure it reads as. */
export interface TypedResult {
  value: number;
  /** as the sheet has it: a number, or the text trimmed ("= 27/52*100", "51,9%") */
  typed: number | string;
  /** how far from the computed value it may be and still be that result */
  tolerance: number;
}

/**
 * The results a pasted ratio or total row shows as figures: its Số liệu cell
 * (a number, a number as text, "= 27/52*100") and, for a ratio, "51,9%" typed
 * into its unit column (seed 003). A formula, an error or text that is no
 * figure shows none.
 */
export function typedResults(row: FormRow, located: LocatedRow | undefined): TypedResult[] {
  if (!located) return [];
  const out: TypedResult[] = [];
  const v = located.value;
  if (v && !v.formula && !v.error) {
    if (typeof v.value === "number") out.push({ value: v.value, typed: v.value, tolerance: RATIO_TOLERANCE });
    else if (typeof v.value === "string" && v.value.trim()) {
      const t = v.value.trim();
      const arithmetic = t.startsWith("=") ? evaluateTypedArithmetic(t) : undefined;
      const reading = t.startsWith("=") ? undefined : readNumber(t);
      const value = arithmetic ?? (reading?.kind === "number" ? reading.value : undefined);
      // "= 27/52*100" is computed exactly; "51,9" stands for whatever rounds to it.
      if (value !== undefined) out.push({ value, typed: t, tolerance: arithmetic !== undefined ? RATIO_TOLERANCE : typedTolerance(t) });
    }
  }
  const u = located.unit?.value;
  if (row.kind === "ratio" && typeof u === "string" && /%\s*$/.test(u) && u.trim() !== "%") {
    const reading = readNumber(u);
    if (reading.kind === "number") out.push({ value: reading.value, typed: u.trim(), tolerance: typedTolerance(u) });
  }
  return out;
}
