/**
 * Loading the ward's setup (its units, leads, combine modes), once for every
 * edge: the CLI's --units file, the pane's saved or imported setup, the file
 * worker's copy. Text (or data) in; a checked setup or structured issues out.
 * No words are chosen here: each edge words the issues in its own language
 * with setupIssueText / setupIssueLine.
 */
import type { z } from "zod";
import { LIMITS } from "../limits";
import type { Lang } from "../messages/types";
import { registryIssueText, registrySchema, type UnitRegistry } from "./registry-schema";

/** Where an issue is in the setup: ["units", 2, "code"]; empty for the setup as a whole. */
export type SetupPath = readonly (string | number)[];

/** Why a setup cannot be used, as data: where, what (a code) and its particulars. */
export type SetupIssue =
  /** the text is larger than LIMITS.maxSetupBytes (UTF-8 bytes) */
  | { path: readonly []; code: "too-large"; params: { bytes: number; limit: number } }
  /** the text is not JSON; `detail` is the parser's own (English) words */
  | { path: readonly []; code: "not-json"; params: { detail: string } }
  /** an entry does not fit registrySchema: zod's issue code ("invalid_type", "too_small", "custom"…) and the rest of its issue */
  | { path: SetupPath; code: z.core.$ZodIssue["code"]; params: Readonly<Record<string, unknown>> };

/** A setup, or every reason it is not one. */
export type SetupLoad = { ok: true; setup: UnitRegistry } | { ok: false; issues: SetupIssue[] };

/** UTF-8 bytes of a text, counted without encoding it. */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The issue of a setup of this many bytes, when it is over LIMITS.maxSetupBytes (checked before reading a file, where its size is known). */
export function setupSizeIssue(bytes: number): SetupIssue | undefined {
  return bytes > LIMITS.maxSetupBytes ? { path: [], code: "too-large", params: { bytes, limit: LIMITS.maxSetupBytes } } : undefined;
}

/** Checks a setup given as data (what the pane's editor built, a parsed file, the worker's copy). */
export function checkSetup(input: unknown): SetupLoad {
  // The input is kept with each issue: zod's locales need it to word "expected …, received …".
  const r = registrySchema.safeParse(input, { reportInput: true });
  if (r.success) return { ok: true, setup: r.data };
  return {
    ok: false,
    issues: r.error.issues.map(({ code, path, message: _message, ...params }) => ({
      code,
      path: path.map((p) => (typeof p === "symbol" ? String(p) : p)),
      params,
    })),
  };
}

/** Reads a setup saved or picked as JSON text (at most LIMITS.maxSetupBytes; a UTF-8 byte-order mark allowed) and checks it. */
export function loadSetup(text: string): SetupLoad {
  const large = setupSizeIssue(utf8Bytes(text));
  if (large) return { ok: false, issues: [large] };
  let json: unknown;
  try {
    // Notepad on Windows saves UTF-8 with a byte-order mark, which JSON.parse refuses.
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return { ok: false, issues: [{ path: [], code: "not-json", params: { detail: error instanceof Error ? error.message : String(error) } }] };
  }
  return checkSetup(json);
}

/** Whether a text of this many UTF-8 bytes is too large to be a setup (the pane checks what it is about to save). */
export const setupTextTooLarge = (text: string): boolean => setupSizeIssue(utf8Bytes(text)) !== undefined;

/** An issue's path as the setup file spells it ("units.0.name"); "" for the whole setup. */
export const setupPathText = (path: SetupPath): string => path.join(".");

/**
 * What an entry's issue says, in the given language (zod's locale, or the
 * registry's own words for its rules). The size and JSON issues have no
 * entry: each edge says them in its own words, so they come back as "".
 */
export function setupIssueText(issue: SetupIssue, lang: Lang): string {
  if (issue.code === "too-large" || issue.code === "not-json") return "";
  return registryIssueText({ ...issue.params, code: issue.code, path: [...issue.path] } as z.core.$ZodRawIssue, lang);
}

/** An entry's issue as one line, its place first: "units.0.name: …", "(gốc): …" / "(root): …" for the whole setup. */
export function setupIssueLine(issue: SetupIssue, lang: Lang): string {
  return `${setupPathText(issue.path) || (lang === "en" ? "(root)" : "(gốc)")}: ${setupIssueText(issue, lang)}`;
}
