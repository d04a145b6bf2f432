import type { PeriodError } from "./periods/period";

/** Every problem the product reports as a sentence rather than a finding; text comes from messages/. */
export type AppError =
  | PeriodError
  | { code: "UNKNOWN_FORM"; input: string; known: string }
  | { code: "UNKNOWN_COMMAND"; command: string }
  | { code: "UNKNOWN_OPTION"; option: string }
  | { code: "MISSING_OPTION_VALUE"; option: string }
  | { code: "OUTPUT_REQUIRED" }
  | { code: "OUTPUT_NOT_XLSX"; path: string }
  | { code: "WRITE_FAILED"; path: string; reason: string }
  | { code: "UNEXPECTED"; detail: string };

export type AppErrorCode = AppError["code"];
