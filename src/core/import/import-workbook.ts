import { ratioOf, sameNumber, sameRatio, totalOfFigures } from "../figures";
import { CATALOGUE } from "../forms/catalogue";
import { isInputKind } from "../forms/kinds";
import type { Catalogue, FormRow } from "../forms/schema";
import type { FormFigures } from "../layout/form-sheet";
import type { WorkbookPlan } from "../layout/plan";
import { IMPORT_NOTES } from "../layout/report-texts";
import { buildWorkbookPlan, cleanUnitName, DEFAULT_UNIT } from "../layout/workbook-plan";
import { formatNumberVi } from "../read/number";
import { parsePeriod, type Period } from "../periods/period";
import { locateForms, type LocatedRow } from "../read/locate";
import type { CellValue, WorkbookSnapshot } from "../read/snapshot";
import { placeRef, type RawFinding } from "../validate/finding";
import { byPlace, countFindings, snapshotMetadata, validateWorkbook } from "../validate/validate-workbook";
import { sameUnitName } from "../units/match-unit";
import { readTitle, type TitleInfo } from "./title";
import { typedResults } from "./typed-results";

/**
 * `cchc import`: the figures of a workbook the product can read (a pasted
 * appendix above all, but also a template or a hand-made sheet) written into
 * the standard BM1–BM7 layout of `cchc template`. The findings are those of
 * validating the source, at its own cells, and the figures are the ones that
 * validation took (uncertain ones decided from the rest of the form, see
 * resolve-values.ts); what the standard form has no place for (a typed total
 * that disagrees with its parts, a placeholder, a row that fits two rows) is
 * written into the row's Ghi chú so nothing is lost silently.
 */

/** How the source gave a figure. */
export type ValueSource = "number" | "text" | "resolved" | "blank" | "unreadable" | "missing";

/** One input figure of the standard form, as read from the source. */
export interface ImportedValue {
  form: string;
  stt: string;
  /** the source cell ("Sheet1!D12"), or null when the row is not in the source */
  cell: string | null;
  /** the source cell's content as it is (text as typed) */
  raw: CellValue;
  /** the figure written into the standard form; null when none (blank, unreadable, missing) */
  value: number | null;
  source: ValueSource;
}

/** What the officer adds to an import: unit, period and the time recorded. */
export interface ImportOptions {
  catalogue?: Catalogue;
  /** the unit and period given by the officer (--unit, --period): they win over what the sheet says, which is then flagged if different */
  unit?: string;
  period?: Period;
  /** ISO timestamp recorded in the standard workbook */
  createdAt: string;
}

/** What an import read and what it will write: places, unit, period, every input figure, the findings and the standard workbook. */
export interface ImportResult {
  /** form id → where it was read ("Sheet1!A5" for a pasted form, the sheet name for a form's own sheet) */
  forms: Record<string, string>;
  unit: { name: string; from: "option" | "metadata" | "sheet" | "none"; cell?: string };
  /** undefined when neither the sheet nor the options give a period */
  period?: { id: string; from: "option" | "metadata" | "sheet"; cell?: string };
  /** dates the sheet's text gives ("09/6/2025"), for the officer when the period is missing */
  dates: string[];
  values: ImportedValue[];
  /** as values, in the order a reader walks the forms (worded at the edge: core/messages/word.ts) */
  findings: RawFinding[];
  counts: { error: number; warning: number; info: number };
  /** the standard workbook, when there is at least one form and a period */
  plan?: WorkbookPlan;
}

const shown = (v: CellValue | undefined): string => (v === null || v === undefined ? "" : typeof v === "number" ? formatNumberVi(v, 4) : String(v).trim());
/** The one-line text of a Ghi chú, at most this long (a note, not a document). */
const NOTE_MAX = 240;

function sourceOf(row: LocatedRow | undefined, value: number | null | undefined, resolved: boolean): ValueSource {
  if (!row) return "missing";
  if (resolved) return "resolved";
  if (value === undefined) return "unreadable";
  if (value === null) return "blank";
  return typeof row.value?.value === "string" ? "text" : "number";
}

