import type { Figure } from "./figure";

/**
 * A total of parts as the form counts it: a blank part is 0 once another part
 * has a figure; blank when every part is; unreadable when any part is (a sum
 * that leaves one out would be a wrong figure, not a partial one).
 */
export function totalOf(parts: readonly Figure[]): Figure {
  let sum: number | null = null;
  for (const p of parts) {
    if (p === undefined) return undefined;
    if (p !== null) sum = (sum ?? 0) + p;
  }
  return sum;
}

/**
 * The sum only when every part has a figure. Deciding how to read an uncertain
 * figure needs a check whose outcome is certain; a blank part might be a
 * figure the officer has yet to type, so it decides nothing.
 */
export function totalOfFigures(parts: readonly Figure[]): number | undefined {
  let sum = 0;
  for (const p of parts) {
    if (typeof p !== "number") return undefined;
    sum += p;
  }
  return sum;
}
