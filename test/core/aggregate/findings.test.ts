import { type AggregateOptions, type UnitWorkbook } from "../../../src/core/aggregate";
import { CATALOGUE } from "../../../src/core/forms";
import { DEFAULT_REGISTRY, parseRegistry } from "../../../src/core/units";
import type { FindingCode } from "../../../src/core/validate";
import { CLEAN_VALUES } from "../../support/clean-values";
import { expectEnglish, expectVietnamese } from "../../support/finding-checks";
import { unitBook, type UnitBookOptions, type UnitFigures } from "../../support/unit-books";
import { fileUseDetail } from "../../../src/core/messages/file-use";
import { aggregate, type AggregationResult } from "../../support/worded";

const VHXH = "Phòng Văn hóa - Xã hội";
const VP = "Văn phòng HĐND và UBND";
const KT = "Phòng Kinh tế, Hạ tầng và Đô thị";

/** A small ward: two units, each reporting its own part of BM1 (summed), VP leading BM5. */
const TWO_UNITS = (() => {
  const r = parseRegistry({
    ward: "Phường Ái Quốc",
    units: [
      { code: "VHXH", name: VHXH, aliases: ["VHXH"], forms: ["BM1"] },
      { code: "VP", name: VP, aliases: ["VP"], forms: ["BM1", "BM5"] },
    ],
    leads: { BM5: "VP" },
  });
  if (!r.ok) throw new Error(r.issues.join("\n"));
  return r.value;
})();

const wb = (file: string, figures: UnitFigures, options: UnitBookOptions = {}, modified?: number): UnitWorkbook => ({
  file,
  ...(modified !== undefined ? { modified } : {}),
  book: unitBook(figures, options),
});
const run = (workbooks: UnitWorkbook[], options: Partial<AggregateOptions> & { lang?: "vi" | "en" } = {}) =>
  aggregate({ workbooks, registry: TWO_UNITS, ...options });
const codes = (r: AggregationResult, code: FindingCode) => r.findings.filter((f) => f.code === code);
const WARD_CODES: FindingCode[] = [
  "UNIT_DUPLICATE",
  "UNIT_MISSING",
  "PERIOD_MISMATCH",
  "VALUES_CONFLICT",
  "UNKNOWN_UNIT",
  "LEAD_MISSING",
  "LEAD_REPEATED",
  "DOUBLE_COUNT_SUSPECTED",
];
const wardFindings = (r: AggregationResult) => r.findings.filter((f) => WARD_CODES.includes(f.code));

/** BM1 filled with zeros: nothing missing, and zeros are never a suspected double count. */
const ZERO_BM1 = Object.fromEntries(
  CATALOGUE.forms
    .find((f) => f.id === "BM1")!
    .rows.filter((r) => ["count", "money", "code"].includes(r.kind))
    .map((r) => [r.stt, 0]),
);
/** A unit's own part of BM1 3.1 and 3.2 (inspections), which the ward sums. */
const BM1 = (a: number, b: number) => ({ BM1: { ...ZERO_BM1, "3.1": a, "3.2": b } });
const BM5 = CLEAN_VALUES.BM5;

describe("a clean ward: each unit sends its forms once, for the same period", () => {
  it("raises no aggregation finding", () => {
    const r = run([wb("vhxh.xlsx", BM1(1, 2), { unit: VHXH }), wb("vp.xlsx", { ...BM1(3, 4), BM5 }, { unit: VP })]);
    expect(r.findings).toEqual([]);
    expect(r.counts).toEqual({ error: 0, warning: 0, info: 0 });
    expect(r).toMatchObject({ ward: "Phường Ái Quốc", periodId: "2026-H1" });
    expect(r.files.map((f) => f.status)).toEqual(["used", "used"]);
  });
});

