import type { SelfCheckReport, SelfCheckStepId } from "../../src/adapters/host/types";
import { SELF_CHECK_STEPS } from "../../src/adapters/host/types";
import { createExcelHost } from "../../src/adapters/office/excel-host";
import { MARKS_SHEET } from "../../src/adapters/office/mark-cells";
import { PAYLOAD_BUDGET_BYTES } from "../../src/adapters/office/payload-budget";
import { largePlan, LARGE_WRITE_BYTES, runSelfCheck, SCRATCH_FORM, SCRATCH_PREFIX, type SelfCheckEnv } from "../../src/adapters/office/self-check";
import { FakeExcel, type FakeExcelOptions } from "./fake-excel";

const TODAY = new Date(2026, 2, 10);

/** An officer's workbook: their own sheets and cells, a protected one, a hidden one, the second one active. */
const OFFICER: FakeExcelOptions = {
  sheets: [
    { name: "Danh sách hộ", cells: { A1: "Họ tên", B1: "Số nhân khẩu", A2: "Nguyễn Văn A", B2: 4, C2: "=B2*2" } },
    { name: "Ghi chú", cells: { A1: "Báo cáo quý" } },
    { name: "Khóa", cells: { A1: 1 }, password: "mk", protectOptions: { allowFormatCells: false } },
    { name: "Ẩn", visibility: "Hidden", cells: { A1: "ẩn" } },
  ],
};

function officerWorkbook(options: FakeExcelOptions = {}): FakeExcel {
  const fake = new FakeExcel({ ...OFFICER, ...options });
  // The officer was working on the second sheet.
  fake.workbook.activeSheetId = fake.sheet("Ghi chú").id;
  return fake;
}

/** The environment the Excel host gives the check, over a fake whose ExcelApi version is `apiVersion`. */
function envOf(fake: FakeExcel, extra: Partial<SelfCheckEnv> = {}): SelfCheckEnv {
  const [major, minor] = fake.apiVersion.split(".").map(Number);
  return {
    run: fake.run,
    diagnostics: () => ({ host: "Excel", platform: "PC", version: "16.0.17928.20114" }),
    isSetSupported: (version) => {
      const [a, b] = version.split(".").map(Number);
      return a < major || (a === major && b <= minor);
    },
    today: TODAY,
    ...extra,
  };
}

const statusOf = (report: SelfCheckReport) => Object.fromEntries(report.steps.map((s) => [s.id, s.status]));
const step = (report: SelfCheckReport, id: SelfCheckStepId) => report.steps.find((s) => s.id === id)!;
const scratch = (fake: FakeExcel) => fake.sheetNames().filter((n) => n.startsWith(SCRATCH_PREFIX));

