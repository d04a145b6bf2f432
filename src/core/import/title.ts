import { FORM_TEXT } from "../layout/texts";
import { PERIOD_KINDS, isIsoDate, type PeriodKind } from "../periods/period";
import type { LocatedForm } from "../read/locate";
import { eachCell, type SheetSnapshot, type WorkbookSnapshot } from "../read/snapshot";
import { foldText } from "../read/text";

/**
 * Who reports and for which period, as the text around the tables says it:
 * "Đơn vị báo cáo: …", "(Kèm theo Báo cáo số … của Ủy ban nhân dân phường
 * Nhị Chiểu)", a letterhead "ỦY BAN NHÂN DÂN PHƯỜNG NHỊ CHIỂU"; "6 tháng đầu
 * năm 2026", "Quý I/2026", "Kỳ báo cáo: Năm 2026"; dates "ngày 09/6/2025".
 * Table cells (headers, indicators, figures) are never read for this: the
 * header "(Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)" names no period.
 */

/** A piece of text found on a sheet, with where it is. */
export interface TitleText<T> {
  value: T;
  /** the words as the sheet writes them */
  text: string;
  sheet: string;
  row: number;
  col: number;
}

/** What the text around a workbook's tables says about who reports and when. */
export interface TitleInfo {
  unit?: TitleText<string>;
  /** a period id such as "2026-H1" */
  period?: TitleText<string>;
  /** dates written on the sheet, as "YYYY-MM-DD", in sheet order */
  dates: TitleText<string>[];
}

/** Text folded like foldText, with the index in the original of each folded character, to cut the original words back out. */
function foldWithMap(s: string): { folded: string; map: number[] } {
  const src = s.normalize("NFC");
  let folded = "";
  const map: number[] = [];
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (/[\s\u00a0\u202f]/.test(ch)) {
      if (folded.length > 0 && !folded.endsWith(" ")) {
        folded += " ";
        map.push(i);
      }
      continue;
    }
    const f = ch
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d")
      .toLowerCase();
    for (const c of f) {
      folded += c;
      map.push(i);
    }
  }
  return { folded, map };
}

/** "… của Ủy ban nhân dân phường Nhị Chiểu)", "UBND phường Nhị Chiểu": the committee of a ward or commune, before its name. */
const COMMITTEE = /(?:uy ban nhan dan|ubnd) (?:phuong|xa|thi tran|dac khu)\b/;
/** The name after it: the words that start with a capital ("Nhị Chiểu", "NHỊ CHIỂU"), up to the first that does not. */
const NAME = /^\s+((?:\p{Lu}[^\s,;:()]*)(?:\s+\p{Lu}[^\s,;:()]*)*)/u;
const UNIT_LINE = new RegExp(`^${foldText(FORM_TEXT.unitLine("").replace(/:.*$/, ""))}\\s*:\\s*(.+)$`);

/** "ỦY BAN NHÂN DÂN PHƯỜNG NHỊ CHIỂU" → "Ủy ban nhân dân phường Nhị Chiểu": a letterhead in capitals written as a name. */
function fromCapitals(s: string): string {
  if (s !== s.toUpperCase()) return s;
  const words = s.toLowerCase().split(/\s+/);
  let afterLocality = false;
  return words
    .map((w, i) => {
      const folded = w
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/đ/g, "d");
      const out = i === 0 || afterLocality || folded === "ubnd" ? (folded === "ubnd" ? "UBND" : w.charAt(0).toUpperCase() + w.slice(1)) : w;
      if (/^(phuong|xa|tran)$/.test(folded)) afterLocality = true;
      return out;
    })
    .join(" ");
}

/** The unit a line names, or undefined. */
function unitOf(text: string): string | undefined {
  const { folded, map } = foldWithMap(text);
  const line = UNIT_LINE.exec(folded);
  if (line)
    return text
      .normalize("NFC")
      .slice(map[line.index + line[0].length - line[1].length])
      .trim();
  const m = COMMITTEE.exec(folded);
  if (!m) return undefined;
  const original = text.normalize("NFC");
  const start = map[m.index];
  const end = map[m.index + m[0].length - 1] + 1;
  const name = NAME.exec(original.slice(end));
  if (!name) return undefined;
  return fromCapitals(`${original.slice(start, end)} ${name[1]}`.replace(/\s+/g, " ").replace(/\.$/, ""));
}

