import { combineCodes, deriveFigures, type Contribution } from "../../../src/core/aggregate";
import { wardRowNotes } from "../../../src/core/layout";
import { DEFAULT_REGISTRY, parseRegistry, type UnitRegistry } from "../../../src/core/units";
import { buildWardPlan, STYLES } from "../../../src/core/layout";
import { period } from "../../support/plans";
import { formOf } from "../../support/snapshot-builder";
import { unitBook, type UnitFigures } from "../../support/unit-books";
import { aggregate } from "../../support/worded";
import { planCellA1, setA1 } from "../../support/a1";

const rowOf = (form: string, stt: string) => formOf(form).rows.find((r) => r.stt === stt)!;

/** Contributions of units A, B, C… in order. */
function parts(...values: (number | null)[]): Contribution[] {
  return values.map((value, i) => ({ unitName: `Đơn vị ${"ABCDE"[i]}`, file: `${"abcde"[i]}.xlsx`, value }));
}

/** Aggregates books of setup units (by name, recorded as `cchc template --unit` does) for 2026-H1. */
function wardOf(units: [string, UnitFigures][], setup: UnitRegistry = DEFAULT_REGISTRY) {
  return aggregate({
    workbooks: units.map(([unit, figures], i) => ({ file: `${i}.xlsx`, modified: 1000 + i, book: unitBook(figures, { unit }) })),
    registry: setup,
    ward: "Phường Ái Quốc",
  });
}

/** The built-in setup with some changes (validated as a ward's file would be). */
function setupWith(changes: Partial<UnitRegistry>): UnitRegistry {
  const parsed = parseRegistry({ ...DEFAULT_REGISTRY, ...changes });
  if (!parsed.ok) throw new Error(parsed.issues.join("; "));
  return parsed.value;
}

const VHXH = "Phòng Văn hóa - Xã hội";
const VP = "Văn phòng HĐND và UBND";
const KT = "Phòng Kinh tế, Hạ tầng và Đô thị";
const TTPVHCC = "Trung tâm Phục vụ hành chính công";
const TTDVSNC = "Trung tâm Dịch vụ sự nghiệp công";

describe("combineCodes: a code keeps its own rule whatever the setup says", () => {
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
    expect(combineCodes(rowOf("BM1", "5"), parts(...values))).toBe(expected);
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
    expect(combineCodes(rowOf("BM1", "4.3"), parts(...values))).toBe(expected);
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
    expect(
      wardOf([
        [VHXH, { BM1: { "1": 1.5e308 } }],
        [VP, { BM1: { "1": 1.5e308 } }],
      ]).values.BM1["1"],
    ).toBeNull();
    expect(deriveFigures(formOf("BM5"), { "4.1": 1.5e308, "4.2": 1.5e308, "4.3": 1 })["4"]).toBeNull();
    expect(deriveFigures(formOf("BM1"), { "2.1": 1e-300, "2.2": 1e308 })["2"]).toBeNull();
    expect(deriveFigures(formOf("BM1"), { "2.1": 2, "2.2": 1e300 })["2"]).toBe(5e301);
  });

  it("a ratio passed in is replaced by the recomputed one", () => {
    expect(deriveFigures(formOf("BM6"), { "1": 70, "1.1": 200, "1.2": 50 })["1"]).toBe(25);
  });
});

