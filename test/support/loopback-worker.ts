import { createMessageHandler } from "../../src/taskpane/jobs/file.worker";
import type { WorkerReply } from "../../src/taskpane/jobs/protocol";
import type { WorkerLike } from "../../src/taskpane/jobs/runner";

/** A worker that runs the real message handler on this thread (a tick later, as a worker would), recording what was transferred. */
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
    if (!worker.terminated) worker.onmessage?.({ data: reply } as MessageEvent<WorkerReply>);
  });
  return { worker, transferred };
}
