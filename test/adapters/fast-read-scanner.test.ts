import { deflateSync } from "fflate";
import type { SheetSnapshot } from "../../src/core/read";
import { readXlsxFast, XlsxReadError } from "../../src/adapters/xlsx/fast-read";
import { nodeInflate } from "../../src/cli/node-inflate";
import { handParts, handXlsx, MAIN_NS, sheetXml, zipParts, type HandWorkbook } from "../support/hand-xlsx";
import { cellsA1, mergesA1 } from "../support/a1";

/*
 * The fast reader's scanner walks a part's UTF-8 bytes and reads a plain tag's
 * attributes in one pass, a cell's number or shared string index in place;
 * anything less plain goes the general way. These cases pin down what both
 * ways give, so that neither drifts: attributes in any order and quoting,
 * prefixes, escapes, CDATA, comments, text beyond ASCII, other encodings,
 * bytes that are not UTF-8, and the errors that quote what the file says.
 */

const SST = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN_NS}"><si><t>Số liệu</t></si><si><t>a &amp; b</t></si></sst>`;
const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN_NS}"><cellXfs count="3">
<xf numFmtId="0"/><xf numFmtId="3" applyNumberFormat="1"><protection locked="0"/></xf><xf numFmtId="14"/></cellXfs></styleSheet>`;

const book = (content: string, more: Partial<HandWorkbook> = {}): HandWorkbook => ({
  sheets: [{ name: "S", xml: sheetXml(content) }],
  sharedStrings: SST,
  styles: STYLES,
  ...more,
});

/** A workbook whose first sheet part is `data` (declaring `declaredSize` bytes, when given). */
const withSheet = (data: Uint8Array | string, declaredSize?: number) =>
  zipParts(
    handParts(book("")).map((p) => (p.name === "xl/worksheets/sheet1.xml" ? { ...p, data, ...(declaredSize === undefined ? {} : { declaredSize }) } : p)),
  );

/** The first sheet of a workbook holding `content`, read with fflate and with the CLI's Node inflater, which must agree. */
function sheet(content: string | Uint8Array): SheetSnapshot {
  const bytes = typeof content === "string" ? handXlsx(book(content)) : withSheet(content);
  const read = readXlsxFast(bytes).sheets[0];
  expect(readXlsxFast(bytes, { inflate: nodeInflate }).sheets[0]).toEqual(read);
  return read;
}

/** The error reading `content` as a sheet throws. */
function sheetError(content: string): { code: string; detail: string } {
  try {
    readXlsxFast(handXlsx(book(content)));
  } catch (error) {
    if (error instanceof XlsxReadError) return { code: error.code, detail: error.detail };
    throw error;
  }
  throw new Error("read without an error");
}

const values = (s: SheetSnapshot) => Object.fromEntries(Object.entries(cellsA1(s)).map(([k, c]) => [k, c.value]));

describe("attributes", () => {
  it("in any order, quoted either way, spaced around = or not at all, across lines", () => {
    const s =
      sheet(`<sheetData><row r="1"><c t="s" s="1" r="A1"><v>0</v></c><c s='1' r='B1' t='s'><v>1</v></c><c r = "C1"  t = "str" ><v>x</v></c><c r="D1"t="b"><v>1</v></c><c
