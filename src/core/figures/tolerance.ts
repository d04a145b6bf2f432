/**
 * When two figures are the same number. A total is compared with its parts
 * absolutely, never by a share of its size: counts are whole numbers, added
 * exactly, so 2020 against 2019 (or 2,000,000,001 against 2,000,000,000) is a
 * different figure however large the count. Money is in million đồng, so a
 * millionth is one đồng; adding decimals in binary is off by far less than
 * that for any figure below a thousand trillion đồng.
 */
export const SAME_NUMBER_TOLERANCE = 1e-6;

/** Two totals, or a total and its parts' sum, that are the same figure. */
export const sameNumber = (a: number, b: number): boolean => Math.abs(a - b) < SAME_NUMBER_TOLERANCE;

/** A ratio is shown with one decimal: a typed result within 0.05 percentage points of the computed one is that result. */
export const RATIO_TOLERANCE = 0.05;

/** A ratio's typed result and its computed value that agree within a tolerance (by default, one shown decimal's). */
export const sameRatio = (shown: number, computed: number, tolerance: number = RATIO_TOLERANCE): boolean => Math.abs(shown - computed) <= tolerance;

/** Decimals typed after the comma of "51,9%" (1), "100%" (0). */
function typedDecimals(text: string): number {
  const m = /[.,](\d+)\s*%?\s*$/.exec(text.trim());
  return m ? m[1].length : 0;
}

/**
 * How far a result typed as text may be from the value it stands for: half of
 * its last typed decimal ("51,9%" stands for 51.85–51.95, "100%" for 99.5–100.5),
 * and a hair more so that a value exactly on the edge still rounds to it.
 */
export function typedTolerance(text: string): number {
  return 0.5 * 10 ** -typedDecimals(text) + 1e-9;
}
