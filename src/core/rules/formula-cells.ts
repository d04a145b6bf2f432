import { computeRow, figureFromParts, partsOf, sameRatio, type Figure } from "../figures";
import type { FormRow } from "../forms/schema";
import { cellAddress } from "../layout/address";
import { ratioFormula, totalFormula } from "../layout/formulas";
import { readNumber } from "../read/number";
import { evaluateTypedArithmetic } from "../validate/arithmetic";
import { rowFinding, valueCell, type FormContext } from "../validate/context";
import type { FindingParamsOf, RawFinding } from "../validate/finding";
import type { FormulaMismatchKind } from "../validate/finding-params";
import { formulaReferences, normaliseFormula } from "../validate/formula-refs";

/** What a ratio or total computes from the figures of its parts. */
export function computedFigure(ctx: FormContext, row: FormRow): Figure {
  return computeRow(row, (stt) => ctx.figures.get(stt));
}

/**
 * A row's figure as its input rows give it, for the rules that compare figures
 * (sums, parts within a whole, across forms): an input's own figure; a total
 * or ratio computed from its parts, each again from its inputs, never from the
 * figure typed into a total or ratio cell, which may itself be wrong (its own
 * finding reports that). A total whose parts are all blank is blank here even
 * if a figure is typed over it: its own finding asks for the parts (expected 0),
 * so a suggestion built on the typed figure would contradict that one.
 * `ctx.figures` must be complete (checkFormulaCells has run).
 */
export function figureFromInputs(ctx: FormContext, stt: string): Figure {
  return figureFromParts(ctx.form, stt, (s) => ctx.figures.get(s));
}

/** How a formula refers to the Số liệu cell of an STT ("D12": formula text is Excel's language), or undefined when the row is missing. */
function formulaRef(ctx: FormContext, stt: string): string | undefined {
  const cell = valueCell(ctx, stt);
  return cell && cellAddress(cell.row, cell.col);
}

/** The catalogue formula of a ratio or total row at the rows where they sit on this sheet. */
export function expectedFormula(ctx: FormContext, row: FormRow): string | undefined {
  const at = (stt: string) => formulaRef(ctx, stt);
  if (row.kind === "ratio") {
    const n = at(row.numerator!);
    const d = at(row.denominator!);
    return n && d ? ratioFormula(n, d) : undefined;
  }
  const parts = row.sumOf!.map(at);
  return parts.every(Boolean) ? totalFormula(parts as string[]) : undefined;
}

/** The Số liệu cells of a ratio's or total's parts on this sheet ("D12"), those present. */
function wantedRefs(ctx: FormContext, row: FormRow): Set<string> {
  return new Set(
    partsOf(row)
      .map((s) => formulaRef(ctx, s))
      .filter((a): a is string => !!a),
  );
}

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size === b.size && [...a].every((x) => b.has(x));

/**
 * A unit's own formula that computes the same thing as the catalogue's:
 * numerator / denominator × 100 (wrapped in IF, IFERROR or ROUND if it likes),
 * or a plain sum of exactly the parts. An inverted ratio or a difference is not.
 */
function computesTheSame(formula: string, row: FormRow, at: (stt: string) => string | undefined): boolean {
  const f = normaliseFormula(formula).replace(/"[^"]*"/g, '""');
  if (row.kind === "ratio") {
    const n = at(row.numerator!);
    const d = at(row.denominator!);
    return !!n && !!d && [`${n}/${d}*100`, `(${n}/${d})*100`, `${n}*100/${d}`, `100*${n}/${d}`, `100*(${n}/${d})`].some((p) => f.includes(p));
  }
  const withoutCount = f.replace(/COUNT\([^)]*\)/g, "");
  return /^[A-Z0-9:,+()]*$/.test(withoutCount.replace(/^IF\(|=0,"",|\)$/g, "")) && !/[-*/]/.test(withoutCount);
}

