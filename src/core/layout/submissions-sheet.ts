import type { AggregationResult } from "../aggregate/aggregate";
import { fileName } from "../cycle/feedback";
import type { Submission, SubmittedFile } from "../cycle/submissions";
import { dateTimeWords, fileKindWords, lateWords, leftWords, submissionStatusWords } from "../messages/submissions";
import type { Period } from "../periods/period";
import type { SheetPlan } from "./plan";
import { grid, reportSheet, textTable } from "./report-sheet";
import { STYLES } from "./styles";
import { WARD_TEXT } from "./report-texts";

/** Sheet name of the ward workbook's submissions board. */
export const SUBMISSIONS_SHEET = "Theo dõi tiếp nhận";

const WIDTHS = [6, 30, 18, 16, 17, 16, 40, 9, 7, 10, 18];
const HEADER_ROW = 4;

/** A file as the board names it: its name only (a path would print the officer's folders), with why it was not used. */
function fileWords(f: SubmittedFile): string {
  const name = fileName(f.file);
  if (f.status === "not-a-workbook") return WARD_TEXT.notWorkbook(name, fileKindWords(f.kind ?? "other", "vi"));
  return f.status === "used" ? name : `${name} (${WARD_TEXT.status[f.status].toLowerCase()})`;
}

/** How late, or how long is left, in words; blank for a unit in time. */
function daysWords(s: Submission): string {
  if (s.daysLate !== null) return lateWords(s.daysLate, "vi");
  return s.daysLeft !== null ? leftWords(s.daysLeft, "vi") : "";
}

/**
 * Theo dõi tiếp nhận: one row per unit of the ward's setup, whom to chase
 * first, as the CLI prints it and the pane shows it; the deadlines above.
 */
export function submissionsSheet(result: AggregationResult, period: Period): SheetPlan {
  const g = grid();
  g.text(1, 1, WARD_TEXT.submissionsTitle(result.ward, period.label.vi), STYLES.formLabel);
  g.text(2, 1, WARD_TEXT.deadlines(dateTimeWords(period.unitDeadline, "vi"), period.wardDeadline && dateTimeWords(period.wardDeadline, "vi")), STYLES.plain);
  const rows = result.submissions.map((s, i) => [
    String(i + 1),
    s.unit,
    s.forms.join(", "),
    submissionStatusWords(s.status, "vi"),
    s.received ? dateTimeWords(s.received, "vi") : "",
    daysWords(s),
    s.files.map(fileWords).join("\n"),
    s.resubmissions,
    s.received ? s.errors : "",
    s.received ? s.warnings : "",
    s.missingForms.join(", "),
  ]);
  const heights: Record<number, number> = {};
  textTable(g, HEADER_ROW, WARD_TEXT.submissionsHeader, rows, WIDTHS, heights);
  return reportSheet(SUBMISSIONS_SHEET, g, WIDTHS, HEADER_ROW, heights);
}
