import { esc, text, utf8, type Parts } from "./parts";
import type { Rng } from "./prng";

/**
 * Mutations of the XML inside the zip: what a broken tool, a hand edit or a
 * hostile sender leaves in sheet XML, the shared strings, the styles, the
 * workbook and its relationships. Elements deleted, duplicated, swapped or
 * nested absurdly deep; attributes (r, t, s, ref, si, name, Target…) given
 * empty, huge or impossible values; closing tags, quotes and brackets taken
 * out; entities, DOCTYPEs, CDATA, comments and garbage put in.
 */

const TAG = /<([A-Za-z_][\w.:-]*)(?=[\s/>])/g;
const ATTR = /\s([A-Za-z_][\w.:-]*)="([^"]*)"/g;

/** Start offsets of every start tag, with its name. */
function startTags(xml: string): { at: number; name: string }[] {
  const out: { at: number; name: string }[] = [];
  for (const m of xml.matchAll(TAG)) out.push({ at: m.index!, name: m[1] });
  return out;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** [start, end) of the element whose start tag begins at `start` (to the end of the text when it never closes). */
export function elementSpan(xml: string, start: number, name: string): [number, number] {
  const tagEnd = xml.indexOf(">", start);
  if (tagEnd < 0) return [start, xml.length];
  if (xml[tagEnd - 1] === "/") return [start, tagEnd + 1];
  const re = new RegExp(`<(/?)${escapeRe(name)}(?=[\\s/>])[^>]*?(/?)>`, "g");
  re.lastIndex = tagEnd + 1;
  let depth = 1;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[1]) {
      if (--depth === 0) return [start, re.lastIndex];
    } else if (!m[2]) depth++;
  }
  return [start, xml.length];
}

/** A start tag, more often one of the elements the reader cares about. */
function pickElement(rng: Rng, xml: string, names: readonly string[]): { at: number; name: string } | undefined {
  const tags = startTags(xml);
  if (tags.length === 0) return undefined;
  const local = (n: string) => n.slice(n.indexOf(":") + 1);
  const interesting = tags.filter((t) => names.includes(local(t.name)));
  return rng.chance(0.7) && interesting.length > 0 ? rng.pick(interesting) : rng.pick(tags);
}

/** Elements worth aiming at, by part. */
const INTERESTING = [
  "c",
  "row",
  "v",
  "f",
  "is",
  "t",
  "r",
  "si",
  "sheet",
  "sheets",
  "sheetData",
  "mergeCell",
  "mergeCells",
  "xf",
  "cellXfs",
  "numFmt",
  "numFmts",
  "protection",
  "Relationship",
  "workbookPr",
  "dimension",
  "rPh",
];

