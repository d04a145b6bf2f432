import { checkedFinding, cleanForm, placesOf, validate } from "../../support/finding-checks";
import { book } from "../../support/snapshot-builder";

/** PART_EXCEEDS_WHOLE comes only from checkParts; each test expects one. */
describe("PART_EXCEEDS_WHOLE", () => {
  it("BM7 1.3.2 (dossiers filed online) larger than 1.3.1 (all dossiers)", () => {
    const b = book(cleanForm("BM7", { "1.3.1": 752, "1.3.2": 9275 }));
    const f = checkedFinding(b, "PART_EXCEEDS_WHOLE", "BM7!D17");
    expect(f).toMatchObject({ severity: "error", form: "BM7", row: "1.3.2", expected: "≤ 752", actual: "9.275" });
    expect(f.message).toContain("1.3.1");
    const en = validate(b, "en").findings.find((x) => x.code === "PART_EXCEEDS_WHOLE")!;
    expect(en.actual).toBe("9,275");
  });

  it("writes the bound in the language's notation", () => {
    const b = book(cleanForm("BM7", { "1.4.1": 1500, "1.4.2": 9275 }));
    expect(checkedFinding(b, "PART_EXCEEDS_WHOLE", "BM7!D20").expected).toBe("≤ 1.500");
    expect(validate(b, "en").findings.find((x) => x.code === "PART_EXCEEDS_WHOLE")!.expected).toBe("≤ 1,500");
  });

  it("BM1 4.1.1 + 4.1.2 + 4.1.3 larger than 4.1", () => {
    const b = book(cleanForm("BM1", { "4.1": 38, "4.1.1": 30, "4.1.2": 6, "4.1.3": 3 }));
    const f = checkedFinding(b, "PART_EXCEEDS_WHOLE", "BM1!D19");
    expect(f).toMatchObject({ severity: "error", row: "4.1", expected: "≥ 39", actual: "38" });
    expect(f.message).toContain("4.1.1 + 4.1.2 + 4.1.3");
  });

  it("BM1 parts equal to the whole, or some left blank, are fine (the rest are in progress)", () => {
    const b = book(cleanForm("BM1", { "4.1.1": 33, "4.1.2": 3, "4.1.3": 2 }), cleanForm("BM3", { "2.2.2": 3 }));
    expect(placesOf(validate(b), "PART_EXCEEDS_WHOLE")).toEqual(["BM3!D17"]);
  });

  it("BM4 staffing present above the quota is a warning, not an error", () => {
    const b = book(cleanForm("BM4", { "1.1": 52, "1.2": 53, "2.1": 586, "2.2": 590 }));
    expect(placesOf(validate(b), "PART_EXCEEDS_WHOLE")).toEqual(["BM4!D10", "BM4!D15"]);
    expect(checkedFinding(b, "PART_EXCEEDS_WHOLE", "BM4!D10")).toMatchObject({ severity: "warning", row: "1.2", expected: "≤ 52", actual: "53" });
    expect(validate(b).counts).toEqual({ error: 0, warning: 2, info: 0 });
  });

  it("a part typed as text in Vietnamese notation is compared by its reading", () => {
    const b = book(cleanForm("BM3", { "2.1.1": "9.275", "2.1.2": "9.300" }));
    expect(checkedFinding(b, "PART_EXCEEDS_WHOLE", "BM3!D14")).toMatchObject({ expected: "≤ 9.275", actual: "9.300" });
  });
});
