import type { Form, FormRow } from "../forms/schema";
import type { Period } from "../periods/period";
import { formatDateVi } from "../periods/period";
import { cellAddress, type CellRange } from "./address";
import { ratioFormula, totalFormula } from "./formulas";
import type { CellPlan, SheetPlan, ValidationPlan } from "./plan";
import { STYLES } from "./styles";
import { FORM_LAYOUT } from "./form-layout";
import { wrappedHeight } from "./report-sheet";
import { FORM_TEXT, INPUT_HELP, NUMBER_FORMAT, TEXT_FORMAT, codeHelp } from "./texts";

const { col } = FORM_LAYOUT;
const lastCol = FORM_TEXT.header.length;

/** The sheet name of a form: "BM1" … "BM7". */
export const formSheetName = (form: Form): string => form.id;

/** Row number of each STT on the generated sheet of this form. */
export function rowNumbers(form: Form): Map<string, number> {
  return new Map(form.rows.map((r, i) => [r.stt, FORM_LAYOUT.firstDataRow + i]));
}

/** The Số liệu cell of a row at (r, c); `at` gives a row's Số liệu cell as a formula refers to it ("D12"). */
function valueCell(row: FormRow, r: number, c: number, at: (stt: string) => string, value: number | undefined): CellPlan {
  const numFmt = NUMBER_FORMAT[row.kind];
  switch (row.kind) {
    case "header":
      return { row: r, col: c, numFmt, style: STYLES.none, locked: true };
    case "ratio":
      return { row: r, col: c, formula: ratioFormula(at(row.numerator!), at(row.denominator!)), numFmt, style: STYLES.formula, locked: true };
    case "total":
      return { row: r, col: c, formula: totalFormula(row.sumOf!.map(at)), numFmt, style: STYLES.formula, locked: true };
    default:
      return value === undefined
        ? { row: r, col: c, numFmt, style: STYLES.input, locked: false }
        : { row: r, col: c, value, numFmt, style: STYLES.input, locked: false };
  }
}

function validation(row: FormRow, r: number, c: number): ValidationPlan | undefined {
  switch (row.kind) {
    case "count":
      return { row: r, col: c, type: "whole", min: 0, ...INPUT_HELP.count };
    case "money":
      return { row: r, col: c, type: "decimal", min: 0, ...INPUT_HELP.money };
    case "percent":
      return { row: r, col: c, type: "decimal", min: 0, max: 100, ...INPUT_HELP.percent };
    case "code":
      return { row: r, col: c, type: "list", values: row.codes!.map((v) => v.value), ...codeHelp(row.unit) };
    default:
      return undefined;
  }
}

/** Figures to write into a form's input cells, by STT (a ward's totals, sample data). */
export type FormFigures = Readonly<Record<string, number>>;

/** Text to write into a form's Ghi chú cells, by STT (e.g. what a pasted appendix said that the standard form cannot hold). */
export type FormNotes = Readonly<Record<string, string>>;

/** Rows whose Số liệu cell is marked, by STT: the ward's figures that a finding is about. */
export type FormMarks = Readonly<Record<string, "error" | "warning">>;

const MARK_STYLE = { error: STYLES.flaggedError, warning: STYLES.flaggedWarning } as const;

