import { CATALOGUE, type Catalogue } from "../../../src/core/forms";
import { locateForms } from "../../../src/core/read";
import { FORM_RULES } from "../../../src/core/rules";
import { figureFromInputs } from "../../../src/core/rules/formula-cells";
import { formContext, type FormContext } from "../../../src/core/validate";
import type { WorkbookSnapshot } from "../../../src/core/read";
import { checkedFinding, cleanForm, findingAt, placesOf, validate, withCode } from "../../support/finding-checks";
import { book, type Entry } from "../../support/snapshot-builder";
import { validateWorkbook } from "../../support/worded";

/**
 * A finding's expected value is built from input rows only: where a part of a
 * sum (BM6 2.4 in 2.1 = 2.2 + 2.3 + 2.4 + 2.5) is itself a total, it counts
 * with what its own parts give, never with a figure typed over its formula,
 * which its own findings report. Following every suggestion then gives a
 * consistent form, not a new error.
 */

/** 2.4 typed as 5 while its parts make 1 + 2 + 1 = 4; 2.1 = 10 while 2.2 + 2.3 + 2.5 = 2 + 1 + 5 = 8. */
const TYPED_TOTAL: Record<string, Entry> = { "2.1": 10, "2.2": 2, "2.3": 1, "2.4": 5, "2.4.1": 1, "2.4.2": 2, "2.4.3": 1, "2.5": 5 };
/** The seed's BM6: 2.4 typed as 19 over parts typed 0, and 2.1 = 19 = 0 + 0 + 0 + 19. */
const SEED_BM6: Record<string, Entry> = { "2.1": 19, "2.2": 0, "2.3": 0, "2.4": 19, "2.4.1": 0, "2.4.2": 0, "2.4.3": 0, "2.5": 19 };
/** The figures with 2.4's formula back (the clean fill has no entry for a total row). */
const { "2.4": _typed, ...RESTORED } = TYPED_TOTAL;
const { "2.4": _seedTyped, ...SEED_RESTORED } = SEED_BM6;
/** The same 2.4 = 5 with its parts left blank: a typed total with nothing under it. */
const BLANK_PARTS: Record<string, Entry> = { ...TYPED_TOTAL, "2.4.1": null, "2.4.2": null, "2.4.3": null };

/** The form's contexts after every rule of the form has run (the figures the comparing rules read). */
function contextsOf(b: WorkbookSnapshot, catalogue: Catalogue = CATALOGUE): Map<string, FormContext> {
  const contexts = new Map<string, FormContext>();
  for (const located of locateForms(b, catalogue).found) {
    const ctx = formContext(located);
    for (const rule of FORM_RULES) rule(ctx);
    contexts.set(located.form.id, ctx);
  }
  return contexts;
}

/** The catalogue with some rows of one form given more rules (or other parts), for rules no form has yet. */
function withRules(form: string, rows: Record<string, object>): Catalogue {
  const copy = structuredClone(CATALOGUE) as Catalogue;
  const f = copy.forms.find((x) => x.id === form)!;
  for (const [stt, extra] of Object.entries(rows))
    Object.assign(
      f.rows.find((r) => r.stt === stt)!,
      extra,
    );
  return copy;
}

