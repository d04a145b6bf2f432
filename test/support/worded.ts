/**
 * The core's validation, aggregation and import with their findings put into
 * words, as the CLI and the pane show them: most tests assert what an officer
 * reads (message, suggestion, "BM3!D12"), so they go through the same wording
 * the edges use (core/messages/word.ts). Each finding keeps its values too, so
 * a result can still be handed on where the core takes one (the ward's sheets).
 */
import * as agg from "../../src/core/aggregate/aggregate";
import * as imp from "../../src/core/import/import-workbook";
import type { Lang } from "../../src/core/messages";
import { toFinding } from "../../src/core/messages/word";
import type { WorkbookSnapshot } from "../../src/core/read";
import type { Finding, RawFinding } from "../../src/core/validate/finding";
import * as val from "../../src/core/validate/validate-workbook";

/** A finding as values and in words at once. */
export type ShownFinding = RawFinding & Finding;
type Shown<T extends { findings: readonly RawFinding[] }> = Omit<T, "findings"> & { findings: ShownFinding[] };

export type ValidationResult = Shown<val.ValidationResult>;
export type ImportResult = Shown<imp.ImportResult>;
export type AggregationResult = Shown<agg.AggregationResult>;

function shown<T extends { findings: readonly RawFinding[] }>(result: T, lang: Lang = "vi"): Shown<T> {
  return { ...result, findings: result.findings.map((f) => ({ ...f, ...toFinding(f, lang) }) as ShownFinding) };
}

/** validateWorkbook, its findings in words (Vietnamese unless `lang` says otherwise). */
export function validateWorkbook(book: WorkbookSnapshot, options: Parameters<typeof val.validateWorkbook>[1] & { lang?: Lang } = {}): ValidationResult {
  return shown(val.validateWorkbook(book, options), options.lang);
}

/** importWorkbook, its findings in words. */
export function importWorkbook(book: WorkbookSnapshot, options: imp.ImportOptions & { lang?: Lang }): ImportResult {
  return shown(imp.importWorkbook(book, options), options.lang);
}

/** aggregate, its findings in words. */
export function aggregate(options: agg.AggregateOptions & { lang?: Lang }): AggregationResult {
  return shown(agg.aggregate(options), options.lang);
}
