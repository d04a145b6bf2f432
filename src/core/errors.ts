import type { PeriodError } from "./periods/period";

/** Every problem the product reports as a sentence rather than a finding; text comes from messages/. */
export type AppError =
  | PeriodError
  | { code: "UNKNOWN_FORM"; input: string; known: string }
  | { code: "UNKNOWN_COMMAND"; command: string }
  | { code: "UNKNOWN_OPTION"; option: string }
  | { code: "MISSING_OPTION_VALUE"; option: string }
  | { code: "OUTPUT_REQUIRED"; command: "template" | "aggregate" }
  | { code: "FILES_REQUIRED" }
  | { code: "TOO_MANY_FILES"; count: number; limit: number }
  | { code: "REGISTRY_INVALID"; file: string; issues: string }
  | { code: "OUTPUT_IS_INPUT"; path: string }
  | { code: "NO_USABLE_FILES" }
  | { code: "NO_PERIOD" }
  /** cchc aggregate: neither --ward nor the setup's "ward" names the ward; the product never writes a name it was not given */
  | { code: "WARD_REQUIRED" }
  | { code: "OUTPUT_NOT_XLSX"; path: string }
  | { code: "WRITE_FAILED"; path: string; reason: string }
  /** the disk (or the user's quota) filled up while writing; the previous file, if any, is untouched */
  | { code: "DISK_FULL"; path: string }
  | { code: "UNEXPECTED"; detail: string }
  /** cchc import: the sheet names no period and --period was not given; `dates` are the dates the sheet does give */
  | { code: "PERIOD_REQUIRED"; file: string; dates: string }
  | FileError;

/** Why a file could not be read as a workbook. */
export type FileError =
  | { code: "FILE_NOT_FOUND"; file: string }
  | { code: "FILE_UNREADABLE"; file: string; reason: string }
  | { code: "FILE_EMPTY"; file: string }
  | { code: "FILE_TOO_LARGE"; file: string; bytes: number; limit: number }
  | { code: "FILE_OLD_XLS"; file: string }
  | { code: "FILE_ENCRYPTED"; file: string }
  | { code: "FILE_NOT_XLSX"; file: string; looksLike: "csv" | "html" | "pdf" | "text" | "word" | "unknown" }
  /** `detail` is the reader's own words (English, for whoever repairs the file); `reason` and `part` are what a message in any language can say */
  | { code: "FILE_DAMAGED"; file: string; detail: string; reason?: DamageReason; part?: string }
  /** a part inflates (or says it inflates) beyond LIMITS: a zip bomb, or not a unit's workbook */
  | { code: "FILE_CONTENT_TOO_LARGE"; file: string; detail: string; part?: string };

/** What is wrong inside a damaged .xlsx: its zip container, the XML of a part, a refused entity declaration, a part every workbook has. */
export type DamageReason = "zip" | "xml" | "entity" | "missing-part";

export type AppErrorCode = AppError["code"];

/**
 * Whether opening the file in Excel or LibreOffice and saving it as .xlsx may
 * make it readable (a damaged file, a CSV or web page renamed), as opposed to
 * reasons whose message already says what to do (a password, a Word file, an
 * old .xls) or that saving again does not cure (empty, too large, a bomb).
 */
export function resavingMayHelp(error: FileError): boolean {
  return error.code === "FILE_DAMAGED" || (error.code === "FILE_NOT_XLSX" && error.looksLike !== "word" && error.looksLike !== "pdf");
}
