import type { Catalogue } from "../forms/schema";
import { matchRows, prepareText, textScore, type RowToMatch } from "./indicator-match";
import type { LocatedForm, LocatedRow, PastedForm, PastedSegment, TableColumns, UnmatchedRow } from "./located";
import { cellAt, someCell, type CellSnapshot, type SheetSnapshot } from "./snapshot";
import { readNumber } from "./number";
import { foldText, normaliseStt } from "./text";

export type { PastedForm, PastedSegment, UnmatchedRow } from "./located";

/**
 * Forms pasted into one sheet, the way wards send Phụ lục 3: the appendix
 * typed in Word and pasted into Excel (or retyped by hand). Each form starts
 * with a title row ("Biểu mẫu 1", "Biểu mẫu 2 Cải cách thể chế", or only the
 * form's title), has its own header (one or two rows, columns anywhere), and
 * runs to the next title. Rows are found by STT where the STT is one of the
 * form's, else by their indicator text (see indicator-match.ts).
 */

/** Titles longer than this are prose, not a form's title line. */
const MAX_TITLE_CHARS = 200;
/** A form title alone on its line (no "Biểu mẫu N") must score this against the catalogue's title. */
const FORM_TITLE_MATCH = 0.85;
/** Rows after a "Biểu mẫu N" line that may carry the rest of its title. */
const TITLE_SPAN = 3;

// "BM3" alone is not a title: the ward's report sheets list form ids down a column.
const TITLE = /^(?:phu luc\s*\d+\s*[-–:.,]?\s*)?bieu mau\s*(?:so\s*)?(\d{1,2})(?![\d.,/])/;

/** Quick test before folding a cell's text: a title starts "Biểu mẫu" or "Phụ lục". */
const MAYBE_TITLE = /^\s*(?:b|p)/i;

/** The form number a title cell names ("Biểu mẫu 2 Cải cách thể chế" → 2), or undefined; anything but text names none. */
export function formNumberOfTitle(text: unknown): number | undefined {
  if (typeof text !== "string" || text.length > MAX_TITLE_CHARS || !MAYBE_TITLE.test(text)) return undefined;
  const m = TITLE.exec(foldText(text));
  return m ? Number(m[1]) : undefined;
}
/** A title line holds little else: more than this many cells on its row make it a table row. */
const MAX_TITLE_ROW_CELLS = 2;

type Grid = { text: (r: number, c: number) => string; cell: (r: number, c: number) => CellSnapshot | undefined; cols: (r: number) => number[] };

function grid(sheet: SheetSnapshot): Grid {
  const cell = (r: number, c: number) => cellAt(sheet, r, c);
  // A row's columns holding something, left to right (forEach skips the holes).
  const nonEmpty = (r: number) => {
    const cols: number[] = [];
    sheet.rows[r]?.forEach((cell, c) => {
      const v = cell.value;
      if (v !== null && v !== undefined && String(v).trim() !== "") cols.push(c);
    });
    return cols;
  };
  return {
    cell,
    text: (r, c) => {
      const v = cell(r, c)?.value;
      return v === null || v === undefined ? "" : String(v);
    },
    cols: nonEmpty,
  };
}

const isStt = (t: string) => ["stt", "so tt", "s tt", "tt"].includes(t);
const isIndicator = (t: string) => t.startsWith("chi tieu") || t.startsWith("ten chi tieu") || t.startsWith("noi dung");
const isUnit = (t: string) => t === "dvt" || t.startsWith("don vi tinh");
const isValue = (t: string) => t.startsWith("so lieu");
const isNote = (t: string) => t.startsWith("ghi chu");

interface Header {
  row: number;
  lastRow: number;
  columns: TableColumns;
  labels: string[];
}

