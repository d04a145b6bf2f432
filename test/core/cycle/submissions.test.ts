import { otherFileKind, submissionsBoard, vietnamDate, type SubmissionsInput } from "../../../src/core/cycle/submissions";
import { wardPeriod } from "../../../src/core/cycle/ward-dates";
import { DEFAULT_REGISTRY } from "../../../src/core/units/registry";
import { parseRegistry } from "../../../src/core/units/registry-schema";

/** A moment in Vietnam's time (UTC+7), as a file's modification time. */
const at = (local: string) => Date.parse(`${local}+07:00`);

const SEED_000 = { "2026-H1": { cutoff: "2026-01-01/2026-05-31", deadline: "2026-06-04", wardDeadline: "2026-06-08" } };

describe("the ward's dates (setup `periods`, seed 000)", () => {
  it("the setup's cut-off and deadlines win over the standard guidance; what is typed for the run wins over the setup", () => {
    const registry = { ...DEFAULT_REGISTRY, periods: SEED_000 };
    const p = wardPeriod(registry, "2026-h1");
    expect(p.ok && [p.value.window, p.value.unitDeadline, p.value.wardDeadline]).toEqual([
      { from: "2026-01-01", to: "2026-05-31" },
      "2026-06-04",
      "2026-06-08",
    ]);
    const standard = wardPeriod(DEFAULT_REGISTRY, "2026-H1");
    expect(standard.ok && [standard.value.window, standard.value.unitDeadline, standard.value.wardDeadline]).toEqual([
      { from: "2025-12-15", to: "2026-06-14" },
      "2026-06-10",
      undefined,
    ]);
    const typed = wardPeriod(registry, "2026-H1", { unitDeadline: "2026-06-05" });
    expect(typed.ok && typed.value.unitDeadline).toBe("2026-06-05");
  });

  it("a setup's dates are checked, each wrong entry named in the officer's language", () => {
    const bad = parseRegistry({ ...DEFAULT_REGISTRY, periods: { "2026-H2": {}, "2026-H1": { cutoff: "2026-05-31/2026-01-01", deadline: "04/06/2026" } } });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.issues).toEqual([
      "periods.2026-H1.cutoff: phải là hai ngày YYYY-MM-DD/YYYY-MM-DD, ngày đầu không sau ngày cuối (ví dụ 2026-01-01/2026-05-31)",
      "periods.2026-H1.deadline: phải là một ngày có thật, viết YYYY-MM-DD (ví dụ 2026-06-04)",
      "periods.2026-H2: phải là một kỳ báo cáo viết như 2026-Q1, 2026-H1, 2026-Q3, 2026-Y",
    ]);
  });
});

describe("who has sent (Theo dõi tiếp nhận)", () => {
  const registry = DEFAULT_REGISTRY;
  const used = (file: string, unitCode: string, local: string, forms: string[], errors = 0) =>
    ({ file, unitCode, status: "used", modified: at(local), forms, errors, warnings: 0 }) as const;
  const input = (files: SubmissionsInput["files"], others: SubmissionsInput["others"] = [], today = "2026-06-12"): SubmissionsInput => ({
    registry,
    period: { unitDeadline: "2026-06-04" },
    files,
    others,
    today,
  });

  it("one entry per unit of the setup: on time, late by calendar days in Vietnam, missing, a Word file named; whom to chase first", () => {
    const board = submissionsBoard(
      input(
        [
          used("vhxh.xlsx", "VHXH", "2026-06-04T23:30:00", ["BM1", "BM4", "BM5"], 2),
          used("kt.xlsx", "KT", "2026-06-07T09:00:00", ["BM1", "BM6"]),
          used("vp-2.xlsx", "VP", "2026-06-03T10:00:00", ["BM1", "BM2"]),
          { file: "vp-1.xlsx", unitCode: "VP", status: "replaced", modified: at("2026-06-01T10:00:00"), forms: ["BM1"], errors: 3, warnings: 0 },
          { file: "ttdv-quy-3.xlsx", unitCode: "TTDVSNC", status: "wrong-period", modified: at("2026-06-02T10:00:00"), forms: ["BM1"], errors: 0, warnings: 0 },
        ],
        [{ file: "Trung tam PVHCC bao cao.docx", kind: "word", modified: at("2026-06-03T08:00:00") }],
      ),
    );
    expect(board.map((s) => [s.code, s.status, s.daysLate, s.received])).toEqual([
      ["TTPVHCC", "unreadable", 8, null],
      ["TTDVSNC", "wrong-period", null, null],
      ["KT", "late", 3, "2026-06-07T09:00"],
      ["VHXH", "on-time", null, "2026-06-04T23:30"],
      ["VP", "on-time", null, "2026-06-03T10:00"],
    ]);
    const vp = board.find((s) => s.code === "VP")!;
    expect([vp.resubmissions, vp.files.map((f) => f.status), vp.errors]).toEqual([1, ["used", "replaced"], 0]);
    expect(board[0].files).toEqual([{ file: "Trung tam PVHCC bao cao.docx", modified: "2026-06-03T08:00", status: "not-a-workbook", kind: "word" }]);
    expect(board.find((s) => s.code === "VHXH")!.errors).toBe(2);
  });

  it("run before the deadline: a unit not yet heard from has days left, not days late", () => {
    const board = submissionsBoard(input([used("vhxh.xlsx", "VHXH", "2026-06-01T08:00:00", ["BM1"])], [], "2026-06-02"));
    const kt = board.find((s) => s.code === "KT")!;
    expect([kt.status, kt.daysLate, kt.daysLeft, kt.missingForms]).toEqual(["missing", null, 2, ["BM1", "BM6"]]);
    expect(board.find((s) => s.code === "VHXH")!.missingForms).toEqual(registry.units.find((u) => u.code === "VHXH")!.forms.filter((f) => f !== "BM1"));
  });

  it("names what a file that is not a workbook is, and keeps Vietnam's calendar day", () => {
    expect(["a.docx", "b.PDF", "c.csv", "d.jpg", "e.xls", "f.zip"].map(otherFileKind)).toEqual(["word", "pdf", "csv", "image", "excel-old", "other"]);
    expect(vietnamDate(Date.parse("2026-06-04T17:30:00Z"))).toBe("2026-06-05");
  });
});
