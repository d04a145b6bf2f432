import type { Catalogue, Form } from "../forms/schema";
import { buildFormSheet } from "../layout/form-sheet";
import { snapshotOfPlan } from "../layout/plan-snapshot";
import { parsePeriod, type Period } from "../periods/period";
import type { FindingCode, RawFinding } from "../validate/finding";
import { validateWorkbook } from "../validate/validate-workbook";
import type { RowProvenance } from "./ward-figures";

/** Findings about how a sheet was filled, which the ward's generated sheets cannot have or which the aggregation already explains (blank ward cells: a unit or lead missing). */
const NOT_ABOUT_FIGURES: ReadonlySet<FindingCode> = new Set(["FORMULA_MISMATCH", "STRUCTURE_CHANGED", "MISSING_VALUE", "UNIT_MISMATCH"]);

// The check reads the ward's sheets as they will be written; their rows and formulas do not depend on the period's title line.
const LAYOUT_PERIOD = (parsePeriod("2026-Y") as { ok: true; value: Period }).value;

/** The input rows a row's value rests on: itself, or the parts of a total or ratio, all the way down. */
function inputsOf(form: Form, stt: string, out: Set<string> = new Set(), depth = 0): Set<string> {
  const row = form.rows.find((r) => r.stt === stt);
  if (!row || depth > form.rows.length) return out;
  if (row.kind === "total") for (const s of row.sumOf!) inputsOf(form, s, out, depth + 1);
  else if (row.kind === "ratio") for (const s of [row.numerator!, row.denominator!]) inputsOf(form, s, out, depth + 1);
  else out.add(stt);
  return out;
}

/** The rows (of this or another form) a rule on this row compares. */
function involvedRows(catalogue: Catalogue, form: Form, stt: string): { form: Form; stts: Set<string> }[] {
  const row = form.rows.find((r) => r.stt === stt);
  if (!row) return [];
  const here = new Set<string>();
  for (const s of [stt, row.atMost, ...(row.partsAtMost ?? []), ...(row.sumOf ?? []), ...(row.equalsSumOf ?? [])]) if (s) inputsOf(form, s, here);
  const out = [{ form, stts: here }];
  const other = row.atMostRowOf && catalogue.forms.find((f) => f.id === row.atMostRowOf!.form);
  if (other) out.push({ form: other, stts: inputsOf(other, row.atMostRowOf!.stt) });
  return out;
}

/**
 * The ward's figures checked by every rule of the forms, as `cchc validate`
 * would check the ward's workbook: its sheets are built as they will be
 * written and validated. Each finding names the units whose figures make up
 * the cells it compares.
 */
export function checkWardFigures(provenance: Readonly<Record<string, Readonly<Record<string, RowProvenance>>>>, catalogue: Catalogue): RawFinding[] {
  const sheets = catalogue.forms.map((form) => {
    const figures: Record<string, number> = {};
    for (const [stt, p] of Object.entries(provenance[form.id] ?? {})) if (p.value !== null) figures[stt] = p.value;
    return buildFormSheet(form, "", LAYOUT_PERIOD, figures);
  });
  const result = validateWorkbook(snapshotOfPlan({ sheets }), { catalogue });
  const out: RawFinding[] = [];
  for (const f of result.findings) {
    if (NOT_ABOUT_FIGURES.has(f.code)) continue;
    const form = catalogue.forms.find((x) => x.id === f.form);
    const units = new Set<string>();
    if (form && f.row)
      for (const { form: g, stts } of involvedRows(catalogue, form, f.row))
        for (const s of stts) for (const u of provenance[g.id]?.[s]?.used ?? []) units.add(u);
    out.push({ ...f, units: [...units] });
  }
  return out;
}
