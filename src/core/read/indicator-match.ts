import type { Form, FormRow } from "../forms/schema";
import { foldText } from "./text";

/**
 * Matching a sheet row to its catalogue row by the indicator's text, for rows
 * whose STT is absent ("", "I", "a)") or says something else than the text.
 *
 * The score is the Dice coefficient of the character trigrams of the two
 * texts, folded: accents, case, spacing, punctuation, footnote marks
 * ("VBQPPL¹", "(*)") and trailing dots do not count, and a parenthesised
 * gloss may be left out on either side ("VBQPPL (văn bản quy phạm pháp luật)"
 * against "VBQPPL"). A typo changes a few trigrams, so it lowers the score a
 * little; another indicator shares far fewer.
 */

/** A text match is taken only from this score up (a typo or two in a short line still passes; another indicator does not). */
export const TEXT_MATCH_MIN = 0.7;
/** Two candidates closer than this are equally good: the row is left unmatched rather than matched to either. */
export const TEXT_MATCH_TIE = 0.05;
/** A row whose written STT is a catalogue row is matched by that STT unless its text scores below this for that row… */
export const STT_TEXT_DOUBT = 0.45;
/** …and scores at least this for another row (the STT is then taken to be a typo). */
export const STT_TEXT_OVERRULE = 0.75;

const FOOTNOTE = /[\u00b9\u00b2\u00b3\u2070-\u2079]|\(\s*\*+\s*\)|\*+/g;