const WEIRD_REFS = [
  "",
  "A0",
  "0",
  "A",
  "1",
  "a1",
  "d9",
  "$D$9",
  "D 9",
  " D9",
  "D9 ",
  "XFD1048576",
  "XFE1",
  "AAAAAAAA1",
  "A99999999999",
  "D-1",
  "D9:D10",
  "D1e3",
  "D09",
  "D0009",
  "Ｄ９",
  "D9\u0000",
  "B3",
  "AX5000",
  "AY5001",
  "E5001",
  "ZZ1",
  "A4294967297",
  "D+9",
  "R1C1",
  "D9.5",
  "1D",
  "DD",
];
const ROW_NUMBERS = ["", "0", "-1", "1.5", "5000", "5001", "99999999999", "1e3", "NaN", "abc", "2147483648", "4294967297", "08", " 9", "9 ", "+9", "0x10"];
const TYPES = ["", "s", "str", "inlineStr", "b", "e", "n", "d", "x", "S", "Str", "shared", "array", "dataTable", "normal", "inlinestr", "__proto__"];
const STYLE_INDEXES = ["", "-1", "999999", "1.5", "abc", "4294967296", "0", "1e3", "__proto__", "constructor", "NaN"];
const RANGES = [
  "",
  "A1",
  "A1:XFD1048576",
  "D9:A1",
  "A1:A1",
  "XFD1048576:XFD1048576",
  "A:A",
  "1:1",
  "#REF!",
  "A1:B2:C3",
  "A1:E5000",
  "A1:AX5000",
  "B2:ZZ9999",
  "A0:B0",
  "D9:D",
  ":",
  "A1:A1048577",
  "a1:b2",
];
const SHEET_NAMES = [
  "",
  "BM1",
  "BM3",
  "BM7",
  "Biểu mẫu 3",
  "bieu mau 2",
  "BIỂU MẪU 5",
  "_CCHC",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "x".repeat(300),
  "BM1'",
  "Sheet1",
  "BM 1",
  "BM01",
  "BM8",
  "BM1\u0000",
  "Chi tiết theo đơn vị",
  "Kết quả tổng hợp",
];
const TARGETS = [
  "",
  "/xl/worksheets/sheet1.xml",
  "worksheets/sheet1.xml",
  "worksheets/sheet2.xml",
  "../../../etc/passwd",
  "workbook.xml",
  "sharedStrings.xml",
  "styles.xml",
  "worksheets/sheet99.xml",
  "http://example.com/x.xml",
  "worksheets/../worksheets/sheet3.xml",
  "%2e%2e/x",
  "C:\\x.xml",
  "/",
  ".",
  "..",
  "worksheets\\sheet1.xml",
  "theme/theme1.xml",
  "WORKSHEETS/SHEET1.XML",
  "_rels/workbook.xml.rels",
];
const REL_TYPES = [
  "",
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet",
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  "worksheet",
  "/worksheet",
];
const COUNTS = ["", "-1", "0", "99999999999", "1e9", "NaN", "1.5"];
const NUMFMT_IDS = ["", "14", "22", "9", "10", "49", "-1", "999999", "abc", "0", "164", "165", "4294967296"];
const FORMAT_CODES = [
  "",
  "0%",
  "0.0%",
  "dd/mm/yyyy",
  "[$-409]mmmm",
  '"',
  "@",
  "0.00E+00",
  "General",
  "GENERAL",
  "[Red]0",
  '"tháng" m',
  "#,##0",
  "[h]:mm",
  "yyyy-mm-dd",
];
const BOOLS = ["", "0", "1", "true", "false", "x", "TRUE", "2"];
const GENERIC = ["", "0", "-1", "1e308", "NaN", "__proto__", "constructor", "x".repeat(5000), "&amp;", "\u0000", "đ", "💥"];

/** A weird value for an attribute, chosen by its local name. */
function weirdValue(rng: Rng, name: string, element: string): string {
  const local = name.slice(name.indexOf(":") + 1);
  switch (local) {
    case "r":
      return rng.pick(element === "row" ? ROW_NUMBERS : WEIRD_REFS);
    case "t":
      return rng.pick(TYPES);
    case "s":
    case "xfId":
    case "fontId":
    case "fillId":
    case "borderId":
      return rng.pick(STYLE_INDEXES);
    case "ref":
    case "sqref":
    case "spans":
      return rng.pick(RANGES);
    case "si":
      return rng.pick(["", "0", "1", "-1", "999", "__proto__", "constructor", "1.5"]);
    case "name":
      return rng.pick(SHEET_NAMES);
    case "state":
      return rng.pick(["", "hidden", "veryHidden", "visible", "bogus", "VERYHIDDEN"]);
    case "id":
    case "Id":
      return rng.pick(["", "rId1", "rId2", "rId3", "rId4", "rId11", "rId999", "__proto__", "constructor", "rid4"]);
    case "sheetId":
      return rng.pick(["", "0", "-1", "1", "99999999999", "abc"]);
    case "Target":
      return rng.pick(TARGETS);
    case "Type":
      return rng.pick(REL_TYPES);
    case "TargetMode":
      return rng.pick(["External", "Internal", ""]);
    case "count":
    case "uniqueCount":
      return rng.pick(COUNTS);
    case "numFmtId":
      return rng.pick(NUMFMT_IDS);
    case "formatCode":
      return rng.pick(FORMAT_CODES);
    case "locked":
    case "hidden":
    case "applyProtection":
    case "date1904":
    case "applyNumberFormat":
      return rng.pick(BOOLS);
    default:
      return rng.pick(GENERIC);
  }
}

