import type { Figure } from "./figure";

/**
 * A ratio row's value, numerator / denominator × 100 (DOMAIN.md): unreadable
 * when either part is; blank when either is blank or the denominator is 0,
 * as the template's formula leaves the cell empty then.
 */
export function ratioOf(numerator: Figure, denominator: Figure): Figure {
  if (numerator === undefined || denominator === undefined) return undefined;
  return numerator === null || denominator === null || denominator === 0 ? null : (numerator / denominator) * 100;
}
