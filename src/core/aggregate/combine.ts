import type { Form, FormRow } from "../forms/schema";

/** One unit's part of a ward figure. */
export interface Contribution {
  unitName: string;
  unitCode?: string;
  file: string;
  /** the unit's figure; null when it left the cell blank ("not reported") */
  value: number | null;
  /** the unit answers for this form in the registry */
  responsible: boolean;
}

/** How a non-summable value was settled: who disagreed and whose value was taken. */
export interface Conflict {
  values: { unitName: string; value: number }[];
  used: string;
  value: number;
}

/** Combines the units' figures of one input row into the ward's, as DOMAIN.md says. */
export function combineRow(row: FormRow, parts: Contribution[]): { value: number | null; conflict?: Conflict } {
  const reported = parts.filter((p): p is Contribution & { value: number } => p.value !== null);
  if (reported.length === 0) return { value: null };
  const how = row.combine ?? (row.kind === "percent" ? "responsible" : "sum");
  switch (how) {
    case "sum": {
      // Finite figures can still add up past Number.MAX_VALUE: no figure, rather than Infinity in the ward's workbook.
      const total = reported.reduce((a, p) => a + p.value, 0);
      return { value: Number.isFinite(total) ? total : null };
    }
    case "any": {
      const valid = reported.filter((p) => row.codes?.some((c) => c.value === p.value));
      if (valid.length === 0) return { value: null };
      return { value: valid.some((p) => p.value === 1) ? 1 : 0 };
    }
    case "survey": {
      // Online (0) with paper (1) is the combined form (2).
      const codes = new Set(reported.map((p) => p.value).filter((v) => row.codes?.some((c) => c.value === v)));
      if (codes.size === 0) return { value: null };
      return { value: codes.size === 1 ? [...codes][0] : 2 };
    }
    case "responsible": {
      const preferred = reported.filter((p) => p.responsible);
      const pick = (preferred.length > 0 ? preferred : reported)[0];
      const distinct = new Set(reported.map((p) => p.value));
      if (distinct.size <= 1) return { value: pick.value };
      return {
        value: pick.value,
        conflict: { values: reported.map((p) => ({ unitName: p.unitName, value: p.value })), used: pick.unitName, value: pick.value },
      };
    }
  }
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
