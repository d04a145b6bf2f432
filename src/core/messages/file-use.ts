import type { FileUse } from "../aggregate/aggregate";
import { toFinding } from "./word";
import { formatError } from "./index";
import type { Lang } from "./types";

/**
 * What is said beside a file of an aggregation, in words: the file used
 * instead of a replaced one, why no form was found (its findings' messages),
 * or why the file could not be read. Undefined for a file with nothing to say.
 */
export function fileUseDetail(f: Pick<FileUse, "usedInstead" | "noForms" | "error">, lang: Lang): string | undefined {
  if (f.usedInstead !== undefined) return f.usedInstead;
  if (f.noForms !== undefined) return f.noForms.map((r) => toFinding(r, lang).message).join(" ");
  if (f.error !== undefined) return formatError(f.error, lang);
  return undefined;
}
