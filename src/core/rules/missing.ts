import { isInputKind } from "../forms/kinds";
import { valueCell, rowFinding, type FormContext } from "../validate/context";
import type { RawFinding } from "../validate/finding";

/**
 * MISSING_VALUE: once a form has figures, each input left blank is flagged
 * (a warning: blank means "not reported"). A form with no figure at all gets
 * one note instead of a warning per row.
 */
export function checkMissing(ctx: FormContext): RawFinding[] {
  const inputs = ctx.form.rows.filter((r) => isInputKind(r.kind) && ctx.byStt.has(r.stt));
  const blank = inputs.filter((r) => ctx.figures.get(r.stt) === null);
  if (inputs.length === 0) return [];
  if (blank.length === inputs.length) {
    const first = inputs[0];
    return [
      {
        code: "MISSING_VALUE",
        severity: "info",
        form: ctx.form.id,
        row: null,
        at: { sheet: ctx.sheet, ...valueCell(ctx, first.stt)! },
        params: { scope: "form" },
        expected: null,
        actual: null,
      },
    ];
  }
  return blank.map((row) => rowFinding(ctx, row, { code: "MISSING_VALUE", severity: "warning", params: { scope: "row" }, expected: null, actual: null }));
}
