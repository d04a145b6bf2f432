import { existsSync } from "node:fs";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { RawInflate } from "../adapters/xlsx/fast-read/zip";
import { coreCount } from "./cores";
import { nodeInflate } from "./node-inflate";

/**
 * A unit file read and its parts inflated by the inflating thread
 * (inflate-worker.ts): the file's bytes, with every part inflated the way
 * the reader would have, in one buffer.
 */
export interface InflatedFile {
  index: number;
  modified: number;
  /** the file's bytes, then each part's inflated bytes */
  buffer: ArrayBuffer;
  size: number;
  /** per part, four numbers: where its stored data starts in the file, the room it was inflated into, where its bytes are in `buffer`, and how many */
  parts: number[];
}

/** What the inflating thread is started with. */
export interface InflaterSetup {
  files: readonly string[];
  /** [0]: the index of the file the main thread is at (the thread works only past it, and at most AHEAD past it) */
  at: Int32Array;
  port: MessagePort;
}

/** Files the inflating thread may be ahead of the main thread: enough to never keep it waiting, few enough to hold ~2 MB. */
export const AHEAD = 16;

/** A file as the reader takes it: its bytes and time, and an inflater that hands back the parts inflated already. */
export interface InflatedAhead {
  bytes: Uint8Array;
  modified: number;
  inflate: RawInflate;
}

/**
 * Where the inflating thread's work is taken up. Each inflated part is used
 * only for the very call it was made for (the same stored bytes, the same
 * room), so the reader's checks of sizes and limits run as ever, and a part
 * the thread did not inflate (a lie it met, a part it does not read ahead) is
 * inflated here, failing as it would have.
 */
function inflatedAhead(m: InflatedFile): InflatedAhead {
  const bytes = new Uint8Array(m.buffer, 0, m.size);
  const parts = new Map<number, { room: number; out: Uint8Array }>();
  for (let i = 0; i < m.parts.length; i += 4) parts.set(m.parts[i], { room: m.parts[i + 1], out: new Uint8Array(m.buffer, m.parts[i + 2], m.parts[i + 3]) });
  return {
    bytes,
    modified: m.modified,
    inflate: (data, room) => {
      const done = data.buffer === m.buffer ? parts.get(data.byteOffset) : undefined;
      return done && done.room === room ? done.out : nodeInflate(data, room);
    },
  };
}

/** Below this many files the thread's start-up is not worth it. */
const THRESHOLD = 48;

/** Reads files ahead of the main thread on another thread, inflating their parts there. */
export interface Inflater {
  /** File `index`, if the thread has it ready; the main thread is now at `index` (the thread leaves it and those before alone). Never waits. */
  take(index: number): InflatedAhead | undefined;
  close(): void;
}

/**
 * Starts the inflating thread for a big job on a machine with a second core
 * (CCHC_INFLATE_AHEAD=0 or 1 overrides; tests use it), or undefined. On a
 * 2-core machine, reading and inflating a unit file (~0.3 ms of 1.4 ms)
 * then happens beside the main thread's parsing and checks, not before them.
 * Nothing waits for the thread: a file it has not got to is read here.
 */
export function startInflater(files: readonly string[], workerFile: string): Inflater | undefined {
  const forced = process.env.CCHC_INFLATE_AHEAD;
  const cores = coreCount();
  const wanted = forced === "1" || (forced !== "0" && files.length >= THRESHOLD && cores >= 2);
  // Under ts-jest the CLI runs from src/ and there is no compiled worker.
  if (!wanted || !existsSync(workerFile)) return undefined;
  const at = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    worker = new Worker(workerFile, { workerData: { files, at, port: port2 } satisfies InflaterSetup, transferList: [port2] });
  } catch {
    port1.close();
    return undefined;
  }
  // A thread that fails just stops helping: every file it did not hand over is read here.
  worker.on("error", () => undefined);
  worker.unref();
  const ready = new Map<number, InflatedFile>();
  return {
    take(index) {
      Atomics.store(at, 0, index);
      // Woken every half lead, not every file: a wake per file cost 65 µs each (a thread switch), more than the inflating it saved.
      if (index % (AHEAD / 2) === 0) Atomics.notify(at, 0);
      for (let got = receiveMessageOnPort(port1); got; got = receiveMessageOnPort(port1)) {
        const m = got.message as InflatedFile;
        if (m.index >= index) ready.set(m.index, m);
      }
      const m = ready.get(index);
      ready.delete(index);
      return m && inflatedAhead(m);
    },
    close() {
      port1.close();
      void worker.terminate();
    },
  };
}
