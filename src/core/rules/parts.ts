import { totalOf } from "../figures";
import { rowFinding, type FormContext } from "../validate/context";
import type { RawFinding } from "../validate/finding";
import { figureFromInputs } from "./formula-cells";

/**
 * PART_EXCEEDS_WHOLE: a part larger than its whole (2.2 > 2.1), or parts that
 * together exceed it (4.1.1 + 4.1.2 + 4.1.3 > 4.1). A total or ratio on either
 * side counts with what its own parts give, not a figure typed over its formula.
 */
export function checkParts(ctx: FormContext): RawFinding[] {
  const out: RawFinding[] = [];
  const fig = (s: string) => figureFromInputs(ctx, s);
  for (const row of ctx.form.rows) {
    const severity = row.atMostSeverity ?? "error";
    if (row.atMost) {
      const part = fig(row.stt);
      const whole = fig(row.atMost);
      if (typeof part === "number" && typeof whole === "number" && part > whole) {
        out.push(
          rowFinding(ctx, row, {
            code: "PART_EXCEEDS_WHOLE",
            severity,
            params: { parts: [row.stt], partValue: part, whole: row.atMost, wholeValue: whole },
            expected: `≤ ${whole}`,
            actual: part,
          }),
        );
      }
    }
    if (row.partsAtMost) {
      const whole = fig(row.stt);
      const sum = totalOf(row.partsAtMost.map(fig));
      if (typeof whole === "number" && typeof sum === "number" && sum > whole) {
        out.push(
          rowFinding(ctx, row, {
            code: "PART_EXCEEDS_WHOLE",
            severity,
            params: { parts: row.partsAtMost, partValue: sum, whole: row.stt, wholeValue: whole },
            expected: `≥ ${sum}`,
            actual: whole,
          }),
        );
      }
    }
  }
  return out;
}