const PERIODS: { kind: PeriodKind; re: RegExp }[] = [
  { kind: "H1", re: /\b(?:6|sau) thang(?: dau)?(?: nam)?\s*(?:\/|-)?\s*(\d{4})\b/ },
  { kind: "Q3", re: /\bquy (?:iii|3)\s*(?:nam|\/|-)?\s*(\d{4})\b/ },
  { kind: "Q1", re: /\bquy (?:i|1)\s*(?:nam|\/|-)?\s*(\d{4})\b/ },
  { kind: "Y", re: /\b(?:ky bao cao|bao cao)\b[^()]*?\bnam (\d{4})\b|^nam (\d{4})$/ },
];

/** The period a line names ("6 tháng đầu năm 2026" → "2026-H1"), or undefined. */
export function periodOfText(text: string): string | undefined {
  // A date's "tháng 6 năm 2026" names a day, not a period.
  const folded = foldWithMap(text).folded.replace(/ngay\s*\d{1,2}\s*(?:[/.-]\s*\d{1,2}\s*[/.-]|thang \d{1,2} nam)\s*\d{4}/g, " ");
  for (const { kind, re } of PERIODS) {
    // "Báo cáo quý II năm 2026" names a quarter the forms have no report for, not the year.
    if (kind === "Y" && /\b(?:quy|thang)\b/.test(folded)) continue;
    const m = re.exec(folded);
    if (m) return `${m[1] ?? m[2]}-${kind}`;
  }
  return undefined;
}

/** Dates a line gives: "ngày 09/6/2025", "ngày 09 tháng 6 năm 2026". */
function datesOf(text: string): { iso: string; text: string }[] {
  const { folded, map } = foldWithMap(text);
  const out: { iso: string; text: string }[] = [];
  const re = /ngay\s*(\d{1,2})\s*(?:[/.-]\s*(\d{1,2})\s*[/.-]|thang (\d{1,2}) nam)\s*(\d{4})/g;
  for (const m of folded.matchAll(re)) {
    const iso = `${m[4]}-${String(m[2] ?? m[3]).padStart(2, "0")}-${m[1].padStart(2, "0")}`;
    if (!isIsoDate(iso)) continue;
    const start = map[m.index! + m[0].indexOf(m[1])];
    const end = map[m.index! + m[0].length - 1] + 1;
    out.push({ iso, text: text.normalize("NFC").slice(start, end) });
  }
  return out;
}

/** Rows of a sheet that belong to a form table, from its header down (with its footnotes): never read as title text. */
function tableRows(forms: readonly LocatedForm[], sheet: SheetSnapshot): Set<number> {
  const rows = new Set<number>();
  for (const f of forms) {
    if (f.sheet !== sheet) continue;
    const first = f.pasted?.headerFirstRow ?? f.headerRow;
    for (let r = first; r <= (f.pasted?.lastRow ?? sheet.maxRow); r++) rows.add(r);
  }
  return rows;
}

/**
 * The unit, period and dates the text of the sheets holding these forms
 * gives, first found in sheet order (a sheet's title lines come before its
 * tables). Only text outside the tables is read.
 */
export function readTitle(book: WorkbookSnapshot, forms: readonly LocatedForm[]): TitleInfo {
  const info: TitleInfo = { dates: [] };
  const sheets = book.sheets.filter((s) => forms.some((f) => f.sheet === s));
  for (const sheet of sheets) {
    const skip = tableRows(forms, sheet);
    // Row by row, each row left to right: the order eachCell walks.
    eachCell(sheet, (cell, row, col) => {
      if (typeof cell.value !== "string" || skip.has(row)) return;
      const text = cell.value;
      if (text.length > 2000) return;
      const at = { sheet: sheet.name, row, col };
      if (!info.unit) {
        const unit = unitOf(text);
        if (unit) info.unit = { value: unit, text: unit, ...at };
      }
      if (!info.period) {
        const period = periodOfText(text);
        if (period && PERIOD_KINDS.includes(period.slice(5) as PeriodKind)) info.period = { value: period, text: text.trim().slice(0, 120), ...at };
      }
      for (const d of datesOf(text)) info.dates.push({ value: d.iso, text: d.text, ...at });
    });
  }
  return info;
}
