import { aggregate, examineWorkbook, type AggregationResult, type ExaminedWorkbook } from "../../core/aggregate/aggregate";
import { checkAgainstEarlier, earlierFigures } from "../../core/cycle/previous-workbook";
import { resavingMayHelp, type FileError } from "../../core/errors";
import { LIMITS } from "../../core/limits";
import { importWithChoice } from "../../core/import/import-workbook";
import { formatError } from "../../core/messages";
import { enUi } from "../../core/messages/en-ui";
import type { Lang } from "../../core/messages/types";
import { viUi } from "../../core/messages/vi-ui";
import type { WorkbookSnapshot } from "../../core/read/snapshot";
import type { Result } from "../../core/result";
import { checkSetup, setupPathText } from "../../core/units/load-setup";
import { DEFAULT_REGISTRY, type UnitRegistry } from "../../core/units/registry";
import { openWorkbook } from "../../adapters/xlsx/open-workbook";
import { PREVIEW_LIMITS, previewWindows } from "./preview";
import { withFindings } from "./with-findings";
import { readAhead, withBytes } from "./job-file";
import {
  AggregateFailure,
  abortError,
  type AggregateJob,
  type CheckProgress,
  type EarlierRead,
  type FileCheck,
  type FileImport,
  type ImportJob,
  type JobFile,
  type JobProgress,
  type PreviousJob,
  type ValidateJob,
} from "./protocol";

/** Cells (rows × columns) all the sheet previews of one Kiểm tra may hold: a hundred files' worth, a few MB at most. */
export const JOB_PREVIEW_AREA = 250_000;

/** How a running job reports and learns it should stop. */
export interface JobControl<P = JobProgress> {
  onProgress: (progress: P) => void;
  isCancelled: () => boolean;
}

/** The pane's own words inside a file's message, in the job's language (never a browser's English exception text). */
const reasons = (lang: Lang) => (lang === "en" ? enUi : viUi).fileReasons;

/** How long a job reads files between two pauses: a file takes about a millisecond, and a click must not wait longer than a frame or two. */
const PAUSE_EVERY_MS = 30;

/**
 * A pause between two files, taken at most every PAUSE_EVERY_MS: a macrotask,
 * not a microtask, so a "cancel" message (or, in-process, a click) gets in.
 * Not after every file: browsers make a nested setTimeout(0) wait at least
 * 4 ms (HTML's timer clamping), and 1,000 such pauses measured 4.6 s in a
 * worker, half of a 1,000-file Tổng hợp (npm run bench, pane).
 */
function pauses(): () => Promise<void> {
  let last = Date.now();
  return async () => {
    if (Date.now() - last < PAUSE_EVERY_MS) return;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    last = Date.now();
  };
}

/** The ward's setup of a job: the pane's (from its store, where an imported file was already read), else the built-in one. */
function loadRegistry(job: AggregateJob): UnitRegistry {
  return job.setup ? checkRegistry(job.setup.value, job.setup.name, job.lang) : DEFAULT_REGISTRY;
}

/** Checks a setup given as data with core/units' loader; what is wrong is named by its entries, in the job's language. */
function checkRegistry(json: unknown, name: string, lang: Lang): UnitRegistry {
  const checked = checkSetup(json);
  if (checked.ok) return checked.setup;
  const said = reasons(lang);
  const invalid = (issues: string) => new AggregateFailure("REGISTRY_INVALID", formatError({ code: "REGISTRY_INVALID", file: name, issues }, lang));
  // An issue of the whole value: it is no setup at all. Otherwise the entries are named (never the checker's English).
  if (checked.issues.some((issue) => issue.path.length === 0)) throw invalid(said.notRegistry);
  const entries = [...new Set(checked.issues.map((issue) => setupPathText(issue.path)))];
  throw invalid(
    said.badEntries(
      entries
        .slice(0, 5)
        .map((e) => `"${e}"`)
        .join(", "),
    ),
  );
}

/** A picked file (its content read already: readAhead, withBytes) as a workbook snapshot, or why it cannot be one. */
async function openSnapshot(file: JobFile, lang: Lang): Promise<Result<WorkbookSnapshot, FileError>> {
  if (file.size > LIMITS.maxFileBytes) return { ok: false, error: { code: "FILE_TOO_LARGE", file: file.name, bytes: file.size, limit: LIMITS.maxFileBytes } };
  // The browser's reason (readError) is an English exception text: the officer gets what to do instead.
  if (!file.bytes) return { ok: false, error: { code: "FILE_UNREADABLE", file: file.name, reason: reasons(lang).unreadable } };
  return await openWorkbook(new Uint8Array(file.bytes), file.name);
}

