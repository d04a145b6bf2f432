import { rowFinding, type FormContext } from "../validate/context";
import type { RawFinding } from "../validate/finding";
import { figureFromInputs } from "./formula-cells";

/**
 * CROSS_FORM_MISMATCH: rules across forms (BM5 1.2 ≤ BM6 2.1), checked when
 * both forms are present. A total or ratio on either side counts with what its
 * own parts give, not a figure typed over its formula.
 */
export function checkCrossForm(contexts: ReadonlyMap<string, FormContext>): RawFinding[] {
  const out: RawFinding[] = [];
  for (const ctx of contexts.values()) {
    for (const row of ctx.form.rows) {
      if (!row.atMostRowOf) continue;
      const other = contexts.get(row.atMostRowOf.form);
      if (!other) continue;
      const value = figureFromInputs(ctx, row.stt);
      const limit = figureFromInputs(other, row.atMostRowOf.stt);
      if (typeof value === "number" && typeof limit === "number" && value > limit) {
        out.push(
          rowFinding(ctx, row, {
            code: "CROSS_FORM_MISMATCH",
            severity: "error",
            params: { value, otherForm: row.atMostRowOf.form, otherRow: row.atMostRowOf.stt, otherValue: limit },
            expected: `≤ ${limit}`,
            actual: value,
          }),
        );
      }
    }
  }
  return out;
}
