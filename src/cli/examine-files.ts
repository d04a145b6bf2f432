import { existsSync } from "node:fs";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import { examineWorkbook, type ExaminedWorkbook } from "../core/aggregate/aggregate";
import type { FileError } from "../core/errors";
import type { Lang } from "../core/messages";
import type { Result } from "../core/result";
import type { UnitRegistry } from "../core/units/registry";
import { coreCount } from "./cores";
import { startInflater, type Inflater } from "./inflate-ahead";
import { readWorkbookFile } from "./read-files";

/** One input file, read and examined, or the reason it could not be read. */
export type ExaminedFile = Result<ExaminedWorkbook, FileError>;

/** How the files are examined, wherever it happens (this thread or a worker). */
export interface ExamineOptions {
  lang: Lang;
  registry: UnitRegistry;
}

/** An input file and its place in the command line's order. */
interface IndexedFile {
  index: number;
  file: string;
}

/** What a worker is started with; then it asks for files (`{ more: true }`) and is sent batches, an empty one when all are taken. */
export type WorkerSetup = ExamineOptions;
export interface WorkerBatch {
  files: IndexedFile[];
}
/** What a worker posts: a file's result, or that it wants more files. */
export type WorkerReply = { index: number; result: ExaminedFile } | { more: true };

/**
 * Below this many files a worker's start-up (loading the reader and the
 * rules again, ~0.1 s) costs more than sharing the work saves.
 */
const POOL_THRESHOLD = 48;

/** Examines files in turn, handing each result over as soon as it is known, so each file's cells can be let go at once. */
export async function examineInTurn(
  files: IndexedFile[],
  options: ExamineOptions,
  into: (index: number, result: ExaminedFile) => void,
  inflater?: Inflater,
): Promise<void> {
  for (const { index, file } of files) {
    const read = await readWorkbookFile(file, options.lang, inflater?.take(index));
    into(index, read.ok ? { ok: true, value: examineWorkbook({ file, modified: read.value.modified, book: read.value.book }, options) } : read);
  }
}

/** Files handed to a worker at a time: few enough that the threads finish together, enough that asking costs nothing. */
const BATCH = 8;

/** Lets the event loop run (the workers' requests for more files) between two files the main thread reads. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * How many worker threads beside the main thread, which takes a share too:
 * CCHC_WORKERS when set (0 = none; tests use it), else one per core beyond
 * the first for a big job, from three cores. On two, a worker measured no
 * faster (1,000 files: 1.65-1.74 s alone, 1.69-1.80 s with one worker, on a
 * quiet machine): it spends ~0.7 s of CPU loading the modules and warming
 * the same code up again, and the second core is already busy with garbage
 * collection and, for a big job, the inflating thread (inflate-ahead.ts).
 */
function workerCount(files: number, workerFile: string): number {
  const forced = process.env.CCHC_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(Number(forced), files);
  // Under ts-jest the CLI runs from src/ and there is no compiled worker: work in-process.
  if (files < POOL_THRESHOLD || !existsSync(workerFile)) return 0;
  const cores = coreCount();
  return cores <= 2 ? 0 : Math.max(0, Math.min(cores - 1, 8, Math.ceil(files / POOL_THRESHOLD) - 1));
}

/**
 * Reads and examines every file, shared with worker threads when there are
 * many files and cores to share them (see workerCount): the main thread and
 * the workers take files from one queue. Results come back in the order of
 * `files`. A worker that dies (out of memory, a bug) does not lose its files:
 * what it had taken and not answered is examined here instead.
 */
export async function examineFiles(files: readonly string[], shared: ExamineOptions): Promise<ExaminedFile[]> {
  const results: ExaminedFile[] = new Array(files.length);
  const queue = files.map((file, index) => ({ index, file }));
  const n = workerCount(queue.length, path.join(__dirname, "examine-worker.js"));
  let next = 0;
  // One queue for every thread: a worker that starts late, or runs slow, simply takes fewer files.
  const take = (k: number) => queue.slice(next, (next += k));
  const workers = Array.from({ length: n }, () => runWorker(path.join(__dirname, "examine-worker.js"), shared, () => take(BATCH), results));
  // Alone, the main thread has files read and inflated ahead of it on another core.
  const inflater = n === 0 ? startInflater(files, path.join(__dirname, "inflate-worker.js")) : undefined;
  try {
    for (let one = take(1); one.length > 0; one = take(1)) {
      await examineInTurn(one, shared, (index, result) => (results[index] = result), inflater);
      if (n > 0) await breathe();
    }
  } finally {
    inflater?.close();
  }
  const lost = (await Promise.all(workers)).flat();
  if (lost.length > 0) await examineInTurn(lost, shared, (index, result) => (results[index] = result));
  return results;
}

/**
 * Runs one worker, feeding it batches from `take` as it asks; resolves, once
 * it has ended whatever way, with the files it took and did not answer (a
 * worker that could not start, ran out of memory or met a bug).
 */
function runWorker(workerFile: string, setup: WorkerSetup, take: () => IndexedFile[], into: ExaminedFile[]): Promise<IndexedFile[]> {
  return new Promise((resolve) => {
    const taken = new Map<number, IndexedFile>();
    let worker: Worker;
    try {
      worker = new Worker(workerFile, { workerData: setup });
    } catch {
      resolve([]);
      return;
    }
    worker.on("message", (reply: WorkerReply) => {
      if ("more" in reply) {
        const files = take();
        for (const f of files) taken.set(f.index, f);
        worker.postMessage({ files } satisfies WorkerBatch);
        return;
      }
      into[reply.index] = reply.result;
      taken.delete(reply.index);
    });
    worker.on("error", () => undefined); // the exit that follows settles it
    worker.on("exit", () => resolve([...taken.values()]));
  });
}
