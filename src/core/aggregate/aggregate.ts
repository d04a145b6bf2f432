import { CATALOGUE } from "../forms/catalogue";
import type { Catalogue } from "../forms/schema";
import type { FileError } from "../errors";
import { compareWithPrevious, type EarlierFigures } from "../cycle/previous";
import { submissionsBoard, vietnamDate, type OtherFile, type Submission } from "../cycle/submissions";
import { wardPeriod } from "../cycle/ward-dates";
import { PERIOD_KINDS, type IsoDate, type Period, type PeriodKind, type PeriodOverrides } from "../periods/period";
import { locateForms } from "../read/locate";
import type { WorkbookSnapshot } from "../read/snapshot";
import { formMode, leadOf } from "../units/leads";
import { matchUnitInFileName, type CombineMode, type UnitRegistry } from "../units/registry";
import type { RawFinding } from "../validate/finding";
import { countFindings, validateWorkbook, type ValidationResult } from "../validate/validate-workbook";
import { checkWardFigures } from "./ward-check";
import { wardCell } from "./ward-cells";
import { combineUnits, type RowProvenance } from "./ward-figures";
import { identifyWorkbook, type WorkbookIdentity } from "./identify";
import type { FileUse } from "./file-use";

export type { FileUse } from "./file-use";

/** A unit workbook handed to the aggregation. */
export interface UnitWorkbook {
  /** the name shown to the officer (file name or path) */
  file: string;
  /** last change of the file (ms since 1970), to tell which of two resent files is newer */
  modified?: number;
  book: WorkbookSnapshot;
}

/** The ward's figures and what the aggregation found, as values: each edge words the findings (core/messages/word.ts). */
export interface AggregationResult {
  ward: string;
  periodId: string;
  files: FileUse[];
  /** units in column order for the detail sheet: registry order, then unknown units */
  units: { name: string; code?: string }[];
  /** form id → STT → the ward's figure (inputs combined, ratios and totals recomputed) */
  values: Record<string, Record<string, number | null>>;
  /** form id → who leads it and whether its counts are summed (the ward's setup, as applied) */
  forms: Record<string, FormCombination>;
  /** form id → input STT → how the ward's figure was made, from which units */
  provenance: Record<string, Record<string, RowProvenance>>;
  /** the period with the ward's dates (its setup's, or the standard guidance); absent when no period was found */
  period?: Period;
  /** who has sent: one entry per unit of the setup, whom to chase first */
  submissions: Submission[];
  /** files that are not workbooks and whose names carry no unit of the setup: named, so none is skipped silently */
  unplacedFiles: OtherFile[];
  /** the ward's earlier report, when one was given: its period and figures, for the "Kỳ trước" column */
  previous?: { file: string; periodId: string | null; figures: EarlierFigures["figures"] };
  /** the own findings of each file used (tagged with its file), then the aggregation's, then the ward figures' */
  findings: RawFinding[];
  counts: { error: number; warning: number; info: number };
}

/** How one form's figures were combined: its lead unit (if the setup has one) and sum, lead or both. */
export interface FormCombination {
  mode: CombineMode | "mixed";
  lead?: { code: string; name: string };
}

export interface AggregateOptions {
  /** in the order given (the later of two equally new files from one unit wins); read or already examined */
  workbooks: (UnitWorkbook | ExaminedWorkbook)[];
  unreadable?: { file: string; error: FileError; modified?: number }[];
  registry: UnitRegistry;
  /** the period to aggregate; by default the one most files record */
  periodId?: string;
  /** the ward's name on the report; by default the registry's */
  ward?: string;
  /** dates typed for this run, over the setup's for the period (its cut-off is what the units' files must record) */
  dates?: PeriodOverrides;
  /** files in the selection that are not workbooks (a Word report, a scan): listed against their unit */
  others?: OtherFile[];
  /** the day the ward runs it (Vietnam's calendar), to tell who is late; by default today */
  today?: IsoDate;
  /** the ward's report of an earlier period, to check cumulative rows and note changes */
  previous?: EarlierFigures;
  catalogue?: Catalogue;
}

