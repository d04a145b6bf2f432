import { promises as fs, readFileSync, statSync, type Stats } from "node:fs";
import * as path from "node:path";
import type { FileError } from "../core/errors";
import { otherFileKind, type OtherFile } from "../core/cycle/submissions";
import { LIMITS } from "../core/limits";
import type { WorkbookSnapshot } from "../core/read/snapshot";
import type { Result } from "../core/result";
import { openWorkbook } from "../adapters/xlsx/open-workbook";
import { nodeInflate } from "./node-inflate";
import type { InflatedAhead } from "./inflate-ahead";
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

/**
 * Reads one file into a snapshot (or takes it as the inflating thread read
 * it: `ahead`), checking its size before reading; never
 * throws. The file is read synchronously on purpose: unit files are small and
 * already in the page cache, and fs/promises' open-read-close round trips cost
 * more than reading them (0.6 s for a thousand files).
 */
export async function readWorkbookFile(file: string, lang: "vi" | "en", ahead?: InflatedAhead): Promise<Result<ReadWorkbook, FileError>> {
  // Read, and its parts inflated, on the inflating thread already (inflate-ahead.ts).
  if (ahead) {
    const opened = await openWorkbook(ahead.bytes, file, { inflate: ahead.inflate });
    return opened.ok ? { ok: true, value: { book: opened.value, modified: ahead.modified } } : opened;
  }
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
