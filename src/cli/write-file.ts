import { existsSync, promises as fs } from "node:fs";
import * as path from "node:path";
import type { AppError } from "../core/errors";

/** The file-system calls writeFileAtomic makes; tests pass their own to fail a write on purpose. */
export interface WriteFileSystem {
  open(file: string, flags: string): Promise<{ writeFile(data: Uint8Array): Promise<void>; sync(): Promise<void>; close(): Promise<void> }>;
  rename(from: string, to: string): Promise<void>;
  rm(file: string, options: { force: boolean }): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  stat(file: string): Promise<{ mtimeMs: number }>;
}

/** A temporary file left by a run that was killed is removed by a later run once it is this old and its process is gone. */
const STALE_TEMP_MS = 60_000;

/**
 * The temporary file beside `target`: hidden (a leading "."), and ending in
 * ".tmp", so that a folder read for .xlsx files (cchc validate/aggregate, the
 * pane's file picker) never takes it for a workbook, even when a killed run
 * leaves it behind. The process id lets a later run tell a leftover from a
 * write in progress.
 */
export function tempNameFor(target: string, pid = process.pid, now = Date.now()): string {
  return path.join(path.dirname(path.resolve(target)), `.${path.basename(target)}.${pid}.${now}.tmp`);
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** Removes what killed runs left beside `target`: temporaries of processes that are gone, older than STALE_TEMP_MS. Best effort. */
async function sweepStaleTemps(target: string, fsys: WriteFileSystem): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const base = path.basename(target);
  const prefix = `.${base}.`;
  let names: string[];
  try {
    names = await fsys.readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)\.(\d+)\.tmp$/.exec(name.slice(prefix.length));
    if (!m || Number(m[1]) === process.pid || isAlive(Number(m[1]))) continue;
    const file = path.join(dir, name);
    const stat = await fsys.stat(file).catch(() => undefined);
    if (stat && Date.now() - stat.mtimeMs > STALE_TEMP_MS) await fsys.rm(file, { force: true }).catch(() => undefined);
  }
}

/**
 * Writes a whole file or nothing: the bytes go to a temporary file beside the
 * target (see tempNameFor), are flushed to the disk, and the temporary file is
 * then renamed over the target. A run killed at any point leaves the previous
 * output intact (and at most a hidden ".tmp" file, removed by a later run); a
 * failed write (disk full, no permission) removes its temporary file.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array, fsys: WriteFileSystem = fs): Promise<void> {
  const temp = tempNameFor(target);
  try {
    const handle = await fsys.open(temp, "wx");
    try {
      await handle.writeFile(bytes);
      // On the disk before the rename: after a power cut the target is the old file or the new one, never empty.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsys.rename(temp, target);
  } catch (error) {
    await fsys.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await sweepStaleTemps(target, fsys);
}

/** Why a write failed, as the error the commands print: the disk being full has its own sentence. */
export function writeError(error: unknown, target: string, lang: "vi" | "en"): AppError {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "ENOSPC" || code === "EDQUOT") return { code: "DISK_FULL", path: target };
  // ENOENT on creating a file whose folder is there: a folder that holds no ordinary files (/proc, a special mount).
  if (code === "ENOENT" && existsSync(path.dirname(path.resolve(target)))) {
    return { code: "WRITE_FAILED", path: target, reason: lang === "en" ? "no file can be created in that folder" : "không tạo được tệp trong thư mục đó" };
  }
  return { code: "WRITE_FAILED", path: target, reason: describeFsError(error, lang) };
}

/** A short, human reason for a file-system error, without the stack. */
export function describeFsError(error: unknown, lang: "vi" | "en"): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  const reasons: Record<string, [string, string]> = {
    ENOENT: ["thư mục không tồn tại", "the folder does not exist"],
    EACCES: ["không có quyền ghi", "permission denied"],
    EPERM: ["không có quyền ghi", "permission denied"],
    EISDIR: ["đó là một thư mục", "it is a folder"],
    ENOSPC: ["ổ đĩa đã đầy", "the disk is full"],
    EROFS: ["ổ đĩa chỉ đọc", "the disk is read-only"],
    EBUSY: ["tệp đang được mở ở chương trình khác", "the file is open in another program"],
    ENOTDIR: ["đường dẫn không phải thư mục", "a part of the path is not a folder"],
  };
  const pair = code ? reasons[code] : undefined;
  if (pair) return lang === "en" ? pair[1] : pair[0];
  return code ?? (lang === "en" ? "unknown error" : "lỗi không xác định");
}
