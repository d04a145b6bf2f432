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

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

const utf8 = new TextDecoder("utf-8");

/** The text of a part: UTF-8 (a BOM is dropped), or UTF-16 when it starts with a UTF-16 BOM. */
export function decodePart(bytes: Uint8Array): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return new TextDecoder(bytes[0] === 0xff ? "utf-16le" : "utf-16be").decode(bytes);
  }
  return utf8.decode(bytes);
}

/** The five predefined entities; a switch, so that "&constructor;" finds nothing inherited. */
function namedEntity(name: string): string | undefined {
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
      ch = namedEntity(name);
      if (ch === undefined) throw new XlsxReadError("xml", `${part}: unknown entity &${name};`);
    }
    out += raw.slice(from, amp) + ch;
    from = semi + 1;
    amp = raw.indexOf("&", from);
  }
  return out + raw.slice(from);
}

/**
 * Walks a part element by element. After `next()` returns OPEN, `is()` tests
 * the element's local name, `empty` says whether it closed itself, `attr()`
 * reads its attributes and `text()` its content; text between elements is
 * skipped. Names are compared in place, never cut out of the part.
 */
export class XmlScanner {
  /** the element just opened has no content (<c/>) */
  empty = false;
  private pos = 0;
  private nameStart = 0;
  private nameEnd = 0;
  /** where the current tag's attributes not read yet begin, and where they all end */
  private attrStart = 0;
  private attrEnd = 0;
  /** attributes of the current tag read so far: local name start, name end, value start, value end */
  private attrs = new Int32Array(64);
  private attrCount = 0;

  constructor(
    private readonly s: string,
    /** the part's name, for error details */
    readonly part: string,
  ) {}

  /** The local name of the element just opened or closed (allocates; prefer `is()`). */
  get name(): string {
    return this.s.slice(this.nameStart, this.nameEnd);
  }

  /** Whether the element just opened or closed has this local name. */
  is(name: string): boolean {
    const n = name.length;
    if (this.nameEnd - this.nameStart !== n) return false;
    const s = this.s;
    const at = this.nameStart;
    for (let i = 0; i < n; i++) if (s.charCodeAt(at + i) !== name.charCodeAt(i)) return false;
    return true;
  }

  private fail(what: string): never {
    throw new XlsxReadError("xml", `${this.part}: ${what}`);
  }

