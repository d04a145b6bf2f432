import { deflateRawSync } from "node:zlib";
import { planToXlsx } from "../../src/adapters/xlsx/write-plan";
import { buildWorkbookPlan } from "../../src/core/layout/workbook-plan";
import { META_FORMAT, META_SHEET } from "../../src/core/layout/metadata";
import { SAMPLE_UNITS } from "../../src/core/sample/demo-units";
import { handParts, handXlsx, MAIN_NS, sheetXml, zeroBomb, zipParts } from "./hand-xlsx";
import { mulberry32 } from "./fuzz/prng";
import { period } from "./plans";

/**
 * Files a ward receives that are not the unit's workbook, or are built to hurt
 * the reader: made here, on the fly, so that no binary is committed. The zip
 * and XML builders are those of hand-xlsx.ts; this file adds a seeded random
 * source, a compound-file (CFB, the container of .xls and of password-protected
 * .xlsx) writer, and the list of cases the hardening tests feed to the CLI and
 * to the task pane.
 */

const MB = 1024 * 1024;
const encode = (text: string) => new TextEncoder().encode(text);

/** A small seeded generator (mulberry32): the same "random" bytes on every run. */
export const seededRandom = mulberry32;

/** `length` seeded random bytes. */
export function randomBytes(seed: number, length: number): Uint8Array {
  const next = seededRandom(seed);
  return Uint8Array.from({ length }, () => Math.floor(next() * 256));
}

// ---------------------------------------------------------------------------
// Compound File Binary (MS-CFB), version 3: 512-byte sectors, 64-byte mini
// sectors for streams under 4,096 bytes, every stream a child of the root.

const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;
const SECTOR = 512;
const MINI_SECTOR = 64;
const MINI_CUTOFF = 4096;

export interface CfbStream {
  name: string;
  data: Uint8Array;
}

/**
 * A compound file holding the given streams under its root entry, as a reader
 * of the format (olefile, LibreOffice, Excel) finds them: header, FAT, mini
 * FAT and mini stream for the small streams, a directory whose entries are a
 * valid (if unbalanced) binary tree in the format's name order.
 */
