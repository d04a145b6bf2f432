/** A row's figure: a number, null for a blank ("not reported"), undefined when it could not be read. */
export type Figure = number | null | undefined;

/**
 * A figure that is no NaN or ±Infinity: a cached "NaN", or a sum or ratio
 * that overflows (1e308 × 100), is no figure a rule can compare or a ward can
 * add up, so it counts as unreadable.
 */
export function finiteFigure(figure: Figure): Figure {
  return typeof figure === "number" && !Number.isFinite(figure) ? undefined : figure;
}
