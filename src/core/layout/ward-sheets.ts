import type { AggregationResult } from "../aggregate/aggregate";
import { deriveFigures } from "../aggregate/combine";
import { CATALOGUE } from "../forms/catalogue";
import { isInputKind, type Catalogue } from "../forms/schema";
import type { Period } from "../periods/period";
import { formatDateVi } from "../periods/period";
import { fileUseDetail } from "../messages/file-use";
import type { Lang } from "../messages/types";
import { toFinding } from "../messages/word";
import type { CellPlan, CellStyle, SheetPlan, WorkbookPlan } from "./plan";
import { STYLES } from "./styles";
import { NUMBER_FORMAT, TEXT_FORMAT, WARD_TEXT } from "./texts";
import { wardRowNotes } from "./ward-notes";
import { buildWorkbookPlan } from "./workbook-plan";
import { FORM_LAYOUT } from "./form-sheet";

/** Sheet names of the ward workbook's two report sheets. */
export const DETAIL_SHEET = "Chi tiết theo đơn vị";
export const RESULT_SHEET = "Kết quả tổng hợp";

type Grid = {
  cells: CellPlan[];
  lastRow: () => number;
  text: (r: number, c: number, v: string, style?: CellPlan["style"]) => void;
  num: (r: number, c: number, v: number | null, numFmt: string, style?: CellPlan["style"]) => void;
};

/** Characters Excel keeps in one cell; a workbook with more is one Excel must "repair". */
export const EXCEL_CELL_TEXT_LIMIT = 32_767;

