/**
 * A worker thread of `cchc aggregate`: asks the main thread for files, reads
 * and examines each batch, posting each result as soon as it has it, and ends
 * when it is sent no more (see examine-files.ts).
 */
import { parentPort, workerData } from "node:worker_threads";
import { examineInTurn, type WorkerBatch, type WorkerReply, type WorkerSetup } from "./examine-files";

const port = parentPort!;
const setup = workerData as WorkerSetup;
const post = (reply: WorkerReply) => port.postMessage(reply);

port.on("message", ({ files }: WorkerBatch) => {
  if (files.length === 0) return port.close();
  examineInTurn(files, setup, (index, result) => post({ index, result }))
    .then(() => post({ more: true }))
    // Anything unforeseen ends the worker; the main thread examines what it had not answered.
    .catch(() => process.exit(1));
});
post({ more: true });
