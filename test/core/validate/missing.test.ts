import { checkedFinding, cleanForm, placesOf, validate } from "../../support/finding-checks";
import { book, formSheet } from "../../support/snapshot-builder";

/** MISSING_VALUE comes only from checkMissing. */
describe("MISSING_VALUE", () => {
  it("an input left blank in a form that has figures is a warning on its row", () => {
    const b = book(cleanForm("BM1", { "3.1": null, "3.2": "" }));
    expect(placesOf(validate(b), "MISSING_VALUE")).toEqual(["BM1!D13", "BM1!D14"]);
    const f = checkedFinding(b, "MISSING_VALUE", "BM1!D13");
    expect(f).toMatchObject({ severity: "warning", form: "BM1", row: "3.1", expected: null, actual: null });
  });

  it("a form with no figure at all gets one note for the whole form, not one per row", () => {
    const b = book(formSheet("BM4"), cleanForm("BM2"));
    expect(placesOf(validate(b), "MISSING_VALUE")).toEqual(["BM4!D9"]);
    const f = checkedFinding(b, "MISSING_VALUE", "BM4!D9");
    expect(f).toMatchObject({ severity: "info", form: "BM4", row: null });
    expect(validate(b).counts).toEqual({ error: 0, warning: 0, info: 1 });
  });

  it("0 is a figure, not a blank; an unreadable figure is reported as such, not as missing", () => {
    const b = book(cleanForm("BM4", { "1.4": 0, "2.3": "x", "2.4": null }));
    expect(placesOf(validate(b), "MISSING_VALUE")).toEqual(["BM4!D17"]);
  });
});
