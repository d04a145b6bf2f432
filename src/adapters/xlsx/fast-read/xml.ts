import * as bytes from "./xml-bytes";

// Bound to module constants, not called as bytes.x(): TypeScript's CommonJS output turns a named import into a
// property load on every call, which costs the scanner's loops about 10 % (measured: 0.94 against 0.85 ms a workbook).
const {
  APOS,
  BANG,
  COLON,
  decodeText,
  endOfContent,
  EQUALS,
  GT,
  indexOfByte,
  indexOfText,
  isPlain,
  isPrefixByte,
  isSpace,
  LT,
  malformed,
  QUESTION,
  QUOT,
  skipSpecial,
  SLASH,
  startsWithAt,
  utf8,
  utf8Part,
} = bytes;

/*
 * A pull scanner for the few SpreadsheetML parts the reader needs. It knows
 * elements, attributes, text, CDATA, comments and processing instructions; it
 * decodes the five predefined entities and numeric character references, and
 * nothing else. A DOCTYPE (and with it any ENTITY declaration) is refused, so
 * an entity-expansion bomb is never expanded. Element and attribute names are
 * compared by their local part ("x:c" is "c"), which is what the parts mean.
 *
 * It walks the part's UTF-8 bytes, not a decoded string. Every byte of markup
 * is ASCII and no byte of a multi-byte character is (and the decoder never
 * swallows an ASCII byte into a replacement character), so tags, names and
 * quotes are where they would be in the decoded text, in the same order; only
 * what is read out (an attribute's value, an element's text) is decoded, and
 * decoding it alone gives what decoding the whole part would have given there.
 * This is for speed: a loop over a Uint8Array runs 2–3× faster than
 * charCodeAt over a string (a sheet's Vietnamese validation prompts make its
 * text a two-byte string), and most of a part is skipped, never read out.
 */

/** What `next()` found. */
export const END = 0;
export const OPEN = 1;
export const CLOSE = 2;

/**
 * Walks a part element by element. After `next()` returns OPEN, `is()` tests
 * the element's local name, `empty` says whether it closed itself, `attr()`
 * reads its attributes and `text()` its content; text between elements is
 * skipped. Names are compared in place, never cut out of the part.
 */
export class XmlScanner {
  /** the element just opened has no content (<c/>) */
  empty = false;
  /** where the value found by attrSpan() or the text found by textSpan() is in `source` */
  spanStart = 0;
  spanEnd = 0;
  /** the part's UTF-8 bytes */
  private readonly b: Uint8Array;
  private pos = 0;
  private nameStart = 0;
  private nameEnd = 0;
  /** where the current tag's attributes not read yet begin, and where they all end */
  private attrStart = 0;
  private attrEnd = 0;
  /**
   * Attributes of the current tag read so far: local name start, name end,
   * value start, value end. A plain array: a typed array this size lives
   * outside the heap, and costs ~1 µs to make for every part.
   */
  private readonly attrs: number[] = [];
  private attrCount = 0;
  /**
   * When set (eagerOnly), the one element name whose attributes are all read
   * as its tag is met; other tags are only walked to their ">" and their
   * attributes read when asked for, as far as the one asked for (see readPlainTag).
   */
  private eagerName: string | undefined = undefined;

  constructor(
    bytes: Uint8Array,
    /** the part's name, for error details */
    readonly part: string,
  ) {
    const text = utf8Part(bytes);
    // A plain Uint8Array even when given a Node Buffer: Buffer's subarray is several times slower, and one kind of array keeps the loops monomorphic.
    this.b = new Uint8Array(text.buffer, text.byteOffset, text.length);
  }

  /**
   * Reads attributes at once only for elements with this local name, lazily
   * for the others: for a part where one element's attributes are all wanted
   * (a sheet's <c>) and the others carry many never asked for (LibreOffice's
   * <row> has seven, of which the reader wants r). Either way gives the same
   * answers; only the work differs.
   */
  eagerOnly(name: string): void {
    this.eagerName = name;
  }

  /** The bytes the scanner walks (UTF-8, no BOM), for reading a span (attrSpan, textSpan) in place. */
  get source(): Uint8Array {
    return this.b;
  }