describe("UNIT_DUPLICATE: two files from the same unit", () => {
  it("names both files, uses the newer by modified time whatever the order given, and says which", () => {
    const r = run([
      wb("vp-gui-lai.xlsx", { ...BM1(30, 40), BM5 }, { unit: "VP" }, 2_000),
      wb("vp.xlsx", { ...BM1(3, 4), BM5 }, { unit: VP }, 1_000),
      wb("vhxh.xlsx", BM1(1, 2), { unit: VHXH }, 1_500),
    ]);
    expect(r.values.BM1).toMatchObject({ "3.1": 31, "3.2": 42 });
    expect(r.files.map((f) => [f.file, f.status, fileUseDetail(f, "vi")])).toEqual([
      ["vp-gui-lai.xlsx", "used", undefined],
      ["vp.xlsx", "replaced", "vp-gui-lai.xlsx"],
      ["vhxh.xlsx", "used", undefined],
    ]);
    const [dup, ...more] = codes(r, "UNIT_DUPLICATE");
    expect(more).toEqual([]);
    expect(dup).toMatchObject({ severity: "warning", file: "vp-gui-lai.xlsx", form: "" });
    expect(dup.message).toBe(`${VP} gửi 2 tệp: vp-gui-lai.xlsx, vp.xlsx. Dùng tệp mới nhất vp-gui-lai.xlsx.`);
    expect(wardFindings(r).map((f) => f.code)).toEqual(["UNIT_DUPLICATE"]);
    expect(r.provenance.BM1["3.1"].contributions.map((c) => c.file)).toEqual(["vhxh.xlsx", "vp-gui-lai.xlsx"]);
  });

  it("with the same file time, the template made later wins; then the file given later", () => {
    const byCreation = run([
      wb("b.xlsx", BM1(1, 1), { unit: VHXH, createdAt: "2026-06-02T08:00:00.000Z" }, 5),
      wb("a.xlsx", BM1(2, 2), { unit: VHXH, createdAt: "2026-06-01T08:00:00.000Z" }, 5),
    ]);
    expect(byCreation.files.find((f) => f.status === "used")!.file).toBe("b.xlsx");
    const byOrder = run([wb("a.xlsx", BM1(1, 1), { unit: VHXH }), wb("b.xlsx", BM1(2, 2), { unit: VHXH })]);
    expect(byOrder.files.map((f) => f.status)).toEqual(["replaced", "used"]);
    expect(byOrder.values.BM1["3.1"]).toBe(2);
  });

  it("the replaced file's own errors do not count against the ward (the resent file is the correction)", () => {
    const r = run([
      wb("vhxh-cu.xlsx", { BM1: { ...ZERO_BM1, "3.1": -1, "3.2": 2 } }, { unit: VHXH }, 1_000),
      wb("vhxh-moi.xlsx", BM1(1, 2), { unit: VHXH }, 2_000),
      wb("vp.xlsx", { ...BM1(3, 4), BM5 }, { unit: VP }),
    ]);
    expect(r.files[0]).toMatchObject({ file: "vhxh-cu.xlsx", status: "replaced", errors: 1 });
    expect(r.findings.filter((f) => f.file === "vhxh-cu.xlsx")).toEqual([]);
    expect(r.counts.error).toBe(0);
  });

  it("two templates made without --unit are not one unit sending twice: they are told apart by their file names", () => {
    const r = run([wb("vhxh.xlsx", BM1(1, 2), { unit: "(chưa ghi đơn vị)" }), wb("vp.xlsx", { ...BM1(3, 4), BM5 }, { unit: "(chưa ghi đơn vị)" })]);
    expect(r.files.map((f) => [f.unitCode, f.status])).toEqual([
      ["VHXH", "used"],
      ["VP", "used"],
    ]);
    expect([r.values.BM1["3.1"], r.values.BM1["3.2"]]).toEqual([4, 6]);
    expect(wardFindings(r)).toEqual([]);
  });
});

describe("UNIT_MISSING: a registry unit responsible for a form sent nothing for it", () => {
  it("one finding per unit and form, blank forms counting as nothing sent", () => {
    const r = run([wb("vhxh.xlsx", { BM1: { "3.1": null, "3.2": null } }, { unit: VHXH }), wb("vp.xlsx", BM1(3, 4), { unit: VP })]);
    const missing = codes(r, "UNIT_MISSING");
    expect(missing.map((f) => [f.form, f.file, f.severity])).toEqual([
      ["BM1", undefined, "warning"],
      ["BM5", undefined, "warning"],
    ]);
    expect(missing[0].message).toBe(`${VHXH} chưa gửi số liệu BM1.`);
    expect(missing[1].message).toBe(`${VP} chưa gửi số liệu BM5.`);
  });

  it("a unit that sent no file at all misses each of its forms", () => {
    const r = run([wb("vhxh.xlsx", BM1(1, 2), { unit: VHXH })]);
    expect(codes(r, "UNIT_MISSING").map((f) => f.form)).toEqual(["BM1", "BM5"]);
    expect(codes(r, "UNIT_MISSING").every((f) => f.message.startsWith(VP))).toBe(true);
  });

  it("figures for the form from another unit do not stand in for the responsible one", () => {
    const r = run([wb("vhxh.xlsx", { ...BM1(1, 2), BM5 }, { unit: VHXH }), wb("vp.xlsx", BM1(3, 4), { unit: VP })]);
    expect(codes(r, "UNIT_MISSING").map((f) => [f.form, f.message])).toEqual([["BM5", `${VP} chưa gửi số liệu BM5.`]]);
  });
});

