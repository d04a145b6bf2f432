import { CATALOGUE } from "../forms/catalogue";
import type { Catalogue } from "../forms/schema";
import type { FileError } from "../errors";
import type { Lang } from "../messages/types";
import { PERIOD_KINDS, type PeriodKind } from "../periods/period";
import { formatError } from "../messages";
import type { WorkbookSnapshot } from "../read/snapshot";
import { type UnitRegistry } from "../units/registry";
import type { Finding, RawFinding } from "../validate/finding";
import { toFinding, validateWorkbook, type ValidationResult } from "../validate/validate-workbook";
import { combineRow, deriveFigures, type Contribution } from "./combine";
import { identifyWorkbook, type WorkbookIdentity } from "./identify";

/** A unit workbook handed to the aggregation. */
export interface UnitWorkbook {
  /** the name shown to the officer (file name or path) */
  file: string;
  /** last change of the file (ms since 1970), to tell which of two resent files is newer */
  modified?: number;
  book: WorkbookSnapshot;
}

/** What happened to each file. */
export interface FileUse {
  file: string;
  unitName: string;
  unitCode?: string;
  periodId?: string;
  status: "used" | "replaced" | "wrong-period" | "unreadable";
  /** for "replaced": the file used instead; for "unreadable": the reason */
  detail?: string;
  errors: number;
  warnings: number;
}

/** A ward figure with the units it came from. */
export interface RowProvenance {
  value: number | null;
  contributions: Contribution[];
}

export interface AggregationResult {
  ward: string;
  periodId: string;
  files: FileUse[];
  /** units in column order for the detail sheet: registry order, then unknown units */
  units: { name: string; code?: string }[];
  /** form id → STT → the ward's figure (inputs combined, ratios and totals recomputed) */
  values: Record<string, Record<string, number | null>>;
  /** form id → STT → contributions (input rows) */
  provenance: Record<string, Record<string, RowProvenance>>;
  /** the own findings of each file used (tagged with its file), then the aggregation's */
  findings: Finding[];
  counts: { error: number; warning: number; info: number };
}

export interface AggregateOptions {
  workbooks: UnitWorkbook[];
  unreadable?: { file: string; error: FileError }[];
  registry: UnitRegistry;
  /** the period to aggregate; by default the one most files record */
  periodId?: string;
  /** the ward's name on the report; by default the registry's */
  ward?: string;
  lang?: Lang;
  catalogue?: Catalogue;
}

interface Candidate {
  wb: UnitWorkbook;
  id: WorkbookIdentity;
  validation: ValidationResult;
  order: number;
}

const key = (c: Candidate) => c.id.unit?.code ?? `?${c.id.unitName.toLowerCase()}`;

/** "2026-H1" → "2026-1": period ids that sort in calendar order (Q1 ends before H1). */
const chronological = (id: string) => id.replace(/-(Q1|H1|Q3|Y)$/i, (_m, kind: string) => `-${PERIOD_KINDS.indexOf(kind.toUpperCase() as PeriodKind)}`);

