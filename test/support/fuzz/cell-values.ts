import { esc, sheetParts, text, utf8, type Parts } from "./parts";
import type { Rng } from "./prng";

/**
 * Mutations of what the cells hold, through the XML so that they are exactly
 * what a file could carry: numbers typed as text in every notation ("1.234,5",
 * "42,809"), formulas and formula-looking text ("=HYPERLINK(…)"), names that
 * are JavaScript's ("__proto__"), NaN-ish and huge values, very long strings,
 * negatives, booleans, errors, dates, shared formulas without their master;
 * aimed mostly at the Số liệu column, sometimes at STT, Đơn vị tính or the
 * metadata sheet (unit, period, forms).
 */

/** A long text: around Excel's 32,767-character limit for a cell, or well past it. */
function long(rng: Rng): string {
  const unit = rng.pick(["x", "9", "Số liệu ", "1.", "đ", " "]);
  const length = rng.pick([1000, 32_767, 32_768, 100_000]);
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

const TEXTS = [
  "1.234,5",
  "42,809",
  "21.406",
  "9.275",
  "17.330,4",
  "1,234.5",
  "1,234,567",
  "12.5",
  "01",
  "007",
  " 7 ",
  "7\u00a0",
  "9 275",
  "9\u202f275",
  "12%",
  "50,0%",
  "100%",
  "-3",
  "−3",
  "+4",
  "1e5",
  "1E-3",
  "0x1A",
  "NaN",
  "Infinity",
  "-Infinity",
  "∞",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "valueOf",
  '=HYPERLINK("http://example.com/x","bấm vào đây")',
  "=1+1",
  "=cmd|' /C calc'!A0",
  "+SUM(A1:A3)",
  "@SUM(1)",
  "-2+3",
  "= b/a*100",
  "=a+b",
  "=a+b+c+d",
  "= 27/52*100",
  "a",
  "b",
  "",
  "   ",
  "\t",
  "\u0000",
  "\u0007",
  "\u202eabc",
  "💥",
  "Không",
  "Có",
  "true",
  "FALSE",
  "#DIV/0!",
  "#N/A",
  "null",
  "undefined",
  "[object Object]",
  "{}",
  "2.1",
  "2.1.",
  "1.",
  "I",
  "a)",
  "%",
  "Văn bản",
  "Hồ sơ",
  "Thủ tục",
  "Trực tuyến = 0 Phát phiếu = 1 Kết hợp = 2",
  "1".repeat(400),
  "9".repeat(309),
  "0," + "0".repeat(400) + "1",
  "1.000.000.000.000.000.000.000",
  "999.999.999.999.999,99",
  "１２３",
  "٣",
  "1/2",
  "3-4",
  "2026-06-01",
  "01/06/2026",
  "45000",
  "1 234,5",
  "1.234.5",
  "1,234,5",
  ",5",
  "5,",
  "1..2",
  "12,5%",
  "-0",
  "0,000",
  // Typed arithmetic nested past any sane depth ("= 27/52*100" is evaluated when a ratio cell holds text).
  "=" + "(".repeat(50_000) + "1" + ")".repeat(50_000),
  "= " + "-".repeat(100_000) + "1",
  "=" + "1+".repeat(50_000) + "1",
  "=" + "(".repeat(100),
];

const NUMBERS = [
  "-3",
  "-0",
  "0",
  "0.5",
  "3.5",
  "1e308",
  "1.7976931348623157e308",
  "5e-324",
  "9007199254740993",
  "0.30000000000000004",
  "100.0001",
  "120",
  "1e15",
  "-1e15",
  "1e400",
  "NaN",
  "Infinity",
  "0x10",
  " 12 ",
  "12abc",
  "",
  "1,5",
  "-1e308",
  "2",
  "1",
  "0.999999999",
  "1845",
  "1.845",
];
const BOOLEANS = ["0", "1", "true", "false", "2", "yes", "", "-1"];
const ERRORS = ["#DIV/0!", "#N/A", "#REF!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#GETTING_DATA", "garbage", ""];
const ISO_DATES = ["2026-06-01T00:00:00Z", "2026-06-01", "2026-13-45", "yesterday", "-271821-04-20", "+275760-09-13", "", "9999-12-31T23:59:59.999"];
const DATE_SERIALS = ["45000", "-1", "1e9", "2958466", "0", "60", "61", "1e308", "0.5"];
const FORMULAS = [
  'HYPERLINK("http://example.com","x")',
  "SUM(D10:D11)",
  "D11/D10*100",
  'IF(OR(D10="",D10=0,D11=""),"",D11/D10*100)',
  'IF(COUNT(D9,D10)=0,"",SUM(D9,D10))',
  "1/0",
  "A1",
  "__proto__",
  "",
  "SUM(",
  'INDIRECT("D"&ROW())',
  "D1+".repeat(5000) + "D1",
  "D9",
  "D10*100/D11",
  "'BM6'!D12",
  "[1]Sheet1!A1",
  "#REF!+1",
];

/** A cell of the sheet XML: where it is and what it says. */
interface CellSpan {
  start: number;
  end: number;
  ref: string | undefined;
  col: string;
  row: number;
  style: string | undefined;
}

function cellsOf(xml: string): CellSpan[] {
  const out: CellSpan[] = [];
  for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>[\s\S]*?<\/c>)/g)) {
    const attrs = m[1];
    const ref = /\sr="([^"]*)"/.exec(attrs)?.[1];
    const at = ref ? /^([A-Z]+)(\d+)$/.exec(ref) : null;
    out.push({ start: m.index!, end: m.index! + m[0].length, ref, col: at?.[1] ?? "", row: at ? Number(at[2]) : 0, style: /\ss="([^"]*)"/.exec(attrs)?.[1] });
  }
  return out;
}

