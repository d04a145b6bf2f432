import {
  figureFromParts,
  finiteFigure,
  ratioOf,
  RATIO_TOLERANCE,
  sameNumber,
  sameRatio,
  totalOf,
  totalOfFigures,
  typedTolerance,
  type Figure,
} from "../../src/core/figures";
import { CATALOGUE } from "../../src/core/forms";
import type { Form } from "../../src/core/forms";

const formOf = (id: string): Form => CATALOGUE.forms.find((f) => f.id === id)!;

describe("figures: the one home of ratio, total and same-number arithmetic", () => {
  it("a ratio is numerator / denominator × 100; blank with a blank part or a zero denominator; unreadable with an unreadable part", () => {
    expect(ratioOf(27, 52)).toBeCloseTo(51.923, 3);
    expect(ratioOf(0, 5)).toBe(0);
    expect(ratioOf(5, 0)).toBeNull();
    expect(ratioOf(null, 5)).toBeNull();
    expect(ratioOf(5, null)).toBeNull();
    expect(ratioOf(undefined, 5)).toBeUndefined();
    expect(ratioOf(null, undefined)).toBeUndefined();
  });

  it("a total counts a blank part as 0 once another has a figure; blank when all are; unreadable when any is", () => {
    expect(totalOf([1, null, 3])).toBe(4);
    expect(totalOf([null, null])).toBeNull();
    expect(totalOf([])).toBeNull();
    expect(totalOf([1, undefined, null])).toBeUndefined();
    // Deciding an uncertain reading wants every part: a blank decides nothing.
    expect(totalOfFigures([1, 2, 3])).toBe(6);
    expect(totalOfFigures([1, null])).toBeUndefined();
    expect(totalOfFigures([1, undefined])).toBeUndefined();
  });

  it("the same number is an absolute question: whole counts differ by 1 at any size; decimals added in binary do not differ", () => {
    expect(sameNumber(2020, 2019)).toBe(false);
    expect(sameNumber(2_000_000_001, 2_000_000_000)).toBe(false);
    expect(sameNumber(1e12 + 1, 1e12)).toBe(false);
    expect(sameNumber(0.1 + 0.2, 0.3)).toBe(true);
    expect(sameNumber(17000.1 + 330.3, 17330.4)).toBe(true);
    // a tenth of a đồng, in million đồng
    expect(sameNumber(21406.5000001, 21406.5)).toBe(true);
    expect(sameNumber(21406.501, 21406.5)).toBe(false);
  });

  it("a ratio's typed result agrees within one shown decimal's tolerance, or the one its own decimals give", () => {
    expect(RATIO_TOLERANCE).toBe(0.05);
    expect(sameRatio(51.9, (27 / 52) * 100)).toBe(true);
    expect(sameRatio(51.923, (27 / 52) * 100)).toBe(true);
    expect(sameRatio(33.4, 100 / 3)).toBe(false);
    expect(typedTolerance("51,9%")).toBeCloseTo(0.05, 8);
    expect(typedTolerance("51,923%")).toBeCloseTo(0.0005, 8);
    expect(typedTolerance("100%")).toBeCloseTo(0.5, 8);
    expect(sameRatio(51.923, (27 / 52) * 100, typedTolerance("51,923%"))).toBe(true);
    expect(sameRatio(51.92, (27 / 52) * 100, typedTolerance("51,92%"))).toBe(true);
  });

  it("an overflowing figure is no figure", () => {
    expect(finiteFigure(Infinity)).toBeUndefined();
    expect(finiteFigure(NaN)).toBeUndefined();
    expect(finiteFigure(1e308)).toBe(1e308);
    expect(finiteFigure(null)).toBeNull();
  });

  describe("figureFromParts: a row as the inputs beneath it give it", () => {
    const inputs: Record<string, Figure> = { "2.4": 99, "2.4.1": 3, "2.4.2": 5, "2.4.3": 4, "1": 90, "1.1": 200, "1.2": 50 };
    const given = (stt: string) => inputs[stt];

    it("a total from its parts and a ratio from its numerator and denominator, never the figure typed over them", () => {
      expect(figureFromParts(formOf("BM6"), "2.4", given)).toBe(12);
      expect(figureFromParts(formOf("BM6"), "1", given)).toBe(25);
      // an input, and a row the form does not have, are what `given` says
      expect(figureFromParts(formOf("BM6"), "2.4.1", given)).toBe(3);
      expect(figureFromParts(formOf("BM6"), "9.9", given)).toBeUndefined();
    });

    it("an overflowing total is unreadable by default; the ward's figures settle it as blank instead", () => {
      const huge = (stt: string) => (stt.startsWith("2.4.") ? 1.5e308 : null);
      expect(figureFromParts(formOf("BM6"), "2.4", huge)).toBeUndefined();
      expect(figureFromParts(formOf("BM6"), "2.4", huge, (f) => finiteFigure(f) ?? null)).toBeNull();
    });

    it("stops at a circle of totals instead of recursing for ever", () => {
      const bm6 = formOf("BM6");
      const circle: Form = { ...bm6, rows: bm6.rows.map((r) => (r.stt === "2.4.1" ? { ...r, kind: "total" as const, sumOf: ["2.4", "2.4.2"] } : r)) };
      // 2.4 = 2.4.1 + 2.4.2 + 2.4.3, 2.4.1 = 2.4 (met again: as given, 99) + 2.4.2
      expect(figureFromParts(circle, "2.4", given)).toBe(99 + 5 + 5 + 4);
    });
  });
});