/** Text cut to what a cell holds (a finding may quote a unit's cell of any length), marked with "…". */
function cellText(v: string): string {
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
function grid(): Grid {
  const cells: CellPlan[] = [];
  // The lowest row written so far, for the print area.
  let last = 1;
  const at = (r: number) => {
    if (r > last) last = r;
    return r;
  };
  return {
    cells,
    lastRow: () => last,
    text: (r, c, v, style = STYLES.indicator) => cells.push({ row: at(r), col: c, value: cellText(v), numFmt: TEXT_FORMAT, style, locked: true }),
    // One object shape for every figure, blank or not: the detail sheet of a city has a hundred thousand of them.
    num: (r, c, v, numFmt, style = STYLES.input) => cells.push({ row: at(r), col: c, value: v ?? undefined, numFmt, style: withoutFill(style), locked: true }),
  };
}

/** A report sheet: locked, header row frozen, printed landscape one page wide with the header repeated. */
function reportSheet(name: string, g: Grid, widths: number[], headerRow: number, rowHeights: Record<number, number>): SheetPlan {
  const lastRow = g.lastRow();
  return {
    name,
    visibility: "visible",
    columnWidths: widths,
    rowHeights,
    cells: g.cells,
    merges: [],
    validations: [],
    protect: true,
    freezeRows: headerRow,
    print: {
      paper: "A4",
      orientation: "landscape",
      fitToWidth: true,
      titleRows: { row: headerRow, lastRow: headerRow },
      area: { row: 1, col: 1, lastRow, lastCol: widths.length },
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  };
}

/** Height for a row whose longest text wraps in a column `width` characters wide. */
function wrappedHeight(texts: { text: string; width: number }[]): number | undefined {
  const lines = Math.max(...texts.map((t) => Math.ceil(t.text.length / Math.max(1, t.width * 1.1))));
  return lines > 1 ? Math.min(FORM_LAYOUT.maxRowHeight, lines * FORM_LAYOUT.lineHeight) : undefined;
}

function detailSheet(result: AggregationResult, catalogue: Catalogue, periodLabel: string): SheetPlan {
  const g = grid();
  g.text(1, 1, WARD_TEXT.detailTitle(result.ward, periodLabel), STYLES.formLabel);
  const header = [...WARD_TEXT.detailHeader, ...result.units.map((u) => u.name), WARD_TEXT.wardColumn, WARD_TEXT.howColumn, WARD_TEXT.notesColumn];
  header.forEach((h, i) => g.text(3, i + 1, h, STYLES.header));
  const widths = [9, 7, 50, 14, ...result.units.map(() => 16), 16, 18, 40];
  const wardCol = 5 + result.units.length;
  const heights: Record<number, number> = { 3: wrappedHeight(header.map((h, i) => ({ text: h, width: widths[i] }))) ?? FORM_LAYOUT.lineHeight };
  let r = 4;
  for (const form of catalogue.forms) {
    // Each unit's own ratios and totals, from its own figures, so a reviewer can compare like with like.
    // One pass over the contributions: looking each unit up in every row's list is units² work for a city of many units.
    const inputsOf = new Map<string, Record<string, number | null>>();
    for (const [stt, p] of Object.entries(result.provenance[form.id] ?? {})) {
      for (const c of p.contributions) {
        const inputs = inputsOf.get(c.unitName) ?? inputsOf.set(c.unitName, {}).get(c.unitName)!;
        if (!(stt in inputs)) inputs[stt] = c.value;
      }
    }
    const perUnit = result.units.map((u) => {
      const inputs = inputsOf.get(u.name);
      return inputs ? deriveFigures(form, inputs) : undefined;
    });
    for (const row of form.rows) {
      const heading = row.kind === "header";
      g.text(r, 1, form.id, STYLES.stt);
      g.text(r, 2, row.stt, STYLES.stt);
      g.text(r, 3, row.indicator, heading ? STYLES.indicatorHeading : STYLES.indicator);
      g.text(r, 4, row.unit, STYLES.unit);
      const h = wrappedHeight([
        { text: row.indicator, width: widths[2] },
        { text: row.unit, width: widths[3] },
      ]);
      if (h) heights[r] = h;
      if (!heading) {
        perUnit.forEach((figures, i) => g.num(r, 5 + i, figures?.[row.stt] ?? null, NUMBER_FORMAT[row.kind]));
        g.num(r, wardCol, result.values[form.id]?.[row.stt] ?? null, NUMBER_FORMAT[row.kind], STYLES.formula);
        const p = result.provenance[form.id]?.[row.stt];
        g.text(r, wardCol + 1, WARD_TEXT.how(p, result.forms[form.id]?.lead?.code));
        const notes = p?.contributions.filter((c) => c.note).map((c) => `${c.unitCode ?? c.unitName}: ${c.note}`) ?? [];
        if (notes.length > 0) {
          g.text(r, wardCol + 2, notes.join("\n"), STYLES.note);
          const nh = wrappedHeight([{ text: notes.join(" "), width: widths[wardCol + 1] }]);
          if (nh && nh > (heights[r] ?? 0)) heights[r] = nh;
        }
      }
      r++;
    }
  }
  return reportSheet(DETAIL_SHEET, g, widths, 3, heights);
}

function resultSheet(result: AggregationResult, periodLabel: string, madeAt: string, lang: Lang): SheetPlan {
  const g = grid();
  g.text(1, 1, WARD_TEXT.resultTitle(result.ward, periodLabel), STYLES.formLabel);
  g.text(2, 1, WARD_TEXT.madeAt(madeAt), STYLES.meta);
  g.text(4, 1, WARD_TEXT.filesHeading, STYLES.formLabel);
  WARD_TEXT.filesHeader.forEach((h, i) => g.text(5, i + 1, h, STYLES.header));
  const widths = [30, 28, 12, 26, 14, 12, 40, 50, 24];
  const heights: Record<number, number> = {};
  let r = 6;
  for (const f of result.files) {
    g.text(r, 1, f.file);
    g.text(r, 2, f.unitName);
    g.text(r, 3, f.periodId ?? "");
    g.text(r, 4, WARD_TEXT.status[f.status] ?? f.status);
    g.num(r, 5, f.errors, "0", STYLES.stt);
    g.num(r, 6, f.warnings, "0", STYLES.stt);
    g.text(r, 7, fileUseDetail(f, lang) ?? "");
    r++;
  }
  r++;
  g.text(r++, 1, WARD_TEXT.findingsHeading, STYLES.formLabel);
  WARD_TEXT.findingsHeader.forEach((h, i) => g.text(r, i + 1, h, STYLES.header));
  r++;
  if (result.findings.length === 0) g.text(r++, 1, WARD_TEXT.noFindings);
  for (const raw of result.findings) {
    const f = toFinding(raw, lang);
    const line = [WARD_TEXT.severity[f.severity], f.code, f.file ?? "", f.form, f.row ?? "", f.cell ?? "", f.message, f.suggestion, f.units?.join(", ") ?? ""];
    line.forEach((v, i) => g.text(r, i + 1, v));
    const h = wrappedHeight(line.map((text, i) => ({ text, width: widths[i] })));
    if (h) heights[r] = h;
    r++;
  }
  return reportSheet(RESULT_SHEET, g, widths, 5, heights);
}

/**
 * The ward's workbook: the standard BM1–BM7 (same layout as a unit's, so it
 * validates and a city can aggregate wards the same way) with the combined
 * figures and live formulas, then the per-unit detail and the aggregation's
 * findings.
 */
export function buildWardPlan(
  result: AggregationResult,
  period: Period,
  createdAt: string,
  options: { lang?: Lang; catalogue?: Catalogue } = {},
): WorkbookPlan {
  const catalogue = options.catalogue ?? CATALOGUE;
  const lang = options.lang ?? "vi";
  const figures: Record<string, Record<string, number>> = {};
  for (const form of catalogue.forms) {
    figures[form.id] = {};
    for (const row of form.rows) {
      const v = result.values[form.id]?.[row.stt];
      if (isInputKind(row.kind) && typeof v === "number") figures[form.id][row.stt] = v;
    }
  }
  const { notes, marks } = wardRowNotes(result, lang);
  for (const rows of Object.values(notes)) for (const stt of Object.keys(rows)) rows[stt] = cellText(rows[stt]);
  const base = buildWorkbookPlan({ unit: result.ward, period, forms: catalogue.forms.map((f) => f.id), createdAt, catalogue, figures, notes, marks });
  const meta = base.sheets.pop()!;
  const when = `${formatDateVi(createdAt.slice(0, 10))} ${createdAt.slice(11, 16)}`;
  return { sheets: [...base.sheets, detailSheet(result, catalogue, period.label.vi), resultSheet(result, period.label.vi, when, lang), meta] };
}