describe("SUM_MISMATCH with a total among the parts (BM6 2.4 in 2.1)", () => {
  it("2.4 typed as 5 over parts of 4, 2.1 = 10: 2.1 must be 2 + 1 + 4 + 5 = 12, not 13", () => {
    const b = book(cleanForm("BM6", TYPED_TOTAL));
    expect(placesOf(validate(b), "SUM_MISMATCH")).toEqual(["BM6!D12", "BM6!D15"]);
    const whole = checkedFinding(b, "SUM_MISMATCH", "BM6!D12");
    expect(whole).toMatchObject({ severity: "error", form: "BM6", row: "2.1", expected: "12", actual: "10" });
    expect(whole.message).toContain("2.2 + 2.3 + 2.4 + 2.5 = 12");
    // The parts listed are the ones added up: 2.4 as its parts give it.
    expect(whole.suggestion).toContain("2.2: 2, 2.3: 1, 2.4: 4, 2.5: 5");
    // The typed 2.4 is reported where it is: against its parts, and as a figure typed over the formula.
    expect(checkedFinding(b, "SUM_MISMATCH", "BM6!D15")).toMatchObject({ row: "2.4", expected: "4", actual: "5" });
    const formula = findingAt(validate(b), "FORMULA_MISMATCH", "BM6!D15");
    expect(formula.fix).toMatchObject({ kind: "set-formula", sheet: "BM6", row: 15, col: 4 });
    expect(validate(b).counts).toEqual({ error: 3, warning: 0, info: 0 });
  });

  it("following both suggestions (2.4's formula back, 2.1 = 12) leaves the form clean", () => {
    const fixed = book(cleanForm("BM6", { ...RESTORED, "2.1": 12 }));
    const result = validate(fixed);
    expect(withCode(result, "SUM_MISMATCH")).toEqual([]);
    expect(result.findings).toEqual([]);
    expect(result.figures.BM6["2.4"]).toBe(4);
    // The old expectation (13, built on the typed 5) would have made a new error once 2.4 is right.
    const old = book(cleanForm("BM6", { ...RESTORED, "2.1": 13 }));
    expect(checkedFinding(old, "SUM_MISMATCH", "BM6!D12")).toMatchObject({ row: "2.1", expected: "12", actual: "13" });
  });

  it("2.4 typed as 4 (its parts' sum, over the formula) agrees with 2.1 = 12: only the formula is reported", () => {
    const typedRight = book(cleanForm("BM6", { ...TYPED_TOTAL, "2.4": 4, "2.1": 12 }));
    expect(placesOf(validate(typedRight), "SUM_MISMATCH")).toEqual([]);
    expect(placesOf(validate(typedRight), "FORMULA_MISMATCH")).toEqual(["BM6!D15"]);
  });

  it("the seed: 2.1 = 19 = 0 + 0 + 0 + 19 holds; the one cause is 2.4 typed as 19 over parts of 0", () => {
    const b = book(cleanForm("BM6", SEED_BM6));
    expect(placesOf(validate(b), "SUM_MISMATCH")).toEqual(["BM6!D15"]);
    expect(checkedFinding(b, "SUM_MISMATCH", "BM6!D15")).toMatchObject({ severity: "error", row: "2.4", expected: "0", actual: "19" });
    // Its formula back, the form adds up.
    const fixed = book(cleanForm("BM6", SEED_RESTORED));
    expect(validate(fixed).findings).toEqual([]);
  });

  it("2.4's parts all blank: the typed 2.4 = 5 is itself flagged, and 2.1 is checked from the inputs alone, so the two suggestions agree", () => {
    const b = book(cleanForm("BM6", BLANK_PARTS));
    // 2.4's own finding asks for its parts (0 until they are entered); 2.1's counts 2.4 as those parts give it.
    expect(checkedFinding(b, "SUM_MISMATCH", "BM6!D15")).toMatchObject({ row: "2.4", expected: "0", actual: "5" });
    expect(checkedFinding(b, "SUM_MISMATCH", "BM6!D12")).toMatchObject({ row: "2.1", expected: "8", actual: "10" });
    expect(placesOf(validate(b), "MISSING_VALUE")).toEqual(["BM6!D16", "BM6!D17", "BM6!D18"]);
    // Following both: 2.4's formula back (blank over blank parts) and 2.1 = 8 leave no sum to fix.
    const { "2.4": _blankTyped, ...followed } = BLANK_PARTS;
    expect(placesOf(validate(book(cleanForm("BM6", { ...followed, "2.1": 8 }))), "SUM_MISMATCH")).toEqual([]);
  });

  it("an unreadable part of 2.4 leaves 2.1 unchecked rather than checked against the typed 2.4", () => {
    const b = book(cleanForm("BM6", { ...TYPED_TOTAL, "2.4.2": "a" }));
    expect(placesOf(validate(b), "NOT_A_NUMBER")).toEqual(["BM6!D17"]);
    expect(placesOf(validate(b), "SUM_MISMATCH")).toEqual([]);
  });
});