export function cfbFile(streams: CfbStream[]): Uint8Array {
  // The directory's order: shorter names first, then by upper-case name.
  const sorted = [...streams].sort((a, b) => a.name.length - b.name.length || (a.name.toUpperCase() < b.name.toUpperCase() ? -1 : 1));
  const small = sorted.filter((s) => s.data.length < MINI_CUTOFF);
  const large = sorted.filter((s) => s.data.length >= MINI_CUTOFF);
  const sectorsOf = (n: number, size: number) => Math.ceil(n / size);

  // Mini stream: the small streams, each in whole 64-byte mini sectors.
  const miniStart = new Map<CfbStream, number>();
  const miniFat: number[] = [];
  for (const s of small) {
    const count = Math.max(1, sectorsOf(s.data.length, MINI_SECTOR));
    miniStart.set(s, miniFat.length);
    for (let i = 0; i < count; i++) miniFat.push(i === count - 1 ? ENDOFCHAIN : miniFat.length + 1);
  }
  const miniStreamBytes = miniFat.length * MINI_SECTOR;

  const dirEntries = 1 + sorted.length;
  const dirSectors = sectorsOf(dirEntries * 128, SECTOR);
  const miniFatSectors = sectorsOf(miniFat.length * 4, SECTOR);
  const miniStreamSectors = sectorsOf(miniStreamBytes, SECTOR);
  const largeSectors = large.map((s) => sectorsOf(s.data.length, SECTOR));
  const dataSectors = dirSectors + miniFatSectors + miniStreamSectors + largeSectors.reduce((a, b) => a + b, 0);
  // FAT sectors hold 128 entries each, their own included.
  let fatSectors = 1;
  while (fatSectors * 128 < fatSectors + dataSectors) fatSectors++;
  if (fatSectors > 109) throw new Error("cfbFile: too large for a header-only DIFAT");

  const total = fatSectors + dataSectors;
  const fat = new Array<number>(fatSectors * 128).fill(FREESECT);
  let next = 0;
  const chain = (count: number): number => {
    if (count === 0) return ENDOFCHAIN;
    const start = next;
    for (let i = 0; i < count; i++) fat[next + i] = i === count - 1 ? ENDOFCHAIN : next + i + 1;
    next += count;
    return start;
  };
  for (let i = 0; i < fatSectors; i++) fat[next++] = FATSECT;
  const dirStart = chain(dirSectors);
  const miniFatStart = chain(miniFatSectors);
  const miniStreamStart = chain(miniStreamSectors);
  const largeStart = new Map<CfbStream, number>(large.map((s, i) => [s, chain(largeSectors[i])]));

  const out = new Uint8Array(SECTOR * (1 + total));
  const view = new DataView(out.buffer);
  const at = (sector: number) => SECTOR * (1 + sector);

  // Header.
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  view.setUint16(24, 0x003e, true); // minor version
  view.setUint16(26, 0x0003, true); // major version 3
  view.setUint16(28, 0xfffe, true); // little-endian
  view.setUint16(30, 9, true); // 512-byte sectors
  view.setUint16(32, 6, true); // 64-byte mini sectors
  view.setUint32(44, fatSectors, true);
  view.setUint32(48, dirStart, true);
  view.setUint32(56, MINI_CUTOFF, true);
  view.setUint32(60, miniFatSectors ? miniFatStart : ENDOFCHAIN, true);
  view.setUint32(64, miniFatSectors, true);
  view.setUint32(68, ENDOFCHAIN, true); // no DIFAT sectors
  view.setUint32(72, 0, true);
  for (let i = 0; i < 109; i++) view.setUint32(76 + 4 * i, i < fatSectors ? i : FREESECT, true);

  fat.forEach((v, i) => view.setUint32(at(0) + 4 * i, v, true));
  for (let i = 0; i < miniFatSectors * 128; i++) view.setUint32(at(miniFatStart) + 4 * i, i < miniFat.length ? miniFat[i] : FREESECT, true);

  // Directory: the root, then the streams as a chain of right siblings (each name greater than the last).
  const entry = (index: number, name: string, type: 1 | 2 | 5, start: number, size: number, child = NOSTREAM, right = NOSTREAM) => {
    const base = at(dirStart) + 128 * index;
    for (let i = 0; i < name.length; i++) view.setUint16(base + 2 * i, name.charCodeAt(i), true);
    view.setUint16(base + 64, 2 * (name.length + 1), true);
    out[base + 66] = type;
    out[base + 67] = 1; // black
    view.setUint32(base + 68, NOSTREAM, true);
    view.setUint32(base + 72, right, true);
    view.setUint32(base + 76, child, true);
    view.setUint32(base + 116, start, true);
    view.setUint32(base + 120, size, true);
  };
  entry(0, "Root Entry", 5, miniStreamSectors ? miniStreamStart : ENDOFCHAIN, miniStreamBytes, sorted.length ? 1 : NOSTREAM);
  sorted.forEach((s, i) => {
    const right = i + 1 < sorted.length ? i + 2 : NOSTREAM;
    const start = s.data.length < MINI_CUTOFF ? miniStart.get(s)! : largeStart.get(s)!;
    entry(i + 1, s.name, 2, start, s.data.length, NOSTREAM, right);
  });
  // Unused directory slots are empty entries whose siblings and child say "none".
  for (let i = dirEntries; i < dirSectors * 4; i++) {
    const base = at(dirStart) + 128 * i;
    view.setUint32(base + 68, NOSTREAM, true);
    view.setUint32(base + 72, NOSTREAM, true);
    view.setUint32(base + 76, NOSTREAM, true);
  }

  for (const s of small) out.set(s.data, at(miniStreamStart) + MINI_SECTOR * miniStart.get(s)!);
  for (const s of large) out.set(s.data, at(largeStart.get(s)!));
  return out;
}