describe("sum (BM1 by default): every unit reports its own part", () => {
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
      mode: "sum",
      used: [VHXH, VP],
      contributions: [
        { unitName: VHXH, unitCode: "VHXH", file: "0.xlsx", value: 2 },
        { unitName: VP, unitCode: "VP", file: "1.xlsx", value: 10 },
      ],
    });
    expect(r.forms.BM1).toEqual({ mode: "sum", lead: { code: "VHXH", name: VHXH } });
  });

  it("a blank stays 'not reported': left out of the sum, kept in the provenance with value null, and a row nobody reported is blank, not 0", () => {
    const r = wardOf([
      [VHXH, { BM1: { "3.1": 3, "3.2": null } }],
      [VP, { BM1: { "3.1": null, "3.2": null } }],
    ]);
    expect(r.values.BM1["3.1"]).toBe(3);
    expect(r.values.BM1["3.2"]).toBeNull();
    expect(r.provenance.BM1["3.1"].contributions.map((c) => [c.unitName, c.value])).toEqual([
      [VHXH, 3],
      [VP, null],
    ]);
    expect(r.provenance.BM1["3.2"]).toMatchObject({
      value: null,
      used: [],
      contributions: [expect.objectContaining({ unitName: VHXH, value: null }), expect.objectContaining({ unitName: VP, value: null })],
    });
    // Forms nobody sent: every figure blank, nothing invented.
    expect(Object.values(r.values.BM7).every((v) => v === null)).toBe(true);
    expect(Object.values(r.provenance.BM7).every((p) => p.value === null && p.contributions.length === 0)).toBe(true);
  });

  it("DOUBLE_COUNT_SUSPECTED: every unit copying the ward plan's 52 and 27 tasks makes 260 and 135, flagged on both rows with the units", () => {
    const plan = { BM1: { "2.1": 52, "2.2": 27 } };
    const r = wardOf([
      [VHXH, plan],
      [VP, plan],
      [KT, plan],
      [TTPVHCC, plan],
      [TTDVSNC, plan],
    ]);
    expect(r.values.BM1).toMatchObject({ "2.1": 260, "2.2": 135 });
    const flagged = r.findings.filter((f) => f.code === "DOUBLE_COUNT_SUSPECTED");
    expect(flagged.map((f) => [f.severity, f.form, f.row, f.cell])).toEqual([
      ["warning", "BM1", "2.1", "BM1!D10"],
      ["warning", "BM1", "2.2", "BM1!D11"],
    ]);
    expect(flagged[0].units).toEqual([VHXH, VP, KT, TTPVHCC, TTDVSNC]);
    expect(flagged[0].message).toBe(
      "Có thể tính trùng: VHXH, VP, KT, TTPVHCC, TTDVSNC cùng ghi 52 (và cùng ghi 2.2 = 27); số của phường đang cộng cả 5 đơn vị thành 260.",
    );
  });

  it("two units with the same small figures on two rows are flagged; one figure of 10 or more alone is flagged", () => {
    const two = wardOf([
      [VHXH, { BM1: { "3.1": 2, "3.2": 1 } }],
      [VP, { BM1: { "3.1": 2, "3.2": 1 } }],
    ]);
    expect(two.findings.filter((f) => f.code === "DOUBLE_COUNT_SUSPECTED").map((f) => f.row)).toEqual(["3.1", "3.2"]);
    const large = wardOf([
      [VHXH, { BM1: { "1": 12 } }],
      [KT, { BM1: { "1": 12 } }],
      [VP, { BM1: { "1": 3 } }],
    ]);
    expect(large.findings.filter((f) => f.code === "DOUBLE_COUNT_SUSPECTED").map((f) => [f.row, f.units])).toEqual([["1", [VHXH, KT]]]);
  });

  it("a single small coincidence is not flagged: two units that each issued 2 documents; zeros never count", () => {
    const r = wardOf([
      [VHXH, { BM1: { "1": 2, "2.1": 30, "2.2": 16, "3.1": 0, "3.2": 0 } }],
      [VP, { BM1: { "1": 2, "2.1": 12, "2.2": 6, "3.1": 0, "3.2": 0 } }],
    ]);
    expect(r.values.BM1["1"]).toBe(4);
    expect(r.findings.filter((f) => f.code === "DOUBLE_COUNT_SUSPECTED")).toEqual([]);
  });
});

