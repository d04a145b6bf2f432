/**
 * What the generated report sheets share (the ward's detail, results and
 * submissions sheets, the units' feedback forms): a cell writer that keeps
 * every text as text, the sheet's print set-up, and the height of wrapped rows.
 */
import type { CellPlan, CellStyle, SheetPlan } from "./plan";
import type { CellRange } from "./address";
import { FORM_LAYOUT } from "./form-layout";
import { STYLES } from "./styles";
import { FORM_TEXT, TEXT_FORMAT } from "./texts";

/** A cell writer over one sheet's cells. */
export type Grid = {
  cells: CellPlan[];
  lastRow: () => number;
  text: (r: number, c: number, v: string, style?: CellPlan["style"]) => void;
  num: (r: number, c: number, v: number | null, numFmt: string, style?: CellPlan["style"]) => void;
};

/** Characters Excel keeps in one cell; a workbook with more is one Excel must "repair". */
export const EXCEL_CELL_TEXT_LIMIT = 32_767;

/** Text cut to what a cell holds (a finding may quote a unit's cell of any length), marked with "…". */
export function cellText(v: string): string {
  if (v.length <= EXCEL_CELL_TEXT_LIMIT) return v;
  const cut = v.slice(0, EXCEL_CELL_TEXT_LIMIT - 1);
  // Never half of a surrogate pair.
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}

/** A style without its fill, made once per style: the writers recognise a style they have seen by identity. */
const unfilled = new WeakMap<CellStyle, CellStyle>();
function withoutFill(style: CellStyle): CellStyle {
  let plain = unfilled.get(style);
  if (!plain) unfilled.set(style, (plain = { ...style, fill: undefined }));
  return plain;
}

/** A cell writer where every text (unit names, file names, messages from files) is stored as text, never a formula. */
export function grid(): Grid {
  const cells: CellPlan[] = [];
  // The lowest row written so far, for the print area.
  let last = 1;
  const at = (r: number) => {
    if (r > last) last = r;
    return r;
  };
  // The last look a figure asked for and its unfilled twin: a row of a thousand units' figures asks for one.
  let lastStyle: CellStyle | undefined;
  let lastPlain: CellStyle | undefined;
  const plain = (style: CellStyle) => {
    if (style !== lastStyle) lastPlain = withoutFill((lastStyle = style));
    return lastPlain!;
  };
  return {
    cells,
    lastRow: () => last,
    text: (r, c, v, style = STYLES.indicator) => cells.push({ row: at(r), col: c, value: cellText(v), numFmt: TEXT_FORMAT, style, locked: true }),
    // One object shape for every figure, blank or not: the detail sheet of a city has a hundred thousand of them.
    num: (r, c, v, numFmt, style = STYLES.input) => cells.push({ row: at(r), col: c, value: v ?? undefined, numFmt, style: plain(style), locked: true }),
  };
}

/** How a report sheet is printed beyond the default (landscape, no merged cells). */
export interface ReportSheetOptions {
  orientation?: "portrait" | "landscape";
  merges?: CellRange[];
}

/** A report sheet: locked, header row frozen, printed on A4 one page wide with the header repeated. */
export function reportSheet(
  name: string,
  g: Grid,
  widths: number[],
  headerRow: number,
  rowHeights: Record<number, number>,
  options: ReportSheetOptions = {},
): SheetPlan {
  const lastRow = Math.max(g.lastRow(), headerRow);
  return {
    name,
    visibility: "visible",
    columnWidths: widths,
    rowHeights,
    cells: g.cells,
    merges: options.merges ?? [],
    validations: [],
    protect: true,
    freezeRows: headerRow,
    print: {
      paper: "A4",
      orientation: options.orientation ?? "landscape",
      fitToWidth: true,
      titleRows: { row: headerRow, lastRow: headerRow },
      area: { row: 1, col: 1, lastRow, lastCol: widths.length },
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      footer: FORM_TEXT.pageFooter,
      blackAndWhite: true,
    },
  };
}

/** Height for a row whose longest text wraps in a column `width` characters wide. */
export function wrappedHeight(texts: { text: string; width: number }[]): number | undefined {
  const perLine = (line: string, width: number) => Math.max(1, Math.ceil(line.length / Math.max(1, width * 1.1)));
  const lines = Math.max(...texts.map((t) => t.text.split("\n").reduce((n, line) => n + perLine(line, t.width), 0)));
  return lines > 1 ? Math.min(FORM_LAYOUT.maxRowHeight, lines * FORM_LAYOUT.lineHeight) : undefined;
}

/**
 * A table's header and rows from row `headerRow`: texts as text, counts as
 * whole numbers, wrapped rows made tall enough; returns the row after the table.
 */
export function textTable(
  g: Grid,
  headerRow: number,
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  widths: readonly number[],
  heights: Record<number, number>,
): number {
  header.forEach((h, i) => g.text(headerRow, i + 1, h, STYLES.header));
  const hh = wrappedHeight(header.map((text, i) => ({ text, width: widths[i] })));
  if (hh) heights[headerRow] = hh;
  let r = headerRow + 1;
  for (const line of rows) {
    line.forEach((v, i) => (typeof v === "number" ? g.num(r, i + 1, v, "0", STYLES.stt) : g.text(r, i + 1, v)));
    const h = wrappedHeight(line.map((v, i) => ({ text: String(v), width: widths[i] })));
    if (h) heights[r] = h;
    r++;
  }
  return r;
}
