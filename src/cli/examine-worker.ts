/**
 * A worker thread of `cchc aggregate`: reads and examines its share of the
 * files and posts each result as soon as it has it (see examine-files.ts).
 */
import { parentPort, workerData } from "node:worker_threads";
import { examineInTurn, type WorkerReply, type WorkerRequest } from "./examine-files";

const run = (request: WorkerRequest) =>
  examineInTurn(request.files, request, (index, result) => parentPort!.postMessage({ index, result } satisfies WorkerReply));

// Anything unforeseen ends the worker; the main thread examines what it had not answered.
run(workerData as WorkerRequest).catch(() => process.exit(1));
