import { RATIO_TOLERANCE } from "../../../src/core/figures";
import { checkedFinding, cleanForm, placesOf, validate } from "../../support/finding-checks";
import { book } from "../../support/snapshot-builder";

/**
 * RATIO_MISMATCH comes only from checkRatios; each test expects at least one,
 * so each fails without it. (FORMULA_MISMATCH and UNIT_MISMATCH on the same
 * cells come from their own rules and are not what is asserted here.)
 */
describe("RATIO_MISMATCH", () => {
  it("a result typed into the unit column that disagrees with numerator / denominator (BM1 2: 51,9% but 28/52 = 53,8%)", () => {
    const b = book(cleanForm("BM1", { "2": { value: "= 28/52*100", unit: "51,9%" }, "2.2": 28 }));
    const f = checkedFinding(b, "RATIO_MISMATCH", "BM1!C9");
    expect(f).toMatchObject({ severity: "error", form: "BM1", row: "2", expected: "53,85", actual: "51,9" });
    expect(f.message).toContain("51,9%");
    expect(f.message).toContain("28 / 52");
    expect(placesOf(validate(b), "RATIO_MISMATCH")).toEqual(["BM1!C9"]);
  });

  it(`a typed result within ${RATIO_TOLERANCE} percentage points passes; one just outside does not`, () => {
    // 27/52 = 51,923…: "51,9%" is 0,023 off; 1/3 = 33,33…: "33,3%" is 0,033 off, "33,4%" is 0,067 off
    const b = book(
      cleanForm("BM1", { "2": { value: "= 27/52*100", unit: "51,9%" } }),
      cleanForm("BM3", { "2.2": { unit: "33,3%" }, "2.2.1": 3, "2.2.2": 1 }),
      cleanForm("BM7", { "1.5": { unit: "33,4%" }, "1.5.1": 3, "1.5.2": 1 }),
    );
    expect(placesOf(validate(b), "RATIO_MISMATCH")).toEqual(["BM7!C21"]);
  });

  it("a constant typed in the Số liệu cell of a ratio that disagrees is one finding, one cause (BM3 2.1: 90 while 9.201 / 9.275 = 99,2)", () => {
    const b = book(cleanForm("BM3", { "2.1": 90 }));
    const f = checkedFinding(b, "FORMULA_MISMATCH", "BM3!D12");
    expect(f).toMatchObject({ severity: "error", row: "2.1", actual: "90" });
    expect(f.message).toBe("Ô chứa giá trị gõ tay (90) thay cho công thức; theo tử số và mẫu số, tỷ lệ là 99,2 %.");
    expect(placesOf(validate(b), "RATIO_MISMATCH")).toEqual([]);
    // A typed value that agrees is still not a formula, but says nothing about the ratio.
    expect(checkedFinding(book(cleanForm("BM3", { "2.1": 99.2 })), "FORMULA_MISMATCH", "BM3!D12").message).toBe(
      "Ô chứa giá trị gõ tay (99,2) thay cho công thức.",
    );
  });

  it("a typed arithmetic result is compared with the figures of the rows (= 9.275/9.275*100 while 2.1.2 is 9.201)", () => {
    const b = book(cleanForm("BM3", { "2.1": "= 9.275/9.275*100" }));
    expect(checkedFinding(b, "RATIO_MISMATCH", "BM3!D12")).toMatchObject({ expected: "99,2", actual: "100" });
  });

  it("a ratio with a value while its denominator is 0 must stay blank", () => {
    const b = book(cleanForm("BM7", { "1.5": { unit: "100%" }, "1.5.1": 0, "1.5.2": 0 }));
    const f = checkedFinding(b, "RATIO_MISMATCH", "BM7!C21");
    expect(f).toMatchObject({ row: "1.5", expected: null, actual: "100" });
    expect(f.message).toContain("1.5.1");
  });

  it("a ratio with a value while its numerator is blank names the blank row", () => {
    const b = book(cleanForm("BM7", { "1.5": { unit: "100%" }, "1.5.2": null }));
    const f = checkedFinding(b, "RATIO_MISMATCH", "BM7!C21");
    expect(f.message).toContain("1.5.2");
  });

  it("the template's own formulas never mismatch, and a ratio is not compared while a part is unreadable", () => {
    const b = book(cleanForm("BM3"), cleanForm("BM6", { "1": { unit: "50,0%" }, "1.1": "42,809", "1.2": "21.406" }), cleanForm("BM1", { "2": 60 }));
    // BM1 2 typed as 60 is the one ratio off: said once, as the typed value it is.
    expect(placesOf(validate(b), "RATIO_MISMATCH")).toEqual([]);
    expect(placesOf(validate(b), "FORMULA_MISMATCH")).toEqual(["BM1!D9"]);
  });
});
