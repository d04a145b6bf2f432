import { promises as fs, readFileSync, statSync, type Stats } from "node:fs";
import * as path from "node:path";
import type { FileError } from "../core/errors";
import { LIMITS } from "../core/limits";
import type { WorkbookSnapshot } from "../core/read/snapshot";
import type { Result } from "../core/result";
import { inflateRawSync } from "node:zlib";
import { openWorkbook } from "../adapters/xlsx/open-workbook";
import type { RawInflate } from "../adapters/xlsx/fast-read";
import { describeFsError } from "./write-file";

/** The .xlsx files named on the command line; folders are read for .xlsx files (Excel's "~$" lock files skipped). */
export async function collectFiles(args: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    const stat = await fs.stat(arg).catch(() => undefined);
    if (stat?.isDirectory()) {
      const names = (await fs.readdir(arg)).filter((n) => /\.xlsx$/i.test(n) && !n.startsWith("~$")).sort();
      for (const n of names) files.push(path.join(arg, n)); // not push(...all): a folder may hold more names than a call takes arguments
    } else {
      files.push(arg);
    }
  }
  return files;
}

/** A workbook read from disk, with the file's last change time. */
export interface ReadWorkbook {
  book: WorkbookSnapshot;
  modified: number;
}

/** The most output buffer nodeInflate sets aside at once: a part declaring more grows by this much at a time. */
const MAX_CHUNK = 64 * 1024;

/**
 * Node's zlib inflates twice as fast as fflate; past `room` bytes it throws a
 * RangeError, as the reader expects. Its output buffer is sized to the part
 * (`room`, up to MAX_CHUNK) instead of Node's 16 KB default: a unit's parts
 * are a few KB, so each then costs one buffer of its own size (from Buffer's
 * pool under 4 KB) rather than a fresh 16 KB one, and the scavenges that free
 * those buffers take about a third less time. The output is the same bytes.
 */
export const nodeInflate: RawInflate = (data, room) => inflateRawSync(data, { maxOutputLength: room, chunkSize: Math.max(64, Math.min(room, MAX_CHUNK)) });

/**
 * Reads one file into a snapshot, checking its size before reading; never
 * throws. The file is read synchronously on purpose: unit files are small and
 * already in the page cache, and fs/promises' open-read-close round trips cost
 * more than reading them (0.6 s for a thousand files).
 */
export async function readWorkbookFile(file: string, lang: "vi" | "en"): Promise<Result<ReadWorkbook, FileError>> {
  let stat: Stats;
  try {
    stat = statSync(file);
  } catch (e) {
    // Not instanceof Error: errors from Node's fs may come from another realm (e.g. under jest).
    const failed = e as NodeJS.ErrnoException;
    return failed.code === "ENOENT"
      ? { ok: false, error: { code: "FILE_NOT_FOUND", file } }
      : { ok: false, error: { code: "FILE_UNREADABLE", file, reason: describeFsError(failed, lang) } };
  }
  if (stat.isDirectory()) return { ok: false, error: { code: "FILE_UNREADABLE", file, reason: describeFsError({ code: "EISDIR" }, lang) } };
  if (stat.size > LIMITS.maxFileBytes) return { ok: false, error: { code: "FILE_TOO_LARGE", file, bytes: stat.size, limit: LIMITS.maxFileBytes } };
  let bytes: Uint8Array;
  try {
    // A plain Uint8Array over the Buffer's memory, not a copy of it (a copy is another allocation for the GC per file).
    const read = readFileSync(file);
    bytes = new Uint8Array(read.buffer, read.byteOffset, read.byteLength);
  } catch (error) {
    return { ok: false, error: { code: "FILE_UNREADABLE", file, reason: describeFsError(error, lang) } };
  }
  const opened = await openWorkbook(bytes, file, { inflate: nodeInflate });
  return opened.ok ? { ok: true, value: { book: opened.value, modified: stat.mtimeMs } } : opened;
}
