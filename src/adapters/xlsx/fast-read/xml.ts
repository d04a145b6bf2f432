import { XlsxReadError } from "./errors";

/*
 * A pull scanner for the few SpreadsheetML parts the reader needs. It knows
 * elements, attributes, text, CDATA, comments and processing instructions; it
 * decodes the five predefined entities and numeric character references, and
 * nothing else. A DOCTYPE (and with it any ENTITY declaration) is refused, so
 * an entity-expansion bomb is never expanded. Element and attribute names are
 * compared by their local part ("x:c" is "c"), which is what the parts mean.
 */

/** What `next()` found. */
export const END = 0;
export const OPEN = 1;
export const CLOSE = 2;

const LT = 60;
const GT = 62;
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const COLON = 58;
const AMP = 38;

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

const utf8 = new TextDecoder("utf-8");

/** The text of a part: UTF-8 (a BOM is dropped), or UTF-16 when it starts with a UTF-16 BOM. */
export function decodePart(bytes: Uint8Array): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return new TextDecoder(bytes[0] === 0xff ? "utf-16le" : "utf-16be").decode(bytes);
  }
  return utf8.decode(bytes);
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", apos: "'", quot: '"' };

/** Decodes the five XML entities and &#NNN; / &#xHH;, after the XML end-of-line rule; anything else is refused. */
export function decodeText(raw: string, part: string): string {
  if (raw.indexOf("\r") >= 0) raw = raw.replace(/\r\n?/g, "\n");
  let amp = raw.indexOf("&");
  if (amp < 0) return raw;
  let out = "";
  let from = 0;
  while (amp >= 0) {
    const semi = raw.indexOf(";", amp + 1);
    if (semi < 0 || semi - amp > 12) throw new XlsxReadError("xml", `${part}: bare "&" in text`);
    const name = raw.slice(amp + 1, semi);
    let ch: string | undefined;
    if (name.charCodeAt(0) === 35 /* # */) {
      const hex = name.charCodeAt(1) === 120 /* x */;
      const digits = name.slice(hex ? 2 : 1);
      const code = digits !== "" && (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits) ? parseInt(digits, hex ? 16 : 10) : NaN;
      if (!(code > 0 && code <= 0x10ffff)) throw new XlsxReadError("xml", `${part}: bad character reference &${name};`);
      ch = String.fromCodePoint(code);
    } else {
      ch = NAMED[name];
      if (ch === undefined) throw new XlsxReadError("xml", `${part}: unknown entity &${name};`);
    }
    out += raw.slice(from, amp) + ch;
    from = semi + 1;
    amp = raw.indexOf("&", from);
  }
  return out + raw.slice(from);
}

/** The local part of a qualified name. */
function localName(s: string, start: number, end: number): string {
  for (let i = end - 1; i >= start; i--) if (s.charCodeAt(i) === COLON) return s.slice(i + 1, end);
  return s.slice(start, end);
}

/**
 * Walks a part element by element. After `next()` returns OPEN, `name` is the
 * element's local name, `empty` says whether it closed itself, `attr()` reads
 * its attributes and `text()` its content; text between elements is skipped.
 */
export class XmlScanner {
  /** local name of the element just opened or closed */
  name = "";
  /** the element just opened has no content (<c/>) */
  empty = false;
  private pos = 0;
  private attrStart = 0;
  private attrEnd = 0;

  constructor(
    private readonly s: string,
    /** the part's name, for error details */
    readonly part: string,
  ) {}

  private fail(what: string): never {
    throw new XlsxReadError("xml", `${this.part}: ${what}`);
  }

  /** Skips a comment, processing instruction or CDATA at i; returns where it ends, or -1 if i is none of these. */
  private skipSpecial(i: number): number {
    const s = this.s;
    const c = s.charCodeAt(i + 1);
    if (c === QUESTION) {
      const j = s.indexOf("?>", i + 2);
      if (j < 0) this.fail("unclosed processing instruction");
      return j + 2;
    }
    if (c !== BANG) return -1;
    if (s.startsWith("<!--", i)) {
      const j = s.indexOf("-->", i + 4);
      if (j < 0) this.fail("unclosed comment");
      return j + 3;
    }
    if (s.startsWith("<![CDATA[", i)) {
      const j = s.indexOf("]]>", i + 9);
      if (j < 0) this.fail("unclosed CDATA");
      return j + 3;
    }
    // <!DOCTYPE …>, <!ENTITY …>, <!ELEMENT …>: the doors to entity expansion.
    throw new XlsxReadError("entity", `${this.part}: DOCTYPE or ENTITY declaration refused`);
  }

