/**
 * Who has sent (Theo dõi tiếp nhận): for each unit of the ward's setup, the
 * files it sent, when, and whether in time for the ward's deadline; who is
 * late or missing first, so the officer knows whom to chase.
 */
import type { FileUse } from "../aggregate/file-use";
import type { IsoDate, Period } from "../periods/period";
import { matchUnitInFileName, type UnitRegistry } from "../units/registry";

/** What a file that is not a workbook is, as an officer names it. */
export const OTHER_FILE_KINDS = ["word", "pdf", "csv", "image", "excel-old", "other"] as const;
export type OtherFileKind = (typeof OTHER_FILE_KINDS)[number];

/** A file in the folder or the selection that is not an .xlsx workbook: named against its unit, never skipped silently. */
export interface OtherFile {
  file: string;
  /** last change (ms since 1970), when known */
  modified?: number;
  kind: OtherFileKind;
}

/** "bao-cao.docx" → "word". */
export function otherFileKind(file: string): OtherFileKind {
  const ext = /\.([a-z0-9]{1,5})$/i.exec(file)?.[1]?.toLowerCase() ?? "";
  if (["doc", "docx", "odt", "rtf"].includes(ext)) return "word";
  if (ext === "pdf") return "pdf";
  if (["csv", "txt"].includes(ext)) return "csv";
  if (["jpg", "jpeg", "png", "gif", "heic", "webp", "bmp", "tif", "tiff"].includes(ext)) return "image";
  if (["xls", "xlsm", "xlsb", "ods"].includes(ext)) return "excel-old";
  return "other";
}

export const SUBMISSION_STATUSES = ["missing", "unreadable", "wrong-period", "late", "on-time"] as const;
/** Who to chase first: nothing usable (missing, unreadable, another period), then late, then on time. */
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** One file a unit sent, as the board lists it. */
export interface SubmittedFile {
  file: string;
  /** ISO date and time of its last change (the file's time: mtime, File.lastModified) */
  modified: string | null;
  status: FileUse["status"] | "not-a-workbook";
  /** for a file that is not a workbook */
  kind?: OtherFileKind;
}

/** One unit on the board. */
export interface Submission {
  code: string;
  unit: string;
  /** the forms the unit answers for (the setup's) */
  forms: string[];
  /** of those, the ones none of its used files has figures for */
  missingForms: string[];
  status: SubmissionStatus;
  /** when the used file was last changed, ISO date and time; null when nothing usable came */
  received: string | null;
  /** calendar days after the deadline: the used file's, or today's for a unit still missing; null when not late */
  daysLate: number | null;
  /** calendar days left before the deadline, for a unit still missing when the ward runs early; null otherwise */
  daysLeft: number | null;
  /** files the unit sent beyond the one used (resent corrections and duplicates) */
  resubmissions: number;
  files: SubmittedFile[];
  /** the used file's own findings */
  errors: number;
  warnings: number;
}

/** What the board is made from: the aggregation's files and the other files, the ward's setup and period, and the day it is run. */
export interface SubmissionsInput {
  registry: UnitRegistry;
  period: Pick<Period, "unitDeadline">;
  /** the aggregation's files, each with its time and the forms it has figures for */
  files: readonly Pick<FileUse, "file" | "unitCode" | "status" | "errors" | "warnings" | "modified" | "forms">[];
  others: readonly OtherFile[];
  /** the day the ward runs it, ISO (Vietnam's calendar day) */
  today: IsoDate;
}

/** Vietnam keeps one time zone, UTC+7, without summer time: a file saved at 23:30 on the deadline is on time. */
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/** The calendar day in Vietnam of a moment (ms since 1970). */
export function vietnamDate(ms: number): IsoDate {
  return new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The moment as Vietnam's local date and time, "2026-06-04T16:05" (no zone: the ward's own clock). */
export function vietnamDateTime(ms: number): string {
  return new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 16);
}

/** Whole calendar days from one ISO date to another (later − earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

const RANK: Record<SubmissionStatus, number> = { missing: 0, unreadable: 1, "wrong-period": 2, late: 3, "on-time": 4 };

/** The board: one entry per unit of the setup, whom to chase first. */
export function submissionsBoard(input: SubmissionsInput): Submission[] {
  const deadline = input.period.unitDeadline;
  const timeOf = (ms: number | undefined) => (ms === undefined ? null : vietnamDateTime(ms));
  // A file the aggregation could not tie to a unit (unreadable, not a workbook) is tied by its name, once.
  const named = new Map<string, string | undefined>();
  const codeOf = (file: string, known?: string) => {
    if (known !== undefined) return known;
    if (!named.has(file)) named.set(file, matchUnitInFileName(input.registry, file)?.code);
    return named.get(file);
  };
  const filesOf = groupBy(input.files, (f) => codeOf(f.file, f.unitCode));
  const othersOf = groupBy(input.others, (o) => codeOf(o.file));
  const board = input.registry.units.map((unit, order) => {
    const mine = filesOf.get(unit.code) ?? [];
    const others = othersOf.get(unit.code) ?? [];
    const used = mine.filter((f) => f.status === "used").sort((a, b) => (b.modified ?? 0) - (a.modified ?? 0));
    const sent = new Set(used.flatMap((f) => f.forms ?? []));
    const newest = used[0];
    const receivedDay = newest?.modified !== undefined ? vietnamDate(newest.modified) : undefined;
    let status: SubmissionStatus;
    if (newest) status = receivedDay !== undefined && receivedDay > deadline ? "late" : "on-time";
    else if (mine.some((f) => f.status === "wrong-period")) status = "wrong-period";
    else if (mine.some((f) => f.status === "unreadable" || f.status === "no-forms") || others.length > 0) status = "unreadable";
    else status = "missing";
    const overdue = daysBetween(deadline, newest ? (receivedDay ?? input.today) : input.today);
    const files: SubmittedFile[] = [
      ...mine.map((f) => ({ file: f.file, modified: timeOf(f.modified), status: f.status })),
      ...others.map((o) => ({ file: o.file, modified: timeOf(o.modified), status: "not-a-workbook" as const, kind: o.kind })),
    ];
    const entry: Submission = {
      code: unit.code,
      unit: unit.name,
      forms: [...unit.forms],
      missingForms: unit.forms.filter((f) => !sent.has(f)),
      status,
      received: newest ? timeOf(newest.modified) : null,
      daysLate: (status === "late" || (!newest && status !== "wrong-period")) && overdue > 0 ? overdue : null,
      daysLeft: !newest && overdue <= 0 ? -overdue : null,
      resubmissions: Math.max(0, mine.filter((f) => f.status === "used" || f.status === "replaced").length - 1),
      files,
      errors: used.reduce((n, f) => n + f.errors, 0),
      warnings: used.reduce((n, f) => n + f.warnings, 0),
    };
    return { entry, order };
  });
  return board
    .sort((a, b) => RANK[a.entry.status] - RANK[b.entry.status] || (b.entry.daysLate ?? 0) - (a.entry.daysLate ?? 0) || a.order - b.order)
    .map((b) => b.entry);
}
