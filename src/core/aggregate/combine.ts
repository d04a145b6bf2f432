import type { Form, FormRow } from "../forms/schema";

/** One unit's part of a ward figure. */
export interface Contribution {
  unitName: string;
  unitCode?: string;
  file: string;
  /** the unit's figure; null when it left the cell blank ("not reported") */
  value: number | null;
  /** the unit's Ghi chú on the row */
  note?: string;
}

/**
 * A code row's ward value by the code's own rule, whatever the setup says:
 * the dialogue was held (BM1 5) if any unit held one; the survey form (BM1
 * 4.3) is the units' common one, and online (0) with paper (1) is combined (2).
 */
export function combineCodes(row: FormRow, parts: readonly Contribution[]): number | null {
  const codes = new Set(parts.map((p) => p.value).filter((v): v is number => v !== null && !!row.codes?.some((c) => c.value === v)));
  if (codes.size === 0) return null;
  if (row.combine === "any") return codes.has(1) ? 1 : 0;
  return codes.size === 1 ? [...codes][0] : 2;
}

/**
 * Ratios and totals recomputed from the combined inputs, never averaged
 * (1/2 and 9/10 give 10/12 = 83.3 %, not 70 %).
 */
export function deriveFigures(form: Form, inputs: Record<string, number | null>): Record<string, number | null> {
  const rows = new Map(form.rows.map((r) => [r.stt, r]));
  const out: Record<string, number | null> = { ...inputs };
  // A sum or ratio beyond Number.MAX_VALUE (parts near 1e308) is no figure: blank rather than Infinity in the workbook.
  const finite = (v: number | null) => (v !== null && Number.isFinite(v) ? v : null);
  const value = (stt: string, depth = 0): number | null => {
    const row = rows.get(stt);
    if (!row || depth > form.rows.length) return null;
    if (row.kind === "total") {
      if (!(stt in out) || out[stt] === undefined) {
        const parts = row.sumOf!.map((s) => value(s, depth + 1)).filter((v): v is number => v !== null);
        out[stt] = parts.length === 0 ? null : finite(parts.reduce((a, b) => a + b, 0));
      }
      return out[stt];
    }
    if (row.kind === "ratio") {
      const n = value(row.numerator!, depth + 1);
      const d = value(row.denominator!, depth + 1);
      return (out[stt] = n === null || d === null || d === 0 ? null : finite((n / d) * 100));
    }
    return out[stt] ?? null;
  };
  for (const row of form.rows) if (row.kind === "total" || row.kind === "ratio") delete out[row.stt];
  for (const row of form.rows) if (row.kind !== "header") out[row.stt] = value(row.stt);
  return out;
}
