import { rowFinding, sameNumber, sumFigures, type FormContext } from "../validate/context";
import type { RawFinding } from "../validate/finding";

/**
 * SUM_MISMATCH: a total must equal the sum of its parts (BM2 1, BM5 4,
 * BM6 2.4), and a partitioned whole must equal its groups (BM6 2.1). A blank
 * part counts as 0 once anything in the group has been entered.
 */
export function checkSums(ctx: FormContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const row of ctx.form.rows) {
    const parts = row.sumOf ?? row.equalsSumOf;
    if (!parts) continue;
    const whole = ctx.figures.get(row.stt);
    const sum = sumFigures(parts.map((s) => ctx.figures.get(s)));
    if (whole === undefined || sum === undefined || (whole === null && sum === null)) continue;
    const w = whole ?? 0;
    const s = sum ?? 0;
    if (sameNumber(w, s)) continue;
    out.push(
      rowFinding(ctx, row, {
        code: "SUM_MISMATCH",
        severity: "error",
        // Each part's figure as "part <stt>", so each language writes the values (and a blank) its own way.
        params: { value: whole, sum: s, parts: parts.join(" + "), ...Object.fromEntries(parts.map((p) => [`part ${p}`, ctx.figures.get(p) ?? null])), partition: row.equalsSumOf ? 1 : 0 },
        expected: s,
        actual: whole,
      }),
    );
  }
  return out;
}
