import { cellAddress } from "../layout/address";
import { placeRef, type Finding, type FindingCode, type FindingParamsOf, type FindingPlace, type RawFinding, type RawFindingOf } from "../validate/finding";
import { describeFinding } from "./findings";
import type { Lang } from "./types";

/**
 * Where findings become words: the core returns them as values (code, params,
 * place), and each edge (the CLI's text and --json, the pane, the ward's
 * sheets) words them here, in its own language, at the point they are shown.
 */

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
  return at ? { sheet: at.sheet, row: at.row, col: at.col } : null;
}

/** Puts a finding into words in the given language: what users read and the CLI's --json gives. */
export function toFinding(raw: RawFinding, lang: Lang): Finding {
  const r = quoted(raw);
  const text = describeFinding(r, lang);
  return {
    code: r.code,
    ...(r.file !== undefined ? { file: r.file } : {}),
    severity: r.severity,
    form: r.form,
    row: r.row,
    cell: r.at ? placeRef(r.at.sheet, r.at.row, r.at.col) : null,
    at: placeOf(r.at),
    message: text.message,
    suggestion: text.suggestion,
    expected: text.expected,
    actual: text.actual,
    ...(r.fix ? { fix: { ...r.fix, address: cellAddress(r.fix.row, r.fix.col) } } : {}),
    ...(r.units ? { units: r.units } : {}),
  };
}

/** A result of the core (a validation, an aggregation, an import) with its findings in words. */
export type Worded<T extends { findings: readonly RawFinding[] }> = Omit<T, "findings"> & { findings: Finding[] };

/** Words the findings of a result, leaving the rest of it as it is. */
export function worded<T extends { findings: readonly RawFinding[] }>(result: T, lang: Lang): Worded<T> {
  return { ...result, findings: result.findings.map((f) => toFinding(f, lang)) };
}
