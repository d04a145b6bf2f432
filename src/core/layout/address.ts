/** The letters of the columns a sheet is read within (and a margin), made once: addresses are built per cell, often. */
const LETTERS: string[] = [];

/** 1 → "A", 27 → "AA". */
export function columnLetter(col: number): string {
  const known = LETTERS[col];
  if (known !== undefined) return known;
  const letters = lettersOf(col);
  if (Number.isInteger(col) && col > 0 && col <= 1024) LETTERS[col] = letters;
  return letters;
}

function lettersOf(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** (row 8, column 4) → "D8". */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** "D8" → { row: 8, col: 4 }; undefined for anything else. */
export function parseAddress(address: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(address.toUpperCase());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}