\tr="E1"
s="1"/></row></sheetData>`);
    expect(cellsA1(s).A1).toEqual({ value: "Số liệu", numFmt: "#,##0", locked: false });
    expect(cellsA1(s).B1).toEqual({ value: "a & b", numFmt: "#,##0", locked: false });
    expect(values(s)).toEqual({ A1: "Số liệu", B1: "a & b", C1: "x", D1: true });
  });

  it("prefixed elements and attributes read by their local names; namespace declarations are no attributes; the first of two wins", () => {
    const s = sheet(
      `<x:sheetData><x:row r="1"><x:c xmlns:r="urn:r" r="A1" t="s"><x:v>0</x:v></x:c><c x:r="B1"><v>2</v></c><c r="C1" r="D1"><v>3</v></c></x:row></x:sheetData>`,
    );
    expect(values(s)).toEqual({ A1: "Số liệu", B1: 2, C1: 3 });
  });

  it('an attribute that is not name="value" is an error only when it is read', () => {
    // The row's r comes first: the rest of its tag is never read.
    expect(values(sheet(`<sheetData><row r="1" hidden><c r="A1"><v>1</v></c></row></sheetData>`))).toEqual({ A1: 1 });
    // A cell's s and t are looked for past it.
    expect(sheetError(`<sheetData><row r="1"><c r="A1" hidden><v>1</v></c></row></sheetData>`)).toEqual({
      code: "xml",
      detail: "xl/worksheets/sheet1.xml: attribute without a value",
    });
    expect(sheetError(`<sheetData><row r="1"><c r="A1" s=1><v>1</v></c></row></sheetData>`)).toEqual({
      code: "xml",
      detail: "xl/worksheets/sheet1.xml: unquoted attribute value",
    });
    // A tag whose "/" is not right before ">" is no empty tag: its attributes are read the long way, and "/" is no name.
    expect(sheetError(`<sheetData><row r="1"><c r="A1" / ><v>1</v></c></row></sheetData>`)).toEqual({
      code: "xml",
      detail: "xl/worksheets/sheet1.xml: attribute without a value",
    });
    // Quotes of one kind inside the other, and ">" inside a value.
    expect(values(sheet(`<sheetData><row r="1" x14ac:note='say "a>b"'><c r="A1" t="str" x:note="it's"><v>q</v></c></row></sheetData>`))).toEqual({ A1: "q" });
  });

  it("escaped values are decoded before they are used", () => {
    const s = sheet(`<sheetData><row r="&#49;"><c r="&#65;1" s="&#49;" t="&#115;"><v>0</v></c><c r="B&#x31;" t="s"><v>1</v></c></row></sheetData>`);
    expect(cellsA1(s).A1).toEqual({ value: "Số liệu", numFmt: "#,##0", locked: false });
    expect(values(s)).toEqual({ A1: "Số liệu", B1: "a & b" });
  });

  it("style indices as parseInt reads them: leading zeros, a sign, none, or one the workbook does not have", () => {
    const s = sheet(
      `<sheetData><row r="1"><c r="A1" s="001"><v>1</v></c><c r="B1" s="-0"><v>2</v></c><c r="C1" s="9"><v>3</v></c><c r="D1" s="x"><v>4</v></c><c r="E1" s="2"><v>46000</v></c></row></sheetData>`,
    );
    expect(cellsA1(s).A1).toEqual({ value: 1, numFmt: "#,##0", locked: false });
    expect(cellsA1(s).B1).toEqual({ value: 2, numFmt: undefined, locked: true });
    expect(cellsA1(s).C1).toEqual({ value: 3, numFmt: undefined, locked: true });
    expect(cellsA1(s).D1).toEqual({ value: 4, numFmt: undefined, locked: true });
    expect(cellsA1(s).E1).toEqual({ value: "2025-12-09", numFmt: "mm-dd-yy", locked: true });
  });
});

describe("cell values", () => {
  it("numbers and shared string indices, plain or not: entities, CDATA, comments, spaces, long digit runs", () => {
    const s = sheet(`<sheetData><row r="1">
<c r="A1"><v>1&#48;</v></c><c r="B1"><v><![CDATA[42]]></v></c><c r="C1"><v>4<!-- four -->2</v></c><c r="D1"><v> 7 </v></c>
<c r="E1"><v>12345678901234567890</v></c><c r="F1"><v>-0</v></c><c r="G1"><v>1.5E3</v></c><c r="H1"><v>0042</v></c>
<c r="I1" t="s"><v>0001</v></c><c r="J1" t="s"><v>0000000001</v></c><c r="K1" t="s"><v> 1</v></c><c r="L1" t="n"><v>5</v></c><c r="M1" s="2"><v>46000.5</v></c>
</row></sheetData>`);
    expect(values(s)).toEqual({
      A1: 10,
      B1: 42,
      C1: 42,
      D1: 7,
      E1: 12345678901234567000,
      F1: -0,
      G1: 1500,
      H1: 42,
      I1: "a & b",
      J1: "a & b",
      K1: "a & b",
      L1: 5,
      M1: "2025-12-09",
    });
    expect(Object.is(cellsA1(s).F1.value, -0)).toBe(true);
  });

  it("no value: <v/>, <v></v>, no <v>, or a self-closed cell", () => {
    const s = sheet(
      `<sheetData><row r="1"><c r="A1"><v/></c><c r="B1"><v></v></c><c r="C1" s="1"></c><c r="D1" s="1"/><c r="E1" t="s"><v></v></c><c r="F1"><v>1</v><v></v></c><c r="G1"><v></v><v>2</v></c></row></sheetData>`,
    );
    expect(values(s)).toEqual({ G1: 2 });
  });

  it("a value beside its formula, a shared formula, an inline string, rich text", () => {
    const s =
      sheet(`<sheetData><row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1"><v>3</v><f t="shared" ref="B1:C1" si="0">A1+1</f></c><c r="C1"><f t="shared" si="0"/><v>4</v></c>
