import { planToXlsx } from "../../../src/adapters/xlsx/write-plan";
import type { AggregationResult } from "../../../src/core/aggregate";
import { feedbackForUnits, type UnitFeedback } from "../../../src/core/cycle/feedback";
import { buildFeedbackPlan, feedbackFileName, uniqueSheetName } from "../../../src/core/layout/feedback-sheets";
import { rawFinding, type RawFinding, type RawFindingOf } from "../../../src/core/validate/finding";
import { cellsA1 } from "../../support/a1";
import { period, snapshotOf } from "../../support/plans";
import { buildWardPlan, SUBMISSIONS_SHEET } from "../../../src/core/layout";

const negative = (file: string): RawFinding => ({
  code: "NEGATIVE",
  severity: "error",
  file,
  form: "BM1",
  row: "3.1",
  at: { sheet: "BM1", row: 14, col: 4 },
  params: { value: -1 },
  expected: "≥ 0",
  actual: -1,
});

/** An aggregation as the core returns it, reduced to what the feedback reads. */
function result(findings: RawFinding[]): AggregationResult {
  const use = (file: string, unitName: string, unitCode: string | undefined, status: "used" | "replaced" | "wrong-period", modified: number) => ({
    file,
    unitName,
    unitCode,
    status,
    modified,
    errors: 0,
    warnings: 0,
  });
  return {
    ward: "Phường Hòa An",
    periodId: "2026-H1",
    files: [
      use("don-vi/kt-2.xlsx", "Phòng Kinh tế", "KT", "used", Date.parse("2026-06-07T02:00:00Z")),
      use("don-vi/kt-1.xlsx", "Phòng Kinh tế", "KT", "replaced", Date.parse("2026-06-01T02:00:00Z")),
      use("don-vi/vp-q3.xlsx", "Văn phòng", "VP", "wrong-period", Date.parse("2026-06-02T02:00:00Z")),
      use("don-vi/la.xlsx", "Tổ dân phố 3", undefined, "used", Date.parse("2026-06-02T02:00:00Z")),
    ],
    units: [{ name: "Phòng Kinh tế", code: "KT" }, { name: "Tổ dân phố 3" }],
    values: {},
    forms: {},
    provenance: {},
    submissions: [],
    unplacedFiles: [],
    findings,
    counts: { error: 0, warning: 0, info: 0 },
  };
}

