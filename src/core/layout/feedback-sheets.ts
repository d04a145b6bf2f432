/**
 * Phiếu kiểm tra số liệu: the printable list of findings the ward sends back
 * to a unit, one sheet per unit (or per checked file), each finding with its
 * form, row and indicator, cell, what is wrong, the figures and how to fix it.
 */
import type { UnitFeedback } from "../cycle/feedback";
import { vietnamDateTime } from "../cycle/submissions";
import { CATALOGUE } from "../forms/catalogue";
import type { Catalogue } from "../forms/schema";
import { messages, type Lang } from "../messages";
import { dateTimeWords } from "../messages/submissions";
import { toFinding } from "../messages/word";
import { parsePeriod } from "../periods/period";
import type { RawFinding } from "../validate/finding";
import type { SheetPlan, WorkbookPlan } from "./plan";
import { grid, reportSheet, textTable, wrappedHeight } from "./report-sheet";
import { STYLES } from "./styles";
import { FEEDBACK_TEXT } from "./report-texts";
import { asciiName } from "./file-names";

/** Excel's longest sheet name. */
const SHEET_NAME_MAX = 31;
const WIDTHS = [5, 8, 32, 12, 9, 42, 16, 36];
const HEADER_ROW = 8;

/** A sheet name Excel accepts: none of []:*?/\, no quote at either end, at most 31 characters, unique in the workbook (case aside). */
export function uniqueSheetName(wanted: string, taken: Set<string>): string {
  const clean =
    wanted
      .replace(/[[\]:*?/\\\u0000-\u001f]/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .replace(/^'+|'+$/g, "") || "Phieu";
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : ` (${n})`;
    const name = `${clean.slice(0, SHEET_NAME_MAX - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

/** "Phòng Kinh tế", "2026-H1" → "Phieu-kiem-tra-Phong-Kinh-te-2026-H1.xlsx": a name every e-mail and file system keeps. */
export function feedbackFileName(unit: string, periodId: string): string {
  const parts = ["Phieu-kiem-tra", asciiName(unit).slice(0, 80) || "don-vi", asciiName(periodId)].filter(Boolean);
  return `${parts.join("-")}.xlsx`;
}

/** "2.1 – Số văn bản …": the row's STT and the catalogue's indicator. */
function rowText(catalogue: Catalogue, form: string, stt: string | null): string {
  if (!stt) return "";
  const indicator = catalogue.forms.find((f) => f.id === form)?.rows.find((r) => r.stt === stt)?.indicator;
  return indicator ? `${stt} – ${indicator}` : stt;
}

/** A finding on the ward's figures (no file of its own, units named): its cell is in the ward's workbook, not the unit's. */
const onWardFigures = (f: RawFinding) => f.file === undefined && f.units !== undefined;

function feedbackSheet(entry: UnitFeedback, name: string, checkedAt: string, lang: Lang, catalogue: Catalogue): SheetPlan {
  const t = FEEDBACK_TEXT[lang];
  const g = grid();
  const period = parsePeriod(entry.periodId);
  const lines = [
    t.unit(entry.unit),
    t.period(period.ok ? period.value.label[lang] : entry.periodId),
    t.file(entry.file, entry.modified && dateTimeWords(entry.modified, lang)),
    t.checkedAt(checkedAt),
    t.count(entry.findings.length),
  ];
  g.text(1, 1, t.heading, STYLES.title);
  lines.forEach((line, i) => g.text(i + 2, 1, line, { hAlign: "left" }));
  const merges = [1, 2, 3, 4, 5, 6].map((row) => ({ row, col: 1, lastRow: row, lastCol: WIDTHS.length }));
  const heights: Record<number, number> = { 1: 2 * 15 + 6 };
  const severity = messages(lang).severity;
  const rows = entry.findings.map((raw, i) => {
    const f = toFinding(raw, lang);
    const figures = f.expected !== null || f.actual !== null ? `${f.expected ?? ""} / ${f.actual ?? ""}` : "";
    return [
      String(i + 1),
      f.form,
      rowText(catalogue, f.form, f.row),
      onWardFigures(raw) ? t.wardCell : (f.cell ?? ""),
      severity[f.severity],
      f.message,
      figures,
      f.suggestion,
    ];
  });
  const end = textTable(g, HEADER_ROW, t.header, rows, WIDTHS, heights);
  if (rows.length === 0) g.text(end, 1, t.none, STYLES.plain);
  const fileLine = wrappedHeight([{ text: lines[2], width: WIDTHS.reduce((a, b) => a + b, 0) }]);
  if (fileLine) heights[4] = fileLine;
  return reportSheet(name, g, WIDTHS, HEADER_ROW, heights, { orientation: "portrait", merges });
}

/** The sheet an entry gets: its unit's code, else its name (and a number when two entries share it). */
const sheetNameOf = (entry: UnitFeedback) => entry.code ?? entry.unit;

/**
 * One printable sheet per entry (a unit of the aggregation, a file checked):
 * A4 portrait, the table's header repeated on every page, every text written
 * as text (a file name or a quoted cell is never a formula).
 */
export function buildFeedbackPlan(feedback: readonly UnitFeedback[], options: { createdAt: string; lang?: Lang; catalogue?: Catalogue }): WorkbookPlan {
  const lang = options.lang ?? "vi";
  const catalogue = options.catalogue ?? CATALOGUE;
  const at = Date.parse(options.createdAt);
  const checkedAt = dateTimeWords(Number.isNaN(at) ? options.createdAt : vietnamDateTime(at), lang);
  const taken = new Set<string>();
  return { sheets: feedback.map((entry) => feedbackSheet(entry, uniqueSheetName(sheetNameOf(entry), taken), checkedAt, lang, catalogue)) };
}
