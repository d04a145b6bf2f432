import { deflateSync } from "fflate";
import { crc32, zipEntries } from "../../src/adapters/xlsx/write/zip";

export { crc32 };

/**
 * Workbooks written by hand, part by part, for the reader's tests: exact XML
 * no library would write (shared formulas, inline strings, rich text with
 * phonetic runs), and hostile files (lying sizes, zip bombs, entity bombs)
 * built on the fly so that no binary is committed.
 */

/** One zip entry; `deflated` and `declaredSize` let a test lie about what is inside. */
export interface ZipPart {
  name: string;
  data: Uint8Array | string;
  /** raw DEFLATE data written in place of `data` compressed */
  deflated?: Uint8Array;
  /** the uncompressed size written in the headers, in place of the true one */
  declaredSize?: number;
  /** stored as is (method 0), not deflated */
  stored?: boolean;
  /** the CRC-32 of `data`, when the caller has it already */
  crc?: number;
}

const bytesOf = (data: Uint8Array | string) => (typeof data === "string" ? new TextEncoder().encode(data) : data);

/** A zip of the parts, deflated unless stored, with sizes as given (true unless a part says otherwise); names in UTF-8. */
export function zipParts(parts: ZipPart[]): Uint8Array {
  return zipEntries(
    parts.map((part) => {
      const data = bytesOf(part.data);
      return {
        name: part.name,
        method: part.stored ? 0 : 8,
        body: part.stored ? data : (part.deflated ?? deflateSync(data)),
        size: part.declaredSize ?? data.length,
        crc: part.crc ?? crc32(data),
      };
    }),
  );
}

/**
 * Raw DEFLATE data that inflates to `size` zero bytes (give or take 257), made
 * directly as one fixed-Huffman block of 258-byte matches: 13 bits each, so a
 * 100 MB bomb is 660 KB and costs nothing to build.
 */
export function zeroBomb(size: number): Uint8Array {
  const matches = Math.ceil((size - 1) / 258);
  const out = new Uint8Array(Math.ceil((3 + 8 + matches * 13 + 7) / 8) + 1);
  let bit = 0;
  const put = (value: number, count: number) => {
    for (let i = 0; i < count; i++, bit++) if ((value >> i) & 1) out[bit >> 3] |= 1 << (bit & 7);
  };
  const code = (value: number, count: number) => {
    for (let i = count - 1; i >= 0; i--, bit++) if ((value >> i) & 1) out[bit >> 3] |= 1 << (bit & 7);
  };
  put(1, 1); // last block
  put(1, 2); // fixed Huffman
  code(0x30, 8); // literal 0
  for (let m = 0; m < matches; m++) {
    code(0xc5, 8); // length 258 (symbol 285)
    code(0, 5); // distance 1
  }
  code(0, 7); // end of block
  return out;
}

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

/** A worksheet part around the given content (sheetData, mergeCells…). */
export function sheetXml(content: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${content}</worksheet>`;
}

/** A sheet of a hand-made workbook. */
export interface HandSheet {
  name: string;
  /** the worksheet part (see sheetXml) */
  xml: string;
  state?: "hidden" | "veryHidden";
}

export interface HandWorkbook {
  sheets: HandSheet[];
  /** the shared string part, whole */
  sharedStrings?: string;
  /** the styles part, whole */
  styles?: string;
  /** the workbook part, whole, in place of the one made from `sheets` */
  workbookXml?: string;
}

/** The parts of a minimal workbook, in the places Excel (and ExcelJS) put them. */
export function handParts(book: HandWorkbook): ZipPart[] {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  const sheetEntries = book.sheets
    .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`)
    .join("");
  const rels = [
    ...book.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`),
    book.sharedStrings ? `<Relationship Id="rIdS" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` : "",
    book.styles ? `<Relationship Id="rIdY" Type="${REL_NS}/styles" Target="styles.xml"/>` : "",
  ].join("");
  const parts: ZipPart[] = [
    {
      name: "[Content_Types].xml",
      data:
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    },
    {
      name: "_rels/.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      data:
        book.workbookXml ??
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${sheetEntries}</sheets></workbook>`,
    },
    { name: "xl/_rels/workbook.xml.rels", data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}">${rels}</Relationships>` },
    ...book.sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: s.xml })),
  ];
  if (book.sharedStrings) parts.push({ name: "xl/sharedStrings.xml", data: book.sharedStrings });
  if (book.styles) parts.push({ name: "xl/styles.xml", data: book.styles });
  return parts;
}

/** A minimal workbook as .xlsx bytes. */
export function handXlsx(book: HandWorkbook): Uint8Array {
  return zipParts(handParts(book));
}