  /** The text of source[start, end), decoded from UTF-8 (entities left as they are). */
  slice(start: number, end: number): string {
    const b = this.b;
    // Short ASCII (a type, a style, a number) is made here: a subarray and TextDecoder's call cost more than such text.
    if (end - start <= 12) {
      let out = "";
      for (let i = start; i < end; i++) {
        const c = b[i];
        if (c > 127) return utf8.decode(b.subarray(start, end));
        out += String.fromCharCode(c);
      }
      return out;
    }
    return utf8.decode(b.subarray(start, end));
  }

  /** The local name of the element just opened or closed (allocates; prefer `is()`). */
  get name(): string {
    return this.slice(this.nameStart, this.nameEnd);
  }

  /** Whether the element just opened or closed has this local name. */
  is(name: string): boolean {
    const n = name.length;
    if (this.nameEnd - this.nameStart !== n) return false;
    const b = this.b;
    const at = this.nameStart;
    for (let i = 0; i < n; i++) if (b[at + i] !== name.charCodeAt(i)) return false;
    return true;
  }

  private fail(what: string): never {
    return malformed(this.part, what);
  }

  /** Sets the current name to the local part of b[start, end). */
  private setName(start: number, end: number): void {
    const b = this.b;
    let i = end - 1;
    while (i >= start && b[i] !== COLON) i--;
    this.nameStart = i >= start ? i + 1 : start;
    this.nameEnd = end;
  }

  /** Moves to the next element start or end tag; END at the end of the part. */
  next(): number {
    const b = this.b;
    const n = b.length;
    let i = this.pos;
    for (;;) {
      while (i < n && b[i] !== LT) i++;
      if (i >= n) {
        this.pos = n;
        return END;
      }
      const c = b[i + 1];
      if (c === SLASH) {
        const j = indexOfByte(b, GT, i + 2);
        if (j < 0) this.fail("unclosed end tag");
        let e = j;
        while (e > i + 2 && isSpace(b[e - 1])) e--;
        this.setName(i + 2, e);
        this.pos = j + 1;
        return CLOSE;
      }
      if (c === QUESTION || c === BANG) {
        i = skipSpecial(this.b, i, this.part);
        continue;
      }
      // The name, and its local part after the last ":", in one pass.
      let k = i + 1;
      let local = k;
      while (k < n) {
        const d = b[k];
        if (d === GT || d === SLASH || isSpace(d)) break;
        if (d === COLON) local = k + 1;
        k++;
      }
      if (k === i + 1) this.fail("bad start tag");
      this.nameStart = local;
      this.nameEnd = k;
      const gt = this.eagerName === undefined || this.is(this.eagerName) ? this.readPlainTag(k) : -1;
      if (gt >= 0) {
        this.empty = b[gt - 1] === SLASH;
        this.attrStart = this.attrEnd = this.empty ? gt - 1 : gt;
        this.pos = gt + 1;
        return OPEN;
      }
      // Not a plain tag: find its ">", stepping over quoted values (they may hold ">"); attributes are read when asked for.
      let d = b[k];
      while (d !== GT) {
        if (d === QUOT || d === APOS) {
          let q = k + 1;
          while (q < n && b[q] !== d) q++;
          k = q;
        }
        if (++k >= n) this.fail("unclosed start tag");
        d = b[k];
      }
      this.empty = b[k - 1] === SLASH;
      this.attrStart = this.nameEnd;
      this.attrEnd = this.empty ? k - 1 : k;
      this.attrCount = 0;
      this.pos = k + 1;
      return OPEN;
    }
  }

