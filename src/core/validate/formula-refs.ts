import { cellAddress, parseAddress } from "../layout/address";

/** A formula folded for comparison: no "=", no spaces or "$", upper case. */
export function normaliseFormula(formula: string): string {
  return formula.replace(/^=/, "").replace(/[\s$]/g, "").toUpperCase();
}

/**
 * The cells a formula refers to on its own sheet, ranges expanded ("SUM(D9:D11)"
 * → D9, D10, D11). References to other sheets are returned with their sheet
 * prefix so they never match a same-sheet address.
 */
export function formulaReferences(formula: string): Set<string> {
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
    for (let r = Math.min(start.row, end.row); r <= Math.max(start.row, end.row); r++) {
      for (let c = Math.min(start.col, end.col); c <= Math.max(start.col, end.col); c++) refs.add(prefix + cellAddress(r, c));
    }
  }
  return refs;
}