  /** Moves to the next element start or end tag; END at the end of the part. */
  next(): number {
    const s = this.s;
    const n = s.length;
    let i = this.pos;
    for (;;) {
      i = s.indexOf("<", i);
      if (i < 0) {
        this.pos = n;
        return END;
      }
      const c = s.charCodeAt(i + 1);
      if (c === SLASH) {
        const j = s.indexOf(">", i + 2);
        if (j < 0) this.fail("unclosed end tag");
        let e = j;
        while (e > i + 2 && isSpace(s.charCodeAt(e - 1))) e--;
        this.name = localName(s, i + 2, e);
        this.pos = j + 1;
        return CLOSE;
      }
      if (c === QUESTION || c === BANG) {
        i = this.skipSpecial(i);
        continue;
      }
      let k = i + 1;
      while (k < n) {
        const d = s.charCodeAt(k);
        if (isSpace(d) || d === GT || d === SLASH) break;
        k++;
      }
      if (k === i + 1) this.fail("bad start tag");
      this.name = localName(s, i + 1, k);
      this.attrStart = k;
      // Find the tag's ">", stepping over quoted attribute values (they may hold ">").
      while (k < n) {
        const d = s.charCodeAt(k);
        if (d === GT) break;
        if (d === 34 || d === 39) {
          const q = s.indexOf(d === 34 ? '"' : "'", k + 1);
          if (q < 0) this.fail("unclosed attribute value");
          k = q + 1;
        } else if (d === LT) {
          this.fail("'<' inside a tag");
        } else {
          k++;
        }
      }
      if (k >= n) this.fail("unclosed start tag");
      this.empty = s.charCodeAt(k - 1) === SLASH;
      this.attrEnd = this.empty ? k - 1 : k;
      this.pos = k + 1;
      return OPEN;
    }
  }

  /** Whether the element just opened or closed has this local name (a call, so that narrowing on `name` does not outlive `next()`). */
  is(name: string): boolean {
    return this.name === name;
  }

  /** The decoded value of the current element's attribute with this local name ("id" finds r:id), or undefined. */
  attr(name: string): string | undefined {
    const s = this.s;
    const end = this.attrEnd;
    let i = this.attrStart;
    for (;;) {
      while (i < end && isSpace(s.charCodeAt(i))) i++;
      if (i >= end) return undefined;
      const nameStart = i;
      let colon = -1;
      while (i < end) {
        const d = s.charCodeAt(i);
        if (d === 61 /* = */ || isSpace(d)) break;
        if (d === COLON) colon = i;
        i++;
      }
      const nameEnd = i;
      while (i < end && isSpace(s.charCodeAt(i))) i++;
      if (s.charCodeAt(i) !== 61) this.fail("attribute without a value");
      i++;
      while (i < end && isSpace(s.charCodeAt(i))) i++;
      const q = s.charCodeAt(i);
      if (q !== 34 && q !== 39) this.fail("unquoted attribute value");
      const close = s.indexOf(q === 34 ? '"' : "'", i + 1);
      if (close < 0 || close > end) this.fail("unclosed attribute value");
      const localStart = colon >= 0 ? colon + 1 : nameStart;
      const isNamespace = colon >= 0 ? s.startsWith("xmlns", nameStart) && colon === nameStart + 5 : false;
      if (!isNamespace && nameEnd - localStart === name.length && s.startsWith(name, localStart)) {
        const raw = s.slice(i + 1, close);
        return raw.indexOf("&") >= 0 || raw.indexOf("\r") >= 0 ? decodeText(raw, this.part) : raw;
      }
      i = close + 1;
    }
  }

  /**
   * The decoded text content of the element just opened (CDATA included,
   * child elements skipped), leaving the scanner after its end tag.
   */
  text(): string {
    if (this.empty) return "";
    const s = this.s;
    let out = "";
    let i = this.pos;
    for (;;) {
      const lt = s.indexOf("<", i);
      if (lt < 0) this.fail("unclosed element");
      if (lt > i) {
        const raw = s.slice(i, lt);
        out += raw.indexOf("&") >= 0 || raw.indexOf("\r") >= 0 ? decodeText(raw, this.part) : raw;
      }
      const c = s.charCodeAt(lt + 1);
      if (c === SLASH) {
        this.pos = lt;
        this.next();
        return out;
      }
      if (c === BANG && s.startsWith("<![CDATA[", lt)) {
        const j = this.skipSpecial(lt);
        out += s.slice(lt + 9, j - 3);
        i = j;
      } else if (c === BANG || c === QUESTION) {
        i = this.skipSpecial(lt);
      } else {
        this.pos = lt;
        this.next();
        this.skip();
        i = this.pos;
      }
    }
  }

  /** Skips the content of the element just opened, leaving the scanner after its end tag. */
  skip(): void {
    if (this.empty) return;
    let depth = 1;
    for (;;) {
      const t = this.next();
      if (t === END) this.fail("unclosed element");
      if (t === OPEN) {
        if (!this.empty) depth++;
      } else if (--depth === 0) {
        return;
      }
    }
  }

  /**
   * Jumps past the end tag `</name>` (any prefix) without looking at what is
   * in between; for skipping rows beyond the limits in linear, native time.
   * Returns false when there is no such end tag.
   */
  skipPast(name: string): boolean {
    const s = this.s;
    let i = this.pos;
    for (;;) {
      const at = s.indexOf(name, i);
      if (at < 0) return false;
      i = at + name.length;
      let b = at;
      // Walk back over a prefix ("x:") to the "</".
      if (s.charCodeAt(b - 1) === COLON) {
        b--;
        while (b > 0 && /[\w.-]/.test(s[b - 1])) b--;
      }
      if (s.charCodeAt(b - 1) !== SLASH || s.charCodeAt(b - 2) !== LT) continue;
      let e = i;
      while (isSpace(s.charCodeAt(e))) e++;
      if (s.charCodeAt(e) !== GT) continue;
      this.pos = e + 1;
      this.name = name;
      return true;
    }
  }
}
