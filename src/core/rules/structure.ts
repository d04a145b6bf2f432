import type { Form } from "../forms/schema";
import { FORM_TEXT } from "../layout/texts";
import { foldText } from "../read/text";
import type { RawFinding } from "../validate/finding";
import type { StructureParams } from "../validate/finding-params";
import type { FormContext } from "../validate/context";

/** STRUCTURE_CHANGED within a form: renamed headings, rows missing, repeated, unknown or out of order. */
export function checkStructure(ctx: FormContext): RawFinding[] {
  const out: RawFinding[] = [];
  const { located, form } = ctx;
  const base = (
    row: string | null,
    cell: { row: number; col: number } | null,
    params: StructureParams,
    severity: RawFinding["severity"],
    expected: string | null,
    actual: string | null,
  ): RawFinding => ({
    code: "STRUCTURE_CHANGED",
    severity,
    form: form.id,
    row,
    at: cell ? { sheet: ctx.sheet, row: cell.row, col: cell.col } : null,
    params,
    expected,
    actual,
  });

  const cols = [located.columns.stt, located.columns.indicator, located.columns.unit, located.columns.value, located.columns.note];
  FORM_TEXT.header.forEach((label, i) => {
    const found = located.headerLabels[i] ?? "";
    // A heading as the forms print it is right without folding (most files); folding both sides decides the rest.
    const ok = found === label || (i === 1 || i === 4 ? foldText(found).startsWith(FOLDED_HEADER[i]) : foldText(found) === FOLDED_HEADER[i]);
    if (!ok) {
      const col = cols[i] ?? located.columns.indicator + i - 1;
      out.push(base(null, { row: located.headerRow, col }, { what: "header", label, found }, "warning", label, found || null));
    }
  });

  const known = sttsOf(form);
  const seen = new Map<string, number>();
  for (const r of located.rows) {
    const cell = { row: r.row, col: located.columns.stt };
    if (!known.has(r.stt)) out.push(base(r.stt, cell, { what: "row-unknown", stt: r.stt }, "warning", null, r.stt));
    else if (seen.has(r.stt)) out.push(base(r.stt, cell, { what: "row-duplicate", stt: r.stt, first: seen.get(r.stt)! }, "error", null, r.stt));
    else seen.set(r.stt, r.row);
  }
  for (const row of form.rows) {
    // A missing heading line loses no figure; a missing figure line does.
    if (!seen.has(row.stt)) out.push(base(row.stt, null, { what: "row-missing", stt: row.stt }, row.kind === "header" ? "warning" : "error", row.stt, null));
  }
  // Order: the rows present must come in catalogue order.
  const order = form.rows.map((r) => r.stt).filter((s) => seen.has(s));
  const sheetOrder = inRowOrder(seen);
  const firstOut = sheetOrder.findIndex((s, i) => s !== order[i]);
  if (firstOut >= 0) {
    const stt = sheetOrder[firstOut];
    out.push(
      base(stt, { row: seen.get(stt)!, col: located.columns.stt }, { what: "row-order", stt, expectedStt: order[firstOut] }, "warning", order[firstOut], stt),
    );
  }
  return out;
}

/** The headings folded once, not for every form of every workbook. */
const FOLDED_HEADER = FORM_TEXT.header.map(foldText);

/** The STTs of each catalogue form, made once per form (a catalogue is not changed once loaded): every workbook asks for them. */
const STTS = new WeakMap<Form, ReadonlySet<string>>();
function sttsOf(form: Form): ReadonlySet<string> {
  let stts = STTS.get(form);
  if (!stts) STTS.set(form, (stts = new Set(form.rows.map((r) => r.stt))));
  return stts;
}

/**
 * The STTs by their sheet row, first row first. A form's rows are read top to
 * bottom, so they mostly come in that order already: sorted only when not.
 */
function inRowOrder(seen: ReadonlyMap<string, number>): string[] {
  const stts = [...seen.keys()];
  let last = -Infinity;
  for (const row of seen.values()) {
    if (row < last) return [...seen.entries()].sort((a, b) => a[1] - b[1]).map(([s]) => s);
    last = row;
  }
  return stts;
}
