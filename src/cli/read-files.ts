import { promises as fs } from "node:fs";
import * as path from "node:path";
import type { FileError } from "../core/errors";
import { LIMITS } from "../core/limits";
import type { WorkbookSnapshot } from "../core/read/snapshot";
import type { Result } from "../core/result";
import { openWorkbook } from "../adapters/xlsx/open-workbook";
import { describeFsError } from "./write-file";

/** The .xlsx files named on the command line; folders are read for .xlsx files (Excel's "~$" lock files skipped). */
export async function collectFiles(args: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    const stat = await fs.stat(arg).catch(() => undefined);
    if (stat?.isDirectory()) {
      const names = (await fs.readdir(arg)).filter((n) => /\.xlsx$/i.test(n) && !n.startsWith("~$")).sort();
      files.push(...names.map((n) => path.join(arg, n)));
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

/** Reads one file into a snapshot, checking its size before reading; never throws. */
export async function readWorkbookFile(file: string, lang: "vi" | "en"): Promise<Result<ReadWorkbook, FileError>> {
  const stat = await fs.stat(file).catch((e: unknown) => ({ failed: e as NodeJS.ErrnoException }));
  // Not instanceof Error: errors from Node's fs may come from another realm (e.g. under jest).
  if ("failed" in stat) {
    return stat.failed.code === "ENOENT"
      ? { ok: false, error: { code: "FILE_NOT_FOUND", file } }
      : { ok: false, error: { code: "FILE_UNREADABLE", file, reason: describeFsError(stat.failed, lang) } };
  }
  if (stat.isDirectory()) return { ok: false, error: { code: "FILE_UNREADABLE", file, reason: describeFsError({ code: "EISDIR" }, lang) } };
  if (stat.size > LIMITS.maxFileBytes) return { ok: false, error: { code: "FILE_TOO_LARGE", file, bytes: stat.size, limit: LIMITS.maxFileBytes } };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await fs.readFile(file));
  } catch (error) {
    return { ok: false, error: { code: "FILE_UNREADABLE", file, reason: describeFsError(error, lang) } };
  }
  const opened = await openWorkbook(bytes, file);
  return opened.ok ? { ok: true, value: { book: opened.value, modified: stat.mtimeMs } } : opened;
}
