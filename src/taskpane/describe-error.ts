import type { UiStrings } from "../core/messages/vi-ui";

/** What the pane shows for a failure: a sentence saying what to do, and the raw detail only as a footnote. */
export interface ErrorView {
  text: string;
  detail?: string;
}

const field = (error: unknown, key: "code" | "name" | "message"): string | undefined => {
  if (typeof error !== "object" || error === null) return undefined;
  const value = (error as Record<string, unknown>)[key];
  return typeof value === "string" && value !== "" ? value : undefined;
};

/** True when the work was stopped through its AbortSignal rather than failing. */
export function isAbort(error: unknown): boolean {
  return field(error, "name") === "AbortError";
}

/**
 * Maps what a host threw onto advice the officer can act on. Office.js errors
 * carry a `code` (OfficeExtension.ErrorCodes); a lazily loaded chunk that
 * cannot be fetched fails with a ChunkLoadError.
 */
export function describeError(error: unknown, t: UiStrings["errors"]): ErrorView {
  const code = field(error, "code");
  const name = field(error, "name");
  const message = field(error, "message");
  const detail = [code ?? name, message].filter(Boolean).join(": ") || String(error);
  let text = t.generic;
  if (code === "InvalidOperationInCellEditMode") text = t.cellEditMode;
  else if (code === "AccessDenied" || code === "WorkbookProtected") text = t.protectedWorkbook;
  else if (code === "ApiNotFound" || code === "NotImplemented" || code === "UnsupportedOperation") text = t.notSupported;
  else if (name === "ChunkLoadError" || /loading (css )?chunk/i.test(message ?? "")) text = t.loadFailed;
  return { text, detail: t.detail(detail) };
}