<c r="D1" t="inlineStr"><is><r><t>Tỷ lệ </t></r><r><rPr><b/></rPr><t>&amp; ạ</t></r></is></c><c r="E1" t="inlineStr"><v>inline_x000D_v</v></c></row></sheetData>`);
    expect(cellsA1(s).A1).toMatchObject({ value: 2, formula: "1+1" });
    expect(cellsA1(s).B1).toMatchObject({ value: 3, formula: "A1+1" });
    expect(cellsA1(s).C1).toMatchObject({ value: 4, formula: "B1+1" });
    expect(values(s)).toMatchObject({ D1: "Tỷ lệ & ạ", E1: "inline\rv" });
  });

  it("text beyond ASCII, short and long, and U+FEFF inside a value, as written", () => {
    const s = sheet(
      `<sheetData><row r="1"><c r="A1" t="str"><v>Đạt</v></c><c r="B1" t="str"><v>Số liệu báo cáo tổng hợp</v></c><c r="C1" t="str"><v>\uFEFFx</v></c><c r="D1" t="e"><v>#N/A</v></c><c r="E1" t="d"><v>2026-06-12T00:00:00</v></c><c r="F1" t="str"><v>a\r\nb</v></c></row></sheetData>`,
    );
    expect(values(s)).toEqual({ A1: "Đạt", B1: "Số liệu báo cáo tổng hợp", C1: "\uFEFFx", D1: null, E1: "2026-06-12", F1: "a\nb" });
  });
});

