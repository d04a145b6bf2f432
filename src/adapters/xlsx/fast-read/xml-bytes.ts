import { XlsxReadError } from "./errors";

/*
 * The byte-level pieces of the XML scanner (xml.ts): searching the part's
 * UTF-8 bytes, skipping what it does not read, and decoding text. See xml.ts
 * for why the scanner walks bytes rather than a decoded string.
 */

export const LT = 60;
export const GT = 62;
export const SLASH = 47;
export const BANG = 33;
export const QUESTION = 63;
export const COLON = 58;
export const EQUALS = 61;
export const QUOT = 34;
export const APOS = 39;

export const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/** A byte of a name prefix ("x14ac:"), as the pattern [\w.-] tests it. */
export const isPrefixByte = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 45;

/** For slices of a part: a BOM inside a part is a character (U+FEFF), only the part's leading one is dropped. */
export const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * The part as UTF-8 bytes to scan: its leading BOM dropped; a part in UTF-16
 * (by its BOM) decoded and encoded again as UTF-8, which keeps its text.
 */
export function utf8Part(bytes: Uint8Array): Uint8Array {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return new TextEncoder().encode(new TextDecoder(bytes[0] === 0xff ? "utf-16le" : "utf-16be").decode(bytes));
  }
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

/** The first index of byte c in b at or after `from`, or -1 (a loop: TypedArray#indexOf costs more for the short hops here). */
export function indexOfByte(b: Uint8Array, c: number, from: number): number {
  const n = b.length;
  for (let i = from; i < n; i++) if (b[i] === c) return i;
  return -1;
}

/** Whether the ASCII text is in b at `at`. */
export function startsWithAt(b: Uint8Array, at: number, text: string): boolean {
  if (at < 0 || at + text.length > b.length) return false;
  for (let i = 0; i < text.length; i++) if (b[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** The first index of the ASCII text in b at or after `from`, or -1. */
export function indexOfText(b: Uint8Array, text: string, from: number): number {
  const first = text.charCodeAt(0);
  for (let i = indexOfByte(b, first, from); i >= 0; i = indexOfByte(b, first, i + 1)) if (startsWithAt(b, i, text)) return i;
  return -1;
}

/** Whether b[start, end) reads as it is: no entity or character reference, no \r for the end-of-line rule. */
export function isPlain(b: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = b[i];
    if (c === 38 /* & */ || c === 13 /* \r */) return false;
  }
  return true;
}

/** The five predefined entities; a switch, so that "&constructor;" finds nothing inherited. */
export function namedEntity(name: string): string | undefined {
  switch (name) {
    case "lt":
      return "<";
    case "gt":
      return ">";
    case "amp":
      return "&";
    case "apos":
      return "'";
    case "quot":
      return '"';
    default:
      return undefined;
  }
}

/** Decodes the five XML entities and &#NNN; / &#xHH;, after the XML end-of-line rule; anything else is refused. */
export function decodeText(raw: string, part: string): string {
  if (raw.indexOf("\r") >= 0) raw = raw.replace(/\r\n?/g, "\n");
  let amp = raw.indexOf("&");
  if (amp < 0) return raw;
  let out = "";
  let from = 0;
  while (amp >= 0) {
    const semi = raw.indexOf(";", amp + 1);
    if (semi < 0 || semi - amp > 12) throw new XlsxReadError("xml", `${part}: bare "&" in text`, part);
    const name = raw.slice(amp + 1, semi);
    let ch: string | undefined;
    if (name.charCodeAt(0) === 35 /* # */) {
      const hex = name.charCodeAt(1) === 120; /* x */
      const digits = name.slice(hex ? 2 : 1);
      const code = digits !== "" && (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits) ? parseInt(digits, hex ? 16 : 10) : NaN;
      if (!(code > 0 && code <= 0x10ffff)) throw new XlsxReadError("xml", `${part}: bad character reference &${name};`, part);
      ch = String.fromCodePoint(code);
    } else {
      ch = namedEntity(name);
      if (ch === undefined) throw new XlsxReadError("xml", `${part}: unknown entity &${name};`, part);
    }
    out += raw.slice(from, amp) + ch;
    from = semi + 1;
    amp = raw.indexOf("&", from);
  }
  return out + raw.slice(from);
}

/** Fails the read of `part` as malformed XML. */
export function malformed(part: string, what: string): never {
  throw new XlsxReadError("xml", `${part}: ${what}`, part);
}

/** Skips a comment, processing instruction or CDATA at i; returns where it ends, or -1 if i is none of these. */
export function skipSpecial(b: Uint8Array, i: number, part: string): number {
  const c = b[i + 1];
  if (c === QUESTION) {
    const j = indexOfText(b, "?>", i + 2);
    if (j < 0) malformed(part, "unclosed processing instruction");
    return j + 2;
  }
  if (c !== BANG) return -1;
  if (startsWithAt(b, i, "<!--")) {
    const j = indexOfText(b, "-->", i + 4);
    if (j < 0) malformed(part, "unclosed comment");
    return j + 3;
  }
  if (startsWithAt(b, i, "<![CDATA[")) {
    const j = indexOfText(b, "]]>", i + 9);
    if (j < 0) malformed(part, "unclosed CDATA");
    return j + 3;
  }
  // <!DOCTYPE …>, <!ENTITY …>, <!ELEMENT …>: the doors to entity expansion.
  throw new XlsxReadError("entity", `${part}: DOCTYPE or ENTITY declaration refused`, part);
}

/**
 * From inside an element's content at i, the index of the "<" of its end tag:
 * only depth matters, so tags are walked without recording names or
 * attributes.
 */
export function endOfContent(b: Uint8Array, i: number, part: string): number {
  const n = b.length;
  let depth = 1;
  for (;;) {
    i = indexOfByte(b, LT, i);
    if (i < 0) malformed(part, "unclosed element");
    const c = b[i + 1];
    if (c === SLASH) {
      const j = indexOfByte(b, GT, i + 2);
      if (j < 0) malformed(part, "unclosed end tag");
      if (--depth === 0) return i;
      i = j + 1;
      continue;
    }
    if (c === QUESTION || c === BANG) {
      i = skipSpecial(b, i, part);
      continue;
    }
    let k = i + 1;
    let d = b[k];
    while (d !== GT && k < n) {
      if (d === QUOT || d === APOS) {
        k = indexOfByte(b, d, k + 1);
        if (k < 0) malformed(part, "unclosed attribute value");
      }
      d = b[++k];
    }
    if (k >= n) malformed(part, "unclosed start tag");
    if (b[k - 1] !== SLASH) depth++;
    i = k + 1;
  }
}
