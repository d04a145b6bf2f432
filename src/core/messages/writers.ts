import { formatDateVi, parsePeriod } from "../periods/period";
import type { FindingParamsOf } from "../validate/finding";
import type { DateWindow } from "../validate/finding-params";
import type { UnitFigure, UnitRows } from "../validate/finding-params";
import type { FindingText, TextsByWhat } from "./types";

/** "2.2 + 2.3 + 2.4": rows of a sum or of parts that exceed a whole, as every language names them. */
export const joinParts = (stts: readonly string[]): string => stts.join(" + ");

/** "2.2: 0, 2.3: (trống)": the parts of a sum with their figures, each in the language's notation. */
export function partValues(parts: FindingParamsOf<"SUM_MISMATCH">["parts"], n: (x: unknown) => string): string {
  return parts.map((p) => `${p.stt}: ${n(p.figure)}`).join(", ");
}

/** The text of the kind `p.what` names, from a table that gives each kind its own params. */
export function textByWhat<P extends { what: string }>(p: P, table: TextsByWhat<P>): FindingText {
  // The table is typed per kind; TypeScript cannot relate p's kind to its entry, so it is looked up once, here.
  const write = table[p.what as P["what"]] as (p: P) => [string, string];
  const [message, suggestion] = write(p);
  return { message, suggestion };
}

/**
 * Units a sentence names: the first NAMED_UNITS, then how many more. A city's
 * thousand units made a ward finding of 87,000 characters, which no officer
 * reads and which took the pane a fifth of a second to lay out
 * (scripts/bench-pane.js); each unit's figure is on the detail sheet.
 */
export const NAMED_UNITS = 10;

/** "A, B, C và 990 đơn vị khác": the first NAMED_UNITS items, each as `write` puts it, then `more` of the rest. */
export function firstNamed<T>(items: readonly T[], separator: string, more: (rest: number) => string, write: (item: T) => string): string {
  const named = items.slice(0, NAMED_UNITS).map(write).join(separator);
  return items.length > NAMED_UNITS ? `${named}${separator}${more(items.length - NAMED_UNITS)}` : named;
}

/** "VHXH: 5; KT: 1.234": units' figures, each in the language's notation. */
export function unitFigures(list: readonly UnitFigure[], n: (x: unknown) => string, more: (rest: number) => string): string {
  return firstNamed(list, "; ", more, (u) => `${u.unit}: ${n(u.value)}`);
}

/** "VHXH (1.1, 1.2); KT (2)": units with the rows they gave figures on. */
export const unitRows = (list: readonly UnitRows[], more: (rest: number) => string): string =>
  firstNamed(list, "; ", more, (u) => `${u.unit} (${u.rows.join(", ")})`);

/** "Trực tuyến = 0, Phát phiếu = 1": a row's listed codes, as its unit column writes them. */
export function codeLegend(codes: FindingParamsOf<"INVALID_CODE">["codes"], n: (x: unknown) => string): string {
  return codes.map((c) => `${c.label} = ${n(c.value)}`).join(", ");
}

/** "2.2 = 15; 2.3 = 1.234": rows with a figure each, in the language's notation. */
export function rowFigures(rows: FindingParamsOf<"DOUBLE_COUNT_SUSPECTED">["also"], n: (x: unknown) => string): string {
  return rows.map((r) => `${r.stt} = ${n(r.value)}`).join("; ");
}

/** "Văn hóa (VHXH); Kinh tế (KT)": setup units a name resembles. */
export const unitsLike = (like: FindingParamsOf<"UNKNOWN_UNIT">["like"]): string => like.map((u) => `${u.name} (${u.code})`).join("; ");

/** '"Phong VH" (vh.xlsx)': used files whose unit name only resembles a unit. */
export const filesLike = (like: FindingParamsOf<"UNIT_MISSING">["like"]): string => like.map((u) => `"${u.name}" (${u.file})`).join("; ");

/** "a, b, c": a plain list (files, rows, units). */
export const listOf = (items: readonly string[]): string => items.join(", ");

/** A period id as a language names it ("2026-H1" → "6 tháng đầu năm 2026"); an id that does not parse as it is. */
export function periodWords(id: string | null, lang: "vi" | "en"): string {
  if (id === null) return "";
  const p = parsePeriod(id);
  return p.ok ? p.value.label[lang] : id;
}

/** "01/01/2026 – 31/05/2026" (Vietnamese) or "2026-01-01 – 2026-05-31" (English, ISO). */
export const windowWords = (w: DateWindow, lang: "vi" | "en"): string =>
  lang === "vi" ? `${formatDateVi(w.from)} – ${formatDateVi(w.to)}` : `${w.from} – ${w.to}`;

/** A change as a signed percent: 0.5 → "+50 %", −0.4 → "−40 %". */
export const changePercent = (change: number, n: (x: unknown) => string): string => `${change >= 0 ? "+" : "−"}${n(Math.round(Math.abs(change) * 100))} %`;

/** A file's error message without the file's name in front ("a.xlsx: không đọc được …" → "không đọc được …"), where the line already names it. */
export const withoutFile = (detail: string, file: string): string => (detail.startsWith(`${file}: `) ? detail.slice(file.length + 2) : detail);
