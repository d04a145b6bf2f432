import { checkedFinding, cleanForm, placesOf, validate } from "../../support/finding-checks";
import { book } from "../../support/snapshot-builder";

/**
 * SUM_MISMATCH comes only from checkSums: without it in FORM_RULES none of
 * the findings below exists, so every test here fails.
 */
describe("SUM_MISMATCH", () => {
  it("BM6 2.1 must equal 2.2 + 2.3 + 2.4 + 2.5, with 2.4 as its parts give it (the seed: 19 = 0 + 0 + 0 + 19, only 2.4 is off)", () => {
    const b = book(cleanForm("BM6", { "2.2": 0, "2.3": 0, "2.4": 19, "2.5": 19, "2.4.1": 0, "2.4.2": 0, "2.4.3": 0 }));
    expect(placesOf(validate(b), "SUM_MISMATCH")).toEqual(["BM6!D15"]);
    expect(checkedFinding(b, "SUM_MISMATCH", "BM6!D15")).toMatchObject({ severity: "error", form: "BM6", row: "2.4", expected: "0", actual: "19" });
    const off = book(cleanForm("BM6", { "2.2": 0, "2.3": 0, "2.5": 19 }));
    const f = checkedFinding(off, "SUM_MISMATCH", "BM6!D12");
    expect(f).toMatchObject({ severity: "error", form: "BM6", row: "2.1", expected: "31", actual: "19" });
    expect(f.message).toContain("2.2 + 2.3 + 2.4 + 2.5");
  });

  it("BM6 2.4 typed as 19 while its parts add up to 0", () => {
    const b = book(cleanForm("BM6", { "2.4": 19, "2.4.1": 0, "2.4.2": 0, "2.4.3": 0, "2.5": 0 }));
    const f = checkedFinding(b, "SUM_MISMATCH", "BM6!D15");
    expect(f).toMatchObject({ severity: "error", form: "BM6", row: "2.4", expected: "0", actual: "19" });
    // 2.1 counts 2.4 as its parts give it: 19 against 0 + 2 + 0 + 0, so 2.1 is off too
    expect(placesOf(validate(b), "SUM_MISMATCH")).toEqual(["BM6!D12", "BM6!D15"]);
    expect(checkedFinding(b, "SUM_MISMATCH", "BM6!D12")).toMatchObject({ row: "2.1", expected: "2", actual: "19" });
  });

  it("a total whose formula was replaced by another figure (BM2 1)", () => {
    const b = book(cleanForm("BM2", { "1": 8 }));
    expect(checkedFinding(b, "SUM_MISMATCH", "BM2!D8")).toMatchObject({ row: "1", expected: "7", actual: "8" });
  });

  it("a total formula over the right cells with a stale cached result (BM5 4)", () => {
    const b = book(cleanForm("BM5", { "4": { formula: "D17+D18+D19", value: 5 } }));
    expect(checkedFinding(b, "SUM_MISMATCH", "BM5!D16")).toMatchObject({ row: "4", expected: "3", actual: "5" });
    expect(placesOf(validate(b), "FORMULA_MISMATCH")).toEqual([]);
  });

  it("money with decimals adds up exactly, blanks count as 0 once a part is entered", () => {
    const ok = book(cleanForm("BM6"), cleanForm("BM5", { "4.3": null }));
    const result = validate(ok);
    expect(placesOf(result, "SUM_MISMATCH")).toEqual([]);
    expect(result.figures.BM5["4"]).toBe(1);
    // …while a blank whole against entered groups is a mismatch
    const blankWhole = book(cleanForm("BM6", { "2.1": null }));
    expect(checkedFinding(blankWhole, "SUM_MISMATCH", "BM6!D12")).toMatchObject({ expected: "19", actual: null });
  });

  it("writes the parts and their values in the language of the message", () => {
    const b = book(cleanForm("BM6", { "2.1": 1019, "2.2": null }));
    const vi = checkedFinding(b, "SUM_MISMATCH", "BM6!D12");
    expect(vi.expected).toBe("19");
    expect(vi.actual).toBe("1.019");
    expect(vi.suggestion).toContain("2.2: (trống)");
    const en = validate(b, "en").findings.find((f) => f.code === "SUM_MISMATCH")!;
    expect(en.actual).toBe("1,019");
    expect(en.suggestion).toContain("2.2: (blank)");
  });
});
