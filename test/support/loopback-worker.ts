import { createMessageHandler } from "../../src/taskpane/jobs/file.worker";
import type { WorkerReply } from "../../src/taskpane/jobs/protocol";
import type { WorkerLike } from "../../src/taskpane/jobs/runner";

/** A worker that runs the real message handler on this thread (a tick later, its replies cloned, as a worker's are), recording what was transferred. */
export function loopbackWorker() {
  const transferred: Transferable[][] = [];
  const worker: WorkerLike & { terminated: boolean } = {
    onmessage: null,
    onerror: null,
    terminated: false,
    postMessage(message, transfer) {
      transferred.push(transfer);
      setTimeout(() => void handle(message), 0);
    },
    terminate() {
      this.terminated = true;
    },
  };
  const handle = createMessageHandler((reply) => {
    // Cloned, as postMessage does: what the page gets is plain data, never the worker's own objects.
    if (!worker.terminated) worker.onmessage?.({ data: structuredClone(reply) } as MessageEvent<WorkerReply>);
  });
  return { worker, transferred };
}
