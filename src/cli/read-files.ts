import { promises as fs, readFileSync, statSync, type Stats } from "node:fs";
import * as path from "node:path";
import type { FileError } from "../core/errors";
import { otherFileKind, type OtherFile } from "../core/cycle/submissions";
import { LIMITS } from "../core/limits";
import type { WorkbookSnapshot } from "../core/read/snapshot";
import type { Result } from "../core/result";
import { inflateRawSync } from "node:zlib";
import { openWorkbook } from "../adapters/xlsx/open-workbook";
import type { RawInflate } from "../adapters/xlsx/fast-read";
import { describeFsError } from "./write-file";

/** The .xlsx files named on the command line; folders are read for .xlsx files (Excel's "~$" lock files skipped). */
export async function collectFiles(args: readonly string[]): Promise<string[]> {
  return (await collectInputs(args)).workbooks;
}

/** Hidden files, Excel's and Word's "~$" lock files and the desktop's index files: nobody sent these. */
const NOT_SENT = /^(?:~\$|\.)|^(?:thumbs\.db|desktop\.ini)$/i;

/**
 * What an officer hands the aggregation: the .xlsx workbooks, and every other
 * file in a folder or named on the command line that is not one (a Word
 * report, a PDF scan, an old .xls), with its time, to be listed against its
 * unit rather than skipped silently.
 */
export async function collectInputs(args: readonly string[]): Promise<{ workbooks: string[]; others: OtherFile[] }> {
  const workbooks: string[] = [];
  const others: OtherFile[] = [];
  const other = async (file: string) => {
    const stat = await fs.stat(file).catch(() => undefined);
    if (stat?.isFile()) others.push({ file, kind: otherFileKind(file), modified: stat.mtimeMs });
  };
  for (const arg of args) {
    const stat = await fs.stat(arg).catch(() => undefined);
    if (stat?.isDirectory()) {
      const names = (await fs.readdir(arg)).filter((n) => !NOT_SENT.test(n)).sort();
      for (const n of names) {
        // not push(...all): a folder may hold more names than a call takes arguments
        if (/\.xlsx$/i.test(n)) workbooks.push(path.join(arg, n));
        else await other(path.join(arg, n));
      }
    } else if (!/\.xlsx$/i.test(arg) && otherFileKind(arg) !== "other") {
      await other(arg);
    } else {
      workbooks.push(arg);
    }
  }
  return { workbooks, others };
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