/** The streams of a compound file by name (root's children only): enough to check what cfbFile wrote. */
export function cfbStreamNames(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dirStart = view.getUint32(48, true);
  const fat = (sector: number) => view.getUint32(SECTOR * (1 + view.getUint32(76, true)) + 4 * sector, true);
  const names: string[] = [];
  for (let sector = dirStart; sector !== ENDOFCHAIN; sector = fat(sector)) {
    for (let i = 0; i < 4; i++) {
      const base = SECTOR * (1 + sector) + 128 * i;
      const length = view.getUint16(base + 64, true) / 2 - 1;
      if (length <= 0 || bytes[base + 66] !== 2) continue;
      names.push(String.fromCharCode(...Array.from({ length }, (_, k) => view.getUint16(base + 2 * k, true))));
    }
  }
  return names;
}

/** An Excel 97–2003 workbook as far as a sniffer can tell: a CFB with a "Workbook" stream that starts with a BIFF8 BOF record. */
export function oldXls(): Uint8Array {
  const biff = new Uint8Array(MINI_CUTOFF + 512);
  const v = new DataView(biff.buffer);
  v.setUint16(0, 0x0809, true); // BOF
  v.setUint16(2, 16, true);
  v.setUint16(4, 0x0600, true); // BIFF8
  v.setUint16(6, 0x0005, true); // workbook globals
  v.setUint16(8, 0x2775, true); // build
  v.setUint16(10, 0x07cd, true); // year
  v.setUint16(20, 0x000a, true); // EOF
  const summary = new Uint8Array(256);
  return cfbFile([
    { name: "Workbook", data: biff },
    { name: "\u0005SummaryInformation", data: summary },
  ]);
}

/**
 * A password-protected .xlsx as Excel writes it: not a zip but a CFB holding
 * "EncryptionInfo" (agile encryption, version 4.4, an XML descriptor) and
 * "EncryptedPackage" (the zip, encrypted; here seeded random bytes).
 */
export function encryptedXlsx(): Uint8Array {
  const xml = encode(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password">` +
      `<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/>` +
      `<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><p:encryptedKey spinCount="100000" saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"/></keyEncryptor></keyEncryptors></encryption>`,
  );
  const info = new Uint8Array(8 + xml.length);
  const v = new DataView(info.buffer);
  v.setUint16(0, 4, true);
  v.setUint16(2, 4, true);
  v.setUint32(4, 0x40, true);
  info.set(xml, 8);
  const pkg = randomBytes(8, 8 + 12 * 1024);
  new DataView(pkg.buffer).setUint32(0, 12 * 1024, true); // the plain package's size, then the ciphertext
  return cfbFile([
    { name: "EncryptionInfo", data: info },
    { name: "EncryptedPackage", data: pkg },
  ]);
}

/** A Word 97–2003 document (.doc): a CFB with a "WordDocument" stream; Phụ lục 3 is typed in Word. */
export function oldWordDoc(): Uint8Array {
  const fib = new Uint8Array(MINI_CUTOFF + 512);
  new DataView(fib.buffer).setUint16(0, 0xa5ec, true); // the FIB's magic number
  return cfbFile([
    { name: "WordDocument", data: fib },
    { name: "1Table", data: new Uint8Array(MINI_CUTOFF + 512) },
  ]);
}

