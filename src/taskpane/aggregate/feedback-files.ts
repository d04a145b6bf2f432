/**
 * Phiếu kiểm tra as files: one .xlsx per unit (the writer the ward's workbook
 * is downloaded with), or all of them in one .zip. The layout, the writer and
 * the zip are fetched when the officer first asks for a form.
 */
import type { UnitFeedback } from "../../core/cycle/feedback";
import type { Lang } from "../../core/messages/types";

/** A file to download: its name and bytes. */
export interface FeedbackFile {
  name: string;
  bytes: Uint8Array;
}

const loadLayout = () => import(/* webpackChunkName: "feedback-layout" */ "../../core/layout/feedback-sheets");
const loadWriter = async () => (await import(/* webpackChunkName: "xlsx-writer" */ "../../adapters/xlsx/write-plan")).planToXlsx;

/** The .zip of all the forms of a period. */
export const feedbackZipName = (periodId: string): string => `Phieu-kiem-tra-${periodId || "ky-bao-cao"}.zip`;

/** Each unit's form as an .xlsx of one sheet, named after the unit and period; two units of one name ("(2)") never overwrite each other. */
export async function feedbackFiles(feedback: readonly UnitFeedback[], options: { createdAt: string; lang: Lang }): Promise<FeedbackFile[]> {
  const [{ buildFeedbackPlan, feedbackFileName }, planToXlsx] = await Promise.all([loadLayout(), loadWriter()]);
  const taken = new Set<string>();
  const files: FeedbackFile[] = [];
  for (const one of feedback) {
    const wanted = feedbackFileName(one.unit, one.periodId);
    let name = wanted;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = wanted.replace(/\.xlsx$/i, ` (${n}).xlsx`);
    taken.add(name.toLowerCase());
    files.push({ name, bytes: await planToXlsx(buildFeedbackPlan([one], options)) });
  }
  return files;
}

/** All the forms in one .zip (already deflated .xlsx files are stored, not deflated again). */
export async function feedbackZip(files: readonly FeedbackFile[]): Promise<Uint8Array> {
  const { zipSync } = await import(/* webpackChunkName: "zip" */ "fflate");
  return zipSync(Object.fromEntries(files.map((f) => [f.name, [f.bytes, { level: 0 }] as const])));
}

/** The plan of all the forms as sheets of one workbook (Excel writes them into the open one). */
export async function feedbackPlan(feedback: readonly UnitFeedback[], options: { createdAt: string; lang: Lang }) {
  return (await loadLayout()).buildFeedbackPlan(feedback, options);
}