/**
 * What the aggregation needs of one unit workbook once it has been read: who
 * sent it and its own validation, not the cells. Plain data, so the reading
 * and checking can happen elsewhere (a worker) and the snapshot be dropped.
 */
export interface ExaminedWorkbook {
  file: string;
  modified?: number;
  identity: WorkbookIdentity;
  validation: ValidationResult;
  /**
   * When no form was found: the errors that say why (STRUCTURE_CHANGED), as
   * values; the aggregation words them as the file's reason. Empty otherwise.
   */
  noForms: RawFinding[];
}

interface Candidate extends ExaminedWorkbook {
  order: number;
}

/** Validates and identifies one unit workbook: the part of the aggregation done file by file. */
export function examineWorkbook(wb: UnitWorkbook, options: { registry: UnitRegistry; catalogue?: Catalogue }): ExaminedWorkbook {
  const catalogue = options.catalogue ?? CATALOGUE;
  // Located once for both: finding a pasted appendix's tables is the costly part of reading a hand-made file.
  const located = locateForms(wb.book, catalogue);
  const validation = validateWorkbook(wb.book, { catalogue, located });
  const identity = identifyWorkbook(wb.book, validation.metadata, wb.file, options.registry, located.found);
  const noForms = Object.keys(validation.forms).length > 0 ? [] : validation.findings.filter((f) => f.code === "STRUCTURE_CHANGED" && f.severity === "error");
  return { file: wb.file, modified: wb.modified, identity, validation, noForms };
}

const key = (c: Candidate) => c.identity.unit?.code ?? `?${c.identity.unitName.toLowerCase()}`;

/** "2026-H1" → "2026-1": period ids that sort in calendar order (Q1 ends before H1). */
const chronological = (id: string) => id.replace(/-(Q1|H1|Q3|Y)$/i, (_m, kind: string) => `-${PERIOD_KINDS.indexOf(kind.toUpperCase() as PeriodKind)}`);

