import type { UiStrings } from "../core/messages/vi-ui";

/**
 * What the pane shows for a failure: one sentence in the pane's language
 * saying what happened and what to do next. The raw exception never reaches
 * the screen (it is written to the browser console for an administrator).
 */
export interface ErrorView {
  text: string;
}

/**
 * The advice every error table of the pane gives, each in the words of its own
 * action; a table may also say what to do about protection the add-in found in
 * its way (without it, protectedWorkbook is said).
 */
export type ErrorStrings = Pick<
  UiStrings["errors"],
  "cellEditMode" | "protectedWorkbook" | "notSupported" | "loadFailed" | "busy" | "changed" | "tooLarge" | "outOfMemory" | "generic"
> &
  Partial<Pick<UiStrings["errors"], "structureProtected" | "sheetPassword">>;

/**
 * Codes of the add-in's own protection errors (src/adapters/office/protection.ts),
 * thrown before anything is changed: a sheet whose password refused unprotect
 * (the error names the sheet) and a workbook whose structure is protected.
 */
const SHEET_PASSWORD = "SheetPasswordProtected";
const STRUCTURE_PROTECTED = "WorkbookStructureProtected";

const field = (error: unknown, key: "code" | "name" | "message"): string | undefined => {
  if (typeof error !== "object" || error === null) return undefined;
  const value = (error as Record<string, unknown>)[key];
  return typeof value === "string" && value !== "" ? value : undefined;
};

/** True when the work was stopped through its AbortSignal rather than failing. */
export function isAbort(error: unknown): boolean {
  return field(error, "name") === "AbortError";
}

/** Office.js error codes (OfficeExtension.ErrorCodes) and what they mean for the officer. */
const OFFICE_CODES: Readonly<Record<string, Exclude<keyof ErrorStrings, "structureProtected" | "sheetPassword">>> = {
  InvalidOperationInCellEditMode: "cellEditMode",
  AccessDenied: "protectedWorkbook",
  WorkbookProtected: "protectedWorkbook",
  InsufficientPermissions: "protectedWorkbook",
  ApiNotFound: "notSupported",
  NotImplemented: "notSupported",
  UnsupportedOperation: "notSupported",
  ActivityLimitReached: "busy",
  ServiceNotAvailable: "busy",
  Conflict: "busy",
  RequestAborted: "busy",
  ItemNotFound: "changed",
  InvalidReference: "changed",
  RequestPayloadSizeLimitExceeded: "tooLarge",
  ResponsePayloadSizeLimitExceeded: "tooLarge",
};

/** A browser (or a worker) that ran out of memory: V8 throws RangeErrors with these words. */
const OUT_OF_MEMORY = /out of memory|allocation failed|invalid (typed )?array length|invalid string length/i;

/**
 * The raw failure, for whoever supports the officers: the browser console
 * (F12), never the pane. A warning, not an error: the failure has been put
 * into words for the officer already.
 */
function logForAdministrator(error: unknown): void {
  if (typeof console === "undefined") return;
  console.warn("Biểu mẫu CCHC:", error);
}

/**
 * Maps what a host threw onto advice the officer can act on. Office.js errors
 * carry a `code` (OfficeExtension.ErrorCodes); a lazily loaded chunk that
 * cannot be fetched fails with a ChunkLoadError; a machine short of memory
 * with a RangeError. Anything else gets the table's general advice.
 */
export function describeError(error: unknown, t: ErrorStrings): ErrorView {
  const code = field(error, "code");
  const name = field(error, "name");
  const message = field(error, "message") ?? "";
  logForAdministrator(error);
  const sheet = typeof error === "object" && error !== null ? (error as { sheet?: unknown }).sheet : undefined;
  if (code === SHEET_PASSWORD && t.sheetPassword && typeof sheet === "string") return { text: t.sheetPassword(sheet) };
  if (code === SHEET_PASSWORD || code === STRUCTURE_PROTECTED)
    return { text: (code === STRUCTURE_PROTECTED ? t.structureProtected : undefined) ?? t.protectedWorkbook };
  const known = code ? OFFICE_CODES[code] : undefined;
  if (known) return { text: t[known] };
  if (name === "ChunkLoadError" || /loading (css )?chunk/i.test(message)) return { text: t.loadFailed };
  if (OUT_OF_MEMORY.test(message)) return { text: t.outOfMemory };
  return { text: t.generic };
}
