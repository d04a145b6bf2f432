/**
 * What the pane and the file worker say to each other: Tổng hợp's aggregation
 * jobs and Kiểm tra's validation jobs. Plain data only: everything here
 * crosses postMessage (the files' bytes are transferred, not copied).
 */
import type { AggregationResult } from "../../core/aggregate/aggregate";
import type { EarlierFigures } from "../../core/cycle/previous";
import type { OtherFile } from "../../core/cycle/submissions";
import type { ImportResult } from "../../core/import/import-workbook";
import type { Lang } from "../../core/messages/types";
import type { IsoDate, PeriodOverrides } from "../../core/periods/period";
import type { UnitRegistry } from "../../core/units/registry";
import type { ValidationResult } from "../../core/validate/validate-workbook";
import type { PreviewWindow } from "./preview";

/** One file the officer picked, as the worker receives it. */
export interface JobFile {
  name: string;
  /** File.lastModified (ms), to tell which of two resent files is newer */
  modified?: number;
  size: number;
  /** the content, read already (tests, and files the page made itself) */
  bytes?: ArrayBuffer;
  /** the picked file itself, read where the job runs, when it comes to it; absent when it is too large to read */
  blob?: Blob;
  /** why the browser could not read the file, when it could not */
  readError?: string;
}

/** Everything one aggregation needs. */
export interface AggregateJob {
  files: JobFile[];
  /** the period to aggregate; absent: the one most files record */
  periodId?: string;
  /** the ward's name on the report; absent: the setup's */
  ward?: string;
  /** the ward's setup from the pane's store (checked again here), named as the pane names it in messages; absent: the built-in one */
  setup?: { name: string; value: UnitRegistry };
  lang: Lang;
  /** the dates typed for this run, over the setup's for the period */
  dates?: PeriodOverrides;
  /** picked files that are not workbooks (a Word report, a scan): listed against their unit */
  others?: OtherFile[];
  /** the day the ward runs it, Vietnam's calendar (who is late) */
  today?: IsoDate;
  /** the ward's report of an earlier period (Kỳ trước), already read */
  previous?: EarlierFigures;
}

/** Everything one Kiểm tra of picked files needs: each file is opened and validated on its own. */
export interface ValidateJob {
  files: JobFile[];
  lang: Lang;
  /** the earlier file each one is compared with (Kỳ trước), already read */
  previous?: EarlierFigures;
}

/** Kỳ trước: an earlier report, read for its figures (who, which period) once, then compared with in each job. */
export interface PreviousJob {
  file: JobFile;
  lang: Lang;
}

/** The earlier file's figures, or why it could not be read (a sentence in the job's language). */
export interface EarlierRead {
  earlier?: EarlierFigures;
  error?: string;
}

/** The outcome of checking one file: its findings, or why it could not be read (a sentence in the job's language). */
export interface FileCheck {
  file: string;
  result?: ValidationResult;
  /** the cells around the findings, as text, for the pane's sheet preview (bounded; absent when the budget ran out) */
  preview?: PreviewWindow[];
  error?: string;
  /** whether opening and saving the file again as .xlsx may cure the error */
  resave?: boolean;
}

/** "Chuyển sang biểu mẫu chuẩn" of one picked file: read and converted as `cchc import` does. */
export interface ImportJob {
  file: JobFile;
  lang: Lang;
  /** the unit and period the officer chose; absent: what the sheet says */
  unit?: string;
  periodId?: string;
  /** ISO time recorded in the standard workbook */
  createdAt: string;
}

/** The outcome of converting one file: what `cchc import` reads (and its plan), or why the file could not be read. */
export interface FileImport {
  file: string;
  result?: ImportResult;
  /** the pasted cells around what reading them found, for the sheet preview */
  preview?: PreviewWindow[];
  error?: string;
}

/** Files opened so far. */
export interface JobProgress {
  done: number;
  total: number;
  /** the file just opened */
  file: string;
}

/** Files checked so far, with the one just checked (so its findings can be shown at once). */
export interface CheckProgress extends JobProgress {
  check: FileCheck;
}

/** Why a job could not run at all (bad files are not failures: they are named in the result). */
export interface JobFailure {
  code: "REGISTRY_INVALID" | "TOO_MANY_FILES" | "WORKER_FAILED" | "UNEXPECTED";
  /** a sentence in the job's language, or the technical detail for WORKER_FAILED and UNEXPECTED */
  message: string;
}

/** "start" runs an aggregation, "validate" a Kiểm tra of files, "import" converts one file, "previous" reads Kỳ trước; "cancel" stops the first two between two files. */
export type WorkerRequest =
  | { type: "start"; job: AggregateJob }
  | { type: "validate"; job: ValidateJob }
  | { type: "import"; job: ImportJob }
  | { type: "previous"; job: PreviousJob }
  | { type: "cancel" };

export type WorkerReply =
  | ({ type: "progress" } & JobProgress)
  | ({ type: "checked" } & CheckProgress)
  /** the result, its per-unit provenance as JSON text (see file.worker.ts) */
  | { type: "result"; result: Omit<AggregationResult, "provenance">; provenance: string }
  | { type: "validated"; checks: FileCheck[] }
  | { type: "imported"; outcome: FileImport }
  | { type: "earlier"; outcome: EarlierRead }
  | { type: "failed"; failure: JobFailure }
  | { type: "cancelled" };

/** A JobFailure as something to throw and catch on the pane's side (of either kind of job). */
export class AggregateFailure extends Error {
  override readonly name = "AggregateFailure";
  constructor(
    readonly code: JobFailure["code"],
    message: string,
  ) {
    super(message);
  }
}

/** The error a stopped job ends with, shaped like fetch's and the hosts'. */
export function abortError(): Error {
  return typeof DOMException === "function"
    ? new DOMException("The job was stopped.", "AbortError")
    : Object.assign(new Error("The job was stopped."), { name: "AbortError" });
}
