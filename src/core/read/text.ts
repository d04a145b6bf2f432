const MEMO_SIZE = 20_000;
const MEMO_MAX_LENGTH = 500;

/**
 * A text function that remembers its answers. Every workbook repeats the same
 * few hundred labels (indicators, units, headers, unit names); normalize() and
 * regular expressions on them dominated validating a thousand workbooks.
 * Bounded: cleared when full, long texts not kept, so hostile text cannot grow it.
 */
export function memoText<T>(fn: (s: string) => T): (s: string) => T {
  const seen = new Map<string, T>();
  return (s) => {
    const known = seen.get(s);
    if (known !== undefined) return known;
    const out = fn(s);
    if (s.length <= MEMO_MAX_LENGTH) {
      if (seen.size >= MEMO_SIZE) seen.clear();
      seen.set(s, out);
    }
    return out;
  };
}

/** Folds text for matching: no accents (đ → d), lower case, single spaces, trimmed. */
export const foldText = memoText(fold);

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
  let s = String(value).trim();
  if (s.endsWith(".")) s = s.slice(0, -1);
  return isStt(s) ? s : undefined;
}

/**
 * Whether s is digits in groups joined by single dots ("2", "2.1.3"): what
 * /^\d+(\.\d+)*$/ tests, by hand, since every row of every form is asked.
 */
function isStt(s: string): boolean {
  let digitBefore = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digitBefore = true;
    else if (c === 46 && digitBefore) digitBefore = false;
    else return false;
  }
  return digitBefore;
}