describe("PERIOD_MISMATCH: a file for another period", () => {
  const books = () => [
    wb("vhxh.xlsx", BM1(1, 2), { unit: VHXH }),
    wb("vp-quy3.xlsx", { ...BM1(100, 200), BM5 }, { unit: VP, period: "2026-Q3" }),
    wb("tu-phap.xlsx", BM1(10, 20), { unit: "Phòng Tư pháp" }),
  ];

  it("is left out of the figures, and the output says so", () => {
    const r = run(books());
    expect(r.periodId).toBe("2026-H1");
    expect(r.values.BM1).toMatchObject({ "3.1": 11, "3.2": 22 });
    expect(r.files[1]).toMatchObject({ file: "vp-quy3.xlsx", unitCode: "VP", periodId: "2026-Q3", status: "wrong-period" });
    const [f, ...more] = codes(r, "PERIOD_MISMATCH");
    expect(more).toEqual([]);
    expect(f).toMatchObject({ severity: "warning", file: "vp-quy3.xlsx", expected: "2026-H1", actual: "2026-Q3" });
    expect(f.message).toBe("Tệp ghi kỳ báo cáo Quý III năm 2026, khác kỳ đang tổng hợp (6 tháng đầu năm 2026); tệp không được dùng.");
    expect(r.units.map((u) => u.code ?? u.name)).toEqual(["VHXH", "Phòng Tư pháp"]);
    // The unit whose only file was left out has not sent its forms for this period.
    expect(codes(r, "UNIT_MISSING").map((m) => m.form)).toEqual(["BM1", "BM5"]);
  });

  it("a period asked for overrides the one most files record", () => {
    const r = run(books(), { periodId: "2026-Q3" });
    expect(r.periodId).toBe("2026-Q3");
    expect(r.values.BM1).toMatchObject({ "3.1": 100, "3.2": 200 });
    expect(codes(r, "PERIOD_MISMATCH").map((f) => f.file)).toEqual(["vhxh.xlsx", "tu-phap.xlsx"]);
  });

  it("the default period is the one most files record; a file recording none is kept", () => {
    const r = run([
      wb("a.xlsx", BM1(1, 1), { unit: VHXH, period: "2026-Q3" }),
      wb("b.xlsx", BM1(1, 1), { unit: VP, period: "2026-Y" }),
      wb("c.xlsx", BM1(1, 1), { unit: "Phòng Tư pháp", period: "2026-Y" }),
      wb("vhxh.xlsx", BM1(5, 5), { title: { unit: null, period: null } }),
    ]);
    expect(r.periodId).toBe("2026-Y");
    expect(r.files.map((f) => f.status)).toEqual(["wrong-period", "used", "used", "used"]);
  });

  it.each([
    ["2026-Q1", "2026-H1", "2026-H1"],
    ["2026-H1", "2026-Q3", "2026-Q3"],
    ["2026-Q3", "2026-Y", "2026-Y"],
    ["2025-Y", "2026-Q1", "2026-Q1"],
  ])("a tie between %s and %s goes to the later period, %s", (a, b, later) => {
    for (const [first, second] of [
      [a, b],
      [b, a],
    ]) {
      const r = run([wb("a.xlsx", BM1(1, 1), { unit: VHXH, period: first }), wb("b.xlsx", BM1(1, 1), { unit: VP, period: second })]);
      expect(r.periodId).toBe(later);
    }
  });
});

