import { checkedFinding, cleanForm, placesOf, validate } from "../../support/finding-checks";
import { book } from "../../support/snapshot-builder";

/** CROSS_FORM_MISMATCH comes only from checkCrossForm (run after FORM_RULES). */
describe("CROSS_FORM_MISMATCH", () => {
  it("BM5 1.2 (service units with approved job positions) larger than BM6 2.1 (all service units)", () => {
    const b = book(cleanForm("BM5", { "1.2": 25 }), cleanForm("BM6"));
    const f = checkedFinding(b, "CROSS_FORM_MISMATCH", "BM5!D10");
    expect(f).toMatchObject({ severity: "error", form: "BM5", row: "1.2", expected: "≤ 19", actual: "25" });
    expect(f.message).toContain("BM6");
    expect(f.message).toContain("2.1");
  });

  it("is checked only when both forms are present, and passes at equality", () => {
    expect(placesOf(validate(book(cleanForm("BM5", { "1.2": 25 }))), "CROSS_FORM_MISMATCH")).toEqual([]);
    expect(placesOf(validate(book(cleanForm("BM5", { "1.2": 19 }), cleanForm("BM6"))), "CROSS_FORM_MISMATCH")).toEqual([]);
    expect(placesOf(validate(book(cleanForm("BM5", { "1.2": 20 }), cleanForm("BM6"))), "CROSS_FORM_MISMATCH")).toEqual(["BM5!D10"]);
  });

  it("finds BM6 under another sheet name and in another place", () => {
    const b = book(cleanForm("BM5", { "1.2": 25 }), cleanForm("BM6", {}, { sheetName: "Biểu mẫu 6", firstColumn: 3, titleLines: ["Phụ lục 3"] }));
    expect(placesOf(validate(b), "CROSS_FORM_MISMATCH")).toEqual(["BM5!D10"]);
  });
});