  /**
   * Reads every attribute of the start tag whose name ends at k in one pass,
   * when the tag is plain: name="value" (or '…') pairs, spaces, then ">" or
   * "/>". Returns where its ">" is, or -1 for anything else; then nothing
   * counts as read and `readAttr` meets the tag lazily, exactly as it always
   * did (with the same errors, or none for an odd attribute never asked for).
   * On a plain tag both ways find the same ">" and the same attributes, in
   * the same order; this one just does it once instead of once to find the
   * end and again attribute by attribute.
   */
  private readPlainTag(k: number): number {
    const b = this.b;
    const n = b.length;
    let count = 0;
    let i = k;
    let c = i < n ? b[i] : 0;
    for (;;) {
      while (isSpace(c)) c = ++i < n ? b[i] : 0;
      if (c === GT) break;
      if (c === SLASH) {
        if (i + 1 >= n || b[i + 1] !== GT) return -1;
        i++;
        break;
      }
      // A name stops at "=" or a space; quotes, "<", ">" and "/" in it are left to the lazy reading.
      const nameStart = i;
      let localStart = i;
      while (i < n && c !== EQUALS && !isSpace(c) && c !== GT && c !== SLASH && c !== QUOT && c !== APOS && c !== LT) {
        if (c === COLON) localStart = i + 1;
        c = ++i < n ? b[i] : 0;
      }
      const nameEnd = i;
      if (nameEnd === nameStart) return -1;
      while (isSpace(c)) c = ++i < n ? b[i] : 0;
      if (c !== EQUALS) return -1;
      c = ++i < n ? b[i] : 0;
      while (isSpace(c)) c = ++i < n ? b[i] : 0;
      if (c !== QUOT && c !== APOS) return -1;
      const close = indexOfByte(b, c, i + 1);
      if (close < 0) return -1;
      // xmlns:r="…" declares a namespace; it is no attribute to look up (as in readAttr).
      if (!(localStart === nameStart + 6 && startsWithAt(b, nameStart, "xmlns:"))) this.record(count++, localStart, nameEnd, i + 1, close);
      i = close + 1;
      c = i < n ? b[i] : 0;
    }
    this.attrCount = count;
    return i;
  }

  /** Records attribute k: local name start, name end, value start, value end. */
  private record(k: number, localStart: number, nameEnd: number, valueStart: number, valueEnd: number): void {
    const at = k * 4;
    const a = this.attrs;
    a[at] = localStart;
    a[at + 1] = nameEnd;
    a[at + 2] = valueStart;
    a[at + 3] = valueEnd;
  }

  /**
   * Reads the next attribute of the current tag from `attrStart` into
   * `attrs`; false when there is none left.
   */
  private readAttr(): boolean {
    const b = this.b;
    const end = this.attrEnd;
    let i = this.attrStart;
    let c = b[i];
    while (i < end && isSpace(c)) c = b[++i];
    if (i >= end) {
      this.attrStart = end;
      return false;
    }
    const nameStart = i;
    let localStart = i;
    while (i < end && c !== EQUALS && !isSpace(c)) {
      if (c === COLON) localStart = i + 1;
      c = b[++i];
    }
    const nameEnd = i;
    while (i < end && isSpace(c)) c = b[++i];
    if (c !== EQUALS || nameEnd === nameStart) this.fail("attribute without a value");
    c = b[++i];
    while (i < end && isSpace(c)) c = b[++i];
    if (c !== QUOT && c !== APOS) this.fail("unquoted attribute value");
    let close = i + 1;
    while (close < end && b[close] !== c) close++;
    if (close >= end) this.fail("unclosed attribute value");
    this.attrStart = close + 1;
    // xmlns:r="…" declares a namespace; it is no attribute to look up.
    if (localStart === nameStart + 6 && startsWithAt(b, nameStart, "xmlns:")) return this.readAttr();
    this.record(this.attrCount++, localStart, nameEnd, i + 1, close);
    return true;
  }

  /** Whether attribute k (as recorded in `attrs`) has this local name. */
  private attrIs(k: number, name: string): boolean {
    const a = this.attrs;
    const start = a[k * 4];
    const n = name.length;
    if (a[k * 4 + 1] - start !== n) return false;
    const b = this.b;
    for (let i = 0; i < n; i++) if (b[start + i] !== name.charCodeAt(i)) return false;
    return true;
  }

  /** Index of the current element's attribute with this local name, reading attributes only as far as that one; -1 if none. */
  private find(name: string): number {
    let k = 0;
    for (; k < this.attrCount; k++) if (this.attrIs(k, name)) return k;
    for (;;) {
      if (!this.readAttr()) return -1;
      if (this.attrIs(k, name)) return k;
      k++;
    }
  }