describe("VALUES_CONFLICT: units give different values for a percent input", () => {
  it("one finding per row at the ward's cell, not tied to a file, naming each unit's value and the lead's, which is used", () => {
    const r = aggregate({
      workbooks: [
        wb("vhxh.xlsx", { BM3: { "1.1": 95 }, BM4: { "2.4": 10 } }, { unit: VHXH }),
        wb("tt.xlsx", { BM3: { "1.1": 100 }, BM4: { "2.4": 10 } }, { unit: "TTPVHCC" }),
        wb("kt.xlsx", { BM4: { "2.4": 20 } }, { unit: KT }),
      ],
      registry: DEFAULT_REGISTRY,
    });
    const conflicts = codes(r, "VALUES_CONFLICT");
    expect(conflicts.map((f) => [f.form, f.row, f.file, f.cell])).toEqual([
      ["BM3", "1.1", undefined, "BM3!D9"],
      ["BM4", "2.4", undefined, "BM4!D17"],
    ]);
    expect(conflicts[0].message).toBe(`Các đơn vị ghi khác nhau: ${VHXH}: 95. Dùng số của đơn vị chủ trì Trung tâm Phục vụ hành chính công (100).`);
    expect(conflicts[1].message).toBe(`Các đơn vị ghi khác nhau: ${KT}: 20. Dùng số của đơn vị chủ trì ${VHXH} (10).`);
    expect(r.values.BM3["1.1"]).toBe(100);
    expect(r.values.BM4["2.4"]).toBe(10);
  });

  it("with the lead absent, no other unit's percent stands in, whatever the order of the files: units the setup does not know go by name (found by the property test)", () => {
    const files = [
      wb("to-3.xlsx", { BM3: { "1.1": 26.1 } }, { unit: "Tổ dân phố số 3" }),
      wb("ban-chqs.xlsx", { BM3: { "1.1": 51.2 } }, { unit: "Ban Chỉ huy Quân sự phường" }),
    ];
    const [given, reversed] = [files, [...files].reverse()].map((workbooks) => aggregate({ workbooks, registry: DEFAULT_REGISTRY }));
    expect(given.values.BM3["1.1"]).toBeNull();
    expect(reversed.values.BM3["1.1"]).toBeNull();
    expect(given.units).toEqual(reversed.units);
    expect(codes(reversed, "LEAD_MISSING")[0].message).toBe(codes(given, "LEAD_MISSING")[0].message);
    expect(codes(given, "LEAD_MISSING")[0].message).toContain("Ban Chỉ huy Quân sự phường (1.1); Tổ dân phố số 3 (1.1)");
  });
});

describe("a ward finding about many units names ten of them and counts the rest", () => {
  // 25 units the setup does not know each send BM3; its lead (Trung tâm Phục vụ hành chính công) sends nothing.
  const files = Array.from({ length: 25 }, (_, i) => wb(`to-${i + 1}.xlsx`, { BM3: { "1.1": 50 + i } }, { unit: `Tổ dân phố số ${i + 1}` }));
  const lead = (lang: "vi" | "en") => codes(run(files, { lang }), "LEAD_MISSING").find((f) => f.form === "BM3")!;

  it("in Vietnamese: the first ten in order, then 'và 15 đơn vị khác'; the finding still lists all 25", () => {
    const f = lead("vi");
    expect(f.message).toContain("Tổ dân phố số 1 (1.1); Tổ dân phố số 10 (1.1); ");
    expect(f.message).toMatch(/; và 15 đơn vị khác\.$/);
    expect(f.message.match(/Tổ dân phố số/g)).toHaveLength(10);
    expect(f.units).toHaveLength(25);
  });

  it("in English: 'and 15 other units'", () => {
    expect(lead("en").message).toMatch(/; and 15 other units\.$/);
  });
});

