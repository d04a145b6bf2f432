/**
 * The catalogue's formulas, as written into generated sheets and as the
 * validator expects to find them. Addresses are plain "D9" references.
 */

/**
 * numerator / denominator × 100, left empty (not #DIV/0!) while the
 * denominator is blank or zero or the numerator is blank.
 */
export function ratioFormula(numerator: string, denominator: string): string {
  return `IF(OR(${denominator}="",${denominator}=0,${numerator}=""),"",${numerator}/${denominator}*100)`;
}

/** Sum of the parts, left empty while no part has been entered (blank means "not reported"). */
export function totalFormula(parts: readonly string[]): string {
  const list = parts.join(",");
  return `IF(COUNT(${list})=0,"",SUM(${list}))`;
}
