import { computeRow, figureFromParts, finiteFigure, isDerivedRow, partsOf, type Figure } from "../figures";
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
 * How a row's ward figure was made: "sum" adds every unit's figure, "lead"
 * takes the lead unit's (others are reconciled, never added), "code" follows
 * the code's own rule (dialogue held by any unit; survey forms combined).
 */
export type RowMode = "sum" | "lead" | "code";

/** A ward figure with the units it came from. */
export interface RowProvenance {
  value: number | null;
  /** every unit's figure for the row, used or not, in column order */
  contributions: Contribution[];
  mode: RowMode;
  /** the units whose figures make the ward's value */
  used: string[];
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

/** How a form's ratios and totals are computed, worked out once per form: the detail sheet derives every unit's figures (7,000 times for a city). */
interface Derivation {
  /** the STTs of its ratio and total rows */
  derived: ReadonlySet<string>;
  /** its rows by STT, as figureFromParts finds them (a later row of the same STT over an earlier one) */
  rows: ReadonlyMap<string, FormRow>;
  /** whether no ratio or total counts itself among its parts, however deep */
  acyclic: boolean;
}

const derivations = new WeakMap<Form, Derivation>();
function derivationOf(form: Form): Derivation {
  const known = derivations.get(form);
  if (known) return known;
  const rows = new Map(form.rows.map((r) => [r.stt, r]));
  // Depth-first through the parts: a row met again while its own parts are being walked is a circle.
  const state = new Map<string, "walking" | "done">();
  const circular = (stt: string): boolean => {
    const row = rows.get(stt);
    if (!row || !isDerivedRow(row) || state.get(stt) === "done") return false;
    if (state.get(stt) === "walking") return true;
    state.set(stt, "walking");
    const found = partsOf(row).some(circular);
    state.set(stt, "done");
    return found;
  };
  const derivation: Derivation = {
    derived: new Set(form.rows.filter(isDerivedRow).map((r) => r.stt)),
    rows,
    acyclic: !form.rows.some((r) => circular(r.stt)),
  };
  derivations.set(form, derivation);
  return derivation;
}

/**
 * Ratios and totals recomputed from the combined inputs, never averaged
 * (1/2 and 9/10 give 10/12 = 83.3 %, not 70 %). A ratio or total passed in is
 * ignored; one past Number.MAX_VALUE is blank rather than Infinity in the
 * ward's workbook, and a total counts such a part as blank.
 */
export function deriveFigures(form: Form, inputs: Record<string, number | null>): Record<string, number | null> {
  const { derived } = derivationOf(form);
  const value = rowValue(form, inputs);
  // The inputs less any ratio or total, copied key by key: deleting keys from a copy (as this once did) leaves
  // a slow dictionary object. The keys keep the order a copy-then-delete gave them: the inputs' own, then the
  // recomputed rows in form order.
  const out: Record<string, number | null> = {};
  for (const stt of Object.keys(inputs)) if (!derived.has(stt)) out[stt] = inputs[stt];
  for (const row of form.rows) if (row.kind !== "header") out[row.stt] = value(row);
  return out;
}

/**
 * What deriveFigures(form, inputs) gives for each of the form's rows, in the
 * form's order (null for a heading), without making its object: the detail
 * sheet asks this for every unit and form and reads it by row.
 */
export function rowFigures(form: Form, inputs: Readonly<Record<string, number | null>>): (number | null)[] {
  // Rows sharing an STT show what deriveFigures keeps for it (the later row's figure) on each of them.
  const shared = derivationOf(form).rows.size !== form.rows.length;
  const all = shared ? deriveFigures(form, inputs) : undefined;
  const value = rowValue(form, inputs);
  return form.rows.map((row) => (row.kind === "header" ? null : all ? (all[row.stt] ?? null) : value(row)));
}

/** A row's figure as deriveFigures gives it: an input as given (never a ratio or total passed in), a ratio or total recomputed. */
function rowValue(form: Form, inputs: Readonly<Record<string, number | null>>): (row: FormRow) => number | null {
  const { derived, rows, acyclic } = derivationOf(form);
  const figure = (stt: string) => (derived.has(stt) ? null : (inputs[stt] ?? null));
  const blankIfUnreadable = (f: Figure) => finiteFigure(f) ?? null;
  // Without a circle among the rows, a ratio or total is the same wherever it is reached from, so each is computed
  // once, not again inside every row that counts it (what figureFromParts does, as it must when there is a circle).
  const computed = new Map<string, number | null>();
  const walk = (stt: string): Figure => {
    const row = rows.get(stt);
    if (!row || !isDerivedRow(row)) return figure(stt);
    let value = computed.get(stt);
    if (value === undefined) computed.set(stt, (value = blankIfUnreadable(computeRow(row, walk))));
    return value;
  };
  return (row) => (!isDerivedRow(row) ? figure(row.stt) : ((acyclic ? walk(row.stt) : figureFromParts(form, row.stt, figure, blankIfUnreadable)) ?? null));
}