/** A Word .docx holding the appendix's first lines, renamed .xlsx. */
export function wordDocx(): Uint8Array {
  const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  return zipParts([
    {
      name: "[Content_Types].xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    },
    {
      name: "_rels/.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    },
    {
      name: "word/document.xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>Phụ lục 3 – Biểu mẫu 1</w:t></w:r></w:p></w:body></w:document>`,
    },
  ]);
}

// ---------------------------------------------------------------------------
// Zips broken on purpose.

function endOfCentralDirectory(bytes: Uint8Array): number {
  for (let i = bytes.length - 22; i >= 0; i--) if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 5 && bytes[i + 3] === 6) return i;
  throw new Error("no end of central directory");
}

/** The workbook with its central directory overwritten by seeded noise (the parts and the end record intact). */
export function damagedCentralDirectory(good: Uint8Array): Uint8Array {
  const out = good.slice();
  const end = endOfCentralDirectory(out);
  const start = new DataView(out.buffer).getUint32(end + 16, true);
  out.set(randomBytes(3, end - start), start);
  return out;
}

/** A sheet of a workbook whose only sheet is this one, named `name`. */
const oneSheet = (name: string, content: string) => handXlsx({ sheets: [{ name, xml: sheetXml(content) }] });

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/**
 * A zip bomb: a BM1 sheet whose part inflates to `size` bytes of zeros while
 * its headers declare `declared` (a liar) or the truth (refused unread).
 */
export function zipBomb(size: number, declared: "small" | "true"): Uint8Array {
  const parts = handParts({ sheets: [{ name: "BM1", xml: sheetXml("<sheetData/>") }] }).map((p) =>
    p.name === "xl/worksheets/sheet1.xml" ? { ...p, data: "", deflated: zeroBomb(size), declaredSize: declared === "small" ? 10_000 : size } : p,
  );
  return zipParts(parts);
}

/** "Billion laughs": ten levels of entities each ten times the last, used in a cell of sheet BM1. */
export function entityBomb(): Uint8Array {
  const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join("");
  const xml = `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY lol0 "lol">${levels}]><worksheet xmlns="${MAIN_NS}"><sheetData><row r="1">${inline("A1", "&lol9;")}</row></sheetData></worksheet>`;
  const parts = handParts({ sheets: [{ name: "BM1", xml: sheetXml("<sheetData/>") }] }).map((p) =>
    p.name === "xl/worksheets/sheet1.xml" ? { ...p, data: xml } : p,
  );
  return zipParts(parts);
}

/** Sheet BM1 claiming the whole grid, with cells at its far corners. */
export function wholeGridSheet(): Uint8Array {
  return oneSheet(
    "BM1",
    `<dimension ref="A1:XFD1048576"/><sheetData><row r="1">${inline("A1", "Biểu mẫu 1")}<c r="XFD1"><v>2</v></c></row>` +
      `<row r="1048576"><c r="A1048576"><v>3</v></c><c r="XFD1048576"><v>4</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="B2:XFD1048575"/></mergeCells>`,
  );
}

/**
 * Sheet BM1 with 300,000 rows: the first few thousand look like indicator rows
 * (STT, text, figure), the rest are short, so that building the file stays fast.
 */
export function manyRows(rows = 300_000): Uint8Array {
  const chunks: string[] = [];
  for (let r = 1; r <= rows; r++) {
    chunks.push(
      r <= 6000
        ? `<row r="${r}">${inline(`A${r}`, `${(r % 9) + 1}.${r % 7}`)}${inline(`B${r}`, `Chỉ tiêu ${r}`)}<c r="D${r}"><v>${r}</v></c></row>`
        : `<row r="${r}"><c r="D${r}"><v>${r}</v></c></row>`,
    );
  }
  const xml = encode(sheetXml(`<sheetData>${chunks.join("")}</sheetData>`));
  chunks.length = 0;
  const parts = handParts({ sheets: [{ name: "BM1", xml: "" }] }).map((p) =>
    p.name === "xl/worksheets/sheet1.xml" ? { ...p, data: xml, deflated: deflateRawSync(xml, { level: 1 }) } : p,
  );
  return zipParts(parts);
}

/**
 * Names a plain-object lookup would trip on, everywhere the file chooses a
 * name: sheets "__proto__" and "constructor", and a hidden metadata sheet
 * whose keys and values are such names too.
 */
export function prototypeNames(): Uint8Array {
  const words = ["__proto__", "constructor", "toString", "hasOwnProperty", "prototype", "valueOf"];
  const cells = (r: number) => `<row r="${r}">${words.map((w, i) => inline(`${String.fromCharCode(65 + i)}${r}`, w)).join("")}</row>`;
  const meta = [
    ["format", META_FORMAT],
    ["unit", "__proto__"],
    ["period", "constructor"],
    ["__proto__", "constructor"],
    ["constructor", "__proto__"],
    ["forms", "__proto__,constructor"],
  ]
    .map(([k, v], i) => `<row r="${i + 2}">${inline(`A${i + 2}`, k)}${inline(`B${i + 2}`, v)}</row>`)
    .join("");
  return handXlsx({
    sheets: [
      { name: "__proto__", xml: sheetXml(`<sheetData>${cells(1)}${cells(2)}</sheetData>`) },
      { name: "constructor", xml: sheetXml(`<sheetData>${cells(1)}</sheetData>`) },
      { name: META_SHEET, xml: sheetXml(`<sheetData><row r="1">${inline("A1", "meta")}</row>${meta}</sheetData>`), state: "veryHidden" },
    ],
  });
}

/** A sound workbook with no form in it, and not the appendix pasted from Word either: a staff list. */
export function noFormWorkbook(): Uint8Array {
  const people = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"];
  const rows = [
    `<row r="1">${inline("A1", "DANH SÁCH CÁN BỘ, CÔNG CHỨC")}</row>`,
    `<row r="3">${inline("A3", "STT")}${inline("B3", "Họ và tên")}${inline("C3", "Chức vụ")}${inline("D3", "Số điện thoại")}</row>`,
    ...people.map(
      (p, i) =>
        `<row r="${i + 4}"><c r="A${i + 4}"><v>${i + 1}</v></c>${inline(`B${i + 4}`, p)}${inline(`C${i + 4}`, "Chuyên viên")}${inline(`D${i + 4}`, `09${i}1234567`)}</row>`,
    ),
  ];
  return handXlsx({
    sheets: [
      { name: "Danh sách", xml: sheetXml(`<sheetData>${rows.join("")}</sheetData>`) },
      { name: "Sheet2", xml: sheetXml("<sheetData/>") },
    ],
  });
}

/** A table as Excel's "Save as Web Page" writes it (what arrives when someone renames the .htm). */
export function excelHtml(): Uint8Array {
  return encode(
    `<html xmlns:v="urn:schemas-microsoft-com:vml"\r\nxmlns:o="urn:schemas-microsoft-com:office:office"\r\nxmlns:x="urn:schemas-microsoft-com:office:excel"\r\nxmlns="http://www.w3.org/TR/REC-html40">\r\n\r\n<head>\r\n` +
      `<meta http-equiv=Content-Type content="text/html; charset=utf-8">\r\n<meta name=ProgId content=Excel.Sheet>\r\n<meta name=Generator content="Microsoft Excel 15">\r\n` +
      `<!--[if gte mso 9]><xml>\r\n <x:ExcelWorkbook>\r\n  <x:ExcelWorksheets>\r\n   <x:ExcelWorksheet>\r\n    <x:Name>BM1</x:Name>\r\n   </x:ExcelWorksheet>\r\n  </x:ExcelWorksheets>\r\n </x:ExcelWorkbook>\r\n</xml><![endif]-->\r\n</head>\r\n\r\n` +
      `<body link="#0563C1" vlink="#954F72">\r\n<table border=0 cellpadding=0 cellspacing=0 width=500>\r\n <tr height=20>\r\n  <td>STT</td><td>Chỉ tiêu thống kê</td><td>Đơn vị tính</td><td>Số liệu</td>\r\n </tr>\r\n` +
      ` <tr height=20>\r\n  <td>1</td><td>Số văn bản</td><td>Văn bản</td><td align=right>7</td>\r\n </tr>\r\n</table>\r\n</body>\r\n</html>\r\n`,
  );
}

/** The reason for a sheet BM1 whose table cannot be found, as validation states it. */
const NO_HEADER = {
  vi: /Không tìm thấy dòng tiêu đề \(STT \| Chỉ tiêu thống kê \| …\) trên trang BM1\./,
  en: /No header row \(STT \| Chỉ tiêu thống kê \| …\) found on sheet BM1\./,
};
/** The reason for a workbook without any form sheet (and no pasted appendix either). */
const NO_FORMS = { vi: /Không tìm thấy trang biểu mẫu nào \(BM1 … BM7\)\./, en: /No form sheet found \(BM1 … BM7\)\./ };

/** The reason for a Word document sent in place of the workbook. */
const WORD = {
  vi: /đây là tệp Word, không phải Excel; hãy chép bảng Phụ lục 3 vào một trang Excel rồi lưu dạng \.xlsx\./,
  en: /this is a Word file, not Excel; copy the appendix table into an Excel sheet and save it as \.xlsx\./,
};

/** What the Kiểm tra/Tổng hợp of a ward receives by mistake or by malice, with the reason each should be refused for. */
export interface HostileFile {
  /** a short id, for test names */
  id: string;
  /** the file's name as received */
  name: string;
  bytes: Uint8Array;
  /** true: read, but there is no form in it (exit 1); false: refused as unreadable (exit 2) */
  readable: boolean;
  /** the reason, as the user reads it right after "FILE: " (Vietnamese, English); for a readable file, the finding's message */
  reason: { vi: RegExp; en: RegExp };
}

/** A unit's workbook made as `cchc template` makes it and filled with the demo's figures. */
export async function goodUnitFile(code: string): Promise<Uint8Array> {
  const unit = SAMPLE_UNITS.find((u) => u.code === code);
  if (!unit) throw new Error(`no sample unit ${code}`);
  return await planToXlsx(
    buildWorkbookPlan({ unit: unit.name, period: period("2026-H1"), forms: unit.forms, figures: unit.figures, createdAt: "2026-06-20T08:00:00.000Z" }),
  );
}

/**
 * Every hostile file, built from `good` (a unit's sound workbook, for the
 * truncated and damaged zips). Each is at most a few MB.
 */
export function hostileFiles(good: Uint8Array): HostileFile[] {
  const csv = encode("STT;Chỉ tiêu thống kê;Đơn vị tính;Số liệu\r\n1;Số văn bản quy phạm pháp luật;Văn bản;7\r\n2;Số thủ tục hành chính;Thủ tục;12\r\n");
  return [
    {
      id: "empty",
      name: "rong.xlsx",
      bytes: new Uint8Array(0),
      readable: false,
      reason: { vi: /tệp rỗng \(0 byte\)\./, en: /the file is empty \(0 bytes\)\./ },
    },
    {
      id: "random",
      name: "ngau-nhien.xlsx",
      bytes: randomBytes(20260620, 64 * 1024),
      readable: false,
      reason: { vi: /không phải tệp Excel \.xlsx\./, en: /not an Excel \.xlsx file\./ },
    },
    {
      id: "csv",
      name: "bang-tinh.xlsx",
      bytes: csv,
      readable: false,
      reason: { vi: /không phải tệp Excel \.xlsx \(nội dung giống tệp CSV\)\./, en: /not an Excel \.xlsx file \(it looks like CSV\)\./ },
    },
    {
      id: "html",
      name: "trang-web.xlsx",
      bytes: excelHtml(),
      readable: false,
      reason: { vi: /không phải tệp Excel \.xlsx \(nội dung giống tệp HTML\)\./, en: /not an Excel \.xlsx file \(it looks like HTML\)\./ },
    },
    {
      id: "xls",
      name: "bao-cao-cu.xlsx",
      bytes: oldXls(),
      readable: false,
      reason: {
        vi: /đây là tệp Excel cũ \(\.xls\); hãy mở bằng Excel và lưu lại dạng \.xlsx\./,
        en: /this is an old Excel file \(\.xls\); open it in Excel and save it as \.xlsx\./,
      },
    },
    { id: "word-doc", name: "phu-luc-3.xlsx", bytes: oldWordDoc(), readable: false, reason: WORD },
    { id: "word-docx", name: "phu-luc-3-moi.xlsx", bytes: wordDocx(), readable: false, reason: WORD },
    {
      id: "encrypted",
      name: "co-mat-khau.xlsx",
      bytes: encryptedXlsx(),
      readable: false,
      reason: {
        vi: /tệp được đặt mật khẩu; hãy bỏ mật khẩu \(Tệp > Thông tin > Bảo vệ sổ làm việc\) rồi gửi lại\./,
        en: /the workbook is password-protected; remove the password and send it again\./,
      },
    },
    {
      id: "truncated",
      name: "gui-thieu.xlsx",
      bytes: good.subarray(0, Math.floor(good.length / 2)),
      readable: false,
      reason: {
        vi: /tệp \.xlsx bị hỏng, không đọc được: phần nén \(zip\) của tệp bị hỏng hoặc thiếu, có thể tệp chưa được tải về hay sao chép hết\.$/,
        en: /the \.xlsx file is damaged and cannot be read \(not a zip \(no end of central directory\)\)\./,
      },
    },
    {
      id: "central-directory",
      name: "muc-luc-hong.xlsx",
      bytes: damagedCentralDirectory(good),
      readable: false,
      reason: {
        vi: /tệp \.xlsx bị hỏng, không đọc được: phần nén \(zip\) của tệp bị hỏng hoặc thiếu/,
        en: /the \.xlsx file is damaged and cannot be read \(central directory damaged\)\./,
      },
    },
    {
      id: "zip-bomb",
      name: "bom-zip.xlsx",
      bytes: zipBomb(400 * MB, "small"),
      readable: false,
      reason: {
        vi: /nội dung tệp khi giải nén vượt giới hạn cho phép \(phần xl\/worksheets\/sheet1\.xml\); tệp có thể bị hỏng hoặc được tạo ra để gây quá tải\./,
        en: /the file's content is too large once unpacked \(xl\/worksheets\/sheet1\.xml inflates beyond 50 MB\); it may be damaged or built to overload the reader\./,
      },
    },
    {
      id: "zip-bomb-declared",
      name: "bom-zip-khai-that.xlsx",
      bytes: zipBomb(400 * MB, "true"),
      readable: false,
      reason: {
        vi: /nội dung tệp khi giải nén vượt giới hạn cho phép \(phần xl\/worksheets\/sheet1\.xml\)/,
        en: /the file's content is too large once unpacked \(xl\/worksheets\/sheet1\.xml declares 400 MB \(at most 50 MB\)\)/,
      },
    },
    {
      id: "entity-bomb",
      name: "bom-thuc-the.xlsx",
      bytes: entityBomb(),
      readable: false,
      reason: {
        vi: /tệp \.xlsx bị hỏng, không đọc được: tệp chứa khai báo thực thể XML, bị từ chối để an toàn \(phần xl\/worksheets\/sheet1\.xml\)\./,
        en: /the \.xlsx file is damaged and cannot be read \(xl\/worksheets\/sheet1\.xml: DOCTYPE or ENTITY declaration refused\)/,
      },
    },
    { id: "whole-grid", name: "ca-luoi.xlsx", bytes: wholeGridSheet(), readable: true, reason: NO_HEADER },
    { id: "many-rows", name: "300-nghin-dong.xlsx", bytes: manyRows(), readable: true, reason: NO_HEADER },
    { id: "proto", name: "__proto__.xlsx", bytes: prototypeNames(), readable: true, reason: NO_FORMS },
    { id: "no-form", name: "danh-sach-can-bo.xlsx", bytes: noFormWorkbook(), readable: true, reason: NO_FORMS },
  ];
}
