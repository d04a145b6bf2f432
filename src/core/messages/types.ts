import type { AppError, AppErrorCode } from "../errors";

export type Lang = "vi" | "en";

/** One message table per language; the type makes every language cover every code. */
export interface Messages {
  errors: { [C in AppErrorCode]: (e: Extract<AppError, { code: C }>) => string };
  cli: {
    help: string;
    templateWritten: (a: { path: string; forms: string; unit: string; period: string; ms: number }) => string;
    errorPrefix: string;
  };
}