/** The unit and period: what the officer gave, else what the workbook records, else what its text says; a disagreement is a finding. */
function identity(options: ImportOptions, meta: ReturnType<typeof snapshotMetadata>, title: TitleInfo, raw: RawFinding[], formOf: (sheet: string) => string) {
  const ref = (t: { sheet: string; row: number; col: number }) => placeRef(t.sheet, t.row, t.col);
  const mismatch = (what: "unit" | "period" | "date", t: { sheet: string; row: number; col: number; text: string }, found: string, expected: string) =>
    raw.push({
      code: "TITLE_MISMATCH",
      severity: "warning",
      form: formOf(t.sheet),
      row: null,
      at: { sheet: t.sheet, row: t.row, col: t.col },
      params: { what, found, expected, text: t.text },
      expected,
      actual: found,
    });

  let unit: ImportResult["unit"];
  const given = options.unit !== undefined ? cleanUnitName(options.unit) : "";
  if (given) {
    unit = { name: given, from: "option" };
    if (title.unit && sameUnitName(title.unit.value, given) === false) mismatch("unit", title.unit, title.unit.value, given);
  } else if (meta?.unit && meta.unit !== DEFAULT_UNIT) unit = { name: meta.unit, from: "metadata" };
  else if (title.unit) unit = { name: cleanUnitName(title.unit.value), from: "sheet", cell: ref(title.unit) };
  else unit = { name: "", from: "none" };

  let period: ImportResult["period"];
  let chosen: Period | undefined;
  if (options.period) {
    period = { id: options.period.id, from: "option" };
    chosen = options.period;
    if (title.period && title.period.value !== options.period.id) mismatch("period", title.period, title.period.value, options.period.id);
  } else if (meta?.period && parsePeriod(meta.period).ok) {
    period = { id: meta.period, from: "metadata" };
  } else if (title.period && parsePeriod(title.period.value).ok) {
    period = { id: title.period.value, from: "sheet", cell: ref(title.period) };
  }
  if (period && !chosen) {
    const p = parsePeriod(period.id);
    if (p.ok) chosen = p.value;
  }
  // A date on the sheet before the period's window opens, or more than a year after it closes (the seed's appendix is dated 2025 for a 2026 report).
  if (chosen) {
    const latest = `${Number(chosen.window.to.slice(0, 4)) + 1}${chosen.window.to.slice(4)}`;
    const off = title.dates.find((d) => d.value < chosen!.window.from || d.value > latest);
    if (off) mismatch("date", off, off.text.replace(/^ngày\s*/i, ""), period!.id);
  }
  return { unit, period, chosen };
}

