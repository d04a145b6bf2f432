/** Folds text for matching: no accents (đ → d), lower case, single spaces, trimmed. */
export function foldText(s: string): string {
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
