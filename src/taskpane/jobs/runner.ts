import type { AggregationResult } from "../../core/aggregate/aggregate";
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
  type WorkerReply,
  type WorkerRequest,
} from "./protocol";

/** Runs an aggregation job somewhere (a Web Worker in the pane, the same code in-process in tests). */
export interface AggregateRunner {
  /**
   * Resolves with the result; rejects with an AggregateFailure when the job
   * cannot run, or an AbortError once the signal is aborted.
   */
  run(job: AggregateJob, options: { onProgress: (progress: JobProgress) => void; signal: AbortSignal }): Promise<AggregationResult>;
  /** Kỳ trước: the earlier report's figures, or why it cannot be read; absent where a runner cannot read one (Kỳ trước is then not offered). */
  readPrevious?(job: PreviousJob, options: { signal: AbortSignal }): Promise<EarlierRead>;
  /** Gets ready for a job soon to come (the files are being chosen): where jobs run in a worker, one is started now. */
  warm?(): void;
}

/** Runs Kiểm tra's validation of picked files somewhere (the same worker as aggregation, or in-process). */
export interface ValidateRunner {
  /**
   * Resolves with one outcome per file, in order, each also passed to
   * onProgress as soon as it is known; rejects like AggregateRunner.run.
   */
  validate(job: ValidateJob, options: { onProgress: (progress: CheckProgress) => void; signal: AbortSignal }): Promise<FileCheck[]>;
  /** Chuyển sang biểu mẫu chuẩn of one picked file: what `cchc import` reads from it, with its plan; rejects like validate. */
  importFile(job: ImportJob, options: { signal: AbortSignal }): Promise<FileImport>;
  /** As AggregateRunner.readPrevious. */
  readPrevious?(job: PreviousJob, options: { signal: AbortSignal }): Promise<EarlierRead>;
}

/** Where the pane's file jobs run: both kinds, in the same place. */
export type JobRunner = AggregateRunner & ValidateRunner & Required<Pick<AggregateRunner, "readPrevious">>;

/** The part of a Worker the runner uses, so tests can hand it a fake. */
export interface WorkerLike {
  postMessage(message: WorkerRequest, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror?: ((event: MessageEvent) => void) | null;
  terminate(): void;
}

const loadJobs = () => import(/* webpackChunkName: "aggregate-job" */ "./job");

/** Runs the jobs on this thread (between files they yield, so clicks still get through). */
export function createInProcessRunner(): JobRunner {
  return {
    async run(job, { onProgress, signal }) {
      if (signal.aborted) throw abortError();
      const { runAggregateJob } = await loadJobs();
      return await runAggregateJob(job, { onProgress, isCancelled: () => signal.aborted });
    },
    async validate(job, { onProgress, signal }) {
      if (signal.aborted) throw abortError();
      const { runValidateJob } = await loadJobs();
      return await runValidateJob(job, { onProgress, isCancelled: () => signal.aborted });
    },
    importFile: (job, { signal }) => oneShot(signal, (jobs) => jobs.runImportJob(job)),
    readPrevious: (job, { signal }) => oneShot(signal, (jobs) => jobs.runPreviousJob(job)),
  };
}

/** A job of one file on this thread: not started once stopped, its outcome dropped if stopped meanwhile. */
async function oneShot<T>(signal: AbortSignal, work: (jobs: Awaited<ReturnType<typeof loadJobs>>) => Promise<T>): Promise<T> {
  if (signal.aborted) throw abortError();
  const outcome = await work(await loadJobs());
  if (signal.aborted) throw abortError();
  return outcome;
}

/**
 * Posts one job to a new worker, transferring its files' bytes, and settles
 * with what `answer` makes of the worker's final reply (it returns undefined
 * for a progress reply, after passing it on). Stopping terminates the worker
 * at once (a file being parsed cannot make it wait).
 */
function runInWorker<T>(
  createWorker: () => WorkerLike,
  request: Extract<WorkerRequest, { job: unknown }>,
  files: readonly JobFile[],
  signal: AbortSignal,
  answer: (reply: WorkerReply) => { value: T } | undefined,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(abortError());
    const worker = createWorker();
    const finish = () => {
      signal.removeEventListener("abort", onAbort);
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
    };
    const onAbort = () => {
      finish();
      reject(abortError());
    };
    signal.addEventListener("abort", onAbort);
    worker.onmessage = ({ data }) => {
      switch (data.type) {
        case "failed":
          finish();
          return reject(new AggregateFailure(data.failure.code, data.failure.message));
        case "cancelled":
          finish();
          return reject(abortError());
        default: {
          const done = answer(data);
          if (!done) return;
          finish();
          return resolve(done.value);
        }
      }
    };
    // Fired when the worker's script cannot be loaded (the handler itself never throws).
    worker.onerror = (event) => {
      event.preventDefault?.();
      finish();
      reject(new AggregateFailure("WORKER_FAILED", event.message || "the file worker could not start"));
    };
    worker.onmessageerror = () => {
      finish();
      reject(new AggregateFailure("WORKER_FAILED", "a message from the file worker could not be read"));
    };
    const transfer = files.flatMap((f) => (f.bytes ? [f.bytes] : []));
    worker.postMessage(request, transfer);
  });
}