/** Reads a workbook's forms and builds the standard workbook of the same figures; never throws on bad content. */
export function importWorkbook(book: WorkbookSnapshot, options: ImportOptions): ImportResult {
  const catalogue = options.catalogue ?? CATALOGUE;
  const located = locateForms(book, catalogue);
  const validation = validateWorkbook(book, { catalogue, located });
  const { found } = located;
  const meta = snapshotMetadata(book);
  const title = readTitle(book, found);
  const raw: RawFinding[] = [];
  const formOf = (sheet: string) => found.find((f) => f.sheet.name === sheet)?.form.id ?? "";
  const { unit, period, chosen } = identity(options, meta, title, raw, formOf);

  const values: ImportedValue[] = [];
  const figures: Record<string, FormFigures> = {};
  const notes: Record<string, Record<string, string>> = {};
  const note = (form: string, stt: string, text: string) => {
    const forForm = (notes[form] ??= {});
    const joined = forForm[stt] ? `${forForm[stt]}; ${text}` : text;
    forForm[stt] = joined.length > NOTE_MAX ? `${joined.slice(0, NOTE_MAX - 1)}…` : joined;
  };
  const forms: ImportResult["forms"] = {};
  for (const located of found) {
    const id = located.form.id;
    forms[id] = located.pasted ? placeRef(located.sheet.name, located.pasted.title.row, located.pasted.title.col) : located.sheet.name;
    const byStt = new Map<string, LocatedRow>();
    for (const r of located.rows) if (!byStt.has(r.stt)) byStt.set(r.stt, r);
    const formFigures = validation.figures[id] ?? {};
    const resolvedRows = new Set(validation.findings.filter((f) => f.form === id && f.code === "VALUE_RESOLVED").map((f) => f.row));
    const own: Record<string, number> = {};
    for (const row of located.form.rows) {
      const at = byStt.get(row.stt);
      const cellText = shown(at?.value?.value);
      // The unit's own remark goes along.
      const remark = shown(at?.note?.value);
      if (remark) note(id, row.stt, remark);
      if (isInputKind(row.kind)) {
        const figure = row.stt in formFigures ? formFigures[row.stt] : undefined;
        const source = sourceOf(at, figure, resolvedRows.has(row.stt));
        if (typeof figure === "number") own[row.stt] = figure;
        values.push({
          form: id,
          stt: row.stt,
          cell: at ? placeRef(located.sheet.name, at.row, located.columns.value) : null,
          raw: at?.value?.value ?? null,
          value: typeof figure === "number" ? figure : null,
          source,
        });
        if (source === "unreadable" || source === "resolved") note(id, row.stt, IMPORT_NOTES.typed(cellText));
        continue;
      }
      if (row.kind === "ratio" || row.kind === "total") keepTypedResult(row, at, formFigures, (text) => note(id, row.stt, text));
    }
    for (const u of located.pasted?.unmatched ?? []) {
      if (u.reason !== "ambiguous") continue;
      const candidates = u.candidates.map((c) => c.stt);
      for (const stt of candidates) note(id, stt, IMPORT_NOTES.rowAmbiguous(u.text, shown(u.value?.value), candidates.join(" hay ")));
    }
    figures[id] = own;
  }

  // The source's findings (already in order) and the title's, put in order together by their cells.
  const sourceFindings = validation.findings.filter((f) => f.code !== "PASTED_LAYOUT");
  const findings = byPlace([...sourceFindings, ...raw]);
  const counts = countFindings(findings);

  const formIds = catalogue.forms.filter((f) => f.id in forms).map((f) => f.id);
  const plan =
    chosen && formIds.length > 0
      ? buildWorkbookPlan({ unit: unit.name, period: chosen, forms: formIds, createdAt: options.createdAt, catalogue, figures, notes })
      : undefined;
  return {
    forms: Object.fromEntries(formIds.map((id) => [id, forms[id]])),
    unit,
    ...(period ? { period } : {}),
    dates: title.dates.map((d) => d.text.replace(/^ngày\s*/i, "")),
    values: values.sort((a, b) => formIds.indexOf(a.form) - formIds.indexOf(b.form)),
    findings,
    counts,
    ...(plan ? { plan } : {}),
  };
}

/** A ratio or total typed as a figure that its parts do not give: the standard form computes it, so the typed figure goes into Ghi chú. */
function keepTypedResult(row: FormRow, at: LocatedRow | undefined, figures: Record<string, number | null>, note: (text: string) => void): void {
  const typed = typedResults(row, at);
  if (typed.length === 0) return;
  const fig = (s: string) => figures[s];
  // Only a result every part gives is one the typed figure can agree with: with a part blank it goes into Ghi chú.
  const computed = row.kind === "ratio" ? ratioOf(fig(row.numerator!), fig(row.denominator!)) : totalOfFigures(row.sumOf!.map(fig));
  for (const t of typed) {
    const agrees = typeof computed === "number" && (row.kind === "ratio" ? sameRatio(t.value, computed) : sameNumber(computed, t.value));
    if (!agrees) note(IMPORT_NOTES.typed(typeof t.typed === "number" ? shown(t.typed) : t.typed));
  }
}

/**
 * importWorkbook with the officer's choice as the pane holds it: a unit name
 * and a period id from the form's fields (empty: not chosen; an id that does
 * not parse chooses nothing).
 */
export function importWithChoice(book: WorkbookSnapshot, choice: { createdAt: string; unit?: string; periodId?: string }): ImportResult {
  const period = choice.periodId ? parsePeriod(choice.periodId) : undefined;
  return importWorkbook(book, {
    createdAt: choice.createdAt,
    ...(choice.unit ? { unit: choice.unit } : {}),
    ...(period?.ok ? { period: period.value } : {}),
  });
}
