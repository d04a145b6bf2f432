import type { Result } from "../result";

/** Report kinds of DOMAIN.md: Quý I, 6 tháng đầu năm, Quý III, Năm. */
export const PERIOD_KINDS = ["Q1", "H1", "Q3", "Y"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A calendar date as "YYYY-MM-DD" (no time zone: these are administrative dates). */
export type IsoDate = string;

/** A report period with its cut-off window (thời hạn chốt số liệu) and the units' deadline. */
export interface Period {
  id: string;
  year: number;
  kind: PeriodKind;
  label: { vi: string; en: string };
  window: { from: IsoDate; to: IsoDate };
  unitDeadline: IsoDate;
  /** when the ward sends its report to the city, when the ward set one (no standard date exists) */
  wardDeadline?: IsoDate;
}

/** A ward may set its own window and deadline (seed 000); the standard guidance is the default. */
export interface PeriodOverrides {
  window?: { from: IsoDate; to: IsoDate };
  unitDeadline?: IsoDate;
  wardDeadline?: IsoDate;
}

export type PeriodError =
  { code: "BAD_PERIOD"; input: string; accepted: string } | { code: "BAD_DATE"; input: string } | { code: "BAD_WINDOW"; from: IsoDate; to: IsoDate };

/** The accepted spellings, shown to the user when a period is not understood. */
export const ACCEPTED_PERIODS = "YYYY-Q1, YYYY-H1, YYYY-Q3, YYYY-Y (ví dụ 2026-H1)";

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

const iso = (y: number, m: number, d: number): IsoDate => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

/** Standard cut-off windows (seed 001) and "by the 10th of the last month of the period". */
function standardDates(kind: PeriodKind, y: number): Pick<Period, "window" | "unitDeadline"> {
  switch (kind) {
    case "Q1":
      return { window: { from: iso(y - 1, 12, 15), to: iso(y, 3, 14) }, unitDeadline: iso(y, 3, 10) };
    case "H1":
      return { window: { from: iso(y - 1, 12, 15), to: iso(y, 6, 14) }, unitDeadline: iso(y, 6, 10) };
    case "Q3":
      return { window: { from: iso(y, 6, 15), to: iso(y, 9, 14) }, unitDeadline: iso(y, 9, 10) };
    case "Y":
      return { window: { from: iso(y - 1, 12, 15), to: iso(y, 12, 14) }, unitDeadline: iso(y, 12, 10) };
  }
}

function labels(kind: PeriodKind, y: number): Period["label"] {
  switch (kind) {
    case "Q1":
      return { vi: `Quý I năm ${y}`, en: `Q1 ${y}` };
    case "H1":
      return { vi: `6 tháng đầu năm ${y}`, en: `First half of ${y}` };
    case "Q3":
      return { vi: `Quý III năm ${y}`, en: `Q3 ${y}` };
    case "Y":
      return { vi: `Năm ${y}`, en: `Year ${y}` };
  }
}

/** Reads "2026-H1" (any case, spaces ignored) into a period with its standard or overridden dates. */
export function parsePeriod(input: string, overrides: PeriodOverrides = {}): Result<Period, PeriodError> {
  const m = /^(\d{4})-(Q1|H1|Q3|Y)$/.exec(input.replace(/\s+/g, "").toUpperCase());
  const year = m ? Number(m[1]) : NaN;
  if (!m || year < MIN_YEAR || year > MAX_YEAR) {
    return { ok: false, error: { code: "BAD_PERIOD", input, accepted: ACCEPTED_PERIODS } };
  }
  const kind = m[2] as PeriodKind;
  const dates = standardDates(kind, year);
  const cutoff = overrides.window ?? dates.window;
  for (const d of [cutoff.from, cutoff.to, overrides.unitDeadline, overrides.wardDeadline].filter((x): x is string => x !== undefined)) {
    if (!isIsoDate(d)) return { ok: false, error: { code: "BAD_DATE", input: d } };
  }
  if (cutoff.from > cutoff.to) return { ok: false, error: { code: "BAD_WINDOW", from: cutoff.from, to: cutoff.to } };
  return {
    ok: true,
    value: {
      id: `${year}-${kind}`,
      year,
      kind,
      label: labels(kind, year),
      window: cutoff,
      unitDeadline: overrides.unitDeadline ?? dates.unitDeadline,
      ...(overrides.wardDeadline ? { wardDeadline: overrides.wardDeadline } : {}),
    },
  };
}

/**
 * How an earlier period stands to a later one: an earlier report of the same
 * year (Q1 before H1 before Q3 before Y: cumulative figures can only grow), the
 * same report a year before (figures compare, cumulative ones restart), or
 * neither.
 */
export function periodRelation(later: Pick<Period, "year" | "kind">, earlier: Pick<Period, "year" | "kind">): "same-year" | "year-before" | "unrelated" {
  const rank = (p: Pick<Period, "kind">) => PERIOD_KINDS.indexOf(p.kind);
  if (earlier.year === later.year && rank(earlier) < rank(later)) return "same-year";
  if (earlier.year === later.year - 1 && earlier.kind === later.kind) return "year-before";
  return "unrelated";
}

/**
 * The period of the current half-year: H1 until June, then the annual report
 * (there is no "H2" report; the annual one covers the second half).
 */
export function defaultPeriodId(today: Date): string {
  const y = today.getFullYear();
  return today.getMonth() < 6 ? `${y}-H1` : `${y}-Y`;
}

/** The periods an officer is likely to pick: this year's and last year's, newest first. */
export function recentPeriodIds(today: Date): string[] {
  const y = today.getFullYear();
  return [y, y - 1].flatMap((year) => [...PERIOD_KINDS].reverse().map((k) => `${year}-${k}`));
}

/** True for a real calendar date written "YYYY-MM-DD". */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** "2026-06-14" → "14/06/2026", the way Vietnamese documents write dates. */
export function formatDateVi(d: IsoDate): string {
  const [y, m, day] = d.split("-");
  return `${day}/${m}/${y}`;
}

/** "14/6/2026" or "14/06/2026" → "2026-06-14"; undefined when it is not a real date. */
export function parseDateVi(s: string): IsoDate | undefined {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(s);
  if (!m) return undefined;
  const d = iso(Number(m[3]), Number(m[2]), Number(m[1]));
  return isIsoDate(d) ? d : undefined;
}

/**
 * The period a Vietnamese label names ("6 tháng đầu năm 2026", "Quý I năm 2026",
 * "Năm 2026", "Kỳ báo cáo: Quý III năm 2026"), as an id; undefined otherwise.
 */
export function periodIdFromLabel(label: string): string | undefined {
  const s = label
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ");
  const year = /(\d{4})\s*$/.exec(s.trim())?.[1];
  if (!year) return undefined;
  if (/6 thang dau nam/.test(s)) return `${year}-H1`;
  if (/quy (iii|3)\b/.test(s)) return `${year}-Q3`;
  if (/quy (i|1)\b/.test(s)) return `${year}-Q1`;
  if (/\bnam \d{4}$/.test(s.trim())) return `${year}-Y`;
  return undefined;
}
