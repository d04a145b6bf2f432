/**
 * The inflating thread of `cchc aggregate` (see inflate-ahead.ts): reads
 * each unit file ahead of the main thread and inflates the parts the reader
 * will read, as the reader would, posting them in one buffer per file.
 */
import { readFileSync, statSync } from "node:fs";
import { workerData } from "node:worker_threads";
import { ZipParts } from "../adapters/xlsx/fast-read/zip";
import { LIMITS } from "../core/limits";
import { AHEAD, type InflatedFile, type InflaterSetup } from "./inflate-ahead";
import { nodeInflate } from "./node-inflate";

/**
 * The parts inflated ahead: the workbook, its relationships, the shared
 * strings and the sheets, where Excel, LibreOffice and the product put them.
 * The styles part is not: the reader takes one stored like a part read lately
 * from that one. A part elsewhere is simply inflated by the main thread.
 */
const AHEAD_PARTS = /^xl\/(?:workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|worksheets\/[^/]+\.xml)$/i;

/** One file read and its parts inflated, or undefined where the main thread had better do it (and say what is wrong). */
function inflate(index: number, file: string): { message: InflatedFile; transfer: ArrayBuffer[] } | undefined {
  try {
    const stat = statSync(file);
    if (!stat.isFile() || stat.size > LIMITS.maxFileBytes) return undefined;
    const read = readFileSync(file);
    const bytes = new Uint8Array(read.buffer, read.byteOffset, read.byteLength);
    const made: { at: number; room: number; out: Uint8Array }[] = [];
    const zip = ZipParts.open(bytes, (data, room) => {
      const out = nodeInflate(data, room);
      made.push({ at: data.byteOffset - bytes.byteOffset, room, out });
      return out;
    });
    for (const name of zip.names()) {
      if (!AHEAD_PARTS.test(name)) continue;
      try {
        zip.read(name);
      } catch {
        break; // the main thread meets the same trouble, and says so
      }
    }
    const buffer = new ArrayBuffer(bytes.length + made.reduce((n, p) => n + p.out.length, 0));
    const all = new Uint8Array(buffer);
    all.set(bytes);
    const parts: number[] = [];
    let end = bytes.length;
    for (const p of made) {
      all.set(p.out, end);
      parts.push(p.at, p.room, end, p.out.length);
      end += p.out.length;
    }
    return { message: { index, modified: stat.mtimeMs, buffer, size: bytes.length, parts }, transfer: [buffer] };
  } catch {
    return undefined;
  }
}

const { files, at, port } = workerData as InflaterSetup;
for (let i = 0; i < files.length; i++) {
  // Past the file the main thread is at, and at most AHEAD past it.
  for (let main = Atomics.load(at, 0); i > main + AHEAD; main = Atomics.load(at, 0)) Atomics.wait(at, 0, main);
  if (i <= Atomics.load(at, 0)) continue;
  const done = inflate(i, files[i]);
  if (done) port.postMessage(done.message, done.transfer);
}
port.close();
