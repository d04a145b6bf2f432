import type { AggregationResult } from "../../core/aggregate/aggregate";
import { AggregateFailure, abortError, type AggregateJob, type JobProgress, type WorkerReply, type WorkerRequest } from "./protocol";

/** Runs an aggregation job somewhere (a Web Worker in the pane, the same code in-process in tests). */
export interface AggregateRunner {
  /**
   * Resolves with the result; rejects with an AggregateFailure when the job
   * cannot run, or an AbortError once the signal is aborted.
   */
  run(job: AggregateJob, options: { onProgress: (progress: JobProgress) => void; signal: AbortSignal }): Promise<AggregationResult>;
}

/** The part of a Worker the runner uses, so tests can hand it a fake. */
export interface WorkerLike {
  postMessage(message: WorkerRequest, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror?: ((event: MessageEvent) => void) | null;
  terminate(): void;
}

/** Runs the job on this thread (between files it yields, so clicks still get through). */
export function createInProcessRunner(): AggregateRunner {
  return {
    async run(job, { onProgress, signal }) {
      if (signal.aborted) throw abortError();
      const { runAggregateJob } = await import(/* webpackChunkName: "aggregate-job" */ "./job");
      return await runAggregateJob(job, { onProgress, isCancelled: () => signal.aborted });
    },
  };
}

/**
 * Runs each job in a worker of its own, transferring the files' bytes to it.
 * Stopping terminates the worker at once (a file being parsed cannot make it wait).
 */
export function createWorkerRunner(createWorker: () => WorkerLike): AggregateRunner {
  return {
    run(job, { onProgress, signal }) {
      return new Promise<AggregationResult>((resolve, reject) => {
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
            case "progress":
              onProgress({ done: data.done, total: data.total, file: data.file });
              return;
            case "result":
              finish();
              return resolve(data.result);
            case "failed":
              finish();
              return reject(new AggregateFailure(data.failure.code, data.failure.message));
            case "cancelled":
              finish();
              return reject(abortError());
          }
        };
        // Fired when the worker's script cannot be loaded (the handler itself never throws).
        worker.onerror = (event) => {
          event.preventDefault?.();
          finish();
          reject(new AggregateFailure("WORKER_FAILED", event.message || "the aggregation worker could not start"));
        };
        worker.onmessageerror = () => {
          finish();
          reject(new AggregateFailure("WORKER_FAILED", "a message from the aggregation worker could not be read"));
        };
        const transfer = job.files.flatMap((f) => (f.bytes ? [f.bytes] : []));
        worker.postMessage({ type: "start", job }, transfer);
      });
    },
  };
}

/**
 * The pane's runner: a Web Worker where the browser can start one, else
 * in-process (very old browsers, or a page opened from file://).
 */
export function createDefaultRunner(): AggregateRunner {
  const inProcess = createInProcessRunner();
  if (typeof Worker === "undefined") return inProcess;
  return {
    async run(job, options) {
      // "eager": no chunk of its own; a lazy require under jest, which never gets here (no Worker in jsdom).
      const { createAggregateWorker } = await import(/* webpackMode: "eager" */ "./worker-factory");
      let worker: Worker;
      try {
        worker = createAggregateWorker();
      } catch {
        // A page that may not start workers (a strict policy, file://) still aggregates, only less smoothly.
        return await inProcess.run(job, options);
      }
      // Once started, the files' bytes belong to the worker: a worker that fails to load is reported, not retried here.
      return await createWorkerRunner(() => worker).run(job, options);
    },
  };
}