/** What a mutated cell becomes. */
interface NewCell {
  /** the t attribute, if any */
  t?: string;
  /** the s attribute in place of the cell's own */
  s?: string;
  inner: string;
  label: string;
}

/** Adds a string to the shared string table; its index, or undefined when the workbook has none. */
function addSharedString(parts: Parts, value: string): number | undefined {
  const name = Object.keys(parts).find((n) => /sharedStrings\.xml$/i.test(n));
  if (!name) return undefined;
  const xml = text(parts[name]);
  const close = xml.lastIndexOf("</sst>");
  if (close < 0) return undefined;
  const index = (xml.match(/<si[\s>]/g) ?? []).length;
  parts[name] = utf8(`${xml.slice(0, close)}<si><t xml:space="preserve">${esc(value)}</t></si>${xml.slice(close)}`);
  return index;
}

/** Adds a cell format with this number format to the styles; its index, or undefined when the workbook has no cellXfs. */
function addStyle(parts: Parts, numFmtId: number): number | undefined {
  const name = Object.keys(parts).find((n) => /styles\.xml$/i.test(n));
  if (!name) return undefined;
  const xml = text(parts[name]);
  const close = xml.indexOf("</cellXfs>");
  const open = xml.indexOf("<cellXfs");
  if (close < 0 || open < 0) return undefined;
  const index = (xml.slice(open, close).match(/<xf[\s/>]/g) ?? []).length;
  const unlocked = '<protection locked="0"/>';
  parts[name] = utf8(
    `${xml.slice(0, close)}<xf numFmtId="${numFmtId}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyProtection="1">${unlocked}</xf>${xml.slice(close)}`,
  );
  return index;
}