/** Text folded for matching: no accents, case, footnote marks or punctuation; single spaces. */
export function foldIndicator(s: string): string {
  return foldText(s.replace(FOOTNOTE, " "))
    .replace(/[^a-z0-9%()+]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The folded text and, when it has one, the same without its parenthesised glosses. */
function variants(s: string): string[] {
  const full = foldIndicator(s).replace(/[()]/g, " ").replace(/\s+/g, " ").trim();
  const bare = foldIndicator(s)
    .replace(/\([^)]*\)?/g, " ")
    .replace(/[()]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return bare && bare !== full ? [full, bare] : [full];
}

function trigrams(s: string): Map<string, number> {
  const padded = `  ${s} `;
  const grams = new Map<string, number>();
  for (let i = 0; i + 3 <= padded.length; i++) {
    const g = padded.slice(i, i + 3);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

function dice(a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0;
  let total = 0;
  for (const [g, n] of a) {
    shared += Math.min(n, b.get(g) ?? 0);
    total += n;
  }
  for (const n of b.values()) total += n;
  return total === 0 ? 0 : (2 * shared) / total;
}

/** A text prepared once for many comparisons. */
export interface PreparedText {
  grams: Map<string, number>[];
}

/** Prepares a text for {@link textScore}. */
export function prepareText(s: string): PreparedText {
  return { grams: variants(s).map(trigrams) };
}

/** How alike two indicator texts are, 0–1 (1: the same once folded). */
export function textScore(a: PreparedText, b: PreparedText): number {
  let best = 0;
  for (const x of a.grams) for (const y of b.grams) best = Math.max(best, dice(x, y));
  return best;
}

/** A sheet row to match: its position and the indicator text it carries. */
export interface RowToMatch {
  /** sheet row number */
  row: number;
  text: string;
  /** the catalogue STT written on the row, when it is one of the form's */
  stt?: string;
}

/** How one sheet row was matched, or why it was not. */
export type RowMatch =
  | { row: number; stt: string; by: "stt" }
  | { row: number; stt: string; by: "text"; score: number; writtenStt?: string }
  | { row: number; by: "ambiguous"; candidates: { stt: string; score: number }[] }
  | { row: number; by: "none"; best?: { stt: string; score: number } };

const PREPARED = new WeakMap<FormRow, PreparedText>();
function prepared(row: FormRow): PreparedText {
  let p = PREPARED.get(row);
  if (!p) PREPARED.set(row, (p = prepareText(row.indicator)));
  return p;
}

/**
 * Matches the rows of a form table to the form's catalogue rows: by STT when
 * the written STT is the form's and the text does not clearly name another
 * row, else by text. One catalogue row is never given to two sheet rows by
 * text: the best-scoring pair is taken first, and a row whose two best
 * candidates are within {@link TEXT_MATCH_TIE} is left "ambiguous" (never a
 * silent pick). An STT met a second time is not taken again: that row is
 * placed by its text, or left unmatched.
 */
export function matchRows(form: Form, rows: readonly RowToMatch[]): RowMatch[] {
  const result = new Map<number, RowMatch>();
  const texts = new Map(rows.map((r) => [r.row, prepareText(r.text)]));
  const score = (r: RowToMatch, cat: FormRow) => (r.text.trim() ? textScore(texts.get(r.row)!, prepared(cat)) : 0);
  const claimed = new Set<string>();

  // 1. By STT, unless the text clearly belongs to another row.
  const pending: RowToMatch[] = [];
  for (const r of rows) {
    const cat = r.stt ? form.rows.find((x) => x.stt === r.stt) : undefined;
    // An STT written twice (a copied row whose STT was not changed): the second is placed by its text.
    if (!cat || claimed.has(cat.stt)) {
      pending.push(r);
      continue;
    }
    // The other rows are scored only when the text doubts its STT: most rows agree, and scoring
    // each against the whole form was most of the time spent reading a pasted appendix.
    const doubted = r.text.trim() !== "" && score(r, cat) < STT_TEXT_DOUBT;
    const overruled = doubted && form.rows.some((x) => x !== cat && score(r, x) >= STT_TEXT_OVERRULE);
    if (overruled) {
      pending.push(r);
      continue;
    }
    result.set(r.row, { row: r.row, stt: cat.stt, by: "stt" });
    claimed.add(cat.stt);
  }

  // 2. By text, best pair first, among catalogue rows nobody has claimed.
  const open = new Set(pending.filter((r) => r.text.trim() !== "").map((r) => r.row));
  const byRow = new Map(pending.map((r) => [r.row, r]));
  const scores = new Map<number, { stt: string; score: number }[]>();
  for (const r of pending) {
    scores.set(
      r.row,
      form.rows.map((cat) => ({ stt: cat.stt, score: score(r, cat) })).sort((a, b) => b.score - a.score),
    );
  }
  const available = (row: number) => scores.get(row)!.filter((c) => !claimed.has(c.stt));
  // Every good-enough pair, best first (then the upper row, then catalogue order): taking the first pair
  // whose row is open and whose catalogue row is unclaimed is taking the best pair left, without
  // rescanning every open row at each step (a sheet of thousands of pasted rows made that quadratic).
  const pairs: { row: number; rank: number; stt: string; score: number }[] = [];
  for (const row of open) {
    scores.get(row)!.forEach((c, rank) => {
      if (c.score >= TEXT_MATCH_MIN) pairs.push({ row, rank, ...c });
    });
  }
  pairs.sort((a, b) => b.score - a.score || a.row - b.row || a.rank - b.rank);
  for (const pick of pairs) {
    if (!open.has(pick.row) || claimed.has(pick.stt)) continue;
    open.delete(pick.row);
    const [best, second] = available(pick.row);
    if (second && best.score - second.score < TEXT_MATCH_TIE) {
      const candidates = available(pick.row).filter((c) => best.score - c.score < TEXT_MATCH_TIE);
      result.set(pick.row, { row: pick.row, by: "ambiguous", candidates });
      continue;
    }
    claimed.add(best.stt);
    const written = byRow.get(pick.row)!.stt;
    result.set(pick.row, { row: pick.row, stt: best.stt, by: "text", score: best.score, ...(written ? { writtenStt: written } : {}) });
  }
  for (const r of pending) {
    if (result.has(r.row)) continue;
    const best = scores.get(r.row)![0];
    result.set(r.row, { row: r.row, by: "none", ...(best && best.score > 0 ? { best } : {}) });
  }
  return rows.map((r) => result.get(r.row)!);
}
