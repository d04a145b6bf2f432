import { CATALOGUE } from "../forms/catalogue";
import type { Catalogue } from "../forms/schema";
import { META_SHEET, readMetadata, type WorkbookMetadata } from "../layout/metadata";
import { resolveValues } from "../import/resolve-values";
import { locateForms, type LocatedForms } from "../read/locate";
import { cellAt, type WorkbookSnapshot } from "../read/snapshot";
import { checkCrossForm, FORM_RULES } from "../rules";
import { formContext, type Figure, type FormContext } from "./context";
import { compareFindings, type RawFinding, type Severity } from "./finding";
import type { StructureParams } from "./finding-params";

/** The outcome of checking one workbook: its figures and its findings as values (worded at the edge: core/messages/word.ts). */
export interface ValidationResult {
  /** the unit and period the workbook records (metadata sheet), when it has them */
  metadata?: WorkbookMetadata;
  /** form id → sheet name, for the forms found */
  forms: Record<string, string>;
  /** form id → STT → figure: a number, null for blank, undefined (absent) when unreadable */
  figures: Record<string, Record<string, number | null>>;
  /** form id → STT → the unit's Ghi chú on that row, as text (only rows that have one) */
  notes: Record<string, Record<string, string>>;
  /** in the order a reader walks the forms (byPlace) */
  findings: RawFinding[];
  counts: { error: number; warning: number; info: number };
}

/** Reads the metadata sheet of a snapshot, if the workbook was made by this product. */
export function snapshotMetadata(book: WorkbookSnapshot): WorkbookMetadata | undefined {
  const meta = book.sheets.find((s) => s.name === META_SHEET);
  if (!meta) return undefined;
  const rows = Array.from({ length: meta.maxRow }, (_, i) => [cellAt(meta, i + 1, 1)?.value, cellAt(meta, i + 1, 2)?.value]);
  return readMetadata(rows);
}

/** A finding about a whole form sheet is placed at its first cell. */
const A1 = { row: 1, col: 1 };

function workbookFinding(form: string, params: StructureParams, at: RawFinding["at"] = null): RawFinding {
  return { code: "STRUCTURE_CHANGED", severity: "error", form, row: null, at, params, expected: null, actual: null };
}

/** Findings by severity. */
export function countFindings(findings: readonly { severity: Severity }[]): ValidationResult["counts"] {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** Raw findings in the order a reader walks the forms: form, then sheet row, then severity (a stable sort). */
export function byPlace(raw: readonly RawFinding[]): RawFinding[] {
  // Only what compareFindings reads, made once per finding rather than a copy of both findings at every comparison.
  return raw
    .map((r) => ({ r, form: r.form, cellRow: r.at?.row, severity: r.severity }))
    .sort(compareFindings)
    .map(({ r }) => r);
}

/** The form ids of each catalogue, made once per catalogue (it is not changed once loaded), not once per workbook. */
const FORM_IDS = new WeakMap<Catalogue, ReadonlySet<string>>();
function formIds(catalogue: Catalogue): ReadonlySet<string> {
  let ids = FORM_IDS.get(catalogue);
  if (!ids) FORM_IDS.set(catalogue, (ids = new Set(catalogue.forms.map((f) => f.id))));
  return ids;
}

/** Checks every rule of the catalogue on a workbook snapshot, findings as values; never throws on bad content. */
export function validateWorkbook(book: WorkbookSnapshot, options: { catalogue?: Catalogue; located?: LocatedForms } = {}): ValidationResult {
  const catalogue = options.catalogue ?? CATALOGUE;
  const metadata = snapshotMetadata(book);
  // A caller that also needs where the forms are (the aggregation identifies units by their title lines) locates them once.
  const { found, unreadable, duplicates } = options.located ?? locateForms(book, catalogue);
  const raw: RawFinding[] = [];
  for (const { form, sheet, title } of duplicates) {
    const used = [...found, ...unreadable].find((f) => f.form.id === form.id)!.sheet.name;
    raw.push({
      ...workbookFinding(form.id, { what: "form-duplicate", sheet: sheet.name, used }, { sheet: sheet.name, ...(title ?? A1) }),
      severity: "warning",
    });
  }

  for (const { form, sheet, title } of unreadable)
    raw.push(workbookFinding(form.id, { what: "table-not-found", sheet: sheet.name }, { sheet: sheet.name, ...(title ?? A1) }));
  const present = new Set([...found.map((f) => f.form.id), ...unreadable.map((u) => u.form.id)]);
  if (present.size === 0) raw.push(workbookFinding("", { what: "no-forms" }));
  // The metadata is the file's word: only forms of the catalogue can be missing (not "__proto__", not a later version's BM8).
  const known = formIds(catalogue);
  for (const id of metadata?.forms ?? []) if (known.has(id) && !present.has(id)) raw.push(workbookFinding(id, { what: "form-missing", form: id }));

  const contexts = new Map<string, FormContext>();
  for (const located of found) {
    const ctx = formContext(located);
    // A pasted form's uncertain figures are decided from the rest of the form before any rule reads them.
    if (located.layout === "pasted") ctx.resolved = resolveValues(located);
    contexts.set(located.form.id, ctx);
    for (const rule of FORM_RULES) raw.push(...rule(ctx));
  }
  raw.push(...checkCrossForm(contexts));

  const findings = byPlace(raw);
  const figures: ValidationResult["figures"] = {};
  for (const [id, ctx] of contexts) {
    figures[id] = {};
    ctx.figures.forEach((v: Figure, stt) => {
      if (v !== undefined) figures[id][stt] = v;
    });
  }
  return {
    ...(metadata ? { metadata } : {}),
    forms: Object.fromEntries(found.map((f) => [f.form.id, f.sheet.name])),
    figures,
    notes: rowNotes(found),
    findings,
    counts: countFindings(findings),
  };
}

/** Longest note carried from a unit's Ghi chú: enough for a remark, not a whole report. */
const NOTE_MAX = 500;

/** The Ghi chú of each row that has one: the ward's report carries the units' notes with their figures. */
function rowNotes(found: LocatedForms["found"]): ValidationResult["notes"] {
  const notes: ValidationResult["notes"] = {};
  for (const { form, rows } of found) {
    for (const r of rows) {
      const v = r.note?.value;
      const text = typeof v === "string" ? v.replace(/\s+/g, " ").trim() : typeof v === "number" ? String(v) : "";
      if (!text) continue;
      (notes[form.id] ??= {})[r.stt] ??= text.length > NOTE_MAX ? `${text.slice(0, NOTE_MAX)}…` : text;
    }
  }
  return notes;
}
