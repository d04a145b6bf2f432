/** Why bytes could not be read as a workbook, in the words the caller maps to its own messages. */
export type XlsxReadErrorCode =
  /** not a zip, a damaged zip, an encrypted part or a compression method other than deflate */
  | "zip"
  /** a part, all parts together, the zip directory or the cells go beyond LIMITS */
  | "too-large"
  /** a DOCTYPE or ENTITY declaration: refused, never expanded */
  | "entity"
  /** XML that is not well formed enough to read, or refers to what is not there */
  | "xml"
  /** a part every workbook has (the workbook, its relationships) is absent */
  | "missing-part";

/**
 * Thrown by the fast reader; `detail` is short, names the part and is not
 * translated; `part` is the part concerned ("xl/worksheets/sheet1.xml"), when
 * there is one, for messages in other languages to name.
 */
export class XlsxReadError extends Error {
  constructor(
    readonly code: XlsxReadErrorCode,
    readonly detail: string,
    readonly part?: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = "XlsxReadError";
  }
}