/** A header row: "STT" and "Chỉ tiêu thống kê…", the unit and value headings on it or on the next row. */
function readHeader(g: Grid, r: number): Header | undefined {
  const folded = (rr: number) => g.cols(rr).map((c) => ({ c, t: foldText(g.text(rr, c)), raw: g.text(rr, c).trim() }));
  const first = folded(r);
  const stt = first.find((x) => isStt(x.t));
  const indicator = first.find((x) => isIndicator(x.t));
  if (!indicator) return undefined;
  const second = folded(r + 1);
  const both = [...first, ...second];
  const pick = (test: (t: string) => boolean, exact?: string) => both.find((x) => x.t === exact) ?? both.find((x) => test(x.t));
  const unit = pick(isUnit, "don vi tinh");
  const value = pick(isValue, "so lieu");
  const note = pick(isNote);
  // Without STT, a row is a header only when a unit or value heading confirms it.
  if (!stt && !unit && !value) return undefined;
  const lastRow = [unit, value].some((x) => x && second.includes(x)) ? r + 1 : r;
  const columns: TableColumns = {
    stt: stt?.c ?? indicator.c,
    indicator: indicator.c,
    unit: unit?.c ?? indicator.c + 1,
    value: value?.c ?? indicator.c + 2,
    ...(note ? { note: note.c } : {}),
  };
  const labels = [stt?.raw ?? "", indicator.raw, unit?.raw ?? "", value?.raw ?? "", note?.raw ?? ""];
  return { row: r, lastRow, columns, labels };
}

/** A row that only repeats headings ("Đơn vị tính | Số liệu", "Kết quả thống kê"): the second line of a repeated header. */
function onlyHeadings(g: Grid, r: number): boolean {
  const cols = g.cols(r);
  return (
    cols.length > 0 &&
    cols.every((c) => {
      const t = foldText(g.text(r, c));
      return isUnit(t) || isValue(t) || isNote(t) || isStt(t) || isIndicator(t) || t.startsWith("ket qua");
    })
  );
}

/**
 * Titles that start a form: "Biểu mẫu N" lines, or a form's own title alone
 * on a line with no "Biểu mẫu N" just above (only in a sheet that has at
 * least one "Biểu mẫu N": elsewhere a line of text is not taken for a title).
 */
function findTitles(g: Grid, sheet: SheetSnapshot, catalogue: Catalogue): PastedSegment[] {
  const titles: PastedSegment[] = [];
  const formTitles = catalogue.forms.map((f) => ({ form: f, text: prepareText(f.title) }));
  let lastNumbered = -Infinity;
  for (let r = 1; r <= sheet.maxRow; r++) {
    const cols = g.cols(r);
    if (cols.length > MAX_TITLE_ROW_CELLS) continue;
    for (const c of cols) {
      const raw = g.text(r, c);
      const n = formNumberOfTitle(raw);
      const form = n === undefined ? undefined : catalogue.forms.find((f) => f.number === n);
      if (form) {
        titles.push({ form, title: { row: r, col: c, text: raw.trim() } });
        lastNumbered = r;
        break;
      }
    }
    if (lastNumbered === r || r - lastNumbered <= TITLE_SPAN || cols.length !== 1) continue;
    const raw = g.text(r, cols[0]);
    if (raw.length > MAX_TITLE_CHARS || !/[a-zA-ZÀ-ỹ]/.test(raw)) continue;
    const prepared = prepareText(raw);
    const best = formTitles.map((t) => ({ form: t.form, score: textScore(prepared, t.text) })).sort((a, b) => b.score - a.score)[0];
    if (best && best.score >= FORM_TITLE_MATCH) titles.push({ form: best.form, title: { row: r, col: cols[0], text: raw.trim() } });
  }
  return titles;
}

/** The STT written at the start of an indicator ("2.1. Số nhiệm vụ…") when the STT column is empty. */
const LEADING_STT = /^(\d+(?:\.\d+)*)\.?\s+(\S[\s\S]*)$/;

/**
 * The forms of a sheet that is not named after a form: one segment per form
 * title, in sheet order. A segment without a header of its own (the table
 * went on from the previous page) reads its columns from the previous one;
 * one with no table at all is returned without `located` (reported), unless
 * no title of the sheet has a table (then the sheet holds no forms).
 */
export function locatePastedForms(sheet: SheetSnapshot, catalogue: Catalogue): PastedSegment[] {
  // Cheap test first: most other sheets (lists, notes) have no title at all.
  if (!someCell(sheet, (c) => formNumberOfTitle(c.value) !== undefined)) return [];
  const g = grid(sheet);
  const titles = findTitles(g, sheet, catalogue);
  let previous: Header | undefined;
  const segments = titles.map((segment, i) => {
    const end = i + 1 < titles.length ? titles[i + 1].title.row - 1 : sheet.maxRow;
    let header: Header | undefined;
    for (let r = segment.title.row; r <= end && !header; r++) header = readHeader(g, r);
    const columns = header ?? previous;
    if (!columns) return segment;
    previous = columns;
    const start = header ? header.lastRow + 1 : segment.title.row + 1;
    const located = readRows(g, sheet, segment, columns, start, end, header ? header.row : start);
    // Borrowed columns that place no row mean there is no table here, only a title.
    return header || located.rows.length > 0 ? { ...segment, located } : segment;
  });
  // A sheet where no title is followed by a table is not a pasted appendix (a note that mentions "Biểu mẫu 3").
  return segments.some((s) => s.located) ? segments : [];
}