describe("Phiếu kiểm tra: findings back to each unit", () => {
  it("gathers each unit's file findings, the aggregation's on any of its files, and the ward's that involve it; none for a unit with nothing to fix", () => {
    // A warning about a workbook or a form, no cell: what the aggregation raises.
    const about = <C extends RawFinding["code"]>(code: C, params: RawFindingOf<C>["params"], more: Partial<RawFindingOf<C>> = {}) =>
      rawFinding<C>({ code, severity: "warning", form: "", row: null, at: null, params, expected: null, actual: null, ...more });
    const files = ["don-vi/kt-2.xlsx", "don-vi/kt-1.xlsx"];
    const duplicate = about("UNIT_DUPLICATE", { unit: "Phòng Kinh tế", count: 2, files, used: files[0] }, { file: files[0] });
    const wrongPeriod = about("PERIOD_MISMATCH", { found: "2026-Q3", expected: "2026-H1" }, { file: "don-vi/vp-q3.xlsx" });
    const missing = about("UNIT_MISSING", { unit: "Văn phòng", form: "BM2", like: [], code: "VP" }, { form: "BM2" });
    const doubled = about(
      "DOUBLE_COUNT_SUSPECTED",
      { units: ["KT", "Tổ dân phố 3"], count: 2, value: 30, total: 60, also: [] },
      { form: "BM1", row: "2.1", units: ["Phòng Kinh tế", "Tổ dân phố 3"] },
    );
    const r = result([negative("don-vi/kt-2.xlsx"), duplicate, wrongPeriod, missing, doubled]);
    r.submissions = [
      {
        code: "VP",
        unit: "Văn phòng",
        forms: ["BM2"],
        missingForms: ["BM2"],
        status: "wrong-period",
        received: null,
        daysLate: null,
        daysLeft: null,
        resubmissions: 0,
        files: [{ file: "don-vi/vp-q3.xlsx", modified: "2026-06-02T09:00", status: "wrong-period" }],
        errors: 0,
        warnings: 0,
      },
    ];
    const feedback = feedbackForUnits(r);
    expect(feedback.map((f) => [f.unit, f.code, f.file, f.modified, f.findings.map((x) => x.code)])).toEqual([
      ["Phòng Kinh tế", "KT", "kt-2.xlsx", "2026-06-07T09:00", ["NEGATIVE", "UNIT_DUPLICATE", "DOUBLE_COUNT_SUSPECTED"]],
      ["Văn phòng", "VP", "vp-q3.xlsx", "2026-06-02T09:00", ["PERIOD_MISMATCH", "UNIT_MISSING"]],
      ["Tổ dân phố 3", undefined, "la.xlsx", "2026-06-02T09:00", ["DOUBLE_COUNT_SUSPECTED"]],
    ]);
    expect(feedbackForUnits(result([]))).toEqual([]);
  });

  it("one printable A4 portrait sheet per entry, names Excel accepts, every text as text; file names folded to ASCII", async () => {
    const entry = (unit: string, findings: RawFinding[] = []): UnitFeedback => ({
      unit,
      periodId: "2026-H1",
      file: "=cmd|' /C calc'!A0.xlsx",
      modified: null,
      findings,
    });
    const plan = buildFeedbackPlan(
      [
        entry("Tổ [1]: *khu/phố?* \\ rất dài, dài hơn ba mươi mốt ký tự", [negative("x.xlsx")]),
        entry("tổ [1]: *khu/phố?* \\ rất dài, dài hơn ba mươi mốt ký tự"),
      ],
      {
        createdAt: "2026-06-12T08:00:00.000Z",
      },
    );
    expect(plan.sheets.map((s) => s.name)).toEqual(["Tổ 1 khu phố rất dài, dài hơn b", "tổ 1 khu phố rất dài, dài h (2)"]);
    expect(plan.sheets.every((s) => s.name.length <= 31 && !/[[\]:*?/\\]/.test(s.name))).toBe(true);
    expect(plan.sheets[0].print).toMatchObject({ paper: "A4", orientation: "portrait", titleRows: { row: 8, lastRow: 8 } });
    expect(plan.sheets[0].cells.every((c) => c.formula === undefined)).toBe(true);
    const cells = cellsA1((await snapshotOf(await planToXlsx(plan))).sheets[0]);
    expect(cells.A4.value).toBe("Tệp đã kiểm tra: =cmd|' /C calc'!A0.xlsx");
    expect(cells.A5.value).toBe("Thời điểm kiểm tra: 12/06/2026 15:00");
    expect([cells.A9.value, cells.B9.value, cells.D9.value, cells.E9.value]).toEqual(["1", "BM1", "BM1!D14", "Lỗi"]);
    expect(String(cells.C9.value)).toMatch(/^3\.1 – \S/);
    expect(buildFeedbackPlan([entry("Unit")], { createdAt: "2026-06-12T08:00:00.000Z", lang: "en" }).sheets[0].cells[0].value).toBe(
      "CHECK OF THE FIGURES OF THE ADMINISTRATIVE-REFORM REPORT",
    );

    expect(feedbackFileName("Phòng Kinh tế", "2026-H1")).toBe("Phieu-kiem-tra-Phong-Kinh-te-2026-H1.xlsx");
    expect(feedbackFileName("Đội Quản lý đô thị / Trật tự (số 2)", "2026-Q3")).toBe("Phieu-kiem-tra-Doi-Quan-ly-do-thi-Trat-tu-so-2-2026-Q3.xlsx");
    expect(feedbackFileName("***", "2026-Y")).toBe("Phieu-kiem-tra-don-vi-2026-Y.xlsx");
    expect(uniqueSheetName("'KT'", new Set(["kt"]))).toBe("KT (2)");
  });
});

describe("Theo dõi tiếp nhận in the ward workbook", () => {
  it("is printable (A4 landscape, header repeated), names files without their folders, and writes no formula", () => {
    const r = result([]);
    const h1 = period("2026-H1");
    r.period = { ...h1, unitDeadline: "2026-06-04", wardDeadline: "2026-06-08" };
    r.submissions = [
      {
        code: "KT",
        unit: "Phòng Kinh tế",
        forms: ["BM1", "BM6"],
        missingForms: ["BM6"],
        status: "late",
        received: "2026-06-07T09:00",
        daysLate: 3,
        daysLeft: null,
        resubmissions: 1,
        files: [
          { file: "/home/van-thu/don-vi/kt-2.xlsx", modified: "2026-06-07T09:00", status: "used" },
          { file: "C:\\Users\\vt\\kt-1.xlsx", modified: "2026-06-01T09:00", status: "replaced" },
          { file: "/home/van-thu/don-vi/=SUM(1).docx", modified: "2026-06-01T09:00", status: "not-a-workbook", kind: "word" },
        ],
        errors: 1,
        warnings: 2,
      },
    ];
    const sheet = buildWardPlan(r, h1, "2026-06-12T08:00:00.000Z").sheets.find((s) => s.name === SUBMISSIONS_SHEET)!;
    expect(sheet.print).toMatchObject({ paper: "A4", orientation: "landscape", titleRows: { row: 4, lastRow: 4 } });
    expect(sheet.cells.every((c) => c.formula === undefined)).toBe(true);
    const at = (row: number, col: number) => sheet.cells.find((c) => c.row === row && c.col === col)?.value;
    expect(at(2, 1)).toBe("Hạn các đơn vị gửi báo cáo: 04/06/2026; hạn phường gửi báo cáo lên thành phố: 08/06/2026");
    expect([4, 5, 6, 7, 8, 9, 10, 11].map((c) => at(5, c))).toEqual([
      "Nộp muộn",
      "07/06/2026 09:00",
      "muộn 3 ngày",
      "kt-2.xlsx\nkt-1.xlsx (không dùng: đã có tệp mới hơn)\n=SUM(1).docx (tệp Word)",
      1,
      1,
      2,
      "BM6",
    ]);
  });
});