function textCell(rng: Rng, parts: Parts, value: string): NewCell {
  const how = rng.weighted([
    ["shared", 4],
    ["inline", 3],
    ["str", 2],
    ["inline-rich", 1],
  ] as const);
  const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…(${value.length})` : value);
  if (how === "shared") {
    const i = addSharedString(parts, value);
    if (i !== undefined) return { t: "s", inner: `<v>${i}</v>`, label: `shared string ${shown}` };
  }
  if (how === "str") return { t: "str", inner: `<v>${esc(value)}</v>`, label: `str ${shown}` };
  if (how === "inline-rich" && value.length > 1) {
    const cut = rng.int(value.length);
    return {
      t: "inlineStr",
      inner: `<is><r><t>${esc(value.slice(0, cut))}</t></r><r><rPr><b/></rPr><t xml:space="preserve">${esc(value.slice(cut))}</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></is>`,
      label: `rich inline ${shown}`,
    };
  }
  return { t: "inlineStr", inner: `<is><t xml:space="preserve">${esc(value)}</t></is>`, label: `inline ${shown}` };
}

/** A new content for a cell. */
function newCell(rng: Rng, parts: Parts, metaValue: boolean): NewCell {
  const kind = rng.weighted([
    ["text", 10],
    ["number", 6],
    ["boolean", 1],
    ["error", 2],
    ["date", 1],
    ["formula", 3],
    ["shared-formula", 1],
    ["blank", 2],
    ["long", 1],
    ["style", 1],
    ["meta", metaValue ? 8 : 0],
  ] as const);
  switch (kind) {
    case "text":
      return textCell(rng, parts, rng.pick(TEXTS));
    case "long":
      return textCell(rng, parts, long(rng));
    case "number": {
      const n = rng.chance(0.7) ? rng.pick(NUMBERS) : String(rng.chance(0.5) ? rng.range(-100, 100_000) : rng.float() * 1000);
      return { inner: `<v>${esc(n)}</v>`, label: `number ${JSON.stringify(n)}`, t: rng.chance(0.15) ? "n" : undefined };
    }
    case "boolean": {
      const b = rng.pick(BOOLEANS);
      return { t: "b", inner: `<v>${b}</v>`, label: `boolean ${JSON.stringify(b)}` };
    }
    case "error": {
      const e = rng.pick(ERRORS);
      return { t: "e", inner: `<v>${esc(e)}</v>`, label: `error ${JSON.stringify(e)}` };
    }
    case "date": {
      if (rng.chance(0.5)) {
        const d = rng.pick(ISO_DATES);
        return { t: "d", inner: `<v>${esc(d)}</v>`, label: `ISO date ${JSON.stringify(d)}` };
      }
      const s = addStyle(parts, rng.pick([14, 22, 15]));
      const serial = rng.pick(DATE_SERIALS);
      return { s: s === undefined ? undefined : String(s), inner: `<v>${serial}</v>`, label: `date serial ${serial} (style ${s})` };
    }
    case "style": {
      // A number in a percentage or text format (a percent row typed as 95 % stores 0.95).
      const s = addStyle(parts, rng.pick([9, 10, 49, 3]));
      const v = rng.pick(["0.95", "95", "1.2", "-0.1", "0", "1e308"]);
      return { s: s === undefined ? undefined : String(s), inner: `<v>${v}</v>`, label: `number ${v} formatted by style ${s}` };
    }
    case "formula": {
      const f = rng.pick(FORMULAS);
      const cached = rng.weighted([
        ["none", 3],
        ["number", 3],
        ["text", 2],
        ["error", 2],
        ["boolean", 1],
        ["empty", 1],
      ] as const);
      const label = `formula ${JSON.stringify(f.slice(0, 40))} cached ${cached}`;
      const fx = `<f>${esc(f)}</f>`;
      switch (cached) {
        case "none":
          return { inner: fx, label };
        case "number":
          return { inner: `${fx}<v>${rng.pick(NUMBERS)}</v>`, label };
        case "text":
          return { t: "str", inner: `${fx}<v>${esc(rng.pick(TEXTS))}</v>`, label };
        case "error":
          return { t: "e", inner: `${fx}<v>${esc(rng.pick(ERRORS))}</v>`, label };
        case "boolean":
          return { t: "b", inner: `${fx}<v>1</v>`, label };
        case "empty":
          return { t: "str", inner: `${fx}<v></v>`, label };
      }
      break;
    }
    case "shared-formula": {
      const si = rng.pick(["0", "1", "7", "__proto__", "-1"]);
      if (rng.chance(0.5)) {
        const ref = rng.pick(["D9:D30", "D1:D1", "A1:E5000", "D30:D9", "", "XFD1048576"]);
        return { inner: `<f t="shared" ref="${ref}" si="${si}">${esc(rng.pick(FORMULAS))}</f><v>1</v>`, label: `shared formula master si=${si} ref=${ref}` };
      }
      return { inner: `<f t="shared" si="${si}"/><v>2</v>`, label: `shared formula child si=${si}` };
    }
    case "blank":
      return { inner: "", label: "blank" };
    case "meta": {
      const v = rng.pick([
        "__proto__",
        "constructor",
        "2026-H9",
        "2026-Q1",
        "2025-Y",
        "2026-H1",
        "",
        "BM1,BM1,BM99,__proto__",
        "BM1,,BM2",
        "bieu-mau-cchc",
        "Phòng Văn hóa - Xã hội",
        "Văn phòng HĐND và UBND",
        "Phòng VHXH",
        "TTPVHCC",
        "Phường Nhị Chiểu",
        "not a date",
        "9999-99-99T99:99:99Z",
        "2",
        "999",
      ]);
      return textCell(rng, parts, v);
    }
  }
  return { inner: "", label: "blank" };
}

/** How much a cell is worth aiming at: the Số liệu column most, then STT, unit and the metadata values. */
function weightOf(cell: CellSpan, meta: boolean): number {
  if (meta) return cell.col === "B" ? 5 : 1;
  if (cell.row < 8) return 0.3;
  return cell.col === "D" ? 6 : cell.col === "A" ? 1 : cell.col === "C" ? 1.5 : 1;
}

/** 1–8 cells of randomly chosen sheets given new values and types, in place; returns what was done. */
export function mutateCells(rng: Rng, parts: Parts): string[] {
  const sheets = sheetParts(parts);
  if (sheets.length === 0) return ["cells (no sheet found)"];
  const labels: string[] = [];
  const n = rng.weighted([
    [1, 4],
    [2, 3],
    [4, 2],
    [8, 1],
  ] as const);
  for (let i = 0; i < n; i++) {
    const sheet = rng.pick(sheets);
    const meta = sheet.name === "_CCHC";
    let xml = text(parts[sheet.part]);
    const cells = cellsOf(xml);
    if (cells.length === 0) continue;
    const op = rng.weighted([
      ["replace", 12],
      ["delete", 1],
      ["move", 1],
      ["copy-down", 1],
    ] as const);
    const cell = rng.weighted(cells.map((c) => [c, weightOf(c, meta)] as const));
    if (op === "delete") {
      xml = xml.slice(0, cell.start) + xml.slice(cell.end);
      labels.push(`${sheet.name}!${cell.ref}: cell removed`);
    } else if (op === "move") {
      // The value of one cell written into another (a row typed one line off).
      const other = rng.pick(cells);
      const inner = xml
        .slice(cell.start, cell.end)
        .replace(/^<c\b[^>]*?(\/>|>)/, "")
        .replace(/<\/c>$/, "");
      const t = /^<c\b[^>]*\st="([^"]*)"/.exec(xml.slice(cell.start, cell.end))?.[1];
      const replacement = `<c r="${other.ref ?? ""}"${other.style ? ` s="${other.style}"` : ""}${t ? ` t="${t}"` : ""}${inner ? `>${inner}</c>` : "/>"}`;
      xml = xml.slice(0, other.start) + replacement + xml.slice(other.end);
      labels.push(`${sheet.name}!${cell.ref} copied to ${other.ref}`);
    } else {
      const value = newCell(rng, parts, meta);
      const same = op === "copy-down" ? cells.filter((c) => c.col === cell.col && c.row >= cell.row) : [cell];
      // From the last, so that earlier offsets stay right.
      for (const c of [...same].reverse()) {
        const s = value.s ?? c.style;
        const open = `<c r="${c.ref ?? ""}"${s !== undefined ? ` s="${s}"` : ""}${value.t ? ` t="${value.t}"` : ""}`;
        xml = xml.slice(0, c.start) + (value.inner ? `${open}>${value.inner}</c>` : `${open}/>`) + xml.slice(c.end);
      }
      labels.push(`${sheet.name}!${cell.ref}${same.length > 1 ? ` and ${same.length - 1} below` : ""}: ${value.label}`);
    }
    parts[sheet.part] = utf8(xml);
  }
  return labels;
}
