import { aggregate, combineRow, deriveFigures, type Contribution } from "../../../src/core/aggregate";
import { DEFAULT_REGISTRY } from "../../../src/core/units";
import { formOf } from "../../support/snapshot-builder";
import { unitBook, type UnitFigures } from "../../support/unit-books";

const rowOf = (form: string, stt: string) => formOf(form).rows.find((r) => r.stt === stt)!;

/** Contributions of units A, B, C… in order; "R" after a value marks the unit that answers for the form. */
function parts(...values: (number | null | [number | null, "R"])[]): Contribution[] {
  return values.map((v, i) => ({
    unitName: `Đơn vị ${"ABCDE"[i]}`,
    file: `${"abcde"[i]}.xlsx`,
    value: Array.isArray(v) ? v[0] : v,
    responsible: Array.isArray(v),
  }));
}

/** Aggregates books of registry units (by name, recorded as `cchc template --unit` does) for 2026-H1. */
function wardOf(units: [string, UnitFigures][]) {
  return aggregate({
    workbooks: units.map(([unit, figures], i) => ({ file: `${i}.xlsx`, modified: 1000 + i, book: unitBook(figures, { unit }) })),
    registry: DEFAULT_REGISTRY,
  });
}

const VHXH = "Phòng Văn hóa - Xã hội";
const VP = "Văn phòng HĐND và UBND";
const KT = "Phòng Kinh tế, Hạ tầng và Đô thị";
const TTPVHCC = "Trung tâm Phục vụ hành chính công";

describe("combineRow: counts and money are summed; a blank is not reported, not zero", () => {
  it.each([
    ["BM1", "1", [3, 4, 0], 7],
    ["BM1", "4.2", [9500, 2500.5], 12000.5],
    ["BM6", "1.1", [42809, null], 42809],
    ["BM2", "1.1", [null, 0], 0],
    ["BM2", "1.1", [null, null], null],
    ["BM2", "1.1", [], null],
  ] as [string, string, (number | null)[], number | null][])("%s %s of %j is %p", (form, stt, values, expected) => {
    expect(combineRow(rowOf(form, stt), parts(...values))).toEqual({ value: expected });
  });
});

describe("combineRow: codes", () => {
  it.each([
    [[0, 1, 0], 1],
    [[0, 0], 0],
    [[null, 0], 0],
    [[1, null], 1],
    [[null, null], null],
    // a code the form does not know (an INVALID_CODE in the unit's file) does not count
    [[7, 0], 0],
    [[7], null],
  ] as [(number | null)[], number | null][])("BM1 5 (dialogue held) of %j is %p: 1 if any unit held one", (values, expected) => {
    expect(combineRow(rowOf("BM1", "5"), parts(...values)).value).toBe(expected);
  });

  it.each([
    [[1, 1, 1], 1],
    [[0, 0], 0],
    [[2, 2], 2],
    [[0, 1], 2],
    [[1, 0, 1], 2],
    [[0, 2], 2],
    [[null, 1], 1],
    [[null, null], null],
  ] as [(number | null)[], number | null][])("BM1 4.3 (survey form) of %j is %p: the same if all agree, online with paper is combined", (values, expected) => {
    expect(combineRow(rowOf("BM1", "4.3"), parts(...values)).value).toBe(expected);
  });
});

describe("combineRow: percent inputs come from the responsible unit, and disagreement is flagged", () => {
  it("units that agree give that value, no conflict", () => {
    expect(combineRow(rowOf("BM3", "1.1"), parts([100, "R"], 100))).toEqual({ value: 100 });
  });

  it("the responsible unit's value is taken over another's, whichever comes first", () => {
    expect(combineRow(rowOf("BM3", "1.1"), parts(80, [95, "R"]))).toEqual({
      value: 95,
      conflict: { values: [{ unitName: "Đơn vị A", value: 80 }, { unitName: "Đơn vị B", value: 95 }], used: "Đơn vị B", value: 95 },
    });
  });

  it("never averaged or summed: with no responsible unit the first reporting unit's value is kept, and flagged", () => {
    const r = combineRow(rowOf("BM4", "2.4"), parts(null, 10, 30));
    expect(r.value).toBe(10);
    expect(r.conflict).toMatchObject({ used: "Đơn vị B", value: 10 });
  });

  it("a blank is not a disagreement", () => {
    expect(combineRow(rowOf("BM4", "2.4"), parts([12.5, "R"], null))).toEqual({ value: 12.5 });
  });
});