  /**
   * The decoded value of the current element's attribute with this local
   * name ("id" finds r:id), or undefined. Attributes are read only as far as
   * the one asked for, and remembered for the next question.
   */
  attr(name: string): string | undefined {
    const k = this.find(name);
    if (k < 0) return undefined;
    const start = this.attrs[k * 4 + 2];
    const end = this.attrs[k * 4 + 3];
    const raw = this.slice(start, end);
    return isPlain(this.b, start, end) ? raw : decodeText(raw, this.part);
  }

  /**
   * Like attr(), without cutting the value out of the part: when the
   * attribute is there and its value needs no decoding of entities (no "&",
   * no \r), sets `spanStart`/`spanEnd` to where it is in `source` and returns
   * true. False when it is absent or escaped: attr() then says which.
   */
  attrSpan(name: string): boolean {
    const k = this.find(name);
    if (k < 0) return false;
    const start = this.attrs[k * 4 + 2];
    const end = this.attrs[k * 4 + 3];
    if (!isPlain(this.b, start, end)) return false;
    this.spanStart = start;
    this.spanEnd = end;
    return true;
  }

  /**
   * The decoded text content of the element just opened (CDATA included,
   * child elements skipped), leaving the scanner after its end tag.
   */
  text(): string {
    if (this.empty) return "";
    const b = this.b;
    let out = "";
    let i = this.pos;
    for (;;) {
      const lt = indexOfByte(b, LT, i);
      if (lt < 0) this.fail("unclosed element");
      if (lt > i) out += isPlain(b, i, lt) ? this.slice(i, lt) : decodeText(this.slice(i, lt), this.part);
      const c = b[lt + 1];
      if (c === SLASH) {
        // The element's own end tag (children were skipped): step over it.
        const gt = indexOfByte(b, GT, lt + 2);
        if (gt < 0) this.fail("unclosed end tag");
        this.pos = gt + 1;
        return out;
      }
      if (c === BANG && startsWithAt(b, lt, "<![CDATA[")) {
        const j = skipSpecial(this.b, lt, this.part);
        out += this.slice(lt + 9, j - 3);
        i = j;
      } else if (c === BANG || c === QUESTION) {
        i = skipSpecial(this.b, lt, this.part);
      } else {
        this.pos = lt;
        this.next();
        this.skip();
        i = this.pos;
      }
    }
  }

  /**
   * Like text(), without cutting the text out of the part, for the usual
   * case: when the content of the element just opened is plain text (no
   * markup, no "&", no \r) up to an end tag, sets `spanStart`/`spanEnd` to
   * where it is, moves past the end tag and returns true. Otherwise returns
   * false and moves nothing, for text() to read the content (or to throw).
   */
  textSpan(): boolean {
    const i = this.pos;
    if (this.empty) {
      this.spanStart = this.spanEnd = i;
      return true;
    }
    const b = this.b;
    const lt = indexOfByte(b, LT, i);
    if (lt < 0 || b[lt + 1] !== SLASH || !isPlain(b, i, lt)) return false;
    const gt = indexOfByte(b, GT, lt + 2);
    if (gt < 0) return false;
    this.spanStart = i;
    this.spanEnd = lt;
    this.pos = gt + 1;
    return true;
  }

  /** Skips the content of the element just opened, leaving the scanner after its end tag. */
  skip(): void {
    if (this.empty) return;
    this.pos = endOfContent(this.b, this.pos, this.part);
    this.next(); // sets the name of the end tag
  }

  /**
   * Jumps past the end tag `</name>` (any prefix) without looking at what is
   * in between; for skipping rows beyond the limits in linear, native time.
   * Returns false when there is no such end tag.
   */
  skipPast(name: string): boolean {
    const b = this.b;
    let i = this.pos;
    for (;;) {
      const at = indexOfText(b, name, i);
      if (at < 0) return false;
      i = at + name.length;
      let p = at;
      // Walk back over a prefix ("x:") to the "</".
      if (b[p - 1] === COLON) {
        p--;
        while (p > 0 && isPrefixByte(b[p - 1])) p--;
      }
      if (b[p - 1] !== SLASH || b[p - 2] !== LT) continue;
      let e = i;
      while (isSpace(b[e])) e++;
      if (b[e] !== GT) continue;
      this.pos = e + 1;
      this.setName(at, at + name.length);
      return true;
    }
  }
}
