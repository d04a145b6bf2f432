/**
 * The faster ways the ward's figures and the detail sheet are made (issue 17)
 * give what the plain ones gave: deriveFigures against the copy-then-delete
 * version it replaced, rowFigures against deriveFigures, wrappedHeight against
 * its split-and-reduce version, on the catalogue's forms and on forms the
 * catalogue would refuse (a circle of totals, two rows with one STT).
 */
import { deriveFigures, rowFigures } from "../../../src/core/aggregate/combine";
import { figureFromParts, finiteFigure, isDerivedRow, type Figure } from "../../../src/core/figures";
import { CATALOGUE } from "../../../src/core/forms/catalogue";
import type { Form } from "../../../src/core/forms/schema";
import { wrappedHeight } from "../../../src/core/layout/report-sheet";
import { FORM_LAYOUT } from "../../../src/core/layout/form-layout";

/** deriveFigures as it was before issue 17. */
function deriveFiguresBefore(form: Form, inputs: Record<string, number | null>): Record<string, number | null> {
  const out: Record<string, number | null> = { ...inputs };
  for (const row of form.rows) if (isDerivedRow(row)) delete out[row.stt];
  const given: Readonly<Record<string, number | null>> = { ...out };
  const figure = (stt: string) => given[stt] ?? null;
  const blankIfUnreadable = (f: Figure) => finiteFigure(f) ?? null;
  for (const row of form.rows) {
    if (row.kind === "header") continue;
    out[row.stt] = isDerivedRow(row) ? (figureFromParts(form, row.stt, figure, blankIfUnreadable) ?? null) : (given[row.stt] ?? null);
  }
  return out;
}

/** wrappedHeight as it was before issue 17. */
function wrappedHeightBefore(texts: { text: string; width: number }[]): number | undefined {
  const perLine = (line: string, width: number) => Math.max(1, Math.ceil(line.length / Math.max(1, width * 1.1)));
  const lines = Math.max(...texts.map((t) => t.text.split("\n").reduce((n, line) => n + perLine(line, t.width), 0)));
  return lines > 1 ? Math.min(FORM_LAYOUT.maxRowHeight, lines * FORM_LAYOUT.lineHeight) : undefined;
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const VALUES = [null, 0, 1, 2.5, 7, 10, 100, 1e308, -3, Number.MAX_VALUE];

/** Inputs for a form: some rows left out, some blank, some huge (sums past MAX_VALUE), some ratios or totals passed in, a stray STT. */
function inputsFor(form: Form, next: () => number): Record<string, number | null> {
  const inputs: Record<string, number | null> = {};
  for (const row of form.rows) if (next() < 0.8) inputs[row.stt] = VALUES[Math.floor(next() * VALUES.length)];
  if (next() < 0.3) inputs["99.9"] = 5;
  return inputs;
}

const row = (stt: string, kind: string, extra: Record<string, unknown> = {}) => ({ stt, kind, indicator: stt, unit: "", ...extra });
/** Totals that count each other: the catalogue refuses it, the functions must still agree. */
const CIRCLE = {
  id: "BM9",
  number: 9,
  title: "circle",
  rows: [
    row("1", "count"),
    row("2", "total", { sumOf: ["1", "3"] }),
    row("3", "total", { sumOf: ["2", "1"] }),
    row("4", "ratio", { numerator: "3", denominator: "1" }),
  ],
} as unknown as Form;
/** Two rows with one STT. */
const TWICE = {
  id: "BM8",
  number: 8,
  title: "twice",
  rows: [row("1", "count"), row("2", "count"), row("3", "total", { sumOf: ["1", "2"] }), row("2", "total", { sumOf: ["1"] }), row("0", "header")],
} as unknown as Form;

describe("the ward's figures, made faster, are the same", () => {
  const forms = [...CATALOGUE.forms, CIRCLE, TWICE];

  it.each(forms.map((f) => [f.id, f] as const))("deriveFigures and rowFigures on %s", (_id, form) => {
    const next = random(17);
    for (let i = 0; i < 300; i++) {
      const inputs = inputsFor(form, next);
      const before = deriveFiguresBefore(form, inputs);
      const now = deriveFigures(form, inputs);
      // The same keys in the same order, the same values.
      expect(Object.entries(now)).toEqual(Object.entries(before));
      const rows = rowFigures(form, inputs);
      form.rows.forEach((r, k) => expect(rows[k]).toBe(r.kind === "header" ? null : (before[r.stt] ?? null)));
    }
  });

  it("wrappedHeight counts lines as before", () => {
    const next = random(3);
    const piece = () => "x".repeat(Math.floor(next() * 120));
    for (let i = 0; i < 2000; i++) {
      const texts = Array.from({ length: Math.floor(next() * 4) }, () => ({
        text: Array.from({ length: 1 + Math.floor(next() * 4) }, piece).join("\n"),
        // A column without a width (undefined) now and then: no height, as before.
        width: next() < 0.05 ? (undefined as unknown as number) : [1, 7, 9, 14, 16, 40, 50][Math.floor(next() * 7)],
      }));
      expect(wrappedHeight(texts)).toBe(wrappedHeightBefore(texts));
    }
  });
});