/** The sheet of one form: title block, header row, one row per STT, signature block. */
export function buildFormSheet(form: Form, unit: string, period: Period, figures: FormFigures = {}, notes: FormNotes = {}, marks: FormMarks = {}): SheetPlan {
  const cells: CellPlan[] = [];
  const text = (row: number, column: number, value: string, style: CellPlan["style"]) =>
    cells.push({ row, col: column, value, numFmt: TEXT_FORMAT, style, locked: true });
  const merges: CellRange[] = [];
  const mergeAcross = (row: number) => merges.push({ row, col: 1, lastRow: row, lastCol });

  text(1, 1, FORM_TEXT.formLabel(form.number), STYLES.formLabel);
  text(2, 1, form.title, STYLES.title);
  // A unit's name may be long (up to MAX_UNIT_NAME): its line wraps within the merged width instead of being cut.
  const unitLine = FORM_TEXT.unitLine(unit);
  text(3, 1, unitLine, { ...STYLES.meta, wrap: true });
  text(4, 1, FORM_TEXT.periodLine(period.label.vi), STYLES.meta);
  text(5, 1, FORM_TEXT.windowLine(formatDateVi(period.window.from), formatDateVi(period.window.to)), STYLES.meta);
  // Row 6, the last above the header: the header and data rows stay where users' files and formulas address them.
  text(6, 1, FORM_TEXT.deadlineLine(formatDateVi(period.unitDeadline)), STYLES.meta);
  [1, 2, 3, 4, 5, 6].forEach(mergeAcross);

  FORM_TEXT.header.forEach((label, i) => text(FORM_LAYOUT.headerRow, i + 1, label, STYLES.header));

  const rows = rowNumbers(form);
  // A formula's reference to a row's Số liệu cell.
  const at = (stt: string) => cellAddress(rows.get(stt)!, col.value);
  const validations: ValidationPlan[] = [];
  const rowHeights: Record<number, number> = { 2: 2 * FORM_LAYOUT.lineHeight + 6, [FORM_LAYOUT.headerRow]: 2 * FORM_LAYOUT.lineHeight };
  const unitHeight = wrappedHeight([{ text: unitLine, width: FORM_LAYOUT.columnWidths.reduce((a, b) => a + b, 0) }]);
  if (unitHeight) rowHeights[3] = unitHeight;
  for (const row of form.rows) {
    const r = rows.get(row.stt)!;
    const heading = row.kind === "header";
    text(r, col.stt, row.stt, heading ? STYLES.sttHeading : STYLES.stt);
    text(r, col.indicator, row.indicator, heading ? STYLES.indicatorHeading : STYLES.indicator);
    text(r, col.unit, row.unit, STYLES.unit);
    const value = valueCell(row, r, col.value, at, figures[row.stt]);
    const mark = marks[row.stt];
    cells.push(mark && !heading ? { ...value, style: MARK_STYLE[mark] } : value);
    const v = validation(row, r, col.value);
    if (v) validations.push(v);
    // Notes are the unit's own free text: editable, and kept as text.
    const note = notes[row.stt];
    cells.push({ row: r, col: col.note, ...(note ? { value: note } : {}), numFmt: TEXT_FORMAT, style: STYLES.note, locked: heading });
    const lines = Math.max(
      Math.ceil(row.indicator.length / FORM_LAYOUT.indicatorCharsPerLine),
      Math.ceil(row.unit.length / (FORM_LAYOUT.columnWidths[col.unit - 1] - 2)),
      Math.ceil((note ?? "").length / (FORM_LAYOUT.columnWidths[col.note - 1] - 2)),
    );
    if (lines > 1) rowHeights[r] = Math.min(FORM_LAYOUT.maxRowHeight, lines * FORM_LAYOUT.lineHeight);
  }

  const lastRow = FORM_LAYOUT.firstDataRow + form.rows.length - 1;
  // The place and date line above the head's signature, as official documents sign; then the two signatures.
  text(lastRow + 2, col.value, FORM_TEXT.placeAndDate, STYLES.signHint);
  merges.push({ row: lastRow + 2, col: col.value, lastRow: lastRow + 2, lastCol });
  const signRow = lastRow + 3;
  text(signRow, col.indicator, FORM_TEXT.preparedBy, STYLES.signTitle);
  text(signRow + 1, col.indicator, FORM_TEXT.preparedBySign, STYLES.signHint);
  text(signRow, col.value, FORM_TEXT.head, STYLES.signTitle);
  text(signRow + 1, col.value, FORM_TEXT.headSign, STYLES.signHint);
  merges.push({ row: signRow, col: col.value, lastRow: signRow, lastCol });
  merges.push({ row: signRow + 1, col: col.value, lastRow: signRow + 1, lastCol });

  return {
    name: formSheetName(form),
    visibility: "visible",
    columnWidths: [...FORM_LAYOUT.columnWidths],
    rowHeights,
    cells,
    merges,
    validations,
    protect: true,
    print: {
      paper: "A4",
      orientation: "portrait",
      fitToWidth: true,
      titleRows: { row: FORM_LAYOUT.headerRow, lastRow: FORM_LAYOUT.headerRow },
      area: { row: 1, col: 1, lastRow: signRow + 1, lastCol },
      // Wide enough on the left for binding, as official documents are filed.
      margins: { left: 0.7, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      footer: FORM_TEXT.pageFooter,
      blackAndWhite: true,
    },
    freezeRows: FORM_LAYOUT.headerRow,
  };
}
