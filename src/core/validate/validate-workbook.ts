import { CATALOGUE } from "../forms/catalogue";
import type { Catalogue } from "../forms/schema";
import { META_SHEET, readMetadata, type WorkbookMetadata } from "../layout/metadata";
import { parseAddress } from "../layout/address";
import { describeFinding } from "../messages/findings";
import type { Lang } from "../messages/types";
import { resolveValues } from "../import/resolve-values";
import { locateForms, type LocatedForms } from "../read/locate";
import type { WorkbookSnapshot } from "../read/snapshot";
import { checkCrossForm, FORM_RULES } from "../rules";
import { formContext, type Figure, type FormContext } from "./context";
import {
  cellRef,
  compareFindings,
  type Finding,
  type FindingCode,
  type FindingParamsOf,
  type FindingPlace,
  type RawFinding,
  type RawFindingOf,
} from "./finding";
import type { StructureParams } from "./finding-params";

/** The outcome of checking one workbook. */
export interface ValidationResult {
  /** the unit and period the workbook records (metadata sheet), when it has them */
  metadata?: WorkbookMetadata;
  /** form id → sheet name, for the forms found */
  forms: Record<string, string>;
  /** form id → STT → figure: a number, null for blank, undefined (absent) when unreadable */
  figures: Record<string, Record<string, number | null>>;
  /** form id → STT → the unit's Ghi chú on that row, as text (only rows that have one) */
  notes: Record<string, Record<string, string>>;
  findings: Finding[];
  counts: { error: number; warning: number; info: number };
}

/** A workbook checked, its findings not yet put into words: what import and aggregation read as data. */
export interface CheckedWorkbook extends Omit<ValidationResult, "findings" | "counts"> {
  /** in the order a reader walks the forms (byPlace) */
  findings: RawFinding[];
}

/** Reads the metadata sheet of a snapshot, if the workbook was made by this product. */
export function snapshotMetadata(book: WorkbookSnapshot): WorkbookMetadata | undefined {
  const meta = book.sheets.find((s) => s.name === META_SHEET);
  if (!meta) return undefined;
  const rows = Array.from({ length: meta.maxRow }, (_, i) => [meta.cells[`A${i + 1}`]?.value, meta.cells[`B${i + 1}`]?.value]);
  return readMetadata(rows);
}

function workbookFinding(form: string, params: StructureParams, at: RawFinding["at"] = null): RawFinding {
  return { code: "STRUCTURE_CHANGED", severity: "error", form, row: null, at, params, expected: null, actual: null };
}

/** Checks every rule of the catalogue on a workbook snapshot and puts the findings into words; never throws on bad content. */
export function validateWorkbook(book: WorkbookSnapshot, options: { lang?: Lang; catalogue?: Catalogue; located?: LocatedForms } = {}): ValidationResult {
  return wordValidation(checkWorkbook(book, options), options.lang ?? "vi");
}

/** A checked workbook with its findings in words, and counted. */
export function wordValidation(checked: CheckedWorkbook, lang: Lang): ValidationResult {
  const findings = checked.findings.map((r) => toFinding(r, lang));
  return { ...checked, findings, counts: countFindings(findings) };
}

/** Findings by severity. */
export function countFindings(findings: readonly { severity: Finding["severity"] }[]): ValidationResult["counts"] {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** Raw findings in the order a reader walks the forms: form, then sheet row, then severity (a stable sort). */
export function byPlace(raw: readonly RawFinding[]): RawFinding[] {
  return raw
    .map((r) => ({ r, cellRow: r.at ? parseAddress(r.at.address)?.row : undefined }))
    .sort((a, b) => compareFindings({ ...a.r, cellRow: a.cellRow }, { ...b.r, cellRow: b.cellRow }))
    .map(({ r }) => r);
}

/** Checks every rule of the catalogue on a workbook snapshot, findings as values; never throws on bad content. */
export function checkWorkbook(book: WorkbookSnapshot, options: { catalogue?: Catalogue; located?: LocatedForms } = {}): CheckedWorkbook {
  const catalogue = options.catalogue ?? CATALOGUE;
  const metadata = snapshotMetadata(book);
  // A caller that also needs where the forms are (the aggregation identifies units by their title lines) locates them once.
  const { found, unreadable, duplicates } = options.located ?? locateForms(book, catalogue);
  const raw: RawFinding[] = [];
  for (const { form, sheet, address } of duplicates) {
    const used = [...found, ...unreadable].find((f) => f.form.id === form.id)!.sheet.name;
    raw.push({
      ...workbookFinding(form.id, { what: "form-duplicate", sheet: sheet.name, used }, { sheet: sheet.name, address: address ?? "A1" }),
      severity: "warning",
    });
  }

  for (const { form, sheet, address } of unreadable)
    raw.push(workbookFinding(form.id, { what: "table-not-found", sheet: sheet.name }, { sheet: sheet.name, address: address ?? "A1" }));
  const present = new Set([...found.map((f) => f.form.id), ...unreadable.map((u) => u.form.id)]);
  if (present.size === 0) raw.push(workbookFinding("", { what: "no-forms" }));
  // The metadata is the file's word: only forms of the catalogue can be missing (not "__proto__", not a later version's BM8).
  const known = new Set(catalogue.forms.map((f) => f.id));
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

/** Longest quote of a file's text in a finding: enough to recognise it, short enough for one line of a report. */
const QUOTE_MAX = 300;

/**
 * Text from a file as a finding quotes it: on one line (a cell's line breaks
 * and control characters would break the CLI's one-line-per-finding report)
 * and cut short (a 30,000-character cell is not a message).
 */
function quote<T>(value: T): T {
  if (typeof value !== "string") return value;
  const line = value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ");
  return (line.length > QUOTE_MAX ? `${line.slice(0, QUOTE_MAX)}…` : line) as T;
}

/** A raw finding's params with the file's text in them quoted as a finding quotes it. */
function quoted<C extends FindingCode>(raw: RawFindingOf<C>): RawFindingOf<C> {
  const params = Object.fromEntries(Object.entries(raw.params).map(([k, v]) => [k, quote(v)])) as FindingParamsOf<C>;
  return { ...raw, params, expected: quote(raw.expected), actual: quote(raw.actual) };
}

/** The cell of a raw finding as numbers; null when it has none. */
function placeOf(at: RawFinding["at"]): FindingPlace | null {
  const rc = at ? parseAddress(at.address) : undefined;
  return at && rc ? { sheet: at.sheet, row: rc.row, col: rc.col } : null;
}

/** Puts a raw finding into words in the given language. */
export function toFinding(raw: RawFinding, lang: Lang): Finding {
  const r = quoted(raw);
  const text = describeFinding(r, lang);
  return {
    code: r.code,
    ...(r.file !== undefined ? { file: r.file } : {}),
    severity: r.severity,
    form: r.form,
    row: r.row,
    cell: r.at ? cellRef(r.at.sheet, r.at.address) : null,
    at: placeOf(r.at),
    message: text.message,
    suggestion: text.suggestion,
    expected: text.expected,
    actual: text.actual,
    ...(r.fix ? { fix: r.fix } : {}),
    ...(r.units ? { units: r.units } : {}),
  };
}
