import { promises as fs } from "node:fs";
import * as path from "node:path";
import type { UnitFeedback } from "../core/cycle/feedback";
import type { AppError } from "../core/errors";
import { buildFeedbackPlan, feedbackFileName } from "../core/layout/feedback-sheets";
import type { Lang } from "../core/messages";
import { planToXlsx } from "../adapters/xlsx/write-plan";
import { NODE_COMPRESSOR } from "./node-compressor";
import { writeError, writeFileAtomic } from "./write-file";

/** Writes the Phiếu kiểm tra of these entries, one sheet each, as one .xlsx file; the error to print when it could not be written. */
export async function writeFeedback(target: string, entries: readonly UnitFeedback[], createdAt: string, lang: Lang): Promise<AppError | undefined> {
  try {
    await writeFileAtomic(target, await planToXlsx(buildFeedbackPlan(entries, { createdAt, lang }), NODE_COMPRESSOR));
    return undefined;
  } catch (error) {
    return writeError(error, target, lang);
  }
}

/**
 * One Phiếu kiểm tra per unit in `dir` (made if needed), named after the unit
 * and period (two units whose names fold alike get "-2"); each written whole
 * or not at all. Returns the files written, each with its entry, or the error.
 */
export async function writeFeedbackFiles(
  dir: string,
  entries: readonly UnitFeedback[],
  createdAt: string,
  lang: Lang,
): Promise<{ ok: true; written: { path: string; entry: UnitFeedback }[] } | { ok: false; error: AppError }> {
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (error) {
    return { ok: false, error: writeError(error, dir, lang) };
  }
  const written: { path: string; entry: UnitFeedback }[] = [];
  const taken = new Set<string>();
  for (const entry of entries) {
    const base = feedbackFileName(entry.unit, entry.periodId);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = base.replace(/\.xlsx$/, `-${n}.xlsx`);
    taken.add(name.toLowerCase());
    const target = path.join(dir, name);
    const error = await writeFeedback(target, [entry], createdAt, lang);
    if (error) return { ok: false, error };
    written.push({ path: target, entry });
  }
  return { ok: true, written };
}
