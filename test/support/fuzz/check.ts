import type { FileError } from "../../../src/core/errors";
import { buildWardPlan } from "../../../src/core/layout/ward-sheets";
import { LIMITS } from "../../../src/core/limits";
import { formatError } from "../../../src/core/messages";
import { parsePeriod } from "../../../src/core/periods/period";
import { cellAddress } from "../../../src/core/layout/address";
import { eachCell, type WorkbookSnapshot } from "../../../src/core/read/snapshot";
import { FINDING_CODES, type Finding } from "../../../src/core/validate";
import { type AggregationResult, type ValidationResult } from "../worded";

/**
 * What every outcome of the pipeline must look like, whatever the bytes: a
 * typed FileError with a one-line Vietnamese message, or a snapshot within
 * LIMITS and a list of well-formed findings with finite figures. Each check
 * returns the problems it sees (empty when all is well) rather than throwing,
 * so that a fuzz case can report all of them with its seed.
 */

/** The FileError codes openWorkbook may give for bytes (the others come from the file system). */
export const OPEN_ERROR_CODES = [
  "FILE_EMPTY",
  "FILE_TOO_LARGE",
  "FILE_OLD_XLS",
  "FILE_ENCRYPTED",
  "FILE_NOT_XLSX",
  "FILE_DAMAGED",
  "FILE_CONTENT_TOO_LARGE",
] as const;

/** Letters only Vietnamese uses (with its diacritics): a message that has none is not Vietnamese. */
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;
const CONTROL = /[\u0000-\u001f\u007f]/;
/** Excel's limit on the text of one cell; a ward workbook holding more is "repaired" (emptied) by Excel. */
export const EXCEL_CELL_TEXT = 32_767;

const SEVERITIES = new Set(["error", "warning", "info"]);
const CODES = new Set<string>(FINDING_CODES);
const isStringOrNull = (v: unknown) => v === null || typeof v === "string";

const short = (v: unknown) => {
  const s = typeof v === "string" ? v : (JSON.stringify(v) ?? String(v));
  return s.length > 120 ? `${s.slice(0, 120)}…(${s.length} chars)` : s;
};

