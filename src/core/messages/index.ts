import type { AppError } from "../errors";
import { en } from "./en";
import type { Lang, Messages } from "./types";
import { vi } from "./vi";

export type { Lang, Messages } from "./types";
export { vi, en };

/** The message table of a language. */
export function messages(lang: Lang): Messages {
  return lang === "en" ? en : vi;
}

/** One sentence for an error, in the user's language. */
export function formatError(error: AppError, lang: Lang = "vi"): string {
  const format = messages(lang).errors[error.code] as (e: AppError) => string;
  return format(error);
}