const DEEP_TAGS = ["x", "c", "row", "is", "r", "t", "si", "sheetData", "f", "v"];
const GARBAGE = [
  "<",
  ">",
  "&",
  "</",
  "<!",
  "<?",
  "]]>",
  '"',
  "'",
  "=",
  "<c",
  "<c r=",
  "<row>",
  "</row>",
  "</sheetData>",
  "</worksheet>",
  "<sheetData>",
  "\u0000",
  "\u0001\u0002\u0003",
  "\uFFFE",
  "\uFEFF",
  "\u202e",
  "💥",
  "Đơn vị báo cáo: Phòng Kinh tế",
  "<v>1</v>",
  "<t>x</t>",
  "<si><t>mới</t></si>",
  '<c r="D9" t="s"><v>999999</v></c>',
  '<c r="A1" t="inlineStr"><is><t>BM9</t></is></c>',
];
const ENTITIES = [
  "&amp;",
  "&lt;",
  "&#65;",
  "&#x41;",
  "&#0;",
  "&#x0;",
  "&#x110000;",
  "&#xD800;",
  "&#99999999999;",
  "&#;",
  "&#x;",
  "&bogus;",
  "&constructor;",
  "&__proto__;",
  "&toString;",
  "&",
  "&amp",
  "&#65",
  "&" + "a".repeat(20) + ";",
];
const DOCTYPES = [
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
  '<!DOCTYPE worksheet SYSTEM "http://example.com/evil.dtd">',
  '<!ENTITY x SYSTEM "file:///etc/passwd">',
  "<!DOCTYPE",
  "<!ELEMENT x ANY>",
];
const SPECIALS = [
  "<!-- chú thích -->",
  "<!-- unclosed",
  "<!---->",
  "<?pi data?>",
  "<?pi unclosed",
  "<![CDATA[1.234,5]]>",
  "<![CDATA[unclosed",
  "<![CDATA[]]>",
  '<![CDATA[<c r="D9"><v>1</v></c>]]>',
];
const HUGE_NUMBERS = [
  "1e400",
  "-1e400",
  "NaN",
  "Infinity",
  "-Infinity",
  "0x1F",
  "1,5",
  "  7  ",
  "",
  "9".repeat(400),
  "4.9e-324",
  "-0",
  "1e-400",
  "1.7976931348623157e308",
  "123abc",
  ".5",
  "5.",
  "+5",
  "1_000",
  "١٢٣",
  "1e",
  "e1",
  "--1",
];

/** A random position between two tags (just after a ">"), or anywhere. */
function somewhere(rng: Rng, xml: string): number {
  if (rng.chance(0.2)) return rng.int(xml.length + 1);
  for (let tries = 0; tries < 8; tries++) {
    const i = xml.indexOf(">", rng.int(xml.length));
    if (i >= 0) return i + 1;
  }
  return xml.length;
}

const insertAt = (xml: string, at: number, s: string) => xml.slice(0, at) + s + xml.slice(at);