/** The period most files record; ties go to the later period. */
function commonPeriod(candidates: Candidate[]): string | undefined {
  const counts = new Map<string, number>();
  for (const c of candidates) if (c.id.periodId) counts.set(c.id.periodId, (counts.get(c.id.periodId) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || chronological(b[0]).localeCompare(chronological(a[0])))[0]?.[0];
}

/** Newer first: file time, then the time recorded when the template was made, then the later position. */
function newer(a: Candidate, b: Candidate): number {
  return (b.wb.modified ?? 0) - (a.wb.modified ?? 0) || (b.validation.metadata?.createdAt ?? "").localeCompare(a.validation.metadata?.createdAt ?? "") || b.order - a.order;
}

/**
 * Consolidates unit workbooks into the ward's figures: sums, ratios and totals
 * recomputed from summed parts, provenance per unit, and a finding for every
 * duplicate, missing unit, wrong period, conflicting value and unknown unit.
 * Never throws on bad content.
 */
export function aggregate(options: AggregateOptions): AggregationResult {
  const catalogue = options.catalogue ?? CATALOGUE;
  const lang = options.lang ?? "vi";
  const registry = options.registry;
  const raw: RawFinding[] = [];
  const fileFindings: Finding[] = [];

  const candidates: Candidate[] = options.workbooks.map((wb, order) => {
    const validation = validateWorkbook(wb.book, { lang, catalogue });
    const id = identifyWorkbook(wb.book, validation.metadata, wb.file, registry);
    return { wb, id, validation, order };
  });
  const periodId = options.periodId ?? commonPeriod(candidates) ?? "";

  const files: FileUse[] = [];
  const inPeriod: Candidate[] = [];
  for (const c of candidates) {
    const use: FileUse = { file: c.wb.file, unitName: c.id.unit?.name ?? c.id.unitName, unitCode: c.id.unit?.code, periodId: c.id.periodId, status: "used", errors: c.validation.counts.error, warnings: c.validation.counts.warning };
    files.push(use);
    if (periodId && c.id.periodId && c.id.periodId !== periodId) {
      use.status = "wrong-period";
      raw.push({ code: "PERIOD_MISMATCH", severity: "warning", file: c.wb.file, form: "", row: null, at: null, params: { found: c.id.periodId, expected: periodId }, expected: periodId, actual: c.id.periodId });
      continue;
    }
    if (periodId && !c.id.periodId) {
      // Nothing says which period the file is for: it is used, but never silently.
      raw.push({ code: "PERIOD_MISMATCH", severity: "warning", file: c.wb.file, form: "", row: null, at: null, params: { found: null, expected: periodId }, expected: periodId, actual: null });
    }
    if (!c.id.unit) {
      raw.push({ code: "UNKNOWN_UNIT", severity: "warning", file: c.wb.file, form: "", row: null, at: null, params: { unit: c.id.unitName }, expected: null, actual: c.id.unitName });
    }
    inPeriod.push(c);
  }
  for (const u of options.unreadable ?? []) {
    files.push({ file: u.file, unitName: "", status: "unreadable", detail: formatError(u.error, lang), errors: 1, warnings: 0 });
  }

  // One workbook per unit: the newest; the others are named and set aside.
  const byUnit = new Map<string, Candidate[]>();
  for (const c of inPeriod) byUnit.set(key(c), [...(byUnit.get(key(c)) ?? []), c]);
  const used: Candidate[] = [];
  for (const group of byUnit.values()) {
    const sorted = [...group].sort(newer);
    used.push(sorted[0]);
    if (sorted.length > 1) {
      for (const old of sorted.slice(1)) {
        const use = files.find((f) => f.file === old.wb.file && f.status === "used")!;
        use.status = "replaced";
        use.detail = sorted[0].wb.file;
      }
      raw.push({
        code: "UNIT_DUPLICATE",
        severity: "warning",
        file: sorted[0].wb.file,
        form: "",
        row: null,
        at: null,
        params: { unit: sorted[0].id.unit?.name ?? sorted[0].id.unitName, count: sorted.length, files: sorted.map((c) => c.wb.file).join(", "), used: sorted[0].wb.file },
        expected: null,
        actual: null,
      });
    }
  }
  used.sort((a, b) => a.order - b.order);
  // A file left out (replaced by a resent one, or of another period) keeps its counts in `files`,
  // but its findings are not the ward's: the resent file is usually the correction.
  for (const c of used) for (const f of c.validation.findings) fileFindings.push({ ...f, file: c.wb.file });

  const unitOrder = (c: Candidate) => {
    const i = registry.units.findIndex((u) => u.code === c.id.unit?.code);
    return i < 0 ? registry.units.length + c.order : i;
  };
  const columns = [...used].sort((a, b) => unitOrder(a) - unitOrder(b));

  const values: AggregationResult["values"] = {};
  const provenance: AggregationResult["provenance"] = {};
  for (const form of catalogue.forms) {
    const inputs: Record<string, number | null> = {};
    provenance[form.id] = {};
    for (const row of form.rows) {
      if (!["count", "money", "percent", "code"].includes(row.kind)) continue;
      const contributions: Contribution[] = [];
      for (const c of columns) {
        const figures = c.validation.figures[form.id];
        if (!figures || !(row.stt in figures)) continue;
        contributions.push({
          unitName: c.id.unit?.name ?? c.id.unitName,
          unitCode: c.id.unit?.code,
          file: c.wb.file,
          value: figures[row.stt],
          responsible: !!c.id.unit?.forms.includes(form.id),
        });
      }
      const combined = combineRow(row, contributions);
      inputs[row.stt] = combined.value;
      provenance[form.id][row.stt] = { value: combined.value, contributions };
      if (combined.conflict) {
        raw.push({
          code: "VALUES_CONFLICT",
          severity: "warning",
          form: form.id,
          row: row.stt,
          at: null,
          params: { values: combined.conflict.values.map((v) => `${v.unitName}: ${v.value}`).join("; "), used: combined.conflict.used, value: combined.conflict.value },
          expected: null,
          actual: null,
        });
      }
    }
    values[form.id] = deriveFigures(form, inputs);
  }

  // Every registry unit that answers for a form must have sent figures for it.
  for (const unit of registry.units) {
    const mine = used.filter((c) => c.id.unit?.code === unit.code);
    for (const formId of unit.forms) {
      const sent = mine.some((c) => Object.values(c.validation.figures[formId] ?? {}).some((v) => v !== null));
      if (!sent) raw.push({ code: "UNIT_MISSING", severity: "warning", form: formId, row: null, at: null, params: { unit: unit.name, form: formId }, expected: null, actual: null });
    }
  }

  const findings = [...fileFindings, ...raw.map((r) => toFinding(r, lang))];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  counts.error += options.unreadable?.length ?? 0;
  return {
    ward: options.ward?.trim() || registry.ward,
    periodId,
    files,
    units: columns.map((c) => ({ name: c.id.unit?.name ?? c.id.unitName, code: c.id.unit?.code })),
    values,
    provenance,
    findings,
    counts,
  };
}
