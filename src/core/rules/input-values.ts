import { isInputKind } from "../forms/kinds";
import type { FormRow } from "../forms/schema";
import { readNumber, type NumberReading } from "../read/number";
import type { FindingCode, RawFinding } from "../validate/finding";
import { rowFinding, valueCell, type FormContext, type RowFindingFields } from "../validate/context";

/**
 * Text in the notation the forms are written in: "9.275", "17.330,4", "52".
 * On a pasted form every figure is text (Word pastes text), so only the other
 * spellings ("01", "12.5", "1,234.5", "9 275") are worth a NUMBER_AS_TEXT.
 */
function standardNotation(reading: Extract<NumberReading, { from: "text" }>, raw: string): boolean {
  if (reading.notation === "vi-thousands" || reading.notation === "vi-decimal") return true;
  return reading.notation === "plain" && !/^[-+−]?0\d/.test(raw.trim());
}

/** Reads every input cell into a figure: NOT_A_NUMBER, NUMBER_AS_TEXT, AMBIGUOUS_NUMBER, VALUE_RESOLVED, NOT_INTEGER, NEGATIVE, OUT_OF_RANGE, INVALID_CODE. */
export function checkInputValues(ctx: FormContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const row of ctx.form.rows) {
    if (!isInputKind(row.kind)) continue;
    const located = ctx.byStt.get(row.stt);
    if (!located) {
      ctx.figures.set(row.stt, undefined);
      continue;
    }
    const cell = located.value;
    // Generic, so each finding's params are checked against its own code's.
    const f: Report = (fields) => out.push(rowFinding(ctx, row, fields));
    const resolved = ctx.resolved?.get(row.stt);
    if (resolved) {
      // An uncertain figure of a pasted form, decided from the rest of the form: said, never silent.
      const { value, raw, other, basis, ref, shown, mixedWith, source } = resolved;
      const { row: r, col } = valueCell(ctx, row.stt)!;
      f({
        code: "VALUE_RESOLVED",
        severity: "warning",
        params: { raw, value, other, basis, ref, shown, mixedWith, source },
        expected: value,
        actual: raw,
        fix: { kind: "set-number", sheet: ctx.sheet, row: r, col, value },
      });
      ctx.figures.set(row.stt, value);
      checkRange(row, value, f);
      continue;
    }
    if (cell?.error) {
      f({ code: "NOT_A_NUMBER", severity: "error", params: { raw: cell.error }, expected: null, actual: cell.error });
      ctx.figures.set(row.stt, undefined);
      continue;
    }
    const reading = readNumber(cell?.value ?? null);
    switch (reading.kind) {
      case "blank":
        ctx.figures.set(row.stt, null);
        continue;
      case "text":
        f({ code: "NOT_A_NUMBER", severity: "error", params: { raw: reading.raw }, expected: null, actual: reading.raw });
        ctx.figures.set(row.stt, undefined);
        continue;
      case "ambiguous":
        f({
          code: "AMBIGUOUS_NUMBER",
          severity: "error",
          params: { raw: reading.raw, first: reading.readings[0], second: reading.readings[1] },
          expected: null,
          actual: reading.raw,
        });
        ctx.figures.set(row.stt, undefined);
        continue;
      case "number":
        break;
    }
    // A cell formatted as a percentage stores 95 % as 0.95; the form's figure is what it shows.
    const value = row.kind === "percent" && reading.from === "number" && cell?.numFmt?.includes("%") ? reading.value * 100 : reading.value;
    if (reading.from === "text" && !(ctx.located.layout === "pasted" && standardNotation(reading, String(cell?.value ?? "")))) {
      const { row: r, col } = valueCell(ctx, row.stt)!;
      f({
        code: "NUMBER_AS_TEXT",
        severity: "warning",
        params: { raw: String(cell?.value ?? ""), value, notation: reading.notation },
        expected: value,
        actual: String(cell?.value ?? ""),
        fix: { kind: "set-number", sheet: ctx.sheet, row: r, col, value },
      });
    }
    ctx.figures.set(row.stt, value);
    checkRange(row, value, f);
  }
  return out;
}

/** Reports one finding about the row being read. */
type Report = <C extends FindingCode>(fields: RowFindingFields<C>) => void;

function checkRange(row: FormRow, value: number, f: Report): void {
  if (row.kind === "code") {
    const codes = row.codes ?? [];
    if (!codes.some((c) => c.value === value)) {
      f({ code: "INVALID_CODE", severity: "error", params: { value, codes }, expected: codes.map((c) => c.value).join(", "), actual: value });
    }
    return;
  }
  if (value < 0) {
    f({ code: "NEGATIVE", severity: "error", params: { value }, expected: null, actual: value });
    return;
  }
  if (row.kind === "count" && !Number.isInteger(value)) {
    // Only a figure with exactly three decimals (1.845) may be a thousands dot read as a decimal point.
    const thousands = Math.round(value * 1000);
    const threeDecimals = Math.abs(value * 1000 - thousands) < 1e-6 && Math.abs(value * 100 - Math.round(value * 100)) > 1e-6;
    f({ code: "NOT_INTEGER", severity: "error", params: { value, asThousands: threeDecimals ? thousands : null }, expected: null, actual: value });
  }
  if (row.kind === "percent" && value > 100) {
    f({ code: "OUT_OF_RANGE", severity: "error", params: { value, min: 0, max: 100 }, expected: "0–100", actual: value });
  }
}