describe("deriveFigures: ratios and totals are recomputed from the combined inputs", () => {
  it("BM1 2 = 2.2 / 2.1 × 100; a zero or blank denominator or a blank numerator leaves the ratio blank", () => {
    expect(deriveFigures(formOf("BM1"), { "2.1": 12, "2.2": 10 })["2"]).toBeCloseTo((10 / 12) * 100, 12);
    expect(deriveFigures(formOf("BM1"), { "2.1": 0, "2.2": 0 })["2"]).toBeNull();
    expect(deriveFigures(formOf("BM1"), { "2.1": null, "2.2": 3 })["2"]).toBeNull();
    expect(deriveFigures(formOf("BM1"), { "2.1": 5, "2.2": null })["2"]).toBeNull();
  });

  it("a total is the sum of its parts, ignoring a stale total passed in; blank when every part is blank", () => {
    expect(deriveFigures(formOf("BM5"), { "4": 999, "4.1": 1, "4.2": 2, "4.3": 3 })["4"]).toBe(6);
    expect(deriveFigures(formOf("BM5"), { "4.1": 1, "4.2": null, "4.3": 3 })["4"]).toBe(4);
    expect(deriveFigures(formOf("BM5"), { "4.1": null, "4.2": null, "4.3": null })["4"]).toBeNull();
  });

  it("a sum or ratio past Number.MAX_VALUE is blank, never Infinity in the ward's workbook (found by the fuzz test)", () => {
    expect(combineRow(rowOf("BM1", "1"), parts(1.5e308, 1.5e308))).toEqual({ value: null });
    expect(deriveFigures(formOf("BM5"), { "4.1": 1.5e308, "4.2": 1.5e308, "4.3": 1 })["4"]).toBeNull();
    expect(deriveFigures(formOf("BM1"), { "2.1": 1e-300, "2.2": 1e308 })["2"]).toBeNull();
    expect(deriveFigures(formOf("BM1"), { "2.1": 2, "2.2": 1e300 })["2"]).toBe(5e301);
  });

  it("a ratio passed in is replaced by the recomputed one", () => {
    expect(deriveFigures(formOf("BM6"), { "1": 70, "1.1": 200, "1.2": 50 })["1"]).toBe(25);
  });
});