describe("Kiểm tra môi trường against the fake Excel", () => {
  it("passes every step on a normal workbook (ExcelApi 1.9) and leaves the officer's workbook exactly as it was", async () => {
    const fake = officerWorkbook();
    const before = fake.snapshot();
    const started: SelfCheckStepId[] = [];

    const report = await runSelfCheck(envOf(fake, { onStep: (id) => started.push(id) }));

    expect(report.steps.map((s) => s.id)).toEqual([...SELF_CHECK_STEPS]);
    expect(started).toEqual([...SELF_CHECK_STEPS]);
    expect(statusOf(report)).toEqual(Object.fromEntries(SELF_CHECK_STEPS.map((id) => [id, "passed"])));
    expect(report.excel).toEqual({ host: "Excel", platform: "PC", version: "16.0.17928.20114" });
    expect(report.requirementSets).toHaveLength(17);
    expect(report.requirementSets.filter((r) => r.supported).map((r) => r.version)).toEqual(["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9"]);
    expect(report.structureProtected).toBe(false);
    expect(report.leftovers).toEqual([]);
    for (const s of report.steps) expect(s.ms).toBeGreaterThanOrEqual(0);
    // The steps did something: the form was read back cell by cell, its validations seen, more than 5 MB written.
    expect(step(report, "read").counts?.cells).toBeGreaterThan(50);
    expect(step(report, "validation").counts?.validations).toBeGreaterThan(5);
    expect(step(report, "payload").counts?.bytes).toBeGreaterThan(5 * 1024 * 1024);
    expect(step(report, "cleanup").counts?.removed).toBe(3);
    // Like Excel on the web, the fake refuses a request over 5 MB: the large write went through in several.
    expect(fake.batches.every((b) => b.requestBytes <= 5_000_000)).toBe(true);
    expect(fake.batches.filter((b) => b.requestBytes > 1_000_000).length).toBeGreaterThanOrEqual(2);

    // Nothing else changed: same sheets, cells, protection, visibility, active sheet.
    expect(fake.snapshot()).toEqual(before);
    // …and the scratch sheets really existed meanwhile: marks, fixes and print setup went through Excel.
    expect(fake.applied.some((op) => op.includes(`worksheets.add("~cchc-`) || op.includes(SCRATCH_FORM))).toBe(true);
    expect(fake.applied.some((op) => op.includes(MARKS_SHEET))).toBe(true);
    expect(fake.applied.some((op) => /pageLayout\.paperSize/.test(op))).toBe(true);
  });

  it("writes more than Excel on the web takes in one request, well over the add-in's budget", () => {
    const { bytes, plan } = largePlan();
    expect(bytes).toBeGreaterThanOrEqual(LARGE_WRITE_BYTES);
    expect(bytes).toBeGreaterThan(PAYLOAD_BUDGET_BYTES);
    expect(plan.sheets[0].cells.length).toBeGreaterThan(1000);
  });

  it("reports print setup as not supported, not failed, on Excel 2019 (ExcelApi 1.8)", async () => {
    const fake = officerWorkbook({ apiVersion: "1.8" });
    const before = fake.snapshot();
    const report = await runSelfCheck(envOf(fake));
    expect(step(report, "print")).toEqual({ id: "print", status: "skipped", ms: 0, skip: { reason: "notSupported", needs: "ExcelApi 1.9" } });
    const others = report.steps.filter((s) => s.id !== "print");
    expect(others.filter((s) => s.status !== "passed")).toEqual([]);
    expect(report.requirementSets.find((r) => r.version === "1.9")?.supported).toBe(false);
    expect(report.requirementSets.find((r) => r.version === "1.8")?.supported).toBe(true);
    expect(fake.snapshot()).toEqual(before);
  });

  /** The sync a step starts at, learnt from a twin run of the same workbook. */
  async function firstSyncOf(id: SelfCheckStepId, options: FakeExcelOptions = {}): Promise<number> {
    const twin = officerWorkbook(options);
    let at = 0;
    await runSelfCheck(envOf(twin, { onStep: (s) => s === id && (at = twin.syncCount + 1) }));
    expect(at).toBeGreaterThan(0);
    return at;
  }

  it("reports a step Excel refuses with Excel's code and message, goes on with the others, and still removes every scratch sheet", async () => {
    const k = await firstSyncOf("protection");
    const fake = officerWorkbook();
    const before = fake.snapshot();
    fake.failAtSync(k, { code: "AccessDenied", message: "You cannot perform the requested operation." });

    const report = await runSelfCheck(envOf(fake));

    expect(step(report, "protection")).toMatchObject({
      status: "failed",
      error: { code: "AccessDenied", message: "You cannot perform the requested operation." },
    });
    expect(report.steps.filter((s) => s.id !== "protection").every((s) => s.status === "passed")).toBe(true);
    expect(scratch(fake)).toEqual([]);
    expect(report.leftovers).toEqual([]);
    expect(fake.snapshot()).toEqual(before);
  });

  it("reports a large write Excel on the web refuses with its code (a writer that does not split), and still cleans up", async () => {
    const k = await firstSyncOf("payload");
    const fake = officerWorkbook();
    const before = fake.snapshot();
    // The write's second sync, where the cells go.
    fake.failAtSync(k + 1, { code: "RequestPayloadSizeLimitExceeded", message: "The request payload size has exceeded the limit." });
    const report = await runSelfCheck(envOf(fake));
    expect(step(report, "payload")).toMatchObject({ status: "failed", error: { code: "RequestPayloadSizeLimitExceeded" } });
    expect(report.steps.filter((s) => s.status !== "passed").map((s) => s.id)).toEqual(["payload"]);
    expect(fake.snapshot()).toEqual(before);
  });

  it("skips what needs the form when writing it fails, and removes what the failed write left", async () => {
    const k = await firstSyncOf("write");
    const fake = officerWorkbook();
    const before = fake.snapshot();
    // The write's second sync: the sheets are being built.
    fake.failAtSync(k + 1, { code: "GeneralException", afterOps: 5 });

    const report = await runSelfCheck(envOf(fake));

    expect(step(report, "write")).toMatchObject({ status: "failed", error: { code: "GeneralException" } });
    for (const id of ["read", "validation", "protection", "marks", "fix", "print"] as const) {
      expect(step(report, id)).toMatchObject({ status: "skipped", skip: { reason: "blocked", by: "write" } });
    }
    expect(step(report, "payload").status).toBe("passed");
    expect(step(report, "cleanup").status).toBe("passed");
    expect(fake.snapshot()).toEqual(before);
  });

  it("says so when the workbook's structure is protected, skips the steps that add sheets and changes nothing", async () => {
    const fake = officerWorkbook({ protectStructure: { password: "x" } });
    const before = fake.snapshot();
    const report = await runSelfCheck(envOf(fake));
    expect(report.structureProtected).toBe(true);
    expect(statusOf(report)).toEqual({
      prepare: "passed",
      write: "skipped",
      read: "skipped",
      validation: "skipped",
      protection: "skipped",
      marks: "skipped",
      fix: "skipped",
      print: "skipped",
      payload: "skipped",
      cleanup: "passed",
    });
    expect(report.steps.filter((s) => s.status === "skipped").every((s) => s.skip?.reason === "structureProtected")).toBe(true);
    expect(fake.snapshot()).toEqual(before);
  });

  it("removes scratch sheets a crashed earlier run left, at the start", async () => {
    const fake = officerWorkbook({
      sheets: [...OFFICER.sheets!, { name: `${SCRATCH_PREFIX}1`, cells: { A1: "cũ" } }, { name: `${SCRATCH_PREFIX}3`, visibility: "VeryHidden" }],
    });
    const before = fake.snapshot();
    before.sheets = before.sheets.filter((s) => !s.name.startsWith(SCRATCH_PREFIX));
    const report = await runSelfCheck(envOf(fake));
    expect(step(report, "prepare")).toMatchObject({ status: "passed", counts: { removed: 2 } });
    expect(report.steps.every((s) => s.status === "passed")).toBe(true);
    expect(fake.snapshot()).toEqual(before);
  });

  it("leaves the officer's marks alone: marking is skipped while Kiểm tra's marks are in the workbook", async () => {
    const fake = officerWorkbook({
      sheets: [
        ...OFFICER.sheets!,
        { name: MARKS_SHEET, visibility: "VeryHidden", cells: { A1: "sheet", B1: "address", A2: "Ghi chú", B2: "A1", D2: "#FFC7CE" } },
      ],
    });
    const before = fake.snapshot();
    const report = await runSelfCheck(envOf(fake));
    expect(step(report, "marks")).toEqual({ id: "marks", status: "skipped", ms: 0, skip: { reason: "marksInUse" } });
    expect(report.steps.filter((s) => s.status === "failed")).toEqual([]);
    expect(fake.snapshot()).toEqual(before);
  });

  it("names the scratch sheets it could not remove", async () => {
    const k = await firstSyncOf("cleanup");
    const fake = officerWorkbook();
    // Both tries of the removal fail (load, then the same again).
    fake.failAtSync(k + 1, { code: "GeneralException" }).failAtSync(k + 3, { code: "GeneralException" });
    const report = await runSelfCheck(envOf(fake));
    expect(step(report, "cleanup")).toMatchObject({ status: "failed", error: { code: "GeneralException" } });
    expect(report.leftovers.sort()).toEqual(scratch(fake).sort());
    expect(report.leftovers.length).toBeGreaterThan(0);
    // The next run removes them first.
    const again = await runSelfCheck(envOf(fake));
    expect(step(again, "prepare").counts?.removed).toBe(report.leftovers.length);
    expect(scratch(fake)).toEqual([]);
  });

  it("is reached through the Excel host, with Office's facts from its environment", async () => {
    const fake = officerWorkbook();
    const host = createExcelHost({
      run: fake.run,
      excelApiSupported: (v) => ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9"].includes(v),
      diagnostics: () => ({ host: "Excel", platform: "OfficeOnline", version: "16.0.0.0" }),
    });
    const steps: SelfCheckStepId[] = [];
    const report = await host.selfCheck!({ onStep: (id) => steps.push(id) });
    expect(report.excel?.platform).toBe("OfficeOnline");
    expect(steps).toEqual([...SELF_CHECK_STEPS]);
    expect(report.steps.every((s) => s.status === "passed")).toBe(true);
  });
});
