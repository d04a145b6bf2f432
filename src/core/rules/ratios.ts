import { sameRatio } from "../figures";
import { readNumber } from "../read/number";
import { rowFinding, unitCell, type CellAt, type FormContext } from "../validate/context";
import type { RawFinding } from "../validate/finding";
import { computedFigure } from "./formula-cells";

/**
 * RATIO_MISMATCH: a ratio's shown value, or a result typed into its unit
 * column ("51,9%"), must equal numerator / denominator × 100.
 */
export function checkRatios(ctx: FormContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const row of ctx.form.rows) {
    if (row.kind !== "ratio") continue;
    const want = computedFigure(ctx, row);
    if (want === undefined) continue;
    const shown = ctx.figures.get(row.stt);
    const compare = (value: number, cell: CellAt | undefined, where: "value" | "unit", raw: string | number) => {
      if (want !== null && sameRatio(value, want)) return;
      out.push(
        rowFinding(ctx, row, {
          code: "RATIO_MISMATCH",
          severity: "error",
          cell,
          params: {
            where,
            raw,
            value,
            expected: want,
            numerator: row.numerator!,
            denominator: row.denominator!,
            n: ctx.figures.get(row.numerator!) ?? null,
            d: ctx.figures.get(row.denominator!) ?? null,
          },
          expected: want,
          actual: value,
        }),
      );
    };
    if (typeof shown === "number" && !ctx.typedRatios.has(row.stt)) compare(shown, undefined, "value", shown);
    const unitText = ctx.byStt.get(row.stt)?.unit?.value;
    if (typeof unitText === "string" && /%\s*$/.test(unitText) && unitText.trim() !== "%") {
      const typed = readNumber(unitText);
      // "51,923%" reads two ways; the forms are written with a decimal comma, so it is 51.923, not 51923.
      const value = typed.kind === "number" ? typed.value : typed.kind === "ambiguous" ? typed.readings[0] : undefined;
      if (value !== undefined) compare(value, unitCell(ctx, row.stt), "unit", unitText.trim());
    }
  }
  return out;
}
