import { cellAddress, parseAddress } from "../layout/address";
import { memoText } from "../read/text";

/** A formula folded for comparison: no "=", no spaces or "$", upper case. */
export function normaliseFormula(formula: string): string {
  return formula.replace(/^=/, "").replace(/[\s$]/g, "").toUpperCase();
}

/**
 * The cells a formula refers to on its own sheet, ranges expanded ("SUM(D9:D11)"
 * → D9, D10, D11). References to other sheets are returned with their sheet
 * prefix so they never match a same-sheet address. Remembered per formula text
 * (every unit's workbook holds the same formulas), so the set is shared: read only.
 */
export const formulaReferences: (formula: string) => ReadonlySet<string> = memoText(references);

/** Cells a range may cover and still be expanded; a form's parts are a handful of rows. */
const MAX_EXPANDED_RANGE = 1_000;

function references(formula: string): Set<string> {
  const refs = new Set<string>();
  const f = normaliseFormula(formula).replace(/"[^"]*"/g, '""');
  const re = /((?:'[^']+'|[A-Z0-9_.]+)!)?([A-Z]{1,3}\d+)(?::([A-Z]{1,3}\d+))?/g;
  for (const m of f.matchAll(re)) {
    const prefix = m[1] ?? "";
    const start = parseAddress(m[2]);
    const end = m[3] ? parseAddress(m[3]) : start;
    if (!start || !end) continue;
    // Function names such as LOG10 look like addresses; a following "(" gives them away.
    if (f[(m.index ?? 0) + m[0].length] === "(") continue;
    // A range larger than any form (SUM(A1:XFD1048576) in a hand-made file) is kept whole: expanding it would take minutes.
    if ((Math.abs(end.row - start.row) + 1) * (Math.abs(end.col - start.col) + 1) > MAX_EXPANDED_RANGE) {
      refs.add(prefix + m[0]);
      continue;
    }
    for (let r = Math.min(start.row, end.row); r <= Math.max(start.row, end.row); r++) {
      for (let c = Math.min(start.col, end.col); c <= Math.max(start.col, end.col); c++) refs.add(prefix + cellAddress(r, c));
    }
  }
  return refs;
}