/**
 * Opens and examines every file (reporting after each), keeping only what the
 * aggregation needs so that each file's cells are let go at once, then
 * consolidates them with the core's aggregate(), as `cchc aggregate` does.
 * Files that cannot be opened are named in the result with
 * their reason; only a bad registry or too many files stop the job.
 * Throws an AbortError once isCancelled() says so.
 */
export async function runAggregateJob(job: AggregateJob, control: JobControl): Promise<AggregationResult> {
  if (job.files.length > LIMITS.maxFiles) {
    throw new AggregateFailure("TOO_MANY_FILES", formatError({ code: "TOO_MANY_FILES", count: job.files.length, limit: LIMITS.maxFiles }, job.lang));
  }
  const registry = loadRegistry(job);
  const workbooks: ExaminedWorkbook[] = [];
  const unreadable: { file: string; error: FileError }[] = [];
  const pause = pauses();
  const next = readAhead(job.files);
  for (const [i, file] of job.files.entries()) {
    if (control.isCancelled()) throw abortError();
    const opened = await openSnapshot(await next(i), job.lang);
    if (opened.ok) workbooks.push(examineWorkbook({ file: file.name, modified: file.modified, book: opened.value }, { registry }));
    else unreadable.push({ file: file.name, error: opened.error });
    control.onProgress({ done: i + 1, total: job.files.length, file: file.name });
    await pause();
  }
  if (control.isCancelled()) throw abortError();
  const { periodId, ward, dates, others, today, previous } = job;
  return aggregate({ workbooks, unreadable, registry, periodId, ward, dates, others, today, previous });
}

/**
 * Kiểm tra of picked files: opens and validates each in turn, reporting each
 * file's outcome as soon as it is known. A file that cannot be opened is an
 * outcome (its reason as a sentence), not a failure.
 * Throws an AbortError once isCancelled() says so.
 */
export async function runValidateJob(job: ValidateJob, control: JobControl<CheckProgress>): Promise<FileCheck[]> {
  if (job.files.length > LIMITS.maxFiles) {
    throw new AggregateFailure("TOO_MANY_FILES", formatError({ code: "TOO_MANY_FILES", count: job.files.length, limit: LIMITS.maxFiles }, job.lang));
  }
  const checks: FileCheck[] = [];
  let previewArea = JOB_PREVIEW_AREA;
  const pause = pauses();
  const next = readAhead(job.files);
  for (const [i, file] of job.files.entries()) {
    if (control.isCancelled()) throw abortError();
    const opened = await openSnapshot(await next(i), job.lang);
    if (control.isCancelled()) throw abortError();
    let check: FileCheck;
    if (opened.ok) {
      const { result: own, compared } = checkAgainstEarlier(opened.value, job.previous);
      // Kỳ trước: its findings go with the file's own, at the file's cells.
      const result = job.previous ? withFindings(own, compared) : own;
      // The cells the preview shows go with the findings; the workbook itself is let go with this file.
      const allowed = Math.min(previewArea, PREVIEW_LIMITS.maxArea);
      const preview = previewWindows(opened.value, result.findings, job.lang, allowed);
      previewArea -= allowed - preview.left;
      check = { file: file.name, result, ...(preview.windows.length > 0 ? { preview: preview.windows } : {}) };
    } else {
      check = { file: file.name, error: formatError(opened.error, job.lang), resave: resavingMayHelp(opened.error) };
    }
    checks.push(check);
    control.onProgress({ done: i + 1, total: job.files.length, file: file.name, check });
    await pause();
  }
  if (control.isCancelled()) throw abortError();
  return checks;
}

/**
 * Chuyển sang biểu mẫu chuẩn of a picked file: opens it and converts it as
 * `cchc import` does (the unit and period chosen, when given, win over the
 * sheet's). A file that cannot be opened is an outcome, not a failure.
 */
export async function runImportJob(job: ImportJob): Promise<FileImport> {
  const opened = await openSnapshot(await withBytes(job.file), job.lang);
  if (!opened.ok) return { file: job.file.name, error: formatError(opened.error, job.lang) };
  const result = importWithChoice(opened.value, job);
  const { windows } = previewWindows(opened.value, result.findings, job.lang);
  return { file: job.file.name, result, ...(windows.length > 0 ? { preview: windows } : {}) };
}

/**
 * Kỳ trước: opens the earlier report and keeps only its figures and who and
 * when they are of (plain data, compared with in each later job). A file that
 * cannot be opened is an outcome, its reason a sentence.
 */
export async function runPreviousJob(job: PreviousJob): Promise<EarlierRead> {
  const opened = await openSnapshot(await withBytes(job.file), job.lang);
  return opened.ok ? { earlier: earlierFigures(opened.value, job.file.name) } : { error: formatError(opened.error, job.lang) };
}