describe("each unit file's own validation findings", () => {
  it("are carried with their file, counted, and the file's figures are still used", () => {
    const r = run([wb("vhxh.xlsx", { BM1: { ...ZERO_BM1, "3.1": -2, "3.2": "3" } }, { unit: VHXH }), wb("vp.xlsx", { ...BM1(3, 4), BM5 }, { unit: VP })]);
    const mine = r.findings.filter((f) => f.file === "vhxh.xlsx");
    expect(mine.map((f) => [f.code, f.severity, f.cell])).toEqual([
      ["NEGATIVE", "error", "BM1!D13"],
      ["NUMBER_AS_TEXT", "warning", "BM1!D14"],
    ]);
    expect(r.files[0]).toMatchObject({ errors: 1, warnings: 1 });
    expect(r.counts).toEqual({ error: 1, warning: 1, info: 0 });
    expect(r.findings.filter((f) => f.file === "vp.xlsx")).toEqual([]);
  });

  it("come first, then the aggregation's own", () => {
    const r = run([wb("vhxh.xlsx", { BM1: { ...ZERO_BM1, "3.1": -2, "3.2": 1 } }, { unit: VHXH }), wb("x.xlsx", BM1(1, 1), { unit: "Phòng Tư pháp" })]);
    // The unit's -2 plus the other's 1 leaves the ward's own figure negative: found on the ward's sheet, last.
    expect(r.findings.map((f) => [f.code, f.file ?? null])).toEqual([
      ["NEGATIVE", "vhxh.xlsx"],
      ["UNKNOWN_UNIT", "x.xlsx"],
      ["UNIT_MISSING", null],
      ["UNIT_MISSING", null],
      ["NEGATIVE", null],
    ]);
  });
});

describe("files that could not be read", () => {
  it("are listed with their reason and counted as errors; the others are aggregated", () => {
    const r = run([wb("vhxh.xlsx", BM1(1, 2), { unit: VHXH })], {
      unreadable: [{ file: "hong.xlsx", error: { code: "FILE_DAMAGED", file: "hong.xlsx", detail: "zip", reason: "zip" } }],
    });
    // The reason is the FileError, worded where it is shown.
    const { error: _error, ...unreadable } = r.files[1];
    expect({ ...unreadable, detail: fileUseDetail(r.files[1], "vi") }).toEqual({
      file: "hong.xlsx",
      unitName: "",
      status: "unreadable",
      detail: "hong.xlsx: tệp .xlsx bị hỏng, không đọc được: phần nén (zip) của tệp bị hỏng hoặc thiếu, có thể tệp chưa được tải về hay sao chép hết.",
      errors: 1,
      warnings: 0,
    });
    expect(r.counts.error).toBe(1);
    expect([r.values.BM1["3.1"], r.values.BM1["3.2"]]).toEqual([1, 2]);
  });
});

describe("the ward's name", () => {
  it("is the registry's unless one is given", () => {
    expect(run([wb("a.xlsx", BM1(1, 1), { unit: VHXH })]).ward).toBe("Phường Ái Quốc");
    expect(run([wb("a.xlsx", BM1(1, 1), { unit: VHXH })], { ward: "  Phường Nhị Chiểu " }).ward).toBe("Phường Nhị Chiểu");
  });
});

describe("the aggregation's findings in both languages", () => {
  const books = () => [
    wb("vp-1.xlsx", BM1(1, 1), { unit: VP }, 1),
    wb("vp-2.xlsx", { ...BM1(1, 1), BM5: { "1.1": 4, "1.2": 3 } }, { unit: VP }, 2),
    wb("q3.xlsx", BM1(1, 1), { unit: VHXH, period: "2026-Q3" }),
    // Copies VP's BM1 (a likely double count), reports more than the lead in BM5 1.1 and repeats its 1.2.
    wb("tp.xlsx", { ...BM1(1, 1), BM5: { "1.1": 9, "1.2": 3 } }, { unit: "Phòng Tư pháp" }),
    // BM3 has no lead in this setup.
    wb("tp2.xlsx", { BM3: { "1.1": 80 } }, { unit: "Phòng Nội vụ" }),
  ];

  it("raise each code with the same places in Vietnamese and English", () => {
    const vi = run(books());
    const en = run(books(), { lang: "en" });
    expect(new Set(wardFindings(vi).map((f) => f.code))).toEqual(new Set(WARD_CODES));
    const place = (r: AggregationResult) => wardFindings(r).map((f) => `${f.severity} ${f.code} ${f.file ?? "-"} ${f.form} ${f.row ?? "-"}`);
    expect(place(en)).toEqual(place(vi));
    for (const f of wardFindings(vi)) expectVietnamese(f);
    // Unit names are the units' own words, quoted as they are in every language.
    const names = [VP, VHXH, "Phòng Tư pháp", "Phòng Nội vụ"];
    const unnamed = (t: string) => names.reduce((s, n) => s.split(n).join("the unit"), t);
    for (const f of wardFindings(en)) expectEnglish({ ...f, message: unnamed(f.message), suggestion: unnamed(f.suggestion) });
  });
});
