/**
 * Figure arithmetic, in one place for the rules, the ward's aggregation and
 * import alike: a ratio from its numerator and denominator, a total from its
 * parts, a row computed from the inputs beneath it, and when two figures are
 * the same number.
 */
export * from "./figure";
export * from "./ratio";
export * from "./total";
export * from "./tolerance";
export * from "./derived";
