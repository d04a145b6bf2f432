import { finiteFigure, totalOf } from "../figures";
import { isInputKind } from "../forms/kinds";
import type { Catalogue, Form, FormRow } from "../forms/schema";
import { combineModeOf, isCombinable, leadOf } from "../units/leads";
import type { UnitRegistry } from "../units/registry";
import { rawFinding, type FindingCode, type FindingParamsOf, type RawFinding } from "../validate/finding";
import { combineCodes, deriveFigures, type Contribution, type RowProvenance } from "./combine";
import { suspectedDoubleCounts } from "./double-count";
import { wardCell } from "./ward-cells";

/** What one used unit workbook brings to the ward's figures. */
export interface UnitColumn {
  unitName: string;
  unitCode?: string;
  file: string;
  /** form id → STT → figure (null: left blank) */
  figures: Record<string, Record<string, number | null>>;
  /** form id → STT → the unit's Ghi chú */
  notes: Record<string, Record<string, string>>;
}

export type { RowMode, RowProvenance } from "./combine";

export interface WardFigures {
  /** form id → STT → the ward's figure (inputs combined, ratios and totals recomputed) */
  values: Record<string, Record<string, number | null>>;
  /** form id → input STT → how it was made */
  provenance: Record<string, Record<string, RowProvenance>>;
  findings: RawFinding[];
}

/** A finding about the ward's cell of a row; `params` must be those of `code`. */
function wardFinding<C extends FindingCode>(
  form: Form,
  stt: string | null,
  f: { code: C; severity: RawFinding["severity"]; params: FindingParamsOf<C> } & Partial<Pick<RawFinding, "expected" | "actual" | "units">>,
): RawFinding {
  return rawFinding<C>({ expected: null, actual: null, ...f, form: form.id, row: stt, at: stt === null ? null : wardCell(form, stt) });
}

/**
 * One unit's part of a row, its keys always in this order (unitName, unitCode, file, value, note), the
 * optional ones only when there: built directly, as spreading {} or { unitCode } for each of a city's
 * ~80,000 contributions cost more than the rest of the combining.
 */
function contribution(c: UnitColumn, value: number | null, note: string | undefined): Contribution {
  const part: Contribution = c.unitCode ? { unitName: c.unitName, unitCode: c.unitCode, file: c.file, value } : { unitName: c.unitName, file: c.file, value };
  if (note) part.note = note;
  return part;
}

/** Adds a row to a unit's list, in place (copying the list for each row is units × rows² work). */
function pushTo(lists: Map<string, string[]>, unit: string, stt: string): void {
  const list = lists.get(unit);
  if (list) list.push(stt);
  else lists.set(unit, [stt]);
}

const names = (parts: readonly Contribution[]) => parts.map((p) => p.unitName);
/** Units' figures, each reported (not null). */
const listed = (parts: readonly Contribution[]) => parts.map((p) => ({ unit: p.unitName, value: p.value! }));

/**
 * The lead's figure for a lead row, and what the other units' figures say
 * about it: one above the lead's is a conflict (a part cannot exceed the
 * ward's whole; for a percent, any other value is), one equal to it is the
 * ward's figure repeated, never added.
 */
function leadRow(form: Form, row: FormRow, parts: Contribution[], lead: { code: string; name: string }) {
  const mine = parts.find((p) => p.unitCode === lead.code);
  const others = parts.filter((p) => p !== mine && p.value !== null);
  const findings: RawFinding[] = [];
  const repeated: Contribution[] = [];
  if (mine === undefined || mine.value === null) {
    if (others.length > 0) {
      findings.push(
        wardFinding(form, row.stt, {
          code: "LEAD_MISSING",
          severity: "warning",
          params: { why: "blank", lead: lead.name, units: listed(others) },
          units: names(others),
        }),
      );
    }
    return { value: null, used: [] as string[], findings, repeated };
  }
  const v = mine.value;
  const disagree = others.filter((p) => (row.kind === "percent" ? p.value !== v : p.value! > v));
  if (disagree.length > 0) {
    findings.push(
      wardFinding(form, row.stt, {
        code: "VALUES_CONFLICT",
        severity: "warning",
        params: { kind: row.kind === "percent" ? "differs" : "above-lead", values: listed(disagree), used: mine.unitName, value: v },
        expected: row.kind === "percent" ? v : `≤ ${v}`,
        actual: Math.max(...disagree.map((p) => p.value!)),
        units: [mine.unitName, ...names(disagree)],
      }),
    );
  }
  // A count sent again is the ward's figure repeated (said, once per form); a percent that agrees is simply agreement.
  if (v !== 0 && row.kind !== "percent") repeated.push(...others.filter((p) => p.value === v));
  return { value: v, used: [mine.unitName], findings, repeated };
}

