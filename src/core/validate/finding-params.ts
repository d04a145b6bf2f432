import type { TextNotation } from "../read/number";

/**
 * What each finding code carries to be put into words: one type per code, so a
 * rule that leaves a value out and a message that reads one the code does not
 * have are compile errors (as zod types each issue by its code). Figures stay
 * numbers and lists stay arrays: each language writes and joins them its own way.
 *
 * The aggregation's lists too ("Name: 5; Other: 3" is `[{ unit: "Name", value: 5 }, …]`).
 */
export interface FindingParamsMap {
  SUM_MISMATCH: {
    /** the total's figure, blank when it was left empty */
    value: number | null;
    sum: number;
    /** each part with the figure its inputs give (null: blank), in the form's order */
    parts: readonly { stt: string; figure: number | null }[];
    /** a partitioned whole (BM6 2.1 = its groups) rather than a total row */
    partition: boolean;
  };
  RATIO_MISMATCH: {
    /** the ratio's own cell, or a result typed into its unit column */
    where: "value" | "unit";
    raw: string | number;
    value: number;
    /** numerator / denominator × 100, or null when that cannot be computed */
    expected: number | null;
    numerator: string;
    denominator: string;
    n: number | null;
    d: number | null;
  };
  FORMULA_MISMATCH: {
    kind: FormulaMismatchKind;
    found: string | number | null;
    /** the catalogue's formula at this sheet's rows ("=D9+D10"), when the rows are all there */
    formula: string | null;
    /** a placeholder "=a+b+c": how many letters it names and how many parts the form lists */
    letters?: number;
    parts?: number;
    /** a ratio's typed figure that is not what its parts give: numerator / denominator × 100 (null when it cannot be computed) */
    computed?: number | null;
  };
  PART_EXCEEDS_WHOLE: {
    /** one part (2.2), or the parts that together exceed the whole (4.1.1, 4.1.2, 4.1.3) */
    parts: readonly string[];
    partValue: number;
    whole: string;
    wholeValue: number;
  };
  NOT_A_NUMBER: { raw: string };
  NUMBER_AS_TEXT: { raw: string; value: number; notation: TextNotation };
  AMBIGUOUS_NUMBER: { raw: string; first: number; second: number };
  NOT_INTEGER: { value: number; asThousands: number | null };
  NEGATIVE: { value: number };
  OUT_OF_RANGE: { value: number; min: number; max: number };
  /** `codes`: the row's listed codes, its unit column's legend ("Trực tuyến = 0, Phát phiếu = 1") */
  INVALID_CODE: { value: number; codes: readonly { value: number; label: string }[] };
  MISSING_VALUE: { scope: "form" | "row" };
  UNIT_MISMATCH: { found: string; expected: string };
  CROSS_FORM_MISMATCH: { value: number; otherForm: string; otherRow: string; otherValue: number };
  STRUCTURE_CHANGED: StructureParams;
  PASTED_LAYOUT: { sheet: string; titleRow: number; title: string; rows: number; asText: number };
  ROW_MATCHED_BY_TEXT: { stt: string; text: string; written: string; score: number };
  VALUE_RESOLVED: {
    raw: string | number;
    value: number;
    other: number | null;
    basis: ValueBasis;
    ref: string | null;
    shown: string | null;
    mixedWith: string | null;
    source: "text" | "number";
  };
  TITLE_MISMATCH:
    | { what: "date"; found: string; expected: string; text: string }
    | { what: "period"; found: string; expected: string; text: string }
    | { what: "unit"; found: string; expected: string; text: string };
  /** `files`: every file the unit sent, the used one first */
  UNIT_DUPLICATE: { unit: string; count: number; files: readonly string[]; used: string };
  /** `like`: used files whose unit name only resembles this unit (empty: none) */
  UNIT_MISSING: { unit: string; form: string; like: readonly { name: string; file: string }[]; code: string };
  PERIOD_MISMATCH: { found: string | null; expected: string };
  /** `values`: the other units' figures that disagree with the lead's */
  VALUES_CONFLICT: { kind: "differs" | "above-lead"; values: readonly UnitFigure[]; used: string; value: number };
  /** `like`: the setup's units the name resembles (empty: none; two or more: too close to choose) */
  UNKNOWN_UNIT: { unit: string; like: readonly { name: string; code: string }[] };
  UNIT_MATCHED_BY_TEXT: { name: string; unit: string; code: string };
  /** `units`: the figures not used, on the row ("blank") or per unit with its rows (the form) */
  LEAD_MISSING:
    | { why: "blank"; lead: string; units: readonly UnitFigure[] }
    | { why: "not-sent"; lead: string; units: readonly UnitRows[]; percents: boolean }
    | { why: "no-lead"; lead: null; units: readonly UnitRows[]; percents: boolean };
  /** `rows`: the STTs whose figure repeats the lead's */
  LEAD_REPEATED: { unit: string; lead: string; rows: readonly string[] };
  /** `units`: the units as the officer knows them (code, else name); `also`: other rows those units share figures on (empty: none) */
  DOUBLE_COUNT_SUSPECTED: { units: readonly string[]; count: number; value: number; total: number | null; also: readonly { stt: string; value: number }[] };
  /** the cut-off window the unit's file records, and the ward's for the period (ISO dates) */
  CUTOFF_MISMATCH: { period: string; found: DateWindow; expected: DateWindow };
  /** periods are ids ("2026-H1"), worded as labels by each language */
  CUMULATIVE_DECREASED: { value: number; previous: number; period: string; previousPeriod: string };
  /** `change`: (value − previous) / previous */
  STOCK_CHANGED: { value: number; previous: number; change: number; period: string; previousPeriod: string };
  /** why the earlier file was not compared; the units and periods each file records (null: none) */
  PREVIOUS_NOT_COMPARABLE: {
    why: "other-unit" | "not-earlier" | "no-period" | "no-forms";
    file: string;
    unit: string | null;
    previousUnit: string | null;
    period: string | null;
    previousPeriod: string | null;
  };
}

/** A cut-off window, ISO dates. */
export interface DateWindow {
  from: string;
  to: string;
}

/** One unit's figure on a row of the aggregation. */
export interface UnitFigure {
  unit: string;
  value: number;
}

/** A unit and the rows (STTs) of a form it gave figures on. */
export interface UnitRows {
  unit: string;
  rows: readonly string[];
}

/** What decided a reading: a typed ratio, a typed total or sum, a part within its whole, the row's kind, a typed sum of figures, or nothing (kept as stored). */
export type ValueBasis = "ratio" | "sum" | "part" | "integer" | "range" | "arithmetic" | "kept";

/** How a ratio or total cell fails to hold the form's formula. */
export type FormulaMismatchKind = "references" | "different" | "missing" | "placeholder" | "typed-arithmetic" | "constant";

/** STRUCTURE_CHANGED, one shape per thing that changed. */
export type StructureParams =
  | { what: "header"; label: string; found: string }
  | { what: "row-missing"; stt: string }
  | { what: "row-duplicate"; stt: string; first: number }
  | { what: "row-unknown"; stt: string }
  | { what: "row-order"; stt: string; expectedStt: string }
  | { what: "form-duplicate"; sheet: string; used: string }
  | { what: "form-missing"; form: string }
  | { what: "table-not-found"; sheet: string }
  | { what: "no-forms" }
  | { what: "row-unmatched"; text: string; stt: string; value: string }
  /** a pasted row two catalogue rows fit equally well: their STTs */
  | { what: "row-ambiguous"; text: string; stt: string; candidates: readonly string[]; value: string };