describe("aggregate: the ward's figures", () => {
  it("the DOMAIN.md example: unit A 1/2 and unit B 9/10 give 10/12 = 83.3 %, not 70 %", () => {
    const r = wardOf([
      [VHXH, { BM1: { "2.1": 2, "2.2": 1 } }],
      [VP, { BM1: { "2.1": 10, "2.2": 9 } }],
    ]);
    expect(r.values.BM1["2.1"]).toBe(12);
    expect(r.values.BM1["2.2"]).toBe(10);
    expect(r.values.BM1["2"]).toBeCloseTo(83.333333, 5);
    expect(r.values.BM1["2"]).not.toBeCloseTo(70, 0);
    expect(r.provenance.BM1["2.1"]).toEqual({
      value: 12,
      contributions: [
        { unitName: VHXH, unitCode: "VHXH", file: "0.xlsx", value: 2, responsible: true },
        { unitName: VP, unitCode: "VP", file: "1.xlsx", value: 10, responsible: true },
      ],
    });
  });

  it("totals are recomputed from summed components (BM5 4, BM6 2.4, BM2 1)", () => {
    const r = wardOf([
      [VHXH, { BM5: { "4.1": 1, "4.2": 2, "4.3": 3 }, BM2: { "1.1": 5 } }],
      [KT, { BM5: { "4.1": 10, "4.2": 20, "4.3": 30 }, BM6: { "2.4.1": 1, "2.4.2": 2, "2.4.3": 3 } }],
      [VP, { BM6: { "2.4.1": 4, "2.4.2": null, "2.4.3": 6 }, BM2: { "1.1": 7 } }],
    ]);
    expect(r.values.BM5).toMatchObject({ "4.1": 11, "4.2": 22, "4.3": 33, "4": 66 });
    expect(r.values.BM6).toMatchObject({ "2.4.1": 5, "2.4.2": 2, "2.4.3": 9, "2.4": 16 });
    expect(r.values.BM2).toMatchObject({ "1.1": 12, "1": 12 });
  });

  it("a blank stays 'not reported': left out of the sum, kept in the provenance with value null, and a row nobody reported is blank, not 0", () => {
    const r = wardOf([
      [VHXH, { BM2: { "1.1": 3 }, BM5: { "4.1": 2, "4.2": null, "4.3": null } }],
      [VP, { BM2: { "1.1": null }, BM5: { "4.1": null, "4.2": null, "4.3": null } }],
    ]);
    expect(r.values.BM2["1.1"]).toBe(3);
    expect(r.values.BM2["1"]).toBe(3);
    expect(r.provenance.BM2["1.1"].contributions.map((c) => [c.unitName, c.value])).toEqual([
      [VHXH, 3],
      [VP, null],
    ]);
    // A total over parts some of which nobody reported: the blank parts stay blank and are left out of it.
    expect(r.values.BM5["4.2"]).toBeNull();
    expect(r.values.BM5["4"]).toBe(2);
    expect(r.provenance.BM5["4.2"]).toEqual({ value: null, contributions: [expect.objectContaining({ unitName: VHXH, value: null }), expect.objectContaining({ unitName: VP, value: null })] });
    // Forms nobody sent: every figure blank, nothing invented.
    expect(Object.values(r.values.BM7).every((v) => v === null)).toBe(true);
    expect(Object.values(r.provenance.BM7).every((p) => p.value === null && p.contributions.length === 0)).toBe(true);
  });

  it("ratios of a blank part stay blank instead of counting it as 0", () => {
    const r = wardOf([
      [VHXH, { BM7: { "1.1.1": 10, "1.1.2": null } }],
      [TTPVHCC, { BM7: { "1.1.1": null, "1.1.2": null } }],
    ]);
    expect(r.values.BM7["1.1"]).toBeNull();
  });

  it("percent inputs: the responsible unit's value, with VALUES_CONFLICT naming the units when they disagree", () => {
    const r = wardOf([
      [VHXH, { BM3: { "1.1": 90 }, BM4: { "2.4": 12.5 } }],
      [TTPVHCC, { BM3: { "1.1": 100 }, BM4: { "2.4": 12.5 } }],
    ]);
    expect(r.values.BM3["1.1"]).toBe(100);
    expect(r.values.BM4["2.4"]).toBe(12.5);
    const conflicts = r.findings.filter((f) => f.code === "VALUES_CONFLICT");
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ severity: "warning", form: "BM3", row: "1.1" });
    expect(conflicts[0].message).toContain(`${VHXH}: 90`);
    expect(conflicts[0].message).toContain(`${TTPVHCC}: 100`);
    expect(conflicts[0].message).toMatch(new RegExp(`Dùng số của ${TTPVHCC} \\(100\\)`));
  });

  it("codes: BM1 5 is 1 when any unit held a dialogue; BM1 4.3 online with paper is combined (2), the same value when all agree", () => {
    const mixed = wardOf([
      [VHXH, { BM1: { "4.3": 0, "5": 0 } }],
      [VP, { BM1: { "4.3": 1, "5": 1 } }],
      [KT, { BM1: { "4.3": 1, "5": 0 } }],
    ]);
    expect(mixed.values.BM1).toMatchObject({ "4.3": 2, "5": 1 });
    const same = wardOf([
      [VHXH, { BM1: { "4.3": 1, "5": 0 } }],
      [VP, { BM1: { "4.3": 1, "5": 0 } }],
    ]);
    expect(same.values.BM1).toMatchObject({ "4.3": 1, "5": 0 });
    expect([...mixed.findings, ...same.findings].filter((f) => f.code === "VALUES_CONFLICT")).toEqual([]);
  });
});
