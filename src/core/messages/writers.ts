import type { FindingParamsOf } from "../validate/finding";
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

/** "VHXH: 5; KT: 1.234": units' figures, each in the language's notation. */
export function unitFigures(list: readonly UnitFigure[], n: (x: unknown) => string): string {
  return list.map((u) => `${u.unit}: ${n(u.value)}`).join("; ");
}

/** "VHXH (1.1, 1.2); KT (2)": units with the rows they gave figures on. */
export const unitRows = (list: readonly UnitRows[]): string => list.map((u) => `${u.unit} (${u.rows.join(", ")})`).join("; ");

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
