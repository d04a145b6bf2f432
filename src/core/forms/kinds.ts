/**
 * What each row of a form is, apart from the catalogue's schema: the rules
 * ask it of every row, and need no zod to do so (the CLI starts without it).
 */
/** Row kinds of the Biểu mẫu tables (DOMAIN.md, "The forms"). */
export const ROW_KINDS = ["header", "count", "money", "percent", "code", "ratio", "total"] as const;
export type RowKind = (typeof ROW_KINDS)[number];

/** Kinds whose Số liệu cell is typed by the unit (the rest are headers or formulas). */
export const INPUT_KINDS: readonly RowKind[] = ["count", "money", "percent", "code"];

const INPUT_KIND_SET: ReadonlySet<RowKind> = new Set(INPUT_KINDS);

/** Whether a row of this kind holds a figure the unit types (count, money, percent, code). */
export function isInputKind(kind: RowKind): boolean {
  return INPUT_KIND_SET.has(kind);
}
