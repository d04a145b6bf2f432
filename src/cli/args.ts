import { parseArgs } from "node:util";
import type { AppError } from "../core/errors";
import type { Result } from "../core/result";

/** Options every command takes. */
export const COMMON_OPTIONS = {
  lang: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

type OptionSpec = Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }>;

/** Parses argv for one command; unknown options and missing values become AppErrors, never exceptions. */
export function parseCommandArgs<T extends OptionSpec>(
  argv: string[],
  options: T,
): Result<{ values: Record<string, string | boolean | string[] | undefined>; positionals: string[] }, AppError> {
  try {
    const parsed = parseArgs({ args: argv, options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true });
    return { ok: true, value: { values: parsed.values as Record<string, string | boolean | string[] | undefined>, positionals: parsed.positionals } };
  } catch (error) {
    const e = error as { code?: string; message?: string };
    const option = /'([^']+)'/.exec(e.message ?? "")?.[1] ?? "";
    if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      return { ok: false, error: { code: "MISSING_OPTION_VALUE", option: option.split(" ")[0] } };
    }
    return { ok: false, error: { code: "UNKNOWN_OPTION", option: option || String(e.message) } };
  }
}

/** The language asked for with --lang anywhere on the line; Vietnamese by default. */
export function detectLang(argv: readonly string[]): "vi" | "en" {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  if (i < 0) return "vi";
  const value = argv[i].includes("=") ? argv[i].split("=")[1] : argv[i + 1];
  return value?.toLowerCase() === "en" ? "en" : "vi";
}
