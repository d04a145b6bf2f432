import { LIMITS } from "../../../core/limits";
import { XlsxReadError } from "./errors";
import { CLOSE, END, OPEN, XmlScanner } from "./xml";

const ESCAPE = /_x([0-9A-F]{4})_/g;

/** SpreadsheetML's escapes for characters XML cannot carry: "_x000D_" is a carriage return. */
export function unescapeXstring(text: string): string {
  return text.indexOf("_x") >= 0 ? text.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** A text decoded before: its bytes (a copy) and its string, unescaped. */
interface KnownText {
  bytes: Uint8Array;
  text: string;
}

/** Texts longer than this are decoded each time: they are rarely repeated, and comparing them costs as much. */
const KNOWN_MAX_BYTES = 256;
/** At most this many texts are remembered; past it, the memory starts afresh. */
const KNOWN_MAX_ENTRIES = 8192;

/**
 * Texts of string items already decoded, by a hash of their bytes, kept from
 * workbook to workbook: unit workbooks made from one template share almost
 * all their strings (headings, indicators, units), so an aggregation decodes
 * each once instead of once per file, and the workbooks share the strings. A
 * hit is checked byte for byte, so the text is always the one decoding gives.
 */
let known = new Map<number, KnownText>();

/** The unescaped text of the plain UTF-8 text at b[start, end), from `known` or decoded by the scanner. */
function plainText(x: XmlScanner, start: number, end: number): string {
  const length = end - start;
  if (length === 0) return "";
  if (length > KNOWN_MAX_BYTES) return unescapeXstring(x.slice(start, end));
  const b = x.source;
  // FNV-1a over the bytes
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ b[i], 0x01000193);
  const hit = known.get(h);
  if (hit !== undefined && hit.bytes.length === length) {
    const kb = hit.bytes;
    let i = 0;
    while (i < length && kb[i] === b[start + i]) i++;
    if (i === length) return hit.text;
  }
  const text = unescapeXstring(x.slice(start, end));
  if (known.size >= KNOWN_MAX_ENTRIES) known = new Map();
  known.set(h, { bytes: b.slice(start, end), text });
  return text;
}

/**
 * The plain text of a string item whose start tag (<si> or <is>) was just
 * read: its <t>, or the <t> of its rich text runs joined; phonetic runs
 * (<rPh>, furigana) and run properties are left out.
 */
export function readStringItem(x: XmlScanner): string {
  if (x.empty) return "";
  let text = "";
  for (let depth = 1; ;) {
    const t = x.next();
    if (t === END) throw new XlsxReadError("xml", `${x.part}: unclosed string item`, x.part);
    if (t === CLOSE) {
      if (--depth === 0) return text;
    } else if (x.is("t")) {
      // Plain text (no markup, no entity, no \r) is looked up in place; anything else is decoded as it comes.
      text += x.textSpan() ? plainText(x, x.spanStart, x.spanEnd) : unescapeXstring(x.text());
    } else if (x.is("r") && !x.empty) {
      depth++;
    } else {
      x.skip();
    }
  }
}

/** Reads the shared string table, in order; throws "too-large" past LIMITS.maxSharedStrings. */
export function readSharedStrings(bytes: Uint8Array, part: string): string[] {
  const strings: string[] = [];
  const x = new XmlScanner(bytes, part);
  for (let t = x.next(); t !== END; t = x.next()) {
    if (t !== OPEN || !x.is("si")) continue;
    if (strings.length >= LIMITS.maxSharedStrings) throw new XlsxReadError("too-large", `${part}: more than ${LIMITS.maxSharedStrings} shared strings`, part);
    strings.push(readStringItem(x));
  }
  return strings;
}
