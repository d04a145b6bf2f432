import type { AggregationResult } from "../aggregate/aggregate";
import { rowFigures } from "../aggregate/combine";
import { CATALOGUE } from "../forms/catalogue";
import { isInputKind } from "../forms/kinds";
import type { Catalogue } from "../forms/schema";
import { formatDateVi, parsePeriod, type Period } from "../periods/period";
import { fileUseDetail } from "../messages/file-use";
import type { Lang } from "../messages/types";
import { toFinding } from "../messages/word";
import { periodWords, withoutFile } from "../messages/writers";
import type { RawFinding } from "../validate/finding";
import type { SheetPlan, WorkbookPlan } from "./plan";
import { cellText, grid, reportSheet, textTable, wrappedHeight } from "./report-sheet";
import { submissionsSheet } from "./submissions-sheet";
import { fileName } from "../cycle/feedback";
import { STYLES } from "./styles";
import { NUMBER_FORMAT } from "./texts";
import { WARD_TEXT } from "./report-texts";
import { wardRowNotes } from "./ward-notes";
import { buildWorkbookPlan } from "./workbook-plan";
import { FORM_LAYOUT } from "./form-layout";

/** Sheet names of the ward workbook's two report sheets. */
export const DETAIL_SHEET = "Chi tiết theo đơn vị";
export const RESULT_SHEET = "Kết quả tổng hợp";

export { EXCEL_CELL_TEXT_LIMIT } from "./report-sheet";
export { SUBMISSIONS_SHEET } from "./submissions-sheet";

/** The earlier report's column, when one was given and could be compared: its heading and figures. */
function earlierColumn(result: AggregationResult): { heading: string; figures: Readonly<Record<string, Readonly<Record<string, number | null>>>> } | undefined {
  const previous = result.previous;
  // Another unit's report, or a later one, is not "the previous period": the finding says why, and no column misleads.
  if (!previous || result.findings.some((f) => f.code === "PREVIOUS_NOT_COMPARABLE")) return undefined;
  const period = previous.periodId ? parsePeriod(previous.periodId) : undefined;
  return { heading: WARD_TEXT.previousColumn(period?.ok ? period.value.label.vi : (previous.periodId ?? fileName(previous.file))), figures: previous.figures };
}

/** Later − earlier, blank when either is; rounded so 0.1 + 0.2 − 0.3 is 0. */
const change = (now: number | null | undefined, then: number | null | undefined) =>
  typeof now === "number" && typeof then === "number" ? Math.round((now - then) * 1e6) / 1e6 : null;

function detailSheet(result: AggregationResult, catalogue: Catalogue, periodLabel: string): SheetPlan {
  const g = grid();
  g.text(1, 1, WARD_TEXT.detailTitle(result.ward, periodLabel), STYLES.formLabel);
  const earlier = earlierColumn(result);
  const extra = earlier ? [earlier.heading, WARD_TEXT.changeColumn] : [];
  const header = [...WARD_TEXT.detailHeader, ...result.units.map((u) => u.name), WARD_TEXT.wardColumn, ...extra, WARD_TEXT.howColumn, WARD_TEXT.notesColumn];
  header.forEach((h, i) => g.text(3, i + 1, h, STYLES.header));
  const widths = [9, 7, 50, 14, ...result.units.map(() => 16), 16, ...extra.map(() => 16), 18, 40];
  const wardCol = 5 + result.units.length;
  const howCol = wardCol + 1 + extra.length;
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
    // By row place, not STT: a list per unit is cheaper to make and read than an object (7,000 of them for a city).
    const perUnit = result.units.map((u) => {
      const inputs = inputsOf.get(u.name);
      return inputs ? rowFigures(form, inputs) : undefined;
    });
    for (let k = 0; k < form.rows.length; k++) {
      const row = form.rows[k];
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
        const format = NUMBER_FORMAT[row.kind];
        for (let i = 0; i < perUnit.length; i++) g.num(r, 5 + i, perUnit[i]?.[k] ?? null, format);
        const value = result.values[form.id]?.[row.stt] ?? null;
        g.num(r, wardCol, value, NUMBER_FORMAT[row.kind], STYLES.formula);
        if (earlier) {
          const then = earlier.figures[form.id]?.[row.stt] ?? null;
          g.num(r, wardCol + 1, then, NUMBER_FORMAT[row.kind]);
          g.num(r, wardCol + 2, change(value, then), NUMBER_FORMAT[row.kind]);
        }
        const p = result.provenance[form.id]?.[row.stt];
        g.text(r, howCol, WARD_TEXT.how(p, result.forms[form.id]?.lead?.code));
        const notes = p?.contributions.filter((c) => c.note).map((c) => `${c.unitCode ?? c.unitName}: ${c.note}`) ?? [];
        if (notes.length > 0) {
          const text = notes.join("\n");
          g.text(r, howCol + 1, text, STYLES.note);
          // Measured as written: each unit's note starts a line of its own.
          const nh = wrappedHeight([{ text, width: widths[howCol] }]);
          if (nh && nh > (heights[r] ?? 0)) heights[r] = nh;
        }
      }
      r++;
    }
  }
  return reportSheet(DETAIL_SHEET, g, widths, 3, heights);
}

