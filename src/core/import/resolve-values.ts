import { ratioOf, sameNumber, sameRatio, totalOfFigures, type Figure } from "../figures";
import { isInputKind } from "../forms/kinds";
import type { FormRow } from "../forms/schema";
import type { LocatedForm, LocatedRow } from "../read/locate";
import { readNumber } from "../read/number";
import { evaluateTypedArithmetic } from "../validate/arithmetic";
import type { ValueBasis } from "../validate/finding-params";
import { typedResults } from "./typed-results";

/**
 * Deciding what an uncertain figure of a pasted form is, from the rest of the
 * form. A figure is uncertain when it reads two ways:
 *
 * - text such as "42,809": 42,809 in Vietnamese notation, 42809 in English;
 * - a number Excel made while pasting, "1.845" turned into 1,845: a number
 *   with exactly three decimals may be a thousands dot read as a decimal point.
 *
 * Each reading is tried against what the form says elsewhere: a ratio typed
 * as its result ("50,0%" in the unit column, "= 27/52*100"), a total typed as
 * a figure, a part within its whole, and the row's own kind (a count is a
 * whole number; a percentage is 0–100). Only checks whose outcome depends on
 * the reading count (a total that is wrong either way decides nothing). A
 * reading is taken when it is the only one every deciding check accepts;
 * otherwise text stays ambiguous (AMBIGUOUS_NUMBER) and a number is kept as
 * Excel holds it. Whatever is decided is reported (VALUE_RESOLVED) with the
 * raw content, the value taken, the reading set aside and what decided.
 */

export type { ValueBasis } from "../validate/finding-params";

/** An uncertain figure and the value taken for it. */
export interface ResolvedValue {
  stt: string;
  value: number;
  /** the cell's content as typed (text), or the number Excel holds */
  raw: string | number;
  source: "text" | "number";
  /** the reading set aside */
  other: number | null;
  basis: ValueBasis;
  /** the row whose figures decided (ratio, sum, part) */
  ref: string | null;
  /** what that row shows, as typed ("50,0%", "= 27/52*100", "19") */
  shown: string | null;
  /** another cell of the form written with a dot for thousands ("21.406") when this one used a comma */
  mixedWith: string | null;
}

/** At most this many uncertain figures of one form are tried together (2^8 combinations); beyond, they are left as the rules read them. */
const MAX_UNCERTAIN = 8;

interface Uncertain {
  row: FormRow;
  readings: number[];
  raw: string | number;
  source: "text" | "number";
}

/** A number that may be a thousands dot read as a decimal point: 0 < |x| < 1000 with exactly three decimals (1.845, 42.809). */
export function maybeMangledThousands(x: number): boolean {
  if (Number.isInteger(x) || Math.abs(x) >= 1000) return false;
  const thousandths = Math.round(x * 1000);
  return Math.abs(x * 1000 - thousandths) < 1e-6 && thousandths % 10 !== 0;
}

interface Check {
  kind: "ratio" | "sum" | "part";
  ref: string;
  shown: string | null;
  rows: string[];
  /** true: holds; false: broken; undefined: cannot tell (a figure missing) */
  test: (fig: (stt: string) => Figure) => boolean | undefined;
}

