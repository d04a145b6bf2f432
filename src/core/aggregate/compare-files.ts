/**
 * Two files of one unit (a report sent, then sent again): which figures
 * differ between them, so the officer can tell a correction from the same
 * file sent twice before removing one. Pure: figures in, differences out.
 */

/** A form's figures by STT, as a unit workbook's validation reads them (null: the cell is empty). */
export type FormFigures = Record<string, Record<string, number | null>>;

/** One figure that differs: its form and STT, and its value in each file (null: empty). */
export interface FigureDifference {
  form: string;
  stt: string;
  /** in the first file given */
  a: number | null;
  /** in the second file given */
  b: number | null;
}

/** "BM2" → 2; forms without a number sort last, by name. */
const formNumber = (form: string) => Number(form.replace(/\D/g, "")) || Number.MAX_SAFE_INTEGER;

/** "1.10" after "1.9": STTs compared segment by segment as numbers. */
function compareStt(x: string, y: string): number {
  const a = x.split(".").map(Number);
  const b = y.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** Equal as figures: both empty, or the same number (to the rounding a sheet's arithmetic leaves). */
const same = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));

/**
 * The figures that differ between two files' figures, in the order a reader
 * walks the forms (BM1 before BM2, STT 1.2 before 1.10). A figure one file
 * has and the other leaves empty (or lacks the form of) differs. Empty: the
 * two files hold the same figures.
 */
export function compareFigures(a: FormFigures, b: FormFigures): FigureDifference[] {
  const out: FigureDifference[] = [];
  const forms = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort((x, y) => formNumber(x) - formNumber(y) || x.localeCompare(y));
  for (const form of forms) {
    const rowsA = a[form] ?? {};
    const rowsB = b[form] ?? {};
    const stts = [...new Set([...Object.keys(rowsA), ...Object.keys(rowsB)])].sort(compareStt);
    for (const stt of stts) {
      const va = rowsA[stt] ?? null;
      const vb = rowsB[stt] ?? null;
      if (!same(va, vb)) out.push({ form, stt, a: va, b: vb });
    }
  }
  return out;
}