describe("encodings", () => {
  const content = `<sheetData><row r="1"><c r="A1" t="str"><v>Đạt &amp; ạ</v></c><c r="B1" t="s"><v>0</v></c><c r="C1"><v>7</v></c></row></sheetData>`;
  const utf8 = new TextEncoder().encode(sheetXml(content));
  const utf16 = (bigEndian: boolean) => {
    const text = sheetXml(content);
    const out = new Uint8Array(2 + text.length * 2);
    out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out[2 + 2 * i + (bigEndian ? 0 : 1)] = c >> 8;
      out[2 + 2 * i + (bigEndian ? 1 : 0)] = c & 0xff;
    }
    return out;
  };

  it("a part with a UTF-8 BOM, or in UTF-16 of either order, reads as in UTF-8", () => {
    const plain = sheet(utf8);
    expect(values(plain)).toEqual({ A1: "Đạt & ạ", B1: "Số liệu", C1: 7 });
    expect(sheet(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toEqual(plain);
    expect(sheet(utf16(false))).toEqual(plain);
    expect(sheet(utf16(true))).toEqual(plain);
  });

  it("bytes that are not UTF-8 read as U+FFFD, as a decoder of the whole part gives them", () => {
    // Each "|" of the part is replaced by a broken sequence: a lone lead byte, a cut 3-byte and a cut 4-byte sequence.
    const broken = [[0xc3], [0xe2, 0x82], [0xf0, 0x9f, 0x98]];
    const pieces = sheetXml(`<sheetData><row r="1"><c r="A1" t="str"><v>a|b|</v></c><c r="B1" t="str"><v>|</v></c></row></sheetData>`).split("|");
    const bytes = Uint8Array.from(pieces.flatMap((piece, i) => [...new TextEncoder().encode(piece), ...(broken[i] ?? [])]));
    expect(new TextDecoder().decode(bytes)).toContain("<v>a\uFFFDb\uFFFD</v>");
    expect(values(sheet(bytes))).toEqual({ A1: "a\uFFFDb\uFFFD", B1: "\uFFFD" });
  });
});

describe("rows and references", () => {
  it("lower case, $ and leading zeros key a cell as Excel writes it; a cell or row without r follows the one before", () => {
    const s = sheet(
      `<sheetData><row r="3"><c r="d3"><v>1</v></c><c><v>2</v></c><c r="$F$3"><v>3</v></c><c r="G03"><v>4</v></c></row><row r="0012"><c r="A12"><v>5</v></c></row><row><c><v>6</v></c></row><row r=" 14"><c r="A14"><v>7</v></c></row></sheetData>`,
    );
    expect(values(s)).toEqual({ D3: 1, E3: 2, F3: 3, G3: 4, A12: 5, A13: 6, A14: 7 });
    expect([s.maxRow, s.maxCol]).toEqual([14, 7]);
  });

  it("a bad row number or cell reference is an error quoting it, decoded", () => {
    const detail = (d: string) => ({ code: "xml", detail: `xl/worksheets/sheet1.xml: ${d}` });
    expect(sheetError(`<sheetData><row r="0"><c r="A1"><v>1</v></c></row></sheetData>`)).toEqual(detail('bad row number "0"'));
    expect(sheetError(`<sheetData><row r="x"/></sheetData>`)).toEqual(detail('bad row number "x"'));
    expect(sheetError(`<sheetData><row r="1"><c r="A0"><v>1</v></c></row></sheetData>`)).toEqual(detail('bad cell reference "A0"'));
    expect(sheetError(`<sheetData><row r="1"><c r="Ạ1"><v>1</v></c></row></sheetData>`)).toEqual(detail('bad cell reference "Ạ1"'));
    expect(sheetError(`<sheetData><row r="1"><c r="A&#48;"><v>1</v></c></row></sheetData>`)).toEqual(detail('bad cell reference "A0"'));
    expect(sheetError(`<sheetData><row r="1"><c r="AAAA1"><v>1</v></c></row></sheetData>`)).toEqual(detail('bad cell reference "AAAA1"'));
    expect(sheetError(`<sheetData><row r="1"><c r="A1" t="s"><v>2</v></c></row></sheetData>`)).toEqual(detail("shared string 2 does not exist"));
  });

  it("far rows are keyed like near ones; cells repeated at one address keep the last, or go together under a merge", () => {
    const s = sheet(
      `<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="B1"><v>3</v></c><c r="C1"><v>4</v></c><c r="C1"><v>5</v></c></row><row r="2000"><c r="AX2000"><v>6</v></c></row></sheetData><mergeCells><mergeCell ref="A1:B1"/></mergeCells>`,
    );
    expect(values(s)).toEqual({ A1: 1, C1: 5, AX2000: 6 });
    expect([s.maxRow, s.maxCol, mergesA1(s)]).toEqual([2000, 50, ["A1:B1"]]);
    const hidden = sheet(
      `<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="B1"><v>3</v></c></row></sheetData><mergeCells><mergeCell ref="A1:B1"/></mergeCells>`,
    );
    expect(values(hidden)).toEqual({ A1: 1 });
    expect([hidden.maxRow, hidden.maxCol]).toEqual([1, 1]);
  });
});

describe("the CLI's inflater (Node's zlib, output sized to the part)", () => {
  const xml = sheetXml(`<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>`);
  const text = new TextEncoder().encode(xml);
  const size = text.length;

  it("gives the part's bytes when they fit the room, and throws a RangeError past it, as the reader expects", () => {
    const deflated = deflateSync(text);
    for (const room of [size, size + 1, 200 * 1024]) expect(nodeInflate(deflated, room)).toEqual(Buffer.from(text));
    let thrown: unknown;
    try {
      nodeInflate(deflated, size - 10);
    } catch (error) {
      thrown = error;
    }
    // By name: under jest, Node's own errors come from another realm than the test's RangeError.
    expect((thrown as Error | undefined)?.name).toBe("RangeError");
  });

  it("a part inflating to more or less than it declares is refused, as before", () => {
    const refusal = (bytes: Uint8Array) => {
      try {
        readXlsxFast(bytes, { inflate: nodeInflate });
      } catch (error) {
        if (error instanceof XlsxReadError) return [error.code, error.detail];
        throw error;
      }
      return undefined;
    };
    // More than one byte beyond: zlib stops at the room it was given (the detail, "more than the declared size", is Node's realm's RangeError).
    expect(refusal(withSheet(xml, size - 10))?.[0]).toBe("zip");
    // Exactly one byte beyond fits the room, and is counted.
    expect(refusal(withSheet(xml, size - 1))).toEqual(["zip", `xl/worksheets/sheet1.xml inflates to more than the ${size - 1} bytes declared`]);
    expect(refusal(withSheet(xml, size + 10))).toEqual(["zip", `xl/worksheets/sheet1.xml inflates to less than the ${size + 10} bytes declared`]);
    expect(refusal(withSheet(xml, size))).toBeUndefined();
  });

  it("a part larger than one output chunk (64 KB) reads whole", () => {
    const rows = Array.from(
      { length: 3000 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="str"><v>dòng ${i + 1}</v></c><c r="B${i + 1}"><v>${i}</v></c></row>`,
    ).join("");
    const big = new TextEncoder().encode(sheetXml(`<sheetData>${rows}</sheetData>`));
    expect(big.length).toBeGreaterThan(3 * 64 * 1024);
    const s = sheet(big);
    expect([Object.keys(cellsA1(s)).length, cellsA1(s).A3000.value, cellsA1(s).B3000.value]).toEqual([6000, "dòng 3000", 2999]);
  });
});