/** Every check of the form that relates figures, with the typed results of ratio and total rows. */
function checksOf(located: LocatedForm, byStt: Map<string, LocatedRow>): Check[] {
  const checks: Check[] = [];
  const num = (x: Figure): x is number => typeof x === "number";
  for (const row of located.form.rows) {
    if (row.kind === "ratio") {
      for (const s of typedResults(row, byStt.get(row.stt))) {
        checks.push({
          kind: "ratio",
          ref: row.stt,
          shown: String(s.typed),
          rows: [row.numerator!, row.denominator!],
          test: (fig) => {
            const ratio = ratioOf(fig(row.numerator!), fig(row.denominator!));
            return num(ratio) ? sameRatio(s.value, ratio, s.tolerance) : undefined;
          },
        });
      }
    }
    if (row.kind === "total") {
      for (const s of typedResults(row, byStt.get(row.stt))) {
        checks.push({
          kind: "sum",
          ref: row.stt,
          shown: String(s.typed),
          rows: row.sumOf!,
          test: (fig) => {
            const sum = totalOfFigures(row.sumOf!.map(fig));
            return sum === undefined ? undefined : sameNumber(sum, s.value);
          },
        });
      }
    }
    if (row.equalsSumOf) {
      checks.push({
        kind: "sum",
        ref: row.stt,
        shown: null,
        rows: [row.stt, ...row.equalsSumOf],
        test: (fig) => {
          const whole = fig(row.stt);
          const sum = totalOfFigures(row.equalsSumOf!.map(fig));
          return num(whole) && sum !== undefined ? sameNumber(whole, sum) : undefined;
        },
      });
    }
    if (row.atMost) {
      checks.push({
        kind: "part",
        ref: row.stt,
        shown: null,
        rows: [row.stt, row.atMost],
        test: (fig) => {
          const part = fig(row.stt);
          const whole = fig(row.atMost!);
          return num(part) && num(whole) ? part <= whole : undefined;
        },
      });
    }
    if (row.partsAtMost) {
      checks.push({
        kind: "part",
        ref: row.stt,
        shown: null,
        rows: [row.stt, ...row.partsAtMost],
        test: (fig) => {
          const whole = fig(row.stt);
          const sum = totalOfFigures(row.partsAtMost!.map(fig));
          return num(whole) && sum !== undefined ? sum <= whole : undefined;
        },
      });
    }
  }
  return checks;
}

/** Whether a value fits the row's kind: a count is whole and ≥ 0, money ≥ 0, a percentage 0–100, a code one of the codes. */
function fitsKind(row: FormRow, v: number): boolean {
  switch (row.kind) {
    case "count":
      return Number.isInteger(v) && v >= 0;
    case "money":
      return v >= 0;
    case "percent":
      return v >= 0 && v <= 100;
    case "code":
      return (row.codes ?? []).some((c) => c.value === v);
    default:
      return true;
  }
}

/** A certain figure of an input row (as the rules will read it), or the shown figure of a formula row, for the checks. */
function certainFigure(row: FormRow, located: LocatedRow | undefined): Figure {
  const cell = located?.value;
  if (!cell || cell.error) return cell?.error ? undefined : null;
  if (row.kind === "ratio" || row.kind === "total") {
    // A total's figure, when a check reads it (BM6 2.4 inside 2.1), is what it shows.
    return typedResults(row, located).find((s) => !/%/.test(String(s.typed)))?.value;
  }
  if (typeof cell.value === "number") return cell.value;
  const reading = readNumber(cell.value);
  return reading.kind === "number" ? reading.value : reading.kind === "blank" ? null : undefined;
}

/**
 * The uncertain figures of a pasted form, each with the value taken and what
 * decided it. Certain figures are not listed; neither is ambiguous text no
 * check could decide (the rules report it as AMBIGUOUS_NUMBER).
 */
