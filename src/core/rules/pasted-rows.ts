import { readNumber } from "../read/number";
import type { FormContext } from "../validate/context";
import { rawFinding, type FindingCode, type FindingParamsOf, type RawFinding } from "../validate/finding";

/** Longest indicator text quoted in a message. */
const QUOTE = 80;
const quote = (s: string) => (s.length > QUOTE ? `${s.slice(0, QUOTE - 1)}…` : s);
const shown = (v: unknown) => (v === null || v === undefined ? "" : String(v).trim());

/**
 * What only a pasted form needs said: where it was read from (PASTED_LAYOUT),
 * each row found by its text rather than its STT (ROW_MATCHED_BY_TEXT), and
 * each row that could not be placed (STRUCTURE_CHANGED "row-unmatched", or
 * "row-ambiguous" when two catalogue rows fit it equally well). A form's own
 * sheet gets none of these.
 */
export function checkPastedRows(ctx: FormContext): RawFinding[] {
  const { located, form } = ctx;
  const pasted = located.pasted;
  if (located.layout !== "pasted" || !pasted) return [];
  const base = <C extends FindingCode>(
    code: C,
    severity: RawFinding["severity"],
    row: string | null,
    cellRow: number,
    cellCol: number,
    params: FindingParamsOf<C>,
    expected: string | null,
    actual: string | null,
  ): RawFinding => rawFinding<C>({ code, severity, form: form.id, row, at: { sheet: ctx.sheet, row: cellRow, col: cellCol }, params, expected, actual });
  const out: RawFinding[] = [];
  const asText = located.rows.filter((r) => typeof r.value?.value === "string" && readNumber(r.value.value).kind === "number").length;
  out.push(
    base(
      "PASTED_LAYOUT",
      "info",
      null,
      pasted.title.row,
      pasted.title.col,
      { sheet: ctx.sheet, titleRow: pasted.title.row, title: quote(pasted.title.text), rows: located.rows.length, asText },
      null,
      null,
    ),
  );
  for (const r of located.rows) {
    if (!r.match) continue;
    const text = shown(r.indicator?.value);
    out.push(
      base(
        "ROW_MATCHED_BY_TEXT",
        "info",
        r.stt,
        r.row,
        located.columns.indicator,
        { stt: r.stt, text: quote(text), written: r.match.writtenStt ?? shown(r.rawStt.value), score: Math.round(r.match.score * 100) / 100 },
        r.stt,
        r.match.writtenStt ?? (shown(r.rawStt.value) || null),
      ),
    );
  }
  for (const u of pasted.unmatched) {
    const candidates = u.candidates.map((c) => c.stt);
    const text = quote(u.text);
    const stt = u.writtenStt ?? "";
    const value = shown(u.value?.value);
    out.push(
      base(
        "STRUCTURE_CHANGED",
        "warning",
        null,
        u.row,
        located.columns.indicator,
        u.reason === "ambiguous" ? { what: "row-ambiguous", text, stt, candidates, value } : { what: "row-unmatched", text, stt, value },
        u.reason === "ambiguous" ? candidates.join(", ") : null,
        u.text || null,
      ),
    );
  }
  return out;
}