/** A finding that lists files, with their names only: the ward's sheets go to the city, the officer's folders do not. */
function withFileNames(f: RawFinding): RawFinding {
  if (f.code === "UNIT_DUPLICATE") return { ...f, params: { ...f.params, files: f.params.files.map(fileName), used: fileName(f.params.used) } };
  if (f.code === "UNIT_MISSING") return { ...f, params: { ...f.params, like: f.params.like.map((l) => ({ ...l, file: fileName(l.file) })) } };
  return f;
}

function resultSheet(result: AggregationResult, periodLabel: string, madeAt: string, lang: Lang): SheetPlan {
  const g = grid();
  g.text(1, 1, WARD_TEXT.resultTitle(result.ward, periodLabel), STYLES.formLabel);
  g.text(2, 1, WARD_TEXT.madeAt(madeAt), STYLES.meta);
  g.text(4, 1, WARD_TEXT.filesHeading, STYLES.formLabel);
  const widths = [30, 28, 12, 26, 14, 40, 50, 24];
  const heights: Record<number, number> = {};
  // File names, never the officer's folders; periods in words (issue 16).
  const files = result.files.map((f) => [
    fileName(f.file),
    f.unitName,
    f.periodId ? periodWords(f.periodId, "vi") : "",
    WARD_TEXT.status[f.status] ?? f.status,
    f.errors,
    f.warnings,
    f.usedInstead !== undefined ? fileName(f.usedInstead) : withoutFile(fileUseDetail(f, lang) ?? "", f.file),
  ]);
  const r = textTable(g, 5, WARD_TEXT.filesHeader, files, widths, heights) + 1;
  g.text(r, 1, WARD_TEXT.findingsHeading, STYLES.formLabel);
  const findings = result.findings.map((raw) => {
    const f = toFinding(withFileNames(raw), lang);
    return [
      WARD_TEXT.severity[f.severity],
      f.file !== undefined ? fileName(f.file) : "",
      f.form,
      f.row ?? "",
      f.cell ?? "",
      f.message,
      f.suggestion,
      f.units?.join(", ") ?? "",
    ];
  });
  const end = textTable(g, r + 1, WARD_TEXT.findingsHeader, findings, widths, heights);
  if (findings.length === 0) g.text(end, 1, WARD_TEXT.noFindings);
  return reportSheet(RESULT_SHEET, g, widths, 5, heights);
}

/**
 * The ward's workbook: the standard BM1–BM7 (same layout as a unit's, so it
 * validates and a city can aggregate wards the same way) with the combined
 * figures and live formulas, then the per-unit detail (with the earlier
 * report's figures when one was given), the aggregation's findings and who
 * has sent (Theo dõi tiếp nhận).
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
  const board = result.submissions.length > 0 ? [submissionsSheet(result, result.period ?? period)] : [];
  return { sheets: [...base.sheets, detailSheet(result, catalogue, period.label.vi), resultSheet(result, period.label.vi, when, lang), ...board, meta] };
}