function readRows(g: Grid, sheet: SheetSnapshot, segment: PastedSegment, header: Header, start: number, end: number, headerFirstRow: number): LocatedForm {
  const { form } = segment;
  const { columns } = header;
  const repeatedHeaders: number[] = [];
  const candidates: (RowToMatch & { sttCell?: CellSnapshot })[] = [];
  const skip = new Set<number>();
  for (let r = start; r <= end; r++) {
    if (skip.has(r)) continue;
    const cols = g.cols(r);
    if (cols.length === 0) continue;
    const again = readHeader(g, r);
    if (again) {
      repeatedHeaders.push(r);
      if (again.lastRow > r) {
        repeatedHeaders.push(again.lastRow);
        skip.add(again.lastRow);
      }
      continue;
    }
    if (onlyHeadings(g, r)) {
      repeatedHeaders.push(r);
      continue;
    }
    const ownStt = columns.indicator !== columns.stt;
    const sttCell = ownStt ? g.cell(r, columns.stt) : undefined;
    let text = g.text(r, columns.indicator).trim();
    let written = ownStt ? normaliseStt(sttCell?.value) : undefined;
    if (!written && !(ownStt && g.text(r, columns.stt).trim())) {
      const m = LEADING_STT.exec(text);
      if (m && form.rows.some((x) => x.stt === m[1])) {
        written = m[1];
        text = m[2].trim();
      }
    }
    const value = g.cell(r, columns.value);
    const unit = g.cell(r, columns.unit);
    const has = (c: CellSnapshot | undefined) => !!c && ((c.value !== null && String(c.value).trim() !== "") || !!c.formula || !!c.error);
    // Prose pasted into the first column (a footnote, the next paragraph) is not a table row.
    if (!/[a-zA-ZÀ-ỹ]/.test(text) && !has(value) && !(written && has(unit))) continue;
    candidates.push({ row: r, text, ...(written ? { stt: written } : {}), sttCell });
  }

  const matches = matchRows(form, candidates);
  const rows: LocatedRow[] = [];
  const unmatched: UnmatchedRow[] = [];
  const at = (r: number, c: number | undefined) => (c ? g.cell(r, c) : undefined);
  matches.forEach((m, i) => {
    const cand = candidates[i];
    const cells = { indicator: at(m.row, columns.indicator), unit: at(m.row, columns.unit), value: at(m.row, columns.value), note: at(m.row, columns.note) };
    if (m.by === "stt" || m.by === "text") {
      rows.push({
        stt: m.stt,
        row: m.row,
        rawStt: cand.sttCell ?? { value: null },
        ...cells,
        ...(m.by === "text"
          ? { match: { by: "text" as const, score: m.score, ...((m.writtenStt ?? cand.stt) ? { writtenStt: m.writtenStt ?? cand.stt } : {}) } }
          : {}),
      });
      return;
    }
    const v = cells.value;
    const reading = v && !v.formula && !v.error ? readNumber(v.value) : undefined;
    const hasFigure =
      !!v &&
      (!!v.formula ||
        !!v.error ||
        reading?.kind === "number" ||
        reading?.kind === "ambiguous" ||
        (typeof v.value === "string" && v.value.trim().startsWith("=")));
    // A line that fits nothing and carries no figure and no STT (a signature, a remark) loses nothing; it is left alone.
    if (m.by === "none" && !hasFigure && !cand.stt) return;
    unmatched.push({
      row: m.row,
      text: cand.text,
      ...(cand.stt ? { writtenStt: cand.stt } : {}),
      ...(cells.value ? { value: cells.value } : {}),
      ...(cells.unit ? { unit: cells.unit } : {}),
      reason: m.by,
      candidates: m.by === "ambiguous" ? m.candidates : m.best ? [m.best] : [],
    });
  });
  const pasted: PastedForm = { title: segment.title, headerFirstRow, lastRow: end, repeatedHeaders, unmatched };
  return { form, sheet, headerRow: header.lastRow, columns, headerLabels: header.labels, rows, layout: "pasted", pasted };
}
