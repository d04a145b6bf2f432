import { LIMITS } from "../../../core/limits";
import { XlsxReadError } from "./errors";
import { CLOSE, END, OPEN, XmlScanner } from "./xml";

const ESCAPE = /_x([0-9A-F]{4})_/g;

/** SpreadsheetML's escapes for characters XML cannot carry: "_x000D_" is a carriage return. */
export function unescapeXstring(text: string): string {
  return text.indexOf("_x") >= 0 ? text.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
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
      text += unescapeXstring(x.text());
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