/**
 * The worker's result with its provenance, parsed from the JSON text the
 * worker sent when it is first read: only writing the ward's workbook reads
 * it, so the summary is shown without waiting for it.
 */
function withProvenance(result: Omit<AggregationResult, "provenance">, json: string): AggregationResult {
  let provenance: AggregationResult["provenance"] | undefined;
  return Object.defineProperty(result, "provenance", {
    enumerable: true,
    get: () => (provenance ??= JSON.parse(json) as AggregationResult["provenance"]),
  }) as AggregationResult;
}

/** Runs each job in a worker of its own, giving it the files (bytes the page already has are transferred, not copied). */
export function createWorkerRunner(createWorker: () => WorkerLike): JobRunner {
  return {
    run(job, { onProgress, signal }) {
      return runInWorker<AggregationResult>(createWorker, { type: "start", job }, job.files, signal, (reply) => {
        if (reply.type === "progress") onProgress({ done: reply.done, total: reply.total, file: reply.file });
        return reply.type === "result" ? { value: withProvenance(reply.result, reply.provenance) } : undefined;
      });
    },
    validate(job, { onProgress, signal }) {
      return runInWorker<FileCheck[]>(createWorker, { type: "validate", job }, job.files, signal, (reply) => {
        if (reply.type === "checked") onProgress({ done: reply.done, total: reply.total, file: reply.file, check: reply.check });
        return reply.type === "validated" ? { value: reply.checks } : undefined;
      });
    },
    importFile(job, { signal }) {
      return runInWorker<FileImport>(createWorker, { type: "import", job }, [job.file], signal, (reply) =>
        reply.type === "imported" ? { value: reply.outcome } : undefined,
      );
    },
    readPrevious(job, { signal }) {
      return runInWorker<EarlierRead>(createWorker, { type: "previous", job }, [job.file], signal, (reply) =>
        reply.type === "earlier" ? { value: reply.outcome } : undefined,
      );
    },
  };
}

/**
 * The pane's runner: a Web Worker where the browser can start one, else
 * in-process (very old browsers, or a page opened from file://).
 */
export function createDefaultRunner(): JobRunner {
  const inProcess = createInProcessRunner();
  if (typeof Worker === "undefined") return inProcess;
  /**
   * A worker started before its job (warm): loading and compiling its
   * script took ~90 ms of a 1,000-file Tổng hợp's start, done while the
   * officer still chooses files. One job each, so used once.
   */
  let spare: Promise<Worker | undefined> | undefined;
  /** A worker, or undefined where the page may not start workers. */
  const startWorker = async (): Promise<Worker | undefined> => {
    // "eager": no chunk of its own; a lazy require under jest, which never gets here (no Worker in jsdom).
    const { createFileWorker } = await import(/* webpackMode: "eager" */ "./worker-factory");
    try {
      return createFileWorker();
    } catch {
      // A page that may not start workers (a strict policy, file://) still runs the jobs, only less smoothly.
      return undefined;
    }
  };
  /** The worker runner, or undefined where the page may not start workers. */
  const workerRunner = async (): Promise<JobRunner | undefined> => {
    const ready = spare ?? startWorker();
    spare = undefined;
    const worker = await ready;
    // Once started, the files' bytes belong to the worker: a worker that fails to load is reported, not retried here.
    return worker && createWorkerRunner(() => worker);
  };
  return {
    async run(job, options) {
      return await ((await workerRunner()) ?? inProcess).run(job, options);
    },
    async validate(job, options) {
      return await ((await workerRunner()) ?? inProcess).validate(job, options);
    },
    async importFile(job, options) {
      return await ((await workerRunner()) ?? inProcess).importFile(job, options);
    },
    async readPrevious(job, options) {
      return await ((await workerRunner()) ?? inProcess).readPrevious(job, options);
    },
    warm() {
      spare ??= startWorker();
    },
  };
}