  /** Sets the current name to the local part of s[start, end). */
  private setName(start: number, end: number): void {
    const s = this.s;
    let i = end - 1;
    while (i >= start && s.charCodeAt(i) !== COLON) i--;
    this.nameStart = i >= start ? i + 1 : start;
    this.nameEnd = end;
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
        this.setName(i + 2, e);
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
        if (d === GT || d === SLASH || isSpace(d)) break;
        k++;
      }
      if (k === i + 1) this.fail("bad start tag");
      this.setName(i + 1, k);
      // Find the tag's ">", stepping over quoted values (they may hold ">"); attributes are read when asked for.
      let d = s.charCodeAt(k);
      while (d !== GT) {
        if (d === 34 || d === 39) {
          let q = k + 1;
          while (q < n && s.charCodeAt(q) !== d) q++;
          k = q;
        }
        if (++k >= n) this.fail("unclosed start tag");
        d = s.charCodeAt(k);
      }
      this.empty = s.charCodeAt(k - 1) === SLASH;
      this.attrStart = this.nameEnd;
      this.attrEnd = this.empty ? k - 1 : k;
      this.attrCount = 0;
      this.pos = k + 1;
      return OPEN;
    }
  }

  /**
   * Reads the next attribute of the current tag from `attrStart` into
   * `attrs`; false when there is none left.
   */
  private readAttr(): boolean {
    const s = this.s;
    const end = this.attrEnd;
    let i = this.attrStart;
    let c = s.charCodeAt(i);
    while (i < end && isSpace(c)) c = s.charCodeAt(++i);
    if (i >= end) {
      this.attrStart = end;
      return false;
    }
    const nameStart = i;
    let localStart = i;
    while (i < end && c !== 61 /* = */ && !isSpace(c)) {
      if (c === COLON) localStart = i + 1;
      c = s.charCodeAt(++i);
    }
    const nameEnd = i;
    while (i < end && isSpace(c)) c = s.charCodeAt(++i);
    if (c !== 61 || nameEnd === nameStart) this.fail("attribute without a value");
    c = s.charCodeAt(++i);
    while (i < end && isSpace(c)) c = s.charCodeAt(++i);
    if (c !== 34 && c !== 39) this.fail("unquoted attribute value");
    let close = i + 1;
    while (close < end && s.charCodeAt(close) !== c) close++;
    if (close >= end) this.fail("unclosed attribute value");
    this.attrStart = close + 1;
    // xmlns:r="…" declares a namespace; it is no attribute to look up.
    if (localStart === nameStart + 6 && s.startsWith("xmlns:", nameStart)) return this.readAttr();
    const at = this.attrCount * 4;
    if (at + 4 > this.attrs.length) {
      const grown = new Int32Array(this.attrs.length * 2);
      grown.set(this.attrs);
      this.attrs = grown;
    }
    const a = this.attrs;
    a[at] = localStart;
    a[at + 1] = nameEnd;
    a[at + 2] = i + 1;
    a[at + 3] = close;
    this.attrCount++;
    return true;
  }

  /** Whether attribute k (as recorded in `attrs`) has this local name. */
  private attrIs(k: number, name: string): boolean {
    const a = this.attrs;
    const start = a[k * 4];
    const n = name.length;
    if (a[k * 4 + 1] - start !== n) return false;
    const s = this.s;
    for (let i = 0; i < n; i++) if (s.charCodeAt(start + i) !== name.charCodeAt(i)) return false;
    return true;
  }

  /**
   * The decoded value of the current element's attribute with this local
   * name ("id" finds r:id), or undefined. Attributes are read only as far as
   * the one asked for, and remembered for the next question.
   */
  attr(name: string): string | undefined {
    let k = 0;
    for (; k < this.attrCount; k++) if (this.attrIs(k, name)) break;
    if (k === this.attrCount) {
      for (;;) {
        if (!this.readAttr()) return undefined;
        if (this.attrIs(k, name)) break;
        k++;
      }
    }
    const a = this.attrs;
    const raw = this.s.slice(a[k * 4 + 2], a[k * 4 + 3]);
    return raw.indexOf("&") >= 0 || raw.indexOf("\r") >= 0 ? decodeText(raw, this.part) : raw;
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
        let plain = true;
        for (let k = i; k < lt; k++) {
          const d = s.charCodeAt(k);
          if (d === 38 /* & */ || d === 13 /* \r */) {
            plain = false;
            break;
          }
        }
        out += plain ? s.slice(i, lt) : decodeText(s.slice(i, lt), this.part);
      }
      const c = s.charCodeAt(lt + 1);
      if (c === SLASH) {
        // The element's own end tag (children were skipped): step over it.
        const gt = s.indexOf(">", lt + 2);
        if (gt < 0) this.fail("unclosed end tag");
        this.pos = gt + 1;
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
    // Only depth matters here: tags are walked without recording names or attributes.
    const s = this.s;
    const n = s.length;
    let depth = 1;
    let i = this.pos;
    for (;;) {
      i = s.indexOf("<", i);
      if (i < 0) this.fail("unclosed element");
      const c = s.charCodeAt(i + 1);
      if (c === SLASH) {
        const j = s.indexOf(">", i + 2);
        if (j < 0) this.fail("unclosed end tag");
        if (--depth === 0) {
          this.pos = i;
          this.next(); // sets the name of the end tag
          return;
        }
        i = j + 1;
        continue;
      }
      if (c === QUESTION || c === BANG) {
        i = this.skipSpecial(i);
        continue;
      }
      let k = i + 1;
      let d = s.charCodeAt(k);
      while (d !== GT && k < n) {
        if (d === 34 || d === 39) {
          k = s.indexOf(d === 34 ? '"' : "'", k + 1);
          if (k < 0) this.fail("unclosed attribute value");
        }
        d = s.charCodeAt(++k);
      }
      if (k >= n) this.fail("unclosed start tag");
      if (s.charCodeAt(k - 1) !== SLASH) depth++;
      i = k + 1;
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
      this.setName(at, at + name.length);
      return true;
    }
  }
}
