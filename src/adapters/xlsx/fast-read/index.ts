import { LIMITS } from "../../../core/limits";
import type { WorkbookSnapshot } from "../../../core/read/snapshot";
import { XlsxReadError } from "./errors";
import { readSharedStrings } from "./shared-strings";
import { readSheet, type SheetContext } from "./sheet";
import { readStyles, type CellStyle } from "./styles";
import { officeDocumentPart, readWorkbookInfo, relsPathOf } from "./workbook";
import { ZipParts, type RawInflate } from "./zip";

export { XlsxReadError, type XlsxReadErrorCode } from "./errors";
export type { RawInflate } from "./zip";

/** How to read: the default suits the browser and Node alike. */
export interface ReadOptions {
  /** a faster inflater where the platform has one (Node's zlib) */
  inflate?: RawInflate;
}

const DEFAULT_WORKBOOK = "xl/workbook.xml";

/** Styles parts read lately, newest last, by their stored bytes. */
const knownStyles: { method: number; size: number; data: Uint8Array; styles: readonly CellStyle[] }[] = [];
/** A few: the programs (Excel versions, LibreOffice) a ward's units save with. */
const KNOWN_STYLES = 4;

const sameBytes = (a: Uint8Array, b: Uint8Array) => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/**
 * A workbook's cell styles. Unit workbooks saved by one program from the
 * product's template carry the very same styles part (LibreOffice: 14 KB of
 * the ~100 KB read); one stored exactly as a part read lately (compared byte
 * for byte, not by checksum) is taken from it, not inflated and read again.
 */
function stylesOf(zip: ZipParts, part: string): readonly CellStyle[] {
  const stored = zip.stored(part)!;
  const known = knownStyles.find((k) => k.method === stored.method && k.size === stored.size && sameBytes(k.data, stored.data));
  if (known) return known.styles;
  const styles = Object.freeze(readStyles(zip.read(part)!, part).map((s) => Object.freeze(s)));
  if (knownStyles.length >= KNOWN_STYLES) knownStyles.shift();
  knownStyles.push({ method: stored.method, size: stored.size, data: stored.data.slice(), styles });
  return styles;
}

/**
 * Reads .xlsx bytes into a snapshot (the one ExcelJS would give: the
 * differential tests compare them on a corpus), inflating
 * only the parts it needs and staying within LIMITS; synchronous. Throws an
 * XlsxReadError (and nothing else for bytes it was given) when it cannot.
 */
export function readXlsxFast(bytes: Uint8Array, options: ReadOptions = {}): WorkbookSnapshot {
  const zip = ZipParts.open(bytes, options.inflate);
  let workbookPart = DEFAULT_WORKBOOK;
  if (!zip.has(workbookPart)) {
    const rootRels = zip.read("_rels/.rels");
    const main = rootRels && officeDocumentPart(rootRels);
    if (!main || !zip.has(main)) throw new XlsxReadError("missing-part", `${DEFAULT_WORKBOOK} is missing`, DEFAULT_WORKBOOK);
    workbookPart = main;
  }
  const relsPart = relsPathOf(workbookPart);
  if (!zip.has(relsPart)) throw new XlsxReadError("missing-part", `${relsPart} is missing`, relsPart);
  zip.admit([workbookPart, relsPart]);
  const info = readWorkbookInfo(workbookPart, zip.read(workbookPart)!, zip.read(relsPart)!);

  const sheets = info.sheets.filter((s) => s.part !== undefined && zip.has(s.part)).slice(0, LIMITS.maxSheets);
  const fallback = (part: string | undefined, usual: string) => (part !== undefined && zip.has(part) ? part : zip.has(usual) ? usual : undefined);
  const stringsPart = fallback(info.sharedStringsPart, "xl/sharedStrings.xml");
  const stylesPart = fallback(info.stylesPart, "xl/styles.xml");
  // Every part's declared size is checked before any of them is inflated.
  zip.admit([stringsPart, stylesPart, ...sheets.map((s) => s.part)].filter((p): p is string => p !== undefined));

  const ctx: SheetContext = {
    strings: stringsPart ? readSharedStrings(zip.read(stringsPart)!, stringsPart) : [],
    styles: stylesPart ? stylesOf(zip, stylesPart) : [],
    date1904: info.date1904,
    budget: { cells: LIMITS.maxCellsPerWorkbook },
  };
  return { sheets: sheets.map((s) => readSheet(zip.read(s.part!)!, s.part!, s, ctx)) };
}
