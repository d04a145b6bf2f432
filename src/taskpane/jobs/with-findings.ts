import type { RawFinding } from "../../core/validate/finding";
import { countFindings, type ValidationResult } from "../../core/validate/validate-workbook";

/** A workbook's check with more findings of it (Kỳ trước's comparison), after its own, its counts with them. */
export function withFindings(result: ValidationResult, extra: readonly RawFinding[]): ValidationResult {
  if (extra.length === 0) return result;
  const findings = [...result.findings, ...extra];
  return { ...result, findings, counts: countFindings(findings) };
}