/** One mutation of one XML part's text; returns the new text (or bytes, for invalid UTF-8) and what was done. */
export function mutateXmlText(rng: Rng, xml: string): { xml: string | Uint8Array; label: string } {
  const op = rng.weighted([
    ["delete-element", 5],
    ["duplicate-element", 4],
    ["swap-elements", 2],
    ["corrupt-attr", 9],
    ["remove-attr", 3],
    ["add-attr", 2],
    ["deep-nesting", 1],
    ["garbage", 3],
    ["remove-close", 3],
    ["remove-char", 3],
    ["entity", 3],
    ["doctype", 1],
    ["special", 2],
    ["truncate", 2],
    ["replace-part", 1],
    ["number", 3],
    ["rename-element", 2],
    ["prefix", 1],
    ["bad-utf8", 1],
    ["whitespace", 1],
    ["volume", 1],
  ] as const);
  switch (op) {
    case "delete-element":
    case "duplicate-element": {
      const el = pickElement(rng, xml, INTERESTING);
      if (!el) return { xml, label: `${op} (no element)` };
      const [a, b] = elementSpan(xml, el.at, el.name);
      if (op === "delete-element") return { xml: xml.slice(0, a) + xml.slice(b), label: `delete <${el.name}> at ${a}` };
      const times = rng.chance(0.1) ? rng.range(2, 200) : 1;
      return { xml: xml.slice(0, b) + xml.slice(a, b).repeat(times) + xml.slice(b), label: `duplicate <${el.name}> at ${a} ×${times}` };
    }
    case "swap-elements": {
      const el = pickElement(rng, xml, ["row", "c", "si", "sheet", "xf", "Relationship", "mergeCell"]);
      if (!el) return { xml, label: "swap (no element)" };
      const same = startTags(xml).filter((t) => t.name === el.name && t.at !== el.at);
      if (same.length === 0) return { xml, label: `swap <${el.name}> (alone)` };
      const other = rng.pick(same);
      let [a1, b1] = elementSpan(xml, el.at, el.name);
      let [a2, b2] = elementSpan(xml, other.at, other.name);
      if (a2 < a1) [a1, b1, a2, b2] = [a2, b2, a1, b1];
      if (b1 > a2) return { xml, label: `swap <${el.name}> (nested)` };
      return {
        xml: xml.slice(0, a1) + xml.slice(a2, b2) + xml.slice(b1, a2) + xml.slice(a1, b1) + xml.slice(b2),
        label: `swap <${el.name}> at ${a1} and ${a2}`,
      };
    }
    case "corrupt-attr":
    case "remove-attr": {
      const el = pickElement(rng, xml, INTERESTING);
      if (!el) return { xml, label: `${op} (no element)` };
      const tagEnd = xml.indexOf(">", el.at);
      const tag = xml.slice(el.at, tagEnd < 0 ? xml.length : tagEnd);
      const attrs = [...tag.matchAll(ATTR)];
      if (attrs.length === 0) return { xml, label: `${op} <${el.name}> (no attribute)` };
      const m = rng.pick(attrs);
      const start = el.at + m.index!;
      const end = start + m[0].length;
      if (op === "remove-attr") return { xml: xml.slice(0, start) + xml.slice(end), label: `remove ${m[1]} of <${el.name}> at ${el.at}` };
      const value = weirdValue(rng, m[1], el.name.slice(el.name.indexOf(":") + 1));
      const raw = rng.chance(0.15);
      return {
        xml: `${xml.slice(0, start)} ${m[1]}="${raw ? value : esc(value)}"${xml.slice(end)}`,
        label: `${m[1]} of <${el.name}> at ${el.at}: ${JSON.stringify(m[2].slice(0, 40))} → ${JSON.stringify(value.slice(0, 40))}${raw ? " (unescaped)" : ""}`,
      };
    }
    case "add-attr": {
      const el = pickElement(rng, xml, INTERESTING);
      if (!el) return { xml, label: "add-attr (no element)" };
      const name = rng.pick(["t", "s", "r", "ref", "si", "state", "x:r", "xmlns:x", "r:id", "TargetMode", "xml:space", "a b", "="]);
      const value = weirdValue(rng, name, el.name);
      const at = el.at + 1 + el.name.length;
      return { xml: insertAt(xml, at, ` ${name}="${esc(value)}"`), label: `add ${name}=${JSON.stringify(value.slice(0, 40))} to <${el.name}> at ${el.at}` };
    }
    case "deep-nesting": {
      const name = rng.pick(DEEP_TAGS);
      const depth = rng.pick([100, 1000, 10_000, 50_000]);
      const closed = rng.chance(0.7);
      const at = somewhere(rng, xml);
      return {
        xml: insertAt(xml, at, `<${name}>`.repeat(depth) + (closed ? `</${name}>`.repeat(depth) : "")),
        label: `nest <${name}> ${depth} deep at ${at}${closed ? "" : ", never closed"}`,
      };
    }
    case "garbage": {
      const at = somewhere(rng, xml);
      const g = rng.chance(0.2) ? Array.from({ length: rng.range(1, 40) }, () => String.fromCharCode(rng.int(0x80))).join("") : rng.pick(GARBAGE);
      return { xml: insertAt(xml, at, g), label: `insert ${JSON.stringify(g.slice(0, 40))} at ${at}` };
    }
    case "remove-close": {
      const closes = [...xml.matchAll(/<\/[^>]*>/g)];
      if (closes.length === 0) return { xml, label: "remove-close (none)" };
      const m = rng.pick(closes);
      return { xml: xml.slice(0, m.index!) + xml.slice(m.index! + m[0].length), label: `remove ${m[0]} at ${m.index}` };
    }
    case "remove-char": {
      const ch = rng.pick(["<", ">", '"', "/", "=", ":"]);
      const positions: number[] = [];
      for (let i = xml.indexOf(ch); i >= 0 && positions.length < 5000; i = xml.indexOf(ch, i + 1)) positions.push(i);
      if (positions.length === 0) return { xml, label: `remove ${ch} (none)` };
      const i = rng.pick(positions);
      return { xml: xml.slice(0, i) + xml.slice(i + 1), label: `remove ${JSON.stringify(ch)} at ${i}` };
    }
    case "entity": {
      const e = rng.pick(ENTITIES);
      // Inside a text node or an attribute value, where the reader decodes.
      const spots = [...xml.matchAll(/>[^<]+</g)].map((m) => m.index! + 1 + rng.int(m[0].length - 1));
      const inAttr = [...xml.matchAll(/="[^"]*"/g)].map((m) => m.index! + 2);
      const all = rng.chance(0.6) ? spots : inAttr;
      const at = all.length > 0 ? rng.pick(all) : somewhere(rng, xml);
      return { xml: insertAt(xml, at, e), label: `insert ${e} at ${at}` };
    }
    case "doctype": {
      const d = rng.pick(DOCTYPES);
      const decl = xml.indexOf("?>");
      const at = rng.chance(0.7) && decl >= 0 ? decl + 2 : somewhere(rng, xml);
      return { xml: insertAt(xml, at, d), label: `insert ${JSON.stringify(d.slice(0, 30))} at ${at}` };
    }
    case "special": {
      const s = rng.pick(SPECIALS);
      const at = somewhere(rng, xml);
      return { xml: insertAt(xml, at, s), label: `insert ${JSON.stringify(s)} at ${at}` };
    }
    case "truncate": {
      const at = rng.int(xml.length + 1);
      return { xml: xml.slice(0, at), label: `cut the part at ${at} of ${xml.length}` };
    }
    case "replace-part": {
      const kind = rng.pick(["empty", "text", "bom", "utf16", "root-only", "html", "json"] as const);
      const replaced: Record<typeof kind, () => string | Uint8Array> = {
        empty: () => "",
        text: () => "Đây không phải XML",
        bom: () => `\uFEFF${xml}`,
        utf16: () => {
          // The same XML in UTF-16LE with its BOM, as some tools write it: still readable.
          const out = new Uint8Array(2 + xml.length * 2);
          out[0] = 0xff;
          out[1] = 0xfe;
          for (let i = 0; i < xml.length; i++) {
            out[2 + 2 * i] = xml.charCodeAt(i) & 0xff;
            out[3 + 2 * i] = xml.charCodeAt(i) >> 8;
          }
          return out;
        },
        "root-only": () => `<?xml version="1.0"?><root/>`,
        html: () => "<html><body><table><tr><td>1</td></tr></table></body></html>",
        json: () => '{"sheets": []}',
      };
      return { xml: replaced[kind](), label: `replace the part with ${kind}` };
    }
    case "number": {
      const vs = [...xml.matchAll(/<v>([^<]*)<\/v>/g)];
      if (vs.length === 0) return { xml, label: "number (no <v>)" };
      const m = rng.pick(vs);
      const n = rng.pick(HUGE_NUMBERS);
      return {
        xml: `${xml.slice(0, m.index!)}<v>${esc(n)}</v>${xml.slice(m.index! + m[0].length)}`,
        label: `<v>${m[1].slice(0, 20)}</v> at ${m.index} → ${JSON.stringify(n.slice(0, 40))}`,
      };
    }
    case "rename-element": {
      const el = pickElement(rng, xml, INTERESTING);
      if (!el) return { xml, label: "rename (no element)" };
      const to = rng.pick(["x", "C", "cell", "x:c", "v", "f", "is", "t", "row", "sheetData", "c"]);
      return { xml: xml.slice(0, el.at + 1) + to + xml.slice(el.at + 1 + el.name.length), label: `rename <${el.name}> at ${el.at} to <${to}>` };
    }
    case "prefix": {
      // Every element of the part given a namespace prefix, as some writers do ("x:c"): still the same part.
      return { xml: xml.replace(/<(\/?)(?![?!])([A-Za-z_][\w.-]*)(?=[\s/>])/g, "<$1x:$2"), label: "prefix every element with x:" };
    }
    case "bad-utf8": {
      const bytes = utf8(xml);
      const at = rng.int(bytes.length + 1);
      const bad = rng.pick([[0xff], [0xc3], [0xe0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf], [0x00]]);
      const out = new Uint8Array(bytes.length + bad.length);
      out.set(bytes.subarray(0, at), 0);
      out.set(bad, at);
      out.set(bytes.subarray(at), at + bad.length);
      return { xml: out, label: `insert invalid UTF-8 [${bad.map((b) => b.toString(16)).join(" ")}] at byte ${at}` };
    }
    case "volume": {
      // A sheet grown to many rows (its rows repeated, renumbered), a row past the row limit, or one wider than the column limit.
      const a = xml.indexOf("<sheetData>");
      const z = xml.indexOf("</sheetData>");
      if (a < 0 || z < a) return { xml, label: "volume (no sheetData)" };
      const rows = [...xml.slice(a, z).matchAll(/<row\b[\s\S]*?<\/row>/g)].map((m) => m[0]);
      if (rows.length === 0) return { xml, label: "volume (no rows)" };
      const how = rng.pick(["repeat", "past-limit", "wide"] as const);
      if (how === "repeat") {
        // Up to 1,500 rows: a pasted table of all the 5,000 the reader keeps takes ~2–3 s to match by text (measured apart), past the bound here.
        const target = rng.pick([300, 1000, 1500]);
        const out: string[] = [];
        for (let r = 1; r <= target; r++) {
          out.push(rows[(r - 1) % rows.length].replace(/(<row\b[^>]*\sr=")\d+"/, `$1${r}"`).replace(/(<c\b[^>]*\sr="[A-Z]+)\d+"/g, `$1${r}"`));
        }
        return { xml: xml.slice(0, a + 11) + out.join("") + xml.slice(z), label: `rows repeated to ${target}` };
      }
      if (how === "past-limit") {
        const r = rng.pick(["5000", "5001", "1048576", "99999999"]);
        const row = rows[rows.length - 1].replace(/(<row\b[^>]*\sr=")\d+"/, `$1${r}"`).replace(/(<c\b[^>]*\sr="[A-Z]+)\d+"/g, `$1${r}"`);
        return { xml: xml.slice(0, z) + row.repeat(rng.pick([1, 50])) + xml.slice(z), label: `row ${r} added at the end` };
      }
      const cols = rng.pick([51, 60, 16384]);
      const letters = (n: number) => {
        let out = "";
        for (; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
        return out;
      };
      const cells = Array.from(
        { length: Math.min(cols, 200) },
        (_, i) => `<c r="${letters(i + 1 + (cols > 200 ? cols - 200 : 0))}9" t="inlineStr"><is><t>${i}</t></is></c>`,
      ).join("");
      return { xml: xml.slice(0, z) + `<row r="4999">${cells}</row>` + xml.slice(z), label: `a row of cells out to column ${letters(cols)}` };
    }
    case "whitespace": {
      const ws = rng.pick([" ", "\n", "\r\n", "\t", "\r", " ".repeat(100_000)]);
      // Inside tags, between attributes, around "=": legal and not.
      const spots = [...xml.matchAll(/[\s=]/g)].map((m) => m.index!);
      const at = spots.length > 0 ? rng.pick(spots) : 0;
      return { xml: insertAt(xml, at, ws), label: `insert ${JSON.stringify(ws.slice(0, 4))}${ws.length > 4 ? `×${ws.length}` : ""} at ${at}` };
    }
  }
}

/** Which parts to aim at, and how often. */
function pickPart(rng: Rng, parts: Parts): string | undefined {
  const names = Object.keys(parts).filter((n) => !n.endsWith("/"));
  const by = (re: RegExp) => names.filter((n) => re.test(n));
  const group = rng.weighted([
    [by(/^xl\/worksheets\/[^/]+\.xml$/i), 50],
    [by(/sharedStrings\.xml$/i), 14],
    [by(/^xl\/workbook\.xml$/i), 10],
    [by(/workbook\.xml\.rels$/i), 6],
    [by(/styles\.xml$/i), 9],
    [by(/^_rels\/\.rels$/), 3],
    [by(/Content_Types/), 2],
    [names, 6],
  ] as const);
  return group.length > 0 ? rng.pick(group) : names.length > 0 ? rng.pick(names) : undefined;
}

/** 1–3 mutations of the XML of randomly chosen parts, in place; returns what was done. */
export function mutateXmlParts(rng: Rng, parts: Parts): string[] {
  const labels: string[] = [];
  const n = rng.weighted([
    [1, 6],
    [2, 3],
    [3, 1],
  ] as const);
  for (let i = 0; i < n; i++) {
    const name = pickPart(rng, parts);
    if (!name) break;
    if (rng.chance(0.03)) {
      delete parts[name];
      labels.push(`${name}: removed`);
      continue;
    }
    const { xml, label } = mutateXmlText(rng, text(parts[name]));
    parts[name] = typeof xml === "string" ? utf8(xml) : xml;
    labels.push(`${name}: ${label}`);
  }
  return labels;
}
