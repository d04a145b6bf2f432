/**
 * What the pane and the aggregation worker say to each other. Plain data only:
 * everything here crosses postMessage (the files' bytes are transferred, not copied).
 */
import type { AggregationResult } from "../../core/aggregate/aggregate";
import type { Lang } from "../../core/messages/types";

/** One file the officer picked, as the worker receives it. */
export interface JobFile {
  name: string;
  /** File.lastModified (ms), to tell which of two resent files is newer */
  modified?: number;
  size: number;
  /** absent when the file was too large to read, or could not be read */
  bytes?: ArrayBuffer;
  /** why the browser could not read the file, when it could not */
  readError?: string;
}

/** Everything one aggregation needs. */
export interface AggregateJob {
  files: JobFile[];
  /** the period to aggregate; absent: the one most files record */
  periodId?: string;
  /** the ward's name on the report; absent: the registry's */
  ward?: string;
  /** a unit registry file the officer picked; absent: the built-in one */
  registry?: { name: string; text: string };
  lang: Lang;
}

/** Files opened so far. */
export interface JobProgress {
  done: number;
  total: number;
  /** the file just opened */
  file: string;
}

/** Why an aggregation could not run at all (bad files are not failures: they are named in the result). */
export interface JobFailure {
  code: "REGISTRY_INVALID" | "TOO_MANY_FILES" | "WORKER_FAILED" | "UNEXPECTED";
  /** a sentence in the job's language, or the technical detail for WORKER_FAILED and UNEXPECTED */
  message: string;
}

export type WorkerRequest = { type: "start"; job: AggregateJob } | { type: "cancel" };

export type WorkerReply =
  | ({ type: "progress" } & JobProgress)
  | { type: "result"; result: AggregationResult }
  | { type: "failed"; failure: JobFailure }
  | { type: "cancelled" };

/** A JobFailure as something to throw and catch on the pane's side. */
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
  return typeof DOMException === "function" ? new DOMException("The aggregation was stopped.", "AbortError") : Object.assign(new Error("The aggregation was stopped."), { name: "AbortError" });
}
