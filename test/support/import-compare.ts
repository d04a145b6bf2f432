import { CATALOGUE } from "../../src/core/forms";
import type { Finding, FindingCode } from "../../src/core/validate";
import { type ImportResult } from "./worded";

/**
 * Import then validate gives the same findings as validating the pasted
 * sheet, modulo the findings that only make sense on the pasted layout. This
 * says exactly which, and why:
 *
 * 1. About reading the paste, gone once it is read: PASTED_LAYOUT (where a
 *    form was found), ROW_MATCHED_BY_TEXT (a row placed by its text),
 *    VALUE_RESOLVED (an uncertain figure decided: the standard form holds the
 *    number taken), NUMBER_AS_TEXT ("01": the standard form holds 1),
 *    TITLE_MISMATCH (the sheet's own title text).
 * 2. About cells the standard form writes itself: FORMULA_MISMATCH (ratio and
 *    total rows get the catalogue's formulas), UNIT_MISMATCH (the unit column
 *    is the catalogue's), RATIO_MISMATCH (a typed ratio result: the standard
 *    form computes the ratio), and SUM_MISMATCH on a total row (a typed total:
 *    the standard form computes it). A typed figure the standard form cannot
 *    hold is kept in that row's Ghi chú.
 * 3. About the table's shape, gone with it: STRUCTURE_CHANGED at a cell (a
 *    renamed heading, a row out of order, a row left unmatched or matched to
 *    two rows equally well).
 * 4. What the standard form cannot take becomes a blank row, so it comes
 *    back as MISSING_VALUE there: NOT_A_NUMBER ("a"), AMBIGUOUS_NUMBER that no
 *    check decided, STRUCTURE_CHANGED for a missing input row. The standard
 *    form's MISSING_VALUE findings are exactly its blank inputs (one note for a
 *    form with none filled in, as for any template).
 *
 * Everything else (sums of parts, parts within wholes, codes, ranges, rules
 * across forms) is the same finding, on the same form and row: those rules
 * count a total by its parts, never by a figure typed over it, so a typed
 * total changes nothing once the standard form computes it.
 */
export const PASTED_ONLY: readonly FindingCode[] = [
  "PASTED_LAYOUT",
  "ROW_MATCHED_BY_TEXT",
  "VALUE_RESOLVED",
  "NUMBER_AS_TEXT",
  "TITLE_MISMATCH",
  "FORMULA_MISMATCH",
  "UNIT_MISMATCH",
  "RATIO_MISMATCH",
];

const key = (f: Pick<Finding, "severity" | "code" | "form" | "row">) => `${f.severity} ${f.code} ${f.form} ${f.row ?? "-"}`;
const rowOf = (form: string, stt: string | null) => CATALOGUE.forms.find((f) => f.id === form)?.rows.find((r) => r.stt === stt);

/** The findings of the pasted sheet that the standard form must give again, as "severity code form row". */
export function expectedAfterImport(pasted: readonly Finding[], imported: ImportResult): string[] {
  const kept = pasted.filter((f) => {
    if (PASTED_ONLY.includes(f.code) || f.code === "MISSING_VALUE") return false;
    if (f.code === "NOT_A_NUMBER" || f.code === "AMBIGUOUS_NUMBER") return false;
    if (f.code === "STRUCTURE_CHANGED" && (f.cell !== null || f.row !== null)) return false;
    const row = rowOf(f.form, f.row);
    if (f.code === "SUM_MISMATCH" && row?.kind === "total") return false;
    return true;
  });
  const blanks = new Map<string, string[]>();
  for (const v of imported.values) if (v.value === null) blanks.set(v.form, [...(blanks.get(v.form) ?? []), v.stt]);
  const missing: string[] = [];
  for (const [form, stts] of blanks) {
    const inputs = imported.values.filter((v) => v.form === form).length;
    if (stts.length === inputs) missing.push(key({ severity: "info", code: "MISSING_VALUE", form, row: null }));
    else for (const stt of stts) missing.push(key({ severity: "warning", code: "MISSING_VALUE", form, row: stt }));
  }
  return [...kept.map(key), ...missing].sort();
}

/** The findings of the standard form, as "severity code form row". */
export function findingKeys(findings: readonly Finding[]): string[] {
  return findings.map(key).sort();
}

/** Blank inputs of the standard form that no finding on the pasted sheet accounts for (expected: none). */
export function unexplainedBlanks(pasted: readonly Finding[], imported: ImportResult): string[] {
  const explains = (f: Finding, form: string, stt: string) =>
    f.form === form &&
    ((f.row === stt && ["MISSING_VALUE", "NOT_A_NUMBER", "AMBIGUOUS_NUMBER", "STRUCTURE_CHANGED"].includes(f.code)) ||
      (f.row === null && f.code === "MISSING_VALUE"));
  return imported.values.filter((v) => v.value === null && !pasted.some((f) => explains(f, v.form, v.stt))).map((v) => `${v.form} ${v.stt}`);
}
