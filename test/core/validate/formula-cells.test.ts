import { ratioFormula, totalFormula } from "../../../src/core/layout/formulas";
import { checkedFinding, cleanForm, findingAt, placesOf, validate, withCode } from "../../support/finding-checks";
import { book } from "../../support/snapshot-builder";
import { at } from "../../support/a1";

const BM3_21 = ratioFormula("D14", "D13");

/**
 * FORMULA_MISMATCH comes only from checkFormulaCells; every test expects at
 * least one (the "no finding" cases sit beside a planted one), so each fails
 * without it.
 */
describe("FORMULA_MISMATCH", () => {
  it("a typed constant where the ratio formula belongs, with the catalogue formula as a certain fix", () => {
    const b = book(cleanForm("BM3", { "2.1": 99.2 }));
    const f = checkedFinding(b, "FORMULA_MISMATCH", "BM3!D12");
    expect(f).toMatchObject({ severity: "error", form: "BM3", row: "2.1", expected: `=${BM3_21}`, actual: "99,2" });
    expect(f.fix).toEqual({ kind: "set-formula", sheet: "BM3", row: 12, col: 4, address: "D12", formula: BM3_21 });
    expect(f.suggestion).toContain(`=${BM3_21}`);
  });

  it("a formula over other cells than the form defines", () => {
    const b = book(cleanForm("BM3", { "2.1": { formula: "=D14/D16*100", value: 4600.5 } }));
    const f = checkedFinding(b, "FORMULA_MISMATCH", "BM3!D12");
    expect(f).toMatchObject({ expected: `=${BM3_21}`, actual: "=D14/D16*100" });
    expect(f.message).toContain("=D14/D16*100");
  });

  it("a sum over a whole sheet is a wrong formula, found at once (the range is not expanded cell by cell)", () => {
    const b = book(cleanForm("BM2", { "1": { formula: "=SUM(A1:XFD1048576)", value: 3 } }));
    const f = checkedFinding(b, "FORMULA_MISMATCH", "BM2!D8");
    expect(f).toMatchObject({ actual: "=SUM(A1:XFD1048576)", expected: `=${totalFormula(["D9"])}` });
  });

  it.each([
    ["=a+b", "BM2", "1", "BM2!D8", totalFormula(["D9"])],
    ["=a+b+c+d", "BM5", "4", "BM5!D16", totalFormula(["D17", "D18", "D19"])],
    ["= b/a*100", "BM1", "3.3", "BM1!D15", ratioFormula("D17", "D16")],
    ["= b/a*100", "BM6", "1", "BM6!D8", ratioFormula("D10", "D9")],
  ])("the text placeholder %p in %s %s", (text, form, stt, cell, formula) => {
    const b = book(cleanForm(form, { [stt]: text }));
    const f = checkedFinding(b, "FORMULA_MISMATCH", cell);
    expect(f).toMatchObject({ severity: "error", form, row: stt, expected: `=${formula}`, actual: text });
    expect(f.message).toContain(`"${text}"`);
    expect(f.fix).toEqual({ kind: "set-formula", sheet: form, ...at(cell.split("!")[1]), address: cell.split("!")[1], formula });
    // a placeholder carries no figure, so the total or ratio is not compared
    expect(withCode(validate(b), "SUM_MISMATCH")).toEqual([]);
    expect(withCode(validate(b), "RATIO_MISMATCH")).toEqual([]);
  });

  it("typed arithmetic with its own figures (the seed's = 27/52*100) is read for the ratio check but still flagged", () => {
    const b = book(cleanForm("BM1", { "2": "= 27/52*100" }));
    const f = checkedFinding(b, "FORMULA_MISMATCH", "BM1!D9");
    expect(f.actual).toBe("= 27/52*100");
    expect(validate(b).figures.BM1["2"]).toBeCloseTo((27 / 52) * 100, 9);
  });

  it("typed arithmetic nested past any sane depth is a placeholder, not a stack overflow; shallow nesting still reads (found by the fuzz test)", () => {
    const deep = `=${"(".repeat(50_000)}27${")".repeat(50_000)}/52*100`;
    const signs = `= ${"-".repeat(100_000)}1`;
    const b = book(cleanForm("BM1", { "2": deep, "3.3": signs }));
    // The finding quotes the cell cut short (see the quoting test in input-values.test.ts).
    expect(checkedFinding(b, "FORMULA_MISMATCH", "BM1!D9").actual).toBe(`${deep.slice(0, 300)}…`);
    expect(checkedFinding(b, "FORMULA_MISMATCH", "BM1!D15").actual).toBe(`${signs.slice(0, 300)}…`);
    expect("2" in validate(b).figures.BM1).toBe(false);
    expect(validate(book(cleanForm("BM1", { "2": "= ((27))/((52))*100" }))).figures.BM1["2"]).toBeCloseTo((27 / 52) * 100, 9);
  });

  it("a ratio or total that overflows, or a cached NaN, is no figure: never NaN or Infinity (found by the fuzz test)", () => {
    const b = book(
      cleanForm("BM1", { "2.1": 1e-300, "2.2": 1e308, "3.3": { formula: "=D17/D16*100", value: Number.NaN } }),
      cleanForm("BM5", { "4.1": 1.5e308, "4.2": 1.5e308 }),
    );
    const { figures } = validate(b);
    expect(figures.BM1["2.2"]).toBe(1e308);
    expect("2" in figures.BM1).toBe(false);
    expect("3.3" in figures.BM1).toBe(false);
    expect("4" in figures.BM5).toBe(false);
  });

  it("a ratio or total cell left blank (no formula)", () => {
    const b = book(cleanForm("BM5", { "4": null }), cleanForm("BM7", { "1.3": null }));
    expect(placesOf(validate(b), "FORMULA_MISMATCH")).toEqual(["BM5!D16", "BM7!D15"]);
    const f = checkedFinding(b, "FORMULA_MISMATCH", "BM5!D16");
    expect(f).toMatchObject({ expected: `=${totalFormula(["D17", "D18", "D19"])}`, actual: null });
  });

  it("no finding for an equivalent formula over the right cells; the planted constant beside them is still found", () => {
    const b = book(
      cleanForm("BM1", { "2": { formula: "=D11/D10*100" }, "3.3": { formula: "=$D$17/$D$16*100" } }),
      cleanForm("BM2", { "1": { formula: "=D9" } }),
      cleanForm("BM5", { "4": { formula: "=SUM(D17:D19)", value: 3 } }),
      cleanForm("BM6", { "2.4": 12 }),
    );
    const result = validate(b);
    expect(placesOf(result, "FORMULA_MISMATCH")).toEqual(["BM6!D15"]);
    expect(result.counts).toEqual({ error: 1, warning: 0, info: 0 });
    expect(result.figures.BM1["2"]).toBeCloseTo((27 / 52) * 100, 9);
  });

  it("an inverted ratio or a difference over the right cells is a FORMULA_MISMATCH, and its shown value is still checked", () => {
    // D10/D11*100 inverts the ratio: the references match, the computation does not.
    const b = book(
      cleanForm("BM1", { "2": { formula: "=D10/D11*100", value: (52 / 27) * 100 } }),
      cleanForm("BM5", { "4": { formula: "=D17+D18-D19" } }),
      cleanForm("BM6", { "2.4": 12 }),
    );
    const result = validate(b);
    expect(placesOf(result, "FORMULA_MISMATCH")).toEqual(["BM1!D9", "BM5!D16", "BM6!D15"]);
    expect(findingAt(result, "FORMULA_MISMATCH", "BM5!D16").actual).toBe("=D17+D18-D19");
    expect(findingAt(result, "FORMULA_MISMATCH", "BM1!D9").message).toContain("=D10/D11*100");
    expect(placesOf(result, "RATIO_MISMATCH")).toEqual(["BM1!D9"]);
  });

  it("accepts ratio formulas wrapped in IFERROR or ROUND, or written ×100 first", () => {
    const b = book(
      cleanForm("BM1", { "2": { formula: '=IFERROR(D11/D10*100,"")' }, "3.3": { formula: "=ROUND(100*D17/D16,1)" } }),
      cleanForm("BM6", { "2.4": 12 }),
    );
    expect(placesOf(validate(b), "FORMULA_MISMATCH")).toEqual(["BM6!D15"]);
  });
});
