import type { Form, FormRow } from "../forms/schema";
import { finiteFigure, type Figure } from "./figure";
import { ratioOf } from "./ratio";
import { totalOf } from "./total";

/** A row computed from other rows: a ratio (numerator / denominator × 100) or a total (sum of parts). */
export function isDerivedRow(row: FormRow): boolean {
  return row.kind === "ratio" || row.kind === "total";
}

/** The rows a ratio or total is computed from: numerator and denominator, or the parts of the sum. */
export function partsOf(row: FormRow): string[] {
  if (row.kind === "ratio") return [row.numerator!, row.denominator!];
  return row.sumOf ?? [];
}

/** What a ratio or total row computes from the figures its parts have. */
export function computeRow(row: FormRow, figure: (stt: string) => Figure): Figure {
  if (row.kind === "ratio") return ratioOf(figure(row.numerator!), figure(row.denominator!));
  return totalOf(partsOf(row).map(figure));
}

// Looked up for every part of every derived row of every unit's workbook: one map per form, not a scan per part.
const rowsByForm = new WeakMap<Form, ReadonlyMap<string, FormRow>>();
function rowsOf(form: Form): ReadonlyMap<string, FormRow> {
  let rows = rowsByForm.get(form);
  if (!rows) rowsByForm.set(form, (rows = new Map(form.rows.map((r) => [r.stt, r]))));
  return rows;
}

/**
 * A row's figure as the input rows beneath it give it: a ratio or total
 * computed from its parts, each part again from its own parts, never from a
 * figure typed over a formula. Inputs, rows the form does not have, and a row
 * met again inside its own parts (a catalogue whose totals refer to each other
 * in a circle has no inputs to go back to) take the figure `given` has for
 * them. Each computed figure passes through `settle`: by default one that
 * overflows counts as unreadable.
 */
export function figureFromParts(form: Form, stt: string, given: (stt: string) => Figure, settle: (figure: Figure) => Figure = finiteFigure): Figure {
  const rows = rowsOf(form);
  const path = new Set<string>();
  const walk = (s: string): Figure => {
    const row = rows.get(s);
    if (!row || !isDerivedRow(row) || path.has(s)) return given(s);
    path.add(s);
    const value = settle(computeRow(row, walk));
    path.delete(s);
    return value;
  };
  return walk(stt);
}
