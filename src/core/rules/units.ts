import { foldText, memoText } from "../read/text";
import { rowFinding, unitCell, type FormContext } from "../validate/context";
import type { RawFinding } from "../validate/finding";

/**
 * Unit text folded for comparison: accents, case, spacing and a trailing dot
 * ignored, and the commas between a legend's codes too ("Trực tuyến = 0 Phát
 * phiếu = 1", as Word pastes a legend typed on separate lines).
 */
const foldUnit = memoText((s) =>
  foldText(s.replace(/[,;]/g, " "))
    .replace(/\.$/, "")
    .replace(/\s*=\s*/g, "="),
);

/** UNIT_MISMATCH: the Đơn vị tính column must say what the catalogue says ("Hồ sơ", not "Thủ tục"). */
export function checkUnits(ctx: FormContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const row of ctx.form.rows) {
    if (row.kind === "header") continue;
    const located = ctx.byStt.get(row.stt);
    if (!located) continue;
    const found = located.unit?.value;
    const text = found === null || found === undefined ? "" : String(found);
    if (foldUnit(text) === foldUnit(row.unit)) continue;
    const cell = unitCell(ctx, row.stt)!;
    out.push(
      rowFinding(ctx, row, {
        code: "UNIT_MISMATCH",
        severity: "warning",
        cell,
        params: { found: text, expected: row.unit },
        expected: row.unit,
        actual: text,
        fix: { kind: "set-text", sheet: ctx.sheet, row: cell.row, col: cell.col, text: row.unit },
      }),
    );
  }
  return out;
}