/**
 * FORMULA_MISMATCH: a ratio or total cell must hold a formula over exactly the
 * cells the form defines. Records each such row's figure: computed from its
 * parts when the formula is right, else what the cell shows (so the ratio and
 * sum rules can still compare a typed result).
 */
export function checkFormulaCells(ctx: FormContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const row of ctx.form.rows) {
    if (row.kind !== "ratio" && row.kind !== "total") continue;
    const located = ctx.byStt.get(row.stt);
    const computed = computedFigure(ctx, row);
    if (!located) {
      ctx.figures.set(row.stt, computed);
      continue;
    }
    const expected = expectedFormula(ctx, row);
    const cell = located.value;
    const fix = expected ? { kind: "set-formula" as const, sheet: ctx.sheet, row: located.row, col: ctx.located.columns.value, formula: expected } : undefined;
    const mismatch = (
      kind: FormulaMismatchKind,
      found: string | number | null,
      shown: Figure,
      extra: Pick<FindingParamsOf<"FORMULA_MISMATCH">, "letters" | "parts" | "computed"> = {},
    ) => {
      out.push(
        rowFinding(ctx, row, {
          code: "FORMULA_MISMATCH",
          severity: "error",
          params: { kind, found, formula: expected ? `=${expected}` : null, ...extra },
          expected: expected ? `=${expected}` : null,
          actual: found,
          fix,
        }),
      );
      ctx.figures.set(row.stt, shown);
    };

    if (cell?.formula) {
      // The catalogue's formula as written (a file made by this product) is the same without normalising either.
      const same = expected !== undefined && (cell.formula === expected || normaliseFormula(cell.formula) === normaliseFormula(expected));
      // Which cells it refers to matters only for another formula.
      const refsRight = !same && sameSet(formulaReferences(cell.formula), wantedRefs(ctx, row));
      if (same || (refsRight && computesTheSame(cell.formula, row, (s) => formulaRef(ctx, s)))) {
        // The formula is right (ours, or an equivalent one over the same cells): trust the parts, not a stale cache.
        ctx.figures.set(row.stt, same || cell.value === null ? computed : typeof cell.value === "number" ? cell.value : computed);
        continue;
      }
      mismatch(refsRight ? "different" : "references", `=${cell.formula}`, typeof cell.value === "number" ? cell.value : undefined);
      continue;
    }
    const v = cell?.value ?? null;
    if (v === null) {
      // Nothing shown: the rules that depend on this row go on with what its parts give. A pasted
      // table never holds formulas; its blank ratio or total is computed when it becomes a standard form.
      if (ctx.located.layout === "pasted") ctx.figures.set(row.stt, computed);
      else mismatch("missing", null, computed);
      continue;
    }
    if (typeof v === "string" && v.trim().startsWith("=")) {
      // "= 27/52*100" carries its own figures; "=a+b" carries none.
      const typed = evaluateTypedArithmetic(v);
      // "=a+b+c+d" over three parts: the placeholder names more parts than the form lists (seed 003, BM5 4).
      const letters = new Set(v.toLowerCase().match(/(?<![a-z])[a-z](?![a-z])/g) ?? []).size;
      const parts = row.kind === "ratio" ? 2 : row.sumOf!.length;
      mismatch(typed === undefined ? "placeholder" : "typed-arithmetic", v.trim(), typed, typed === undefined && letters > 0 ? { letters, parts } : {});
      continue;
    }
    const reading = readNumber(v);
    const typed = reading.kind === "number" ? reading.value : undefined;
    // A typed ratio is one mistake: the finding says what the parts give, and RATIO_MISMATCH does not repeat it on the same cell.
    const wrongRatio = row.kind === "ratio" && typed !== undefined && computed !== undefined && (computed === null || !sameRatio(typed, computed));
    if (wrongRatio) ctx.typedRatios.add(row.stt);
    mismatch("constant", typeof v === "number" ? v : String(v), typed, wrongRatio ? { computed } : {});
  }
  return out;
}