describe("lead (BM2–BM7 by default): the ward's figure is the lead unit's", () => {
  it("two units each sending BM7 1.1.1 = 219 make 219, not 438: the repeat is an info, never added", () => {
    const r = wardOf([
      [VHXH, { BM7: { "1.1.1": 219, "1.1.2": 219 } }],
      [TTPVHCC, { BM7: { "1.1.1": 219, "1.1.2": 219 } }],
    ]);
    expect(r.values.BM7).toMatchObject({ "1.1.1": 219, "1.1.2": 219, "1.1": 100 });
    expect(r.provenance.BM7["1.1.1"]).toMatchObject({ mode: "lead", used: [TTPVHCC] });
    expect(r.findings.filter((f) => f.file === undefined && f.severity !== "info" && f.code !== "UNIT_MISSING")).toEqual([]);
    const repeated = r.findings.filter((f) => f.code === "LEAD_REPEATED");
    expect(repeated.map((f) => [f.severity, f.form, f.message])).toEqual([
      ["info", "BM7", `${VHXH} gửi đúng số liệu của đơn vị chủ trì ${TTPVHCC} ở dòng 1.1.1, 1.1.2: là số chung của phường, không cộng thêm.`],
    ]);
  });

  it("the centre's 5 staff, already inside VHXH's 586, leave BM4 at 586; a figure above the lead's is a conflict at the ward cell", () => {
    const r = wardOf([
      [VHXH, { BM4: { "2.1": 586, "2.2": 573 } }],
      [TTPVHCC, { BM4: { "2.1": 5, "2.2": 600 } }],
    ]);
    expect(r.values.BM4).toMatchObject({ "2.1": 586, "2.2": 573 });
    const conflicts = r.findings.filter((f) => f.code === "VALUES_CONFLICT");
    expect(conflicts.map((f) => [f.severity, f.form, f.row, f.cell, f.units])).toEqual([["warning", "BM4", "2.2", "BM4!D15", [VHXH, TTPVHCC]]]);
    expect(conflicts[0].message).toBe(`Số của đơn vị khác lớn hơn số của đơn vị chủ trì ${VHXH} (573): ${TTPVHCC}: 600. Số của phường lấy theo ${VHXH}.`);
  });

  it("the lead's file missing: the ward's cells stay blank and one finding names the lead and the figures not used", () => {
    const r = wardOf([[VHXH, { BM6: { "2.1": 10, "2.2": 10 } }]]);
    expect(r.values.BM6["2.1"]).toBeNull();
    expect(r.values.BM6["2.2"]).toBeNull();
    const missing = r.findings.filter((f) => f.code === "LEAD_MISSING");
    expect(missing.map((f) => [f.form, f.row, f.cell, f.units])).toEqual([["BM6", null, null, [VHXH]]]);
    expect(missing[0].message).toBe(`Đơn vị chủ trì ${KT} chưa gửi biểu mẫu này nên số liệu của phường để trống; số liệu không được dùng: ${VHXH} (2.1, 2.2).`);
  });

  it("the lead's sheet sent all blank counts as not sent: one finding for the form, not one per row", () => {
    const r = wardOf([
      [KT, { BM6: { "2.1": null, "2.2": null } }],
      [VHXH, { BM6: { "2.1": 7, "2.2": 7 } }],
    ]);
    expect(r.findings.filter((f) => f.code === "LEAD_MISSING").map((f) => [f.row, f.message])).toEqual([
      [null, `Đơn vị chủ trì ${KT} chưa gửi biểu mẫu này nên số liệu của phường để trống; số liệu không được dùng: ${VHXH} (2.1, 2.2).`],
    ]);
  });

  it("the lead's cell blank where another unit has a figure: the ward cell stays blank, with a finding at it", () => {
    const r = wardOf([
      [KT, { BM6: { "2.1": null, "2.2": 0 } }],
      [VHXH, { BM6: { "2.1": 7 } }],
    ]);
    expect(r.values.BM6["2.1"]).toBeNull();
    expect(r.findings.filter((f) => f.code === "LEAD_MISSING").map((f) => [f.row, f.cell, f.units])).toEqual([["2.1", "BM6!D12", [VHXH]]]);
  });

  it("percent inputs: the lead's value, with VALUES_CONFLICT naming the units when they disagree; never averaged", () => {
    const r = wardOf([
      [VHXH, { BM3: { "1.1": 90 }, BM4: { "2.4": 12.5 } }],
      [TTPVHCC, { BM3: { "1.1": 100 }, BM4: { "2.4": 12.5 } }],
    ]);
    expect(r.values.BM3["1.1"]).toBe(100);
    expect(r.values.BM4["2.4"]).toBe(12.5);
    const conflicts = r.findings.filter((f) => f.code === "VALUES_CONFLICT");
    expect(conflicts.map((f) => [f.severity, f.form, f.row])).toEqual([["warning", "BM3", "1.1"]]);
    expect(conflicts[0].message).toBe(`Các đơn vị ghi khác nhau: ${VHXH}: 90. Dùng số của đơn vị chủ trì ${TTPVHCC} (100).`);
  });

  it("a setup without a lead for a form leaves it blank and says so; a ward's own lead and combine settings are followed", () => {
    const noVp = setupWith({ units: DEFAULT_REGISTRY.units.filter((u) => u.code !== "VP") });
    const r = wardOf([[VHXH, { BM2: { "1.1": 4 } }]], noVp);
    expect(r.values.BM2["1.1"]).toBeNull();
    expect(r.forms.BM2).toEqual({ mode: "lead" });
    expect(r.findings.find((f) => f.code === "LEAD_MISSING")?.message).toMatch(/^Chưa chọn đơn vị chủ trì biểu mẫu này/);
    expect(r.findings.find((f) => f.code === "LEAD_MISSING")?.suggestion).toMatch(/mục combine/);
    // Only percents unused: summing is no way out, so the suggestion asks for a lead alone.
    const noCentre = setupWith({ units: DEFAULT_REGISTRY.units.filter((u) => u.code !== "TTPVHCC") });
    const percents = wardOf([[VHXH, { BM3: { "1.1": 90 } }]], noCentre).findings.find((f) => f.code === "LEAD_MISSING")!;
    expect(percents.suggestion).toBe(
      "Chọn đơn vị chủ trì trong danh sách đơn vị của phường (mục leads) rồi tổng hợp lại; tỷ lệ không cộng được giữa các đơn vị.",
    );

    const own = setupWith({ leads: { BM7: "VHXH" }, combine: { BM6: "sum", "BM1 2.1": "lead", "BM1 2.2": "lead" } });
    const w = wardOf(
      [
        [VHXH, { BM7: { "1.1.1": 219 }, BM1: { "2.1": 52, "2.2": 27, "1": 3 }, BM6: { "2.2": 1 } }],
        [TTPVHCC, { BM7: { "1.1.1": 200 }, BM1: { "2.1": 52, "2.2": 27, "1": 2 } }],
        [KT, { BM6: { "2.2": 4 } }],
      ],
      own,
    );
    expect(w.values.BM7["1.1.1"]).toBe(219);
    expect(w.values.BM1).toMatchObject({ "2.1": 52, "2.2": 27, "1": 5 });
    expect(w.values.BM6["2.2"]).toBe(5);
    expect(w.forms).toMatchObject({ BM1: { mode: "mixed" }, BM6: { mode: "sum" }, BM7: { mode: "lead", lead: { code: "VHXH" } } });
    expect(w.findings.filter((f) => f.code === "DOUBLE_COUNT_SUSPECTED")).toEqual([]);
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

  it("totals are recomputed from the ward's components (BM5 4, BM6 2.4, BM2 1)", () => {
    const r = wardOf([
      [VHXH, { BM5: { "4.1": 1, "4.2": 2, "4.3": 3 } }],
      [KT, { BM6: { "2.4.1": 1, "2.4.2": null, "2.4.3": 3 } }],
      [VP, { BM2: { "1.1": 4 } }],
    ]);
    expect(r.values.BM5).toMatchObject({ "4": 6 });
    expect(r.values.BM6).toMatchObject({ "2.4": 4 });
    expect(r.values.BM2).toMatchObject({ "1": 4 });
  });
});

describe("the ward's figures are checked by every rule, each finding naming its units", () => {
  it("BM5 1.2 = 19 from VHXH above BM6 2.1 = 10 from KT: CROSS_FORM_MISMATCH at the ward's cell, with both units", () => {
    const r = wardOf([
      [VHXH, { BM5: { "1.2": 19 } }],
      [KT, { BM6: { "2.1": 10, "2.2": 10 } }],
    ]);
    const f = r.findings.find((x) => x.code === "CROSS_FORM_MISMATCH")!;
    expect(f).toMatchObject({ severity: "error", form: "BM5", row: "1.2", cell: "BM5!D10", units: [VHXH, KT] });
    expect(f.file).toBeUndefined();
  });

  it("a lead's part above its whole reaches the ward: the unit's own finding, and the ward's at the ward cell", () => {
    const r = wardOf([[TTPVHCC, { BM7: { "1.3.1": 352, "1.3.2": 372 } }]]);
    expect(r.findings.filter((f) => f.code === "PART_EXCEEDS_WHOLE").map((f) => [f.file, f.cell, f.units])).toEqual([
      ["0.xlsx", "BM7!D17", undefined],
      [undefined, "BM7!D17", [TTPVHCC]],
    ]);
    const { marks, notes } = wardRowNotes(r, "vi");
    expect(marks.BM7["1.3.2"]).toBe("error");
    // On the ward's BM7 sheet the cell is filled like Excel's "Bad" style, its neighbours are not.
    const bm7 = buildWardPlan(r, period("2026-H1"), "2026-06-12T08:00:00.000Z").sheets.find((s) => s.name === "BM7")!;
    const fill = (address: string) => planCellA1(bm7.cells, address)?.style.fill;
    expect([fill("D17"), fill("D16")]).toEqual([STYLES.flaggedError.fill, STYLES.input.fill]);
    expect(notes.BM7["1.3.2"].split("\n")).toEqual([
      "Lỗi: Dòng 1.3.2 (372) lớn hơn dòng 1.3.1 (352).",
      "TTPVHCC (lỗi trong tệp của đơn vị): Dòng 1.3.2 (372) lớn hơn dòng 1.3.1 (352).",
    ]);
  });

  it("a ward total summed from clean units that breaks a rule is found (BM1 2.2 above 2.1 only once summed is impossible; 4.1 parts above 4.1 are)", () => {
    const r = wardOf([
      [VHXH, { BM1: { "4.1": 5, "4.1.1": 5 } }],
      [VP, { BM1: { "4.1": 0, "4.1.1": null, "4.1.2": null } }],
      [KT, { BM1: { "4.1.2": 3 } }],
    ]);
    expect(r.findings.filter((f) => f.file === undefined && f.code === "PART_EXCEEDS_WHOLE").map((f) => [f.form, f.row, f.units])).toEqual([
      ["BM1", "4.1", [VHXH, VP, KT]],
    ]);
  });

  it("a unit's notes travel with its figures, prefixed with the unit", () => {
    const book = unitBook({ BM6: { "1.1": 42809 } }, { unit: KT });
    const sheet = book.sheets.find((s) => s.name === "BM6")!;
    setA1(sheet, "E9", { value: "Số liệu theo QĐ giao vốn" });
    const r = aggregate({ workbooks: [{ file: "kt.xlsx", book }], registry: DEFAULT_REGISTRY, ward: "Phường Ái Quốc" });
    expect(r.provenance.BM6["1.1"].contributions[0].note).toBe("Số liệu theo QĐ giao vốn");
    expect(wardRowNotes(r, "vi").notes.BM6["1.1"]).toBe("KT: Số liệu theo QĐ giao vốn");
  });

  it("no ward name is ever made up: the built-in setup has none, and none given leaves it empty", () => {
    expect(DEFAULT_REGISTRY.ward).toBeUndefined();
    expect(aggregate({ workbooks: [{ file: "a.xlsx", book: unitBook({ BM2: { "1.1": 1 } }, { unit: VP }) }], registry: DEFAULT_REGISTRY }).ward).toBe("");
  });
});
