import { CATALOGUE } from "../../src/core/forms";
import { FORM_TEXT } from "../../src/core/layout/texts";
import type { Lang } from "../../src/core/messages";
import { type Finding, type FindingCode } from "../../src/core/validate";
import { CLEAN_VALUES } from "./clean-values";
import { formSheet, type Entry, type FormSheetOptions } from "./snapshot-builder";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/core/read";
import { validateWorkbook, type ValidationResult } from "./worded";

/** A form sheet holding the clean fill, with some entries changed. */
export function cleanForm(id: string, values: Record<string, Entry> = {}, options: Omit<FormSheetOptions, "values"> = {}): SheetSnapshot {
  return formSheet(id, { ...options, values: { ...(CLEAN_VALUES[id] as Record<string, Entry>), ...values } });
}

/** Validates a snapshot in Vietnamese (the default) or English. */
export function validate(book: WorkbookSnapshot, lang: Lang = "vi"): ValidationResult {
  return validateWorkbook(book, { lang });
}

/** The findings of one code. */
export function withCode(result: ValidationResult, code: FindingCode): Finding[] {
  return result.findings.filter((f) => f.code === code);
}

/** Where the findings of one code point: the cell, or "BM3 2.1" / "BM3" when there is no cell. */
export function placesOf(result: ValidationResult, code: FindingCode): string[] {
  return withCode(result, code).map((f) => f.cell ?? [f.form, f.row].filter(Boolean).join(" "));
}

/** The one finding of this code at this cell; fails the test when there is none or more than one. */
export function findingAt(result: ValidationResult, code: FindingCode, cell: string | null, row?: string, form?: string): Finding {
  const found = withCode(result, code).filter((f) => f.cell === cell && (row === undefined || f.row === row) && (form === undefined || f.form === form));
  if (found.length !== 1) {
    const where = [cell, row && `row ${row}`, form].filter(Boolean).join(", ");
    throw new Error(`expected one ${code} at ${where}, found ${found.length}; all findings:\n${listFindings(result)}`);
  }
  return found[0];
}

/** All findings, one line each, for failure messages. */
export function listFindings(result: ValidationResult): string {
  return result.findings.map((f) => `${f.severity} ${f.code} ${f.cell ?? "-"} ${f.form} ${f.row ?? "-"}: ${f.message}`).join("\n");
}

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
const ENGLISH_WORD = /\b(the|a|an|is|not|no|row|rows|enter|check|cell|form|must|of|it|this)\b/i;
/** Form text that English messages may quote: the catalogue's units and code legends, the table's headings. */
const FORM_WORDS = [...new Set([...CATALOGUE.forms.flatMap((f) => f.rows.map((r) => r.unit)), ...FORM_TEXT.header].filter((u) => u.length > 1))].sort(
  (a, b) => b.length - a.length,
);

/** Message and suggestion are non-empty Vietnamese sentences. */
export function expectVietnamese(f: Finding): void {
  expect(f.message.trim()).not.toBe("");
  expect(f.suggestion.trim()).not.toBe("");
  expect(f.message).toMatch(VIETNAMESE);
  expect(f.suggestion).toMatch(VIETNAMESE);
}

/** Message and suggestion are non-empty English: no Vietnamese outside quoted cell text and the form's own unit legends. */
export function expectEnglish(f: Finding): void {
  for (const text of [f.message, f.suggestion]) {
    expect(text.trim()).not.toBe("");
    expect(text).toMatch(ENGLISH_WORD);
    let bare = text.replace(/"[^"]*"/g, '""');
    for (const w of FORM_WORDS) bare = bare.split(w).join("");
    expect(bare).not.toMatch(VIETNAMESE);
  }
}

/**
 * The finding of this code at this cell, checked in both languages: Vietnamese
 * by default, English with lang "en", the same code, severity, place and values.
 */
export function checkedFinding(book: WorkbookSnapshot, code: FindingCode, cell: string | null, row?: string, form?: string): Finding {
  const vi = findingAt(validate(book), code, cell, row, form);
  expectVietnamese(vi);
  const en = findingAt(validate(book, "en"), code, cell, row, form);
  expectEnglish(en);
  expect({ ...en, message: "", suggestion: "", expected: null, actual: null }).toEqual({ ...vi, message: "", suggestion: "", expected: null, actual: null });
  return vi;
}
