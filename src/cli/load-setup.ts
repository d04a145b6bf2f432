import { promises as fs } from "node:fs";
import type { AppError } from "../core/errors";
import { LIMITS } from "../core/limits";
import type { Lang } from "../core/messages";
import { DEFAULT_REGISTRY, parseRegistry, type UnitRegistry } from "../core/units/registry";
import { describeFsError } from "./write-file";

/**
 * The ward's setup from `--units FILE` (JSON, at most 1 MB, a UTF-8 byte-order
 * mark allowed), checked; the built-in one when no file is given. Never throws:
 * a missing, unreadable or invalid file comes back as the error to show.
 */
export async function loadRegistry(file: string | undefined, lang: Lang): Promise<{ ok: true; value: UnitRegistry } | { ok: false; error: AppError }> {
  if (!file) return { ok: true, value: DEFAULT_REGISTRY };
  let text: string;
  try {
    const stat = await fs.stat(file);
    if (stat.size > LIMITS.maxSetupBytes) return { ok: false, error: { code: "REGISTRY_INVALID", file, issues: "> 1 MB" } };
    // Notepad on Windows saves UTF-8 with a byte-order mark, which JSON.parse refuses.
    text = (await fs.readFile(file, "utf8")).replace(/^\uFEFF/, "");
  } catch (error) {
    if ((error as NodeJS.ErrnoException)?.code === "ENOENT") return { ok: false, error: { code: "FILE_NOT_FOUND", file } };
    return { ok: false, error: { code: "FILE_UNREADABLE", file, reason: describeFsError(error, lang) } };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // The parser's own words are English: kept for --lang en, where they help find the slip.
    return { ok: false, error: { code: "REGISTRY_INVALID", file, issues: lang === "en" ? `not JSON (${(error as Error).message})` : "tệp không phải JSON hợp lệ" } };
  }
  const parsed = parseRegistry(json, lang);
  return parsed.ok ? parsed : { ok: false, error: { code: "REGISTRY_INVALID", file, issues: parsed.issues.slice(0, 5).join("; ") } };
}
