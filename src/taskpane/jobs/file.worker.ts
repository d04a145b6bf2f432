/**
 * The file worker: opens picked workbooks off the page's thread, so the pane
 * stays responsive with a hundred files. Tổng hợp consolidates them here
 * ("start"), Kiểm tra validates them here ("validate") and converts a pasted
 * appendix to the standard forms ("import").
 * Loaded by worker-factory.ts; tests call createMessageHandler directly.
 */
import { runAggregateJob, runImportJob, runPreviousJob, runValidateJob } from "./job";
import { AggregateFailure, type JobFailure, type WorkerReply, type WorkerRequest } from "./protocol";

const isAbort = (error: unknown) => typeof error === "object" && error !== null && (error as { name?: unknown }).name === "AbortError";

/** What to post back for an error a job threw. */
function toFailure(error: unknown): JobFailure {
  if (error instanceof AggregateFailure) return { code: error.code, message: error.message };
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { code: "UNEXPECTED", message: detail.slice(0, 500) };
}

/**
 * The worker's message handler: "start" runs an aggregation, "validate" a
 * Kiểm tra, each posting progress after each file and then the result (or why
 * it failed); "import" converts one file and posts what it read, "previous"
 * reads Kỳ trước's figures; "cancel"
 * stops the running job between two files. Never throws.
 */
export function createMessageHandler(post: (reply: WorkerReply) => void): (request: WorkerRequest) => Promise<void> {
  let cancelled = false;
  return async (request) => {
    if (request.type === "cancel") {
      cancelled = true;
      return;
    }
    cancelled = false;
    const isCancelled = () => cancelled;
    try {
      if (request.type === "import") {
        post({ type: "imported", outcome: await runImportJob(request.job) });
      } else if (request.type === "previous") {
        post({ type: "earlier", outcome: await runPreviousJob(request.job) });
      } else if (request.type === "validate") {
        const checks = await runValidateJob(request.job, { onProgress: (p) => post({ type: "checked", ...p }), isCancelled });
        post({ type: "validated", checks });
      } else {
        const { provenance, ...result } = await runAggregateJob(request.job, { onProgress: (p) => post({ type: "progress", ...p }), isCancelled });
        // As one string, which crosses to the page as one copy: as objects, 6.7 MB of a 1,000-file result's 9 MB took the page ~50 ms to rebuild before the summary could show.
        post({ type: "result", result, provenance: JSON.stringify(provenance) });
      }
    } catch (error) {
      post(isAbort(error) ? { type: "cancelled" } : { type: "failed", failure: toFailure(error) });
    }
  };
}

interface WorkerScope {
  WorkerGlobalScope?: unknown;
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
}

// Only inside a worker: imported by a test (or by mistake on the page) this module just exports.
const scope = globalThis as unknown as WorkerScope;
if (typeof scope.WorkerGlobalScope !== "undefined") {
  const handle = createMessageHandler((reply) => scope.postMessage(reply));
  scope.onmessage = (event) => void handle(event.data);
}