describe("figureFromInputs", () => {
  it("gives an input its own figure, a total and a ratio what their parts give, whatever is typed over them", () => {
    const ctx = contextsOf(book(cleanForm("BM6", { ...TYPED_TOTAL, "1": 90, "1.1": 100, "1.2": 50 }))).get("BM6")!;
    expect(ctx.figures.get("2.4")).toBe(5);
    expect(figureFromInputs(ctx, "2.4")).toBe(4);
    expect(ctx.figures.get("1")).toBe(90);
    expect(figureFromInputs(ctx, "1")).toBe(50);
    expect(figureFromInputs(ctx, "2.1")).toBe(10);
    expect(figureFromInputs(ctx, "9.9")).toBeUndefined();
  });

  it("gives a total or ratio whose parts are all blank no figure, whatever is typed over it", () => {
    const ctx = contextsOf(book(cleanForm("BM6", { ...BLANK_PARTS, "1": 90, "1.1": null, "1.2": null }))).get("BM6")!;
    expect(ctx.figures.get("2.4")).toBe(5);
    expect(figureFromInputs(ctx, "2.4")).toBeNull();
    expect(figureFromInputs(ctx, "1")).toBeNull();
  });

  it("goes down through a total of totals, and stops at a circle", () => {
    // 2.5 made a total of 2.4 and 2.6, typed as 99: it counts 2.4 as its parts give it (4), plus 2.6.
    const nested = withRules("BM6", { "2.5": { kind: "total", sumOf: ["2.4", "2.6"] } });
    const ctx = contextsOf(book(cleanForm("BM6", { ...TYPED_TOTAL, "2.5": 99, "2.6": 3 })), nested).get("BM6")!;
    expect(ctx.figures.get("2.5")).toBe(99);
    expect(figureFromInputs(ctx, "2.5")).toBe(7);
    // A catalogue whose totals refer to each other in a circle: no endless recursion.
    const circle = withRules("BM6", { "2.4.1": { kind: "total", sumOf: ["2.4", "2.4.2"] } });
    const looped = contextsOf(book(cleanForm("BM6", TYPED_TOTAL)), circle).get("BM6")!;
    expect(typeof figureFromInputs(looped, "2.4")).toBe("number");
  });
});

describe("PART_EXCEEDS_WHOLE and CROSS_FORM_MISMATCH read a total from its inputs too", () => {
  it("a total as the whole: 2.5 ≤ 2.4 is compared with what 2.4's parts give (12), not a typed 2 or 20", () => {
    const catalogue = withRules("BM6", { "2.5": { atMost: "2.4" } });
    const typedLow = validateWorkbook(book(cleanForm("BM6", { "2.4": 2 })), { catalogue });
    expect(placesOf(typedLow, "PART_EXCEEDS_WHOLE")).toEqual([]);
    expect(placesOf(typedLow, "SUM_MISMATCH")).toEqual(["BM6!D15"]);
    const typedHigh = validateWorkbook(book(cleanForm("BM6", { "2.4": 20, "2.5": 15, "2.1": 29 })), { catalogue });
    expect(findingAt(typedHigh, "PART_EXCEEDS_WHOLE", "BM6!D19")).toMatchObject({ row: "2.5", expected: "≤ 12", actual: "15" });
  });

  it("a total as the part: 2.4 ≤ 2.1 is compared with what 2.4's parts give, not a typed 25", () => {
    const catalogue = withRules("BM6", { "2.4": { atMost: "2.1" } });
    const result = validateWorkbook(book(cleanForm("BM6", { "2.4": 25 })), { catalogue });
    expect(placesOf(result, "PART_EXCEEDS_WHOLE")).toEqual([]);
    expect(findingAt(result, "SUM_MISMATCH", "BM6!D15")).toMatchObject({ row: "2.4", expected: "12", actual: "25" });
  });

  it("a total among parts within a whole: 2.4 + 2.5 ≤ 2.1 with 2.4 from its parts", () => {
    const catalogue = withRules("BM6", { "2.1": { partsAtMost: ["2.4", "2.5"] } });
    // 12 + 5 ≤ 19, whatever is typed over 2.4
    expect(placesOf(validateWorkbook(book(cleanForm("BM6", { "2.4": 30 })), { catalogue }), "PART_EXCEEDS_WHOLE")).toEqual([]);
    // (13 + 5 + 4) + 5 = 27 > 19: the bound is the inputs' 27, not 30 + 5 = 35
    const over = validateWorkbook(book(cleanForm("BM6", { "2.4": 30, "2.4.1": 13 })), { catalogue });
    expect(findingAt(over, "PART_EXCEEDS_WHOLE", "BM6!D12")).toMatchObject({ row: "2.1", expected: "≥ 27", actual: "19" });
  });

  it("across forms: BM5 1.2 ≤ BM6 2.4 with 2.4 from its parts, and the bound built from them", () => {
    const catalogue = withRules("BM5", { "1.2": { atMostRowOf: { form: "BM6", stt: "2.4" } } });
    const typedLow = book(cleanForm("BM5", { "1.2": 12 }), cleanForm("BM6", { "2.4": 5 }));
    expect(placesOf(validateWorkbook(typedLow, { catalogue }), "CROSS_FORM_MISMATCH")).toEqual([]);
    const over = book(cleanForm("BM5", { "1.2": 13 }), cleanForm("BM6", { "2.4": 5 }));
    expect(findingAt(validateWorkbook(over, { catalogue }), "CROSS_FORM_MISMATCH", "BM5!D10")).toMatchObject({ row: "1.2", expected: "≤ 12", actual: "13" });
  });
});
