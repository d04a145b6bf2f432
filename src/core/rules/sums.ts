import { sameNumber, totalOf } from "../figures";
import { rowFinding, type FormContext } from "../validate/context";
import type { RawFinding } from "../validate/finding";
import { figureFromInputs } from "./formula-cells";

/**
 * SUM_MISMATCH: a total must equal the sum of its parts (BM2 1, BM5 4,
 * BM6 2.4), and a partitioned whole must equal its groups (BM6 2.1). A blank
 * part counts as 0 once anything in the group has been entered. A part that is
 * itself a total (BM6 2.4 in 2.1) counts with what its own parts give, not a
 * figure typed over its formula: the expected value is built from inputs only.
 */
export function checkSums(ctx: FormContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const row of ctx.form.rows) {
    const parts = row.sumOf ?? row.equalsSumOf;
    if (!parts) continue;
    const whole = ctx.figures.get(row.stt);
    const figures = parts.map((p) => figureFromInputs(ctx, p));
    const sum = totalOf(figures);
    if (whole === undefined || sum === undefined || (whole === null && sum === null)) continue;
    const w = whole ?? 0;
    const s = sum ?? 0;
    if (sameNumber(w, s)) continue;
    out.push(
      rowFinding(ctx, row, {
        code: "SUM_MISMATCH",
        severity: "error",
        // Each part with its figure, so each language writes the values (and a blank) and joins the rows its own way.
        params: {
          value: whole,
          sum: s,
          parts: parts.map((stt, i) => ({ stt, figure: figures[i] ?? null })),
          partition: !!row.equalsSumOf,
        },
        expected: s,
        actual: whole,
      }),
    );
  }
  return out;
}