/** Problems with a FileError from openWorkbook. */
export function checkFileError(error: FileError, file: string): string[] {
  const out: string[] = [];
  if (!(OPEN_ERROR_CODES as readonly string[]).includes(error.code)) out.push(`unexpected FileError code ${error.code}`);
  if (error.file !== file) out.push(`FileError names file ${short(error.file)}, not ${file}`);
  let vi = "";
  let en = "";
  try {
    vi = formatError(error, "vi");
    en = formatError(error, "en");
  } catch (e) {
    out.push(`formatError threw: ${e instanceof Error ? e.message : String(e)}`);
    return out;
  }
  if (typeof vi !== "string" || vi.trim() === "") out.push("empty Vietnamese message");
  else {
    if (!VIETNAMESE.test(vi)) out.push(`message not in Vietnamese: ${short(vi)}`);
    if (/undefined|\[object /.test(vi)) out.push(`message shows a missing value: ${short(vi)}`);
    // The CLI prints one line per unreadable file.
    if (CONTROL.test(vi)) out.push(`message holds a line break or control character: ${short(vi)}`);
    if (vi.length > 1000) out.push(`message of ${vi.length} characters`);
  }
  if (typeof en !== "string" || en.trim() === "") out.push("empty English message");
  return out;
}

/** Problems with a snapshot the reader returned: its promises about LIMITS and the shape of cells. */
export function checkSnapshot(book: WorkbookSnapshot): string[] {
  const out: string[] = [];
  if (!Array.isArray(book.sheets)) return ["snapshot without sheets"];
  if (book.sheets.length > LIMITS.maxSheets) out.push(`${book.sheets.length} sheets (limit ${LIMITS.maxSheets})`);
  let cells = 0;
  for (const s of book.sheets) {
    if (typeof s.name !== "string") out.push(`sheet name ${short(s.name)}`);
    if (!["visible", "hidden", "veryHidden"].includes(s.visibility)) out.push(`sheet ${short(s.name)} visibility ${short(s.visibility)}`);
    if (s.maxRow > LIMITS.maxRowsPerSheet || s.maxCol > LIMITS.maxColsPerSheet)
      out.push(`sheet ${short(s.name)} extends to row ${s.maxRow}, column ${s.maxCol}`);
    eachCell(s, (cell, row, col) => {
      cells++;
      if (out.length > 20) return;
      const address = cellAddress(row, col);
      if (!(Number.isInteger(row) && Number.isInteger(col) && row >= 1 && col >= 1 && row <= s.maxRow && col <= s.maxCol))
        out.push(`sheet ${short(s.name)} has a cell at row ${row}, column ${col}`);
      const t = typeof cell.value;
      if (!(cell.value === null || t === "string" || t === "number" || t === "boolean")) out.push(`${short(s.name)}!${address} value of type ${t}`);
      if (cell.formula !== undefined && typeof cell.formula !== "string") out.push(`${short(s.name)}!${address} formula of type ${typeof cell.formula}`);
    });
    if (out.length > 20) return out;
  }
  if (cells > LIMITS.maxCellsPerWorkbook) out.push(`${cells} cells (limit ${LIMITS.maxCellsPerWorkbook})`);
  return out;
}

/** Problems with one finding as the finding type defines it. */
export function checkFinding(f: Finding, where: string): string[] {
  const out: string[] = [];
  const say = (what: string) => out.push(`${where} ${short(f.code)} ${short(f.cell)}: ${what}`);
  if (!CODES.has(f.code)) say("unknown code");
  if (!SEVERITIES.has(f.severity)) say(`severity ${short(f.severity)}`);
  if (typeof f.form !== "string") say(`form ${short(f.form)}`);
  if (!isStringOrNull(f.row)) say(`row ${short(f.row)}`);
  if (!isStringOrNull(f.cell)) say(`cell ${short(f.cell)}`);
  if (typeof f.message !== "string" || f.message.trim() === "") say("no message");
  if (typeof f.suggestion !== "string" || f.suggestion.trim() === "") say("no suggestion");
  if (!VIETNAMESE.test(`${f.message} ${f.suggestion}`)) say(`message not in Vietnamese: ${short(f.message)}`);
  if (!isStringOrNull(f.expected)) say(`expected ${short(f.expected)}`);
  if (!isStringOrNull(f.actual)) say(`actual ${short(f.actual)}`);
  if (f.file !== undefined && typeof f.file !== "string") say(`file ${short(f.file)}`);
  if (f.fix !== undefined) {
    const fix = f.fix as { kind?: unknown; sheet?: unknown; row?: unknown; col?: unknown; value?: unknown };
    const place = (n: unknown) => typeof n === "number" && Number.isInteger(n) && n >= 1;
    if (!["set-formula", "set-number", "set-text"].includes(String(fix.kind)) || typeof fix.sheet !== "string" || !place(fix.row) || !place(fix.col))
      say(`fix ${short(fix)}`);
    if (fix.kind === "set-number" && !(typeof fix.value === "number" && Number.isFinite(fix.value))) say(`fix sets the number ${short(fix.value)}`);
  }
  return out;
}

/** Problems with a figure table: form → STT → a finite number or null. */
function checkFigures(figures: Record<string, Record<string, number | null>>, where: string): string[] {
  const out: string[] = [];
  for (const [form, rows] of Object.entries(figures)) {
    for (const [stt, v] of Object.entries(rows)) {
      if (!(v === null || (typeof v === "number" && Number.isFinite(v)))) out.push(`${where} ${form} ${stt} = ${String(v)}`);
    }
  }
  return out;
}

function checkCounts(findings: Finding[], counts: { error: number; warning: number; info: number }, extraErrors = 0): string[] {
  const tally = { error: 0, warning: 0, info: 0 };
  for (const f of findings) if (f.severity in tally) tally[f.severity]++;
  tally.error += extraErrors;
  return tally.error === counts.error && tally.warning === counts.warning && tally.info === counts.info
    ? []
    : [`counts ${JSON.stringify(counts)} ≠ findings ${JSON.stringify(tally)}`];
}

/** Problems with the result of validateWorkbook. */
export function checkValidation(result: ValidationResult): string[] {
  const out: string[] = [];
  if (!Array.isArray(result.findings)) return ["findings is not a list"];
  for (const f of result.findings) {
    out.push(...checkFinding(f, "finding"));
    if (out.length > 20) return out;
  }
  out.push(...checkCounts(result.findings, result.counts));
  out.push(...checkFigures(result.figures, "figure"));
  for (const [form, sheet] of Object.entries(result.forms))
    if (!/^BM\d+$/.test(form) || typeof sheet !== "string") out.push(`form ${short(form)} on sheet ${short(sheet)}`);
  try {
    JSON.stringify(result);
  } catch (e) {
    out.push(`--json output fails: ${e instanceof Error ? e.message : String(e)}`);
  }
  return out;
}

/** Problems with an aggregation of `inputs` files (of which `unreadable` could not be opened), and with the ward workbook plan built from it. */
export function checkAggregation(result: AggregationResult, inputs: number, unreadable: number): string[] {
  const out: string[] = [];
  if (result.files.length !== inputs) out.push(`${result.files.length} files reported for ${inputs} given`);
  for (const f of result.findings) {
    out.push(...checkFinding(f, "ward finding"));
    if (out.length > 20) return out;
  }
  out.push(...checkCounts(result.findings, result.counts, unreadable));
  out.push(...checkFigures(result.values, "ward value"));
  for (const [form, rows] of Object.entries(result.provenance)) {
    for (const [stt, p] of Object.entries(rows))
      if (p.value !== (result.values[form]?.[stt] ?? null)) out.push(`provenance of ${form} ${stt} says ${p.value}, value is ${result.values[form]?.[stt]}`);
  }
  try {
    JSON.stringify(result);
  } catch (e) {
    out.push(`--json output fails: ${e instanceof Error ? e.message : String(e)}`);
  }
  // What `cchc aggregate` and the pane write next: the ward workbook's plan.
  const period = parsePeriod(result.periodId);
  if (period.ok) {
    try {
      const plan = buildWardPlan(result, period.value, "2026-06-12T08:00:00.000Z");
      for (const sheet of plan.sheets) {
        for (const cell of sheet.cells) {
          if (typeof cell.value === "number" && !Number.isFinite(cell.value))
            out.push(`ward workbook ${sheet.name}!${cellAddress(cell.row, cell.col)} = ${cell.value}`);
          if (typeof cell.value === "string" && cell.value.length > EXCEL_CELL_TEXT)
            out.push(`ward workbook ${sheet.name}!${cellAddress(cell.row, cell.col)} holds ${cell.value.length} characters (Excel keeps ${EXCEL_CELL_TEXT})`);
          if (out.length > 20) return out;
        }
      }
    } catch (e) {
      out.push(`buildWardPlan threw: ${e instanceof Error ? (e.stack ?? e.message).split("\n").slice(0, 3).join(" | ") : String(e)}`);
    }
  }
  return out;
}