/**
 * The ward's figures, row by row as DOMAIN.md says: counts summed or taken
 * from the form's lead unit (the ward's setup decides, per form or row),
 * percents from the lead, codes by their own rule, ratios and totals
 * recomputed from the ward's inputs. Every figure keeps its provenance; every
 * figure not used, or used twice, is said.
 */
export function combineUnits(columns: readonly UnitColumn[], setup: UnitRegistry, catalogue: Catalogue): WardFigures {
  const values: WardFigures["values"] = {};
  const provenance: WardFigures["provenance"] = {};
  const findings: RawFinding[] = [];
  for (const form of catalogue.forms) {
    const lead = leadOf(setup, form.id);
    // A lead whose sheet is all blank has not sent the form (as UNIT_MISSING counts it): one finding for the form, not one per row.
    const leadSent = !!lead && columns.some((c) => c.unitCode === lead.code && Object.values(c.figures[form.id] ?? {}).some((v) => v !== null));
    const inputs: Record<string, number | null> = {};
    const rows: Record<string, RowProvenance> = (provenance[form.id] = {});
    // Figures of other units a missing lead leaves unused, and figures that repeat the lead's: one finding per form each.
    const unused = new Map<string, string[]>();
    // Whether only percents went unused: those are never summed, so only a lead can give the ward its figure.
    let onlyPercents = true;
    const repeated = new Map<string, string[]>();
    // Each unit's sheet of the form looked up once, not once per row: a city has a thousand units and ~80 rows.
    const sheets: { c: UnitColumn; figures: Record<string, number | null>; notes: Record<string, string> | undefined }[] = [];
    for (const c of columns) {
      const figures = c.figures[form.id];
      if (figures) sheets.push({ c, figures, notes: c.notes[form.id] });
    }
    for (const row of form.rows) {
      if (!isInputKind(row.kind)) continue;
      const parts: Contribution[] = [];
      for (const { c, figures, notes } of sheets) {
        if (!(row.stt in figures)) continue;
        parts.push(contribution(c, figures[row.stt], notes?.[row.stt]));
      }
      const reported = parts.filter((p) => p.value !== null);
      let p: RowProvenance;
      if (row.kind === "code") {
        p = { value: combineCodes(row, parts), contributions: parts, mode: "code", used: names(reported) };
      } else if (isCombinable(row) && combineModeOf(setup, form.id, row.stt) === "sum") {
        // Finite figures can still add up past Number.MAX_VALUE: no figure, rather than Infinity in the ward's workbook.
        const total = finiteFigure(totalOf(reported.map((x) => x.value))) ?? null;
        p = { value: total, contributions: parts, mode: "sum", used: names(reported) };
      } else if (!lead || !leadSent) {
        for (const x of reported) pushTo(unused, x.unitName, row.stt);
        if (reported.length > 0 && row.kind !== "percent") onlyPercents = false;
        p = { value: null, contributions: parts, mode: "lead", used: [] };
      } else {
        const r = leadRow(form, row, parts, lead);
        findings.push(...r.findings);
        for (const x of r.repeated) pushTo(repeated, x.unitName, row.stt);
        p = { value: r.value, contributions: parts, mode: "lead", used: r.used };
      }
      rows[row.stt] = p;
      inputs[row.stt] = p.value;
    }
    if (unused.size > 0) {
      findings.push(
        wardFinding(form, null, {
          code: "LEAD_MISSING",
          severity: "warning",
          params: {
            ...(lead ? { why: "not-sent" as const, lead: lead.name } : { why: "no-lead" as const, lead: null }),
            units: [...unused].map(([unit, rows]) => ({ unit, rows })),
            percents: onlyPercents,
          },
          units: [...unused.keys()],
        }),
      );
    }
    for (const [unit, stts] of repeated) {
      findings.push(
        wardFinding(form, null, {
          code: "LEAD_REPEATED",
          severity: "info",
          params: { unit, lead: lead!.name, rows: stts },
          units: [unit, lead!.name],
        }),
      );
    }
    findings.push(...suspectedDoubleCounts(form, rows));
    values[form.id] = deriveFigures(form, inputs);
  }
  return { values, provenance, findings };
}
