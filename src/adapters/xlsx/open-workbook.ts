import type { FileError } from "../../core/errors";
import { LIMITS } from "../../core/limits";
import type { WorkbookSnapshot } from "../../core/read/snapshot";
import type { Result } from "../../core/result";
import { readXlsxFast, XlsxReadError, type ReadOptions } from "./fast-read";

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Whether `needle` occurs anywhere in `bytes`. */
function contains(bytes: Uint8Array, needle: readonly number[]): boolean {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** A stream name as a CFB directory writes it (UTF-16LE), e.g. "EncryptionInfo", the stream an encrypted .xlsx carries. */
const utf16 = (text: string) => [...text].flatMap((c) => [c.charCodeAt(0), 0]);
/** A part name as a zip writes it (ASCII). */
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

function looksLike(bytes: Uint8Array): "csv" | "html" | "pdf" | "text" | "unknown" {
  const head = new TextDecoder("utf-8", { fatal: false })
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF/, "")
    .trimStart()
    .toLowerCase();
  if (head.startsWith("%pdf")) return "pdf";
  if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.includes("<table")) return "html";
  const printable = [...head].filter((c) => c >= " " || c === "\n" || c === "\r" || c === "\t").length;
  // [^\n], not ".": a CSV saved on Windows ends its lines with \r\n, and "." stops at the \r.
  if (head.length > 0 && printable / head.length > 0.95) return /[,;\t][^\n]*\n/.test(head) ? "csv" : "text";
  return "unknown";
}

/**
 * A reader's detail made fit for the one line the CLI prints per unreadable
 * file: it may quote the file (a part name, a cell reference), so control
 * characters are shown as "?" and a long quote is cut.
 */
function oneLine(detail: string): string {
  const clean = detail.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, "?");
  return clean.length > 200 ? `${clean.slice(0, 200)}…` : clean;
}

/**
 * Opens .xlsx bytes as a snapshot, or says in one structured error why not:
 * empty, too large, an old .xls, a password-protected workbook, something
 * else renamed .xlsx, or a damaged zip. Never throws.
 */
export async function openWorkbook(bytes: Uint8Array, file: string, options: ReadOptions = {}): Promise<Result<WorkbookSnapshot, FileError>> {
  if (bytes.length === 0) return { ok: false, error: { code: "FILE_EMPTY", file } };
  if (bytes.length > LIMITS.maxFileBytes) return { ok: false, error: { code: "FILE_TOO_LARGE", file, bytes: bytes.length, limit: LIMITS.maxFileBytes } };
  if (startsWith(bytes, CFB)) {
    if (contains(bytes, utf16("EncryptionInfo"))) return { ok: false, error: { code: "FILE_ENCRYPTED", file } };
    return { ok: false, error: contains(bytes, utf16("WordDocument")) ? { code: "FILE_NOT_XLSX", file, looksLike: "word" } : { code: "FILE_OLD_XLS", file } };
  }
  if (startsWith(bytes, EMPTY_ZIP)) return { ok: false, error: { code: "FILE_DAMAGED", file, detail: "zip", reason: "zip" } };
  if (!startsWith(bytes, ZIP)) return { ok: false, error: { code: "FILE_NOT_XLSX", file, looksLike: looksLike(bytes) } };
  try {
    return { ok: true, value: readXlsxFast(bytes, options) };
  } catch (error) {
    if (error instanceof XlsxReadError) {
      // Phụ lục 3 is typed in Word: a .docx renamed .xlsx is a likely mistake, and deserves its own sentence.
      if (error.code === "missing-part" && contains(bytes, ascii("word/document.xml")))
        return { ok: false, error: { code: "FILE_NOT_XLSX", file, looksLike: "word" } };
      const detail = oneLine(error.detail);
      // The part is a path inside the file, the same in every language: messages name it where the English detail cannot go.
      const part = error.part === undefined ? undefined : oneLine(error.part);
      return {
        ok: false,
        error:
          error.code === "too-large"
            ? { code: "FILE_CONTENT_TOO_LARGE", file, detail, ...(part ? { part } : {}) }
            : { code: "FILE_DAMAGED", file, detail, reason: error.code, ...(part ? { part } : {}) },
      };
    }
    // Not expected from the reader; still a file that cannot be read, never a stack trace.
    const detail = error instanceof Error ? oneLine(error.message.split("\n")[0].slice(0, 120)) : "unknown";
    return { ok: false, error: { code: "FILE_DAMAGED", file, detail } };
  }
}
