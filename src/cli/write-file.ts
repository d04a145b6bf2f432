import { promises as fs } from "node:fs";
import * as path from "node:path";

/**
 * Writes a whole file or nothing: the bytes go to a temporary file beside the
 * target, which is then renamed over it, so an interrupted run leaves any
 * previous output intact.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.writeFile(temp, bytes, { flag: "wx" });
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
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
