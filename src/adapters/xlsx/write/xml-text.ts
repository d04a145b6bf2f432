/**
 * Text as SpreadsheetML carries it. XML 1.0 cannot hold most control
 * characters at all, so cell text escapes them the way Excel does ("_x0007_"),
 * and a literal "_x0041_" typed by someone is itself escaped so that it reads
 * back as typed. Text from users' files reaches these functions: whatever it
 * holds, the part stays well-formed.
 */

const MARKUP = /[&<>"\n\r\t]/g;
const MARKUP_ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;" };
const MARKUP_TEST = /[&<>"\n\r\t]/;

// Characters XML 1.0 forbids, and lone halves of surrogate pairs (not encodable as UTF-8).
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const NOT_XML_TEST = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;
const LOOKS_ESCAPED = /_(x[0-9A-Fa-f]{4}_)/g;

/** For attribute values and element text: the five markup characters and line breaks as entities; forbidden characters dropped. */
export function xmlEscape(text: string): string {
  const clean = NOT_XML_TEST.test(text) ? text.replace(NOT_XML, "") : text;
  return MARKUP_TEST.test(clean) ? clean.replace(MARKUP, (ch) => MARKUP_ENTITY[ch]) : clean;
}

const hex4 = (code: number) => code.toString(16).toUpperCase().padStart(4, "0");

/** A cell's text: as xmlEscape, but forbidden characters kept as Excel's "_xHHHH_" and line breaks kept as such. */
export function cellTextXml(text: string): string {
  let s = text.indexOf("_x") >= 0 ? text.replace(LOOKS_ESCAPED, "_x005F_$1") : text;
  if (NOT_XML_TEST.test(s)) s = s.replace(NOT_XML, (ch) => `_x${hex4(ch.charCodeAt(0))}_`);
  return /[&<>]/.test(s) ? s.replace(/[&<>]/g, (ch) => MARKUP_ENTITY[ch]) : s;
}

/** Whether a <t> element needs xml:space="preserve" to keep the text's own spacing. */
export function needsPreserve(text: string): boolean {
  return /^\s|\s$|[\n\t]/.test(text);
}

export const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