export function resolveValues(located: LocatedForm): Map<string, ResolvedValue> {
  const out = new Map<string, ResolvedValue>();
  const byStt = new Map<string, LocatedRow>();
  for (const r of located.rows) if (!byStt.has(r.stt)) byStt.set(r.stt, r);

  const uncertain: Uncertain[] = [];
  const certain = new Map<string, Figure>();
  const dotThousands: string[] = [];
  for (const row of located.form.rows) {
    const at = byStt.get(row.stt);
    const cell = at?.value;
    if (!isInputKind(row.kind) || !cell || cell.error || cell.formula) {
      certain.set(row.stt, certainFigure(row, at));
      continue;
    }
    if (typeof cell.value === "number" && maybeMangledThousands(cell.value) && uncertain.length < MAX_UNCERTAIN) {
      uncertain.push({ row, readings: [Math.round(cell.value * 1000), cell.value], raw: cell.value, source: "number" });
      continue;
    }
    if (typeof cell.value === "string") {
      const t = cell.value.trim();
      if (t.startsWith("=")) {
        const typed = evaluateTypedArithmetic(t);
        if (typed !== undefined) {
          out.set(row.stt, { stt: row.stt, value: typed, raw: t, source: "text", other: null, basis: "arithmetic", ref: null, shown: null, mixedWith: null });
          certain.set(row.stt, typed);
          continue;
        }
      }
      const reading = readNumber(t);
      if (reading.kind === "ambiguous" && uncertain.length < MAX_UNCERTAIN) {
        // The English reading first: a comma after one to three digits and before three is a thousands comma more often than not…
        uncertain.push({ row, readings: [reading.readings[1], reading.readings[0]], raw: t, source: "text" });
        continue;
      }
      if (reading.kind === "number" && reading.from === "text" && reading.notation === "vi-thousands") dotThousands.push(t);
    }
    certain.set(row.stt, certainFigure(row, at));
  }
  if (uncertain.length === 0) return out;

  // …but nothing is taken on that ground alone: every combination of readings is tried against the checks.
  const checks = checksOf(located, byStt).filter((c) => c.rows.some((s) => uncertain.some((u) => u.row.stt === s)));
  const combos: number[][] = [[]];
  for (const u of uncertain) combos.splice(0, combos.length, ...combos.flatMap((c) => u.readings.map((v) => [...c, v])));
  const figureFn = (combo: number[]) => (stt: string) => {
    const i = uncertain.findIndex((u) => u.row.stt === stt);
    return i >= 0 ? combo[i] : certain.get(stt);
  };
  const outcomes = combos.map((combo) => checks.map((c) => c.test(figureFn(combo))));
  const kindOk = combos.map((combo) => uncertain.map((u, i) => fitsKind(u.row, combo[i])));
  // Only checks whose outcome changes with the readings decide anything.
  const deciding = checks.map((_, k) => new Set(outcomes.map((o) => o[k])).size > 1);
  const kindDeciding = uncertain.map((_, i) => new Set(kindOk.map((k) => k[i])).size > 1);
  const consistent = combos
    .map((combo, ci) => ({ combo, ci }))
    .filter(({ ci }) => outcomes[ci].every((o, k) => !deciding[k] || o !== false) && kindOk[ci].every((ok, i) => !kindDeciding[i] || ok));

  uncertain.forEach((u, i) => {
    const values = [...new Set(consistent.map(({ combo }) => combo[i]))];
    let value: number | undefined;
    let basis: ValueBasis | undefined;
    let ref: string | null = null;
    let shown: string | null = null;
    if (values.length === 1) {
      value = values[0];
      const chosen = consistent.find(({ combo }) => combo[i] === value)!;
      // What rules out the other reading: flip this figure alone in the chosen combination.
      const flipped = chosen.combo.map((v, j) => (j === i ? u.readings.find((r) => r !== value)! : v));
      const fig = figureFn(flipped);
      const broken = checks.find((c, k) => deciding[k] && c.rows.includes(u.row.stt) && c.test(fig) === false);
      if (broken) {
        basis = broken.kind;
        ref = broken.ref;
        shown = broken.shown;
      } else {
        basis = u.row.kind === "count" ? "integer" : "range";
      }
    } else if (values.length === 0) {
      // Nothing is consistent (the form disagrees with itself either way): only the row's kind can still decide.
      const fitting = u.readings.filter((r) => fitsKind(u.row, r));
      if (fitting.length === 1) {
        value = fitting[0];
        basis = u.row.kind === "count" ? "integer" : "range";
      }
    }
    if (value === undefined && u.source === "number") {
      value = u.raw as number;
      basis = "kept";
    }
    if (value === undefined || basis === undefined) return;
    const other = u.readings.find((r) => r !== value) ?? null;
    const commaThousands = u.source === "text" && value === u.readings[0] && /,/.test(String(u.raw));
    out.set(u.row.stt, {
      stt: u.row.stt,
      value,
      raw: u.raw,
      source: u.source,
      other,
      basis,
      ref,
      shown,
      mixedWith: commaThousands ? (dotThousands[0] ?? null) : null,
    });
  });
  return out;
}
