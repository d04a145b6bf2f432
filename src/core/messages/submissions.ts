import type { OtherFileKind, Submission, SubmissionStatus } from "../cycle/submissions";
import { formatDateVi } from "../periods/period";
import type { Lang } from "./types";

/** The words of the submissions board (Theo dõi tiếp nhận), per language: the CLI, the pane and the ward's sheet say the same. */
const WORDS = {
  vi: {
    status: { "on-time": "Đúng hạn", late: "Nộp muộn", missing: "Chưa gửi", "wrong-period": "Gửi sai kỳ", unreadable: "Tệp không dùng được" },
    kind: {
      word: "tệp Word",
      pdf: "tệp PDF",
      csv: "tệp CSV/văn bản",
      image: "ảnh chụp",
      "excel-old": "tệp Excel cũ (.xls)",
      other: "tệp không phải bảng tính",
    },
    late: (d: number) => `muộn ${d} ngày`,
    overdue: (d: number) => `quá hạn ${d} ngày`,
    left: (d: number) => (d === 0 ? "hạn là hôm nay" : `còn ${d} ngày`),
    received: (at: string) => `nhận ${at}`,
    sent: (kind: string, file: string) => `gửi ${kind} (${file})`,
    wrongPeriod: (file: string) => `tệp ${file} của kỳ khác`,
    unreadable: (file: string) => `tệp ${file} không đọc được`,
    missingForms: (forms: string) => `thiếu ${forms}`,
    resent: (n: number) => `gửi lại ${n} lần`,
    counts: (e: number, w: number) => `${e} lỗi, ${w} cảnh báo`,
    heading: (deadline: string) => `Theo dõi tiếp nhận (hạn gửi ${deadline}):`,
    unplaced: (files: string) => `Tệp không phải bảng tính, không rõ của đơn vị nào: ${files}`,
    title: (deadline: string) => `Theo dõi tiếp nhận – hạn gửi ${deadline}`,
  },
  en: {
    status: { "on-time": "On time", late: "Late", missing: "Not sent", "wrong-period": "Wrong period", unreadable: "Unusable file" },
    kind: {
      word: "a Word file",
      pdf: "a PDF",
      csv: "a CSV/text file",
      image: "a photo",
      "excel-old": "an old Excel file (.xls)",
      other: "a file that is not a workbook",
    },
    late: (d: number) => `${d} day${d === 1 ? "" : "s"} late`,
    overdue: (d: number) => `${d} day${d === 1 ? "" : "s"} overdue`,
    left: (d: number) => (d === 0 ? "due today" : `${d} day${d === 1 ? "" : "s"} left`),
    received: (at: string) => `received ${at}`,
    sent: (kind: string, file: string) => `sent ${kind} (${file})`,
    wrongPeriod: (file: string) => `${file} is for another period`,
    unreadable: (file: string) => `${file} cannot be read`,
    missingForms: (forms: string) => `missing ${forms}`,
    resent: (n: number) => `resent ${n} time${n === 1 ? "" : "s"}`,
    counts: (e: number, w: number) => `${e} error${e === 1 ? "" : "s"}, ${w} warning${w === 1 ? "" : "s"}`,
    heading: (deadline: string) => `Submissions (deadline ${deadline}):`,
    unplaced: (files: string) => `Files that are not workbooks and name no unit: ${files}`,
    title: (deadline: string) => `Who has sent – deadline ${deadline}`,
  },
} satisfies Record<Lang, { status: Record<SubmissionStatus, string>; kind: Record<OtherFileKind, string> } & Record<string, unknown>>;

/** An ISO date, or date and time ("2026-06-07T09:00"), as the language writes it. */
export function dateTimeWords(at: string, lang: Lang): string {
  const [day, time] = at.split("T");
  const date = lang === "vi" ? formatDateVi(day) : day;
  return time ? `${date} ${time}` : date;
}

/** A unit's status in a word or two ("Nộp muộn"). */
export const submissionStatusWords = (status: SubmissionStatus, lang: Lang): string => WORDS[lang].status[status];

/** What the board says of a unit beyond its status: how late, what it sent, what is missing, its findings. */
export function submissionDetail(s: Submission, lang: Lang): string {
  const w = WORDS[lang];
  const parts: string[] = [];
  if (s.status === "late" && s.daysLate !== null) parts.push(w.late(s.daysLate));
  if (s.received) parts.push(w.received(dateTimeWords(s.received, lang)));
  if (s.status !== "late" && s.daysLate !== null) parts.push(w.overdue(s.daysLate));
  if (s.daysLeft !== null) parts.push(w.left(s.daysLeft));
  for (const f of s.files) {
    if (f.status === "not-a-workbook") parts.push(w.sent(w.kind[f.kind ?? "other"], f.file));
    else if (s.received === null && f.status === "wrong-period") parts.push(w.wrongPeriod(f.file));
    else if (s.received === null && (f.status === "unreadable" || f.status === "no-forms")) parts.push(w.unreadable(f.file));
  }
  if (s.received && s.missingForms.length > 0) parts.push(w.missingForms(s.missingForms.join(", ")));
  if (s.resubmissions > 0) parts.push(w.resent(s.resubmissions));
  if (s.received) parts.push(w.counts(s.errors, s.warnings));
  return parts.join("; ");
}

/** One line per unit, whom to chase first, under a heading with the deadline: the CLI's text. */
export function submissionLines(
  board: readonly Submission[],
  deadline: string,
  lang: Lang,
  unplaced: readonly { file: string; kind: OtherFileKind }[] = [],
): string[] {
  const w = WORDS[lang];
  // A file no unit could be given is named too: nothing handed over is skipped silently.
  const files = unplaced.map((o) => `${o.file.split(/[\\/]/).pop()} (${w.kind[o.kind]})`).join(", ");
  return [
    w.heading(dateTimeWords(deadline, lang)),
    ...board.map((s) => `  ${s.unit}: ${submissionStatusWords(s.status, lang)} – ${submissionDetail(s, lang)}`),
    ...(files ? [`  ${w.unplaced(files)}`] : []),
  ];
}

/** The board's title with the deadline, as the pane and the ward's sheet head it. */
export const submissionsTitle = (deadline: string, lang: Lang): string => WORDS[lang].title(dateTimeWords(deadline, lang));

/** "muộn 3 ngày" / "3 days late": how late a unit's file came. */
export const lateWords = (days: number, lang: Lang): string => WORDS[lang].late(days);

/** "còn 2 ngày" / "2 days left": how long until the deadline. */
export const leftWords = (days: number, lang: Lang): string => WORDS[lang].left(days);

/** "tệp Word": what a file that is not a workbook is. */
export const fileKindWords = (kind: OtherFileKind, lang: Lang): string => WORDS[lang].kind[kind];