/** The period most files record; ties go to the later period. */
function commonPeriod(candidates: Candidate[]): string | undefined {
  const counts = new Map<string, number>();
  for (const c of candidates) if (c.identity.periodId) counts.set(c.identity.periodId, (counts.get(c.identity.periodId) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || chronological(b[0]).localeCompare(chronological(a[0])))[0]?.[0];
}

/** Newer first: file time, then the time recorded when the template was made, then the later position. */
function newer(a: Candidate, b: Candidate): number {
  return (
    (b.modified ?? 0) - (a.modified ?? 0) || (b.validation.metadata?.createdAt ?? "").localeCompare(a.validation.metadata?.createdAt ?? "") || b.order - a.order
  );
}

/**
 * Consolidates unit workbooks into the ward's figures: sums, ratios and totals
 * recomputed from summed parts, provenance per unit, and a finding for every
 * duplicate, missing unit, wrong period, conflicting value and unknown unit.
 * Never throws on bad content.
 */
export function aggregate(options: AggregateOptions): AggregationResult {
  const catalogue = options.catalogue ?? CATALOGUE;
  const registry = options.registry;
  const raw: RawFinding[] = [];
  const fileFindings: RawFinding[] = [];

  const examined: Candidate[] = options.workbooks.map((wb, order) => ({ ...("book" in wb ? examineWorkbook(wb, { registry, catalogue }) : wb), order }));
  // A readable file with no form in it (a staff list, a form whose table is gone) has nothing to give:
  // it is named with its reason, and neither picks the period nor stands in for its unit's real file.
  const hasForms = (c: Candidate) => Object.keys(c.validation.forms).length > 0;
  const candidates = examined.filter(hasForms);
  const periodId = options.periodId ?? commonPeriod(candidates) ?? "";
  const period = periodId ? wardPeriod(registry, periodId, options.dates) : undefined;
  const cutoff = period?.ok ? period.value.window : undefined;

  const files: FileUse[] = [];
  const inPeriod: Candidate[] = [];
  const formless: Candidate[] = [];
  for (const c of examined) {
    const use: FileUse = {
      file: c.file,
      ...(c.modified !== undefined ? { modified: c.modified } : {}),
      forms: Object.entries(c.validation.figures)
        .filter(([, rows]) => Object.values(rows).some((v) => v !== null))
        .map(([form]) => form),
      unitName: c.identity.unit?.name ?? c.identity.unitName,
      unitCode: c.identity.unit?.code,
      periodId: c.identity.periodId,
      status: "used",
      errors: c.validation.counts.error,
      warnings: c.validation.counts.warning,
    };
    files.push(use);
    if (!hasForms(c)) {
      use.status = "no-forms";
      // The reason, as findings: worded where it is shown.
      use.noForms = c.noForms;
      formless.push(c);
      continue;
    }
    // A file of another period is not used; one that says no period is used, but never silently.
    const found = c.identity.periodId || null;
    if (periodId && found !== periodId) {
      raw.push({
        code: "PERIOD_MISMATCH",
        severity: "warning",
        file: c.file,
        form: "",
        row: null,
        at: null,
        params: { found, expected: periodId },
        expected: periodId,
        actual: found,
      });
      if (found) {
        use.status = "wrong-period";
        continue;
      }
    }
    // A template records the cut-off it was made for: another one is an old template, or another ward's dates.
    const made = c.validation.metadata;
    if (cutoff && made?.windowFrom && made.windowTo && (made.windowFrom !== cutoff.from || made.windowTo !== cutoff.to)) {
      raw.push({
        code: "CUTOFF_MISMATCH",
        severity: "warning",
        file: c.file,
        form: "",
        row: null,
        at: null,
        params: { period: periodId, found: { from: made.windowFrom, to: made.windowTo }, expected: cutoff },
        expected: `${cutoff.from}/${cutoff.to}`,
        actual: `${made.windowFrom}/${made.windowTo}`,
      });
    }
    if (!c.identity.unit) {
      // The units the name resembles are named, never chosen: the officer adds the name as an alias if it is one of them.
      const like = registry.units.filter((u) => c.identity.resembles?.includes(u.code));
      const params = { unit: c.identity.unitName, like: like.map((u) => ({ name: u.name, code: u.code })) };
      raw.push({ code: "UNKNOWN_UNIT", severity: "warning", file: c.file, form: "", row: null, at: null, params, expected: null, actual: c.identity.unitName });
    } else if (c.identity.byText) {
      const { name, code } = c.identity.unit;
      raw.push({
        code: "UNIT_MATCHED_BY_TEXT",
        severity: "info",
        file: c.file,
        form: "",
        row: null,
        at: null,
        params: { name: c.identity.unitName, unit: name, code },
        expected: name,
        actual: c.identity.unitName,
      });
    }
    inPeriod.push(c);
  }
  for (const u of options.unreadable ?? []) {
    files.push({
      file: u.file,
      ...(u.modified !== undefined ? { modified: u.modified } : {}),
      unitName: "",
      status: "unreadable",
      error: u.error,
      errors: 1,
      warnings: 0,
    });
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
        const use = files.find((f) => f.file === old.file && f.status === "used")!;
        use.status = "replaced";
        use.usedInstead = sorted[0].file;
      }
      raw.push({
        code: "UNIT_DUPLICATE",
        severity: "warning",
        file: sorted[0].file,
        form: "",
        row: null,
        at: null,
        params: {
          unit: sorted[0].identity.unit?.name ?? sorted[0].identity.unitName,
          count: sorted.length,
          files: sorted.map((c) => c.file),
          used: sorted[0].file,
        },
        expected: null,
        actual: null,
      });
    }
  }
  used.sort((a, b) => a.order - b.order);
  // A file left out (replaced by a resent one, or of another period) keeps its counts in `files`,
  // but its findings are not the ward's: the resent file is usually the correction.
  // A file without forms is reported: the officer has to ask for the right one.
  for (const c of [...used, ...formless].sort((a, b) => a.order - b.order)) for (const f of c.validation.findings) fileFindings.push({ ...f, file: c.file });

  const unitOrder = (c: Candidate) => {
    const i = registry.units.findIndex((u) => u.code === c.identity.unit?.code);
    return i < 0 ? registry.units.length : i;
  };
  // Units the registry does not know follow it by name, not in the order the files were given: that order
  // would otherwise decide whose percent is taken when units disagree and none of them answers for the form.
  const columns = [...used].sort((a, b) => unitOrder(a) - unitOrder(b) || (a.identity.unit ? 0 : a.identity.unitName.localeCompare(b.identity.unitName, "vi")));

  const ward = combineUnits(
    columns.map((c) => ({
      unitName: c.identity.unit?.name ?? c.identity.unitName,
      unitCode: c.identity.unit?.code,
      file: c.file,
      figures: c.validation.figures,
      notes: c.validation.notes ?? {},
    })),
    registry,
    catalogue,
  );
  raw.push(...ward.findings);
  const { values, provenance } = ward;

  // Every registry unit that answers for a form must have sent figures for it.
  for (const unit of registry.units) {
    const mine = used.filter((c) => c.identity.unit?.code === unit.code);
    // A file used under a name that only resembles the unit: said, so a unit is never both "used" and missing unexplained.
    const lookalikes = used.filter((c) => !c.identity.unit && c.identity.resembles?.includes(unit.code));
    const like = lookalikes.map((c) => ({ name: c.identity.unitName, file: c.file }));
    for (const formId of unit.forms) {
      const sent = mine.some((c) => Object.values(c.validation.figures[formId] ?? {}).some((v) => v !== null));
      if (!sent)
        raw.push({
          code: "UNIT_MISSING",
          severity: "warning",
          form: formId,
          row: null,
          at: null,
          params: { unit: unit.name, form: formId, like, code: unit.code },
          expected: null,
          actual: null,
        });
    }
  }

  // The ward's figures checked by every rule of the forms, like a unit's, each finding naming the units behind its cells.
  // The ward's figures against its earlier report: cumulative rows never fall within a year.
  const wardName = options.ward?.trim() || registry.ward || "";
  const earlier = options.previous
    ? compareWithPrevious({ unit: wardName || null, periodId: periodId || null, figures: values }, options.previous, {
        catalogue,
        place: (form, stt) => {
          const f = catalogue.forms.find((x) => x.id === form);
          return f ? wardCell(f, stt) : null;
        },
      })
    : [];
  const findings = [...fileFindings, ...raw, ...checkWardFigures(provenance, catalogue), ...earlier];
  const counts = countFindings(findings);
  counts.error += options.unreadable?.length ?? 0;
  return {
    ward: wardName,
    periodId,
    ...(period?.ok ? { period: period.value } : {}),
    submissions: period?.ok
      ? submissionsBoard({ registry, period: period.value, files, others: options.others ?? [], today: options.today ?? vietnamDate(Date.now()) })
      : [],
    unplacedFiles: (options.others ?? []).filter((o) => !matchUnitInFileName(registry, o.file)),
    ...(options.previous ? { previous: { file: options.previous.file, periodId: options.previous.periodId, figures: options.previous.figures } } : {}),
    files,
    units: columns.map((c) => ({ name: c.identity.unit?.name ?? c.identity.unitName, code: c.identity.unit?.code })),
    forms: Object.fromEntries(
      catalogue.forms.map((form) => {
        const lead = leadOf(registry, form.id);
        return [form.id, { mode: formMode(registry, form), ...(lead ? { lead: { code: lead.code, name: lead.name } } : {}) }];
      }),
    ),
    values,
    provenance,
    findings,
    counts,
  };
}
