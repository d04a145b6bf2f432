/**
 * Folded texts already seen. Every workbook repeats the same few hundred
 * labels (indicators, units, headers); normalize() dominated validating a
 * thousand of them. Bounded: cleared when full, so hostile text cannot grow it.
 */
const folded = new Map<string, string>();
const FOLD_CACHE_SIZE = 20_000;
const FOLD_CACHE_MAX_LENGTH = 500;

/** Folds text for matching: no accents (đ → d), lower case, single spaces, trimmed. */
export function foldText(s: string): string {
  const known = folded.get(s);
  if (known !== undefined) return known;
  const out = fold(s);
  if (s.length <= FOLD_CACHE_MAX_LENGTH) {
    if (folded.size >= FOLD_CACHE_SIZE) folded.clear();
    folded.set(s, out);
  }
  return out;
}

function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim();
}

/** An STT as written ("2.1.", " 2.1 ", 2.1 as a number) → "2.1"; undefined when it is not an STT. */
export function normaliseStt(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  const s = String(value).trim().replace(/\.$/, "");
  return /^\d+(\.\d+)*$/.test(s) ? s : undefined;
}
