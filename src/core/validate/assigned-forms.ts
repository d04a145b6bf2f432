import type { RawFinding } from "./finding";
import { countFindings, type ValidationResult } from "./validate-workbook";

/**
 * Whether a finding only says that a form was left blank or left out: a form
 * with no figure at all (MISSING_VALUE on the whole form), or a form the
 * workbook's metadata lists that is not there (STRUCTURE_CHANGED form-missing).
 */
function blankOrAbsent(f: RawFinding): boolean {
  return (f.code === "MISSING_VALUE" && f.params.scope === "form") || (f.code === "STRUCTURE_CHANGED" && f.params.what === "form-missing");
}

/**
 * A unit's check without the forms it never had to fill (issue 16): when the
 * ward's setup assigns the unit its forms (KT: BM1, BM6), a blank or absent
 * form outside them is no finding. Anything else found on such a form (a
 * figure typed in, a wrong total) is kept; so is every finding when the unit
 * has no assignment (`forms` empty or unknown).
 */
export function sparedUnassignedForms(result: ValidationResult, forms: readonly string[] | undefined): ValidationResult {
  if (!forms || forms.length === 0) return result;
  const findings = result.findings.filter((f) => f.form === "" || forms.includes(f.form) || !blankOrAbsent(f));
  return findings.length === result.findings.length ? result : { ...result, findings, counts: countFindings(findings) };
}
