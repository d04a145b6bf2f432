import { promises as fs } from "node:fs";
import type { AppError } from "../core/errors";
import type { Lang } from "../core/messages";
import type { SetupIssue } from "../core/units/load-setup";
import { DEFAULT_REGISTRY, type UnitRegistry } from "../core/units/registry";
import { describeFsError } from "./write-file";

/** The setup's issues as the CLI says them after "không hợp lệ: ": the first five entries, or what is wrong with the whole file. */
function issuesText(issues: readonly SetupIssue[], lang: Lang, setupIssueLine: (issue: SetupIssue, lang: Lang) => string): string {
  const whole = issues.find((i) => i.code === "too-large" || i.code === "not-json");
  if (whole?.code === "too-large") return "> 1 MB";
  // The parser's own words are English: kept for --lang en, where they help find the slip.
  if (whole?.code === "not-json") return lang === "en" ? `not JSON (${whole.params.detail})` : "tệp không phải JSON hợp lệ";
  return issues
    .slice(0, 5)
    .map((i) => setupIssueLine(i, lang))
    .join("; ");
}

/**
 * The ward's setup from `--units FILE` (JSON, at most 1 MB, a UTF-8 byte-order
 * mark allowed), checked by core/units' loader; the built-in one when no file
 * is given. Never throws: a missing, unreadable or invalid file comes back as
 * the error to show.
 */
export async function loadRegistry(file: string | undefined, lang: Lang): Promise<{ ok: true; value: UnitRegistry } | { ok: false; error: AppError }> {
  if (!file) return { ok: true, value: DEFAULT_REGISTRY };
  // The checker (zod, ~70 ms to load) only when there is a file to check.
  const { loadSetup, setupIssueLine, setupSizeIssue } = await import("../core/units/load-setup");
  const invalid = (issues: readonly SetupIssue[]) => ({
    ok: false as const,
    error: { code: "REGISTRY_INVALID" as const, file, issues: issuesText(issues, lang, setupIssueLine) },
  });
  let text: string;
  try {
    // The size first: a file over the limit is not read at all.
    const large = setupSizeIssue((await fs.stat(file)).size);
    if (large) return invalid([large]);
    text = await fs.readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException)?.code === "ENOENT") return { ok: false, error: { code: "FILE_NOT_FOUND", file } };
    return { ok: false, error: { code: "FILE_UNREADABLE", file, reason: describeFsError(error, lang) } };
  }
  const loaded = loadSetup(text);
  return loaded.ok ? { ok: true, value: loaded.setup } : invalid(loaded.issues);
}
