import { existsSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import { examineWorkbook, type ExaminedWorkbook } from "../core/aggregate/aggregate";
import type { FileError } from "../core/errors";
import type { Lang } from "../core/messages";
import type { Result } from "../core/result";
import type { UnitRegistry } from "../core/units/registry";
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

/** What the main thread sends a worker, and what comes back for each file. */
export interface WorkerRequest extends ExamineOptions {
  files: IndexedFile[];
}
export interface WorkerReply {
  index: number;
  result: ExaminedFile;
}

/**
 * Below this many files a worker's start-up (loading the reader and the
 * rules again, ~0.1 s) costs more than sharing the work saves.
 */
const POOL_THRESHOLD = 48;

/** Examines files in turn, handing each result over as soon as it is known, so each file's cells can be let go at once. */
export async function examineInTurn(files: IndexedFile[], options: ExamineOptions, into: (index: number, result: ExaminedFile) => void): Promise<void> {
  for (const { index, file } of files) {
    const read = await readWorkbookFile(file, options.lang);
    into(index, read.ok ? { ok: true, value: examineWorkbook({ file, modified: read.value.modified, book: read.value.book }, options) } : read);
  }
}

const examineHere = (files: IndexedFile[], options: ExamineOptions, results: ExaminedFile[]) =>
  examineInTurn(files, options, (index, result) => (results[index] = result));

/**
 * How many workers: CCHC_WORKERS when set (0 = none; tests use it), else one
 * per core beyond two for a big job. Reading is allocation-heavy: a single
 * thread already keeps a second core busy with V8's garbage collection, and on
 * a two-core machine two readers measured no faster than one (npm run bench).
 */
function workerCount(files: number, workerFile: string): number {
  const forced = process.env.CCHC_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(Number(forced), files);
  // Under ts-jest the CLI runs from src/ and there is no compiled worker: work in-process.
  if (files < POOL_THRESHOLD || !existsSync(workerFile)) return 0;
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  return cores <= 2 ? 0 : Math.min(cores - 1, 8, Math.ceil(files / POOL_THRESHOLD));
}

/**
 * Reads and examines every file, in worker threads when there are many files
 * and cores to share them (see workerCount). Results come back in the order of `files`. A worker that dies
 * (out of memory, a bug) does not lose its files: what it had not answered is
 * examined here instead.
 */
export async function examineFiles(files: readonly string[], shared: ExamineOptions): Promise<ExaminedFile[]> {
  const results: ExaminedFile[] = new Array(files.length);
  const all = files.map((file, index) => ({ index, file }));
  const workerFile = path.join(__dirname, "examine-worker.js");
  const n = workerCount(all.length, workerFile);
  if (n === 0) {
    await examineHere(all, shared, results);
    return results;
  }
  // Interleaved shares: unit files are alike, so equal counts are equal work.
  const shares = Array.from({ length: n }, (_, k) => all.filter((f) => f.index % n === k));
  await Promise.all(
    shares.map(async (share) => {
      const answered = await runWorker(workerFile, { ...shared, files: share }, results);
      const left = share.filter((f) => !answered.has(f.index));
      if (left.length > 0) await examineHere(left, shared, results);
    }),
  );
  return results;
}

/** Runs one worker over its share; resolves with the indexes it answered, whatever happened to it. */
function runWorker(workerFile: string, request: WorkerRequest, into: ExaminedFile[]): Promise<Set<number>> {
  return new Promise((resolve) => {
    const answered = new Set<number>();
    let worker: Worker;
    try {
      worker = new Worker(workerFile, { workerData: request });
    } catch {
      resolve(answered);
      return;
    }
    worker.on("message", (reply: WorkerReply) => {
      into[reply.index] = reply.result;
      answered.add(reply.index);
    });
    worker.on("error", () => undefined); // the exit that follows settles it
    worker.on("exit", () => resolve(answered));
  });
}
