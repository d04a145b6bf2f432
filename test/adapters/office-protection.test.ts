/**
 * Protection said before anything is touched (issue 13, part 3): a sheet the
 * officer protected with a password, and a workbook whose structure is
 * protected (Review > Protect Workbook), stop Sửa, Đánh dấu, Tạo biểu mẫu,
 * Tổng hợp and saving the setup with the workbook as it was and a sentence
 * naming the sheet and the menu. The sheets the add-in protects itself (no
 * password) keep working.
 *
 * What the fake answers, and where that comes from:
 * - worksheet.protection.unprotect() with a missing or wrong password fails
 *   with InvalidArgument, the code the Office documentation gives for a wrong
 *   password (WorksheetProtection.pauseProtection: "If the password is
 *   incorrect, then this method throws an InvalidArgument error",
 *   https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection).
 * - workbook.protection.protect(password?) (ExcelApi 1.7) "Fails if the
 *   workbook has been protected"
 *   (https://learn.microsoft.com/javascript/api/excel/excel.workbookprotection);
 *   while it is on, adding, renaming, deleting, hiding or showing a sheet is
 *   refused with AccessDenied ("You cannot perform the requested operation",
 *   https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling).
 */
import { APPLY_FIXES_SYNCS, applyFixesInExcel } from "../../src/adapters/office/apply-fixes";
import { clearMarksInExcel, MARKS_SHEET, markCellsInExcel } from "../../src/adapters/office/mark-cells";
import { SHEET_PASSWORD_CODE, SheetPasswordError, STRUCTURE_PROTECTED_CODE, StructureProtectedError } from "../../src/adapters/office/protection";
import { SAVE_SETUP_SYNCS, SETUP_SHEET, saveSetupToExcel } from "../../src/adapters/office/setup-sheet";
import { SHEET_PROTECTION } from "../../src/adapters/office/sheet-steps";
import { WRITE_PLAN_SYNCS, writePlanToExcel } from "../../src/adapters/office/write-plan";
import { writeWardToExcel } from "../../src/adapters/office/write-ward";
import type { FixAction } from "../../src/core/validate";
import { enUi } from "../../src/core/messages/en-ui";
import { viUi } from "../../src/core/messages/vi-ui";
import { describeError } from "../../src/taskpane/describe-error";
import { templatePlan } from "../support/plans";
import { FakeExcel } from "./fake-excel";

const NO_TINT = { supportsTintAndShade: false };
const fixD8: FixAction = { kind: "set-number", sheet: "BM3", row: 8, col: 4, value: 9275 } as FixAction;

/** Counts the syncs one call makes, and what it threw. */
async function attempt(fake: FakeExcel, work: () => Promise<unknown>): Promise<{ error: unknown; syncs: number }> {
  const before = fake.syncCount;
  let error: unknown;
  await work().catch((e: unknown) => (error = e));
  return { error, syncs: fake.syncCount - before };
}

jest.spyOn(console, "warn").mockImplementation(() => undefined);

describe("the fake's protection", () => {
  it("refuses a sheet's unprotect without its password, and takes the right one", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "BM3", password: "bí mật" }] });
    const wrong = await attempt(fake, () => fake.run(async (context) => context.workbook.worksheets.getItem("BM3").protection.unprotect()));
    expect(wrong.error).toMatchObject({ code: "InvalidArgument" });
    expect(fake.sheet("BM3").protection.protected).toBe(true);
    await fake.run(async (context) => context.workbook.worksheets.getItem("BM3").protection.unprotect("bí mật"));
    expect(fake.sheet("BM3").protection).toEqual({ protected: false, options: null, password: null });
  });

  it("models workbook.protection: protect, protected, add/rename/delete/hide refused, unprotect with the password", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "A" }, { name: "B" }] });
    const state = await fake.run(async (context) => {
      context.workbook.protection.protect("pw");
      const p = context.workbook.protection.load("protected");
      await context.sync();
      return p.protected;
    });
    expect(state).toBe(true);
    const again = await attempt(fake, () => fake.run(async (context) => context.workbook.protection.protect()));
    expect(again.error).toMatchObject({ code: "InvalidOperation" });
    for (const change of [
      (c: Excel.RequestContext) => void c.workbook.worksheets.add("C"),
      (c: Excel.RequestContext) => void (c.workbook.worksheets.getItem("B").name = "D"),
      (c: Excel.RequestContext) => c.workbook.worksheets.getItem("B").delete(),
      (c: Excel.RequestContext) => void (c.workbook.worksheets.getItem("B").visibility = "Hidden"),
    ]) {
      const before = fake.snapshot();
      const refused = await attempt(fake, () => fake.run(async (context) => change(context)));
      expect(refused.error).toMatchObject({ code: "AccessDenied" });
      expect(fake.snapshot()).toEqual(before);
    }
    // Cells are not structure.
    await fake.run(async (context) => void (context.workbook.worksheets.getItem("B").getRange("A1").values = [[1]]));
    expect(fake.cell("B", "A1").value).toBe(1);
    const noPassword = await attempt(fake, () => fake.run(async (context) => context.workbook.protection.unprotect()));
    expect(noPassword.error).toMatchObject({ code: "InvalidArgument" });
    await fake.run(async (context) => context.workbook.protection.unprotect("pw"));
    await fake.run(async (context) => void context.workbook.worksheets.add("C"));
    expect(fake.sheetNames()).toEqual(["A", "B", "C"]);
  });

  it("needs ExcelApi 1.7 for workbook.protection", async () => {
    const fake = new FakeExcel({ apiVersion: "1.6" });
    const old = await attempt(fake, () => fake.run(async (context) => void context.workbook.protection.load("protected")));
    expect(old.error).toMatchObject({ code: "ApiNotFound" });
  });
});

describe("Sửa on a sheet protected with a password", () => {
  it("changes nothing and names the sheet and the menu", async () => {
    // BM1 protected by the add-in (no password) comes first: it is unprotected, then BM3 refuses, then BM1 is protected again.
    const fake = new FakeExcel({
      sheets: [
        { name: "BM1", cells: { D8: "1" }, protect: true, protectOptions: SHEET_PROTECTION },
        { name: "BM3", cells: { D8: "9.275" }, password: "bí mật" },
      ],
    });
    const before = fake.snapshot();
    const fixes: FixAction[] = [{ kind: "set-number", sheet: "BM1", row: 8, col: 4, value: 1 } as FixAction, fixD8];
    const { error, syncs } = await attempt(fake, () => applyFixesInExcel(fake.run, fixes));
    expect(error).toBeInstanceOf(SheetPasswordError);
    expect(error).toMatchObject({ code: SHEET_PASSWORD_CODE, sheet: "BM3" });
    expect(fake.snapshot()).toEqual(before);
    // read; the refused write; which sheet refused; BM1 protected again
    expect(syncs).toBe(APPLY_FIXES_SYNCS + 2);
    const vi = describeError(error, viUi.validate.errors).text;
    expect(vi).toContain("Trang BM3 được bảo vệ bằng mật khẩu");
    expect(vi).toContain("Xem lại > Bỏ bảo vệ trang tính");
    expect(describeError(error, enUi.validate.errors).text).toContain("Review > Unprotect Sheet");
  });

  it("still fixes a sheet the add-in protected itself, and protects it again with its options", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "BM3", cells: { D8: "9.275" }, protect: true, protectOptions: SHEET_PROTECTION }] });
    const { error, syncs } = await attempt(fake, () => applyFixesInExcel(fake.run, [fixD8]));
    expect(error).toBeUndefined();
    expect(syncs).toBe(APPLY_FIXES_SYNCS);
    expect(fake.cell("BM3", "D8").value).toBe(9275);
    expect(fake.sheet("BM3").protection).toEqual({ protected: true, options: SHEET_PROTECTION, password: null });
  });

  it("tells a failure of the write itself from a refused unprotect", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "BM3", cells: { D8: "9.275" }, protect: true }] });
    const before = fake.snapshot();
    fake.failAtSync(fake.syncCount + 2, { afterOps: 0, code: "GeneralException" });
    const { error } = await attempt(fake, () => applyFixesInExcel(fake.run, [fixD8]));
    expect(error).toMatchObject({ code: "GeneralException" });
    expect(fake.snapshot()).toEqual(before);
  });
});

describe("Đánh dấu on a sheet protected with a password", () => {
  it("changes nothing, leaves no memory sheet behind and names the sheet", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "BM3", cells: { D8: "9.275" }, password: "bí mật" }] });
    const before = fake.snapshot();
    const { error, syncs } = await attempt(fake, () => markCellsInExcel(fake.run, [{ sheet: "BM3", address: "D8", severity: "error" }], NO_TINT));
    expect(error).toMatchObject({ code: SHEET_PASSWORD_CODE, sheet: "BM3" });
    expect(fake.sheetNames()).not.toContain(MARKS_SHEET);
    expect(fake.snapshot()).toEqual(before);
    // sheet list; fills and protection; the refused write; which sheet refused (nothing to protect again)
    expect(syncs).toBe(4);
    expect(describeError(error, viUi.validate.errors).text).toContain("Xem lại > Bỏ bảo vệ trang tính");
  });

  it("marks a password sheet that lets cells be formatted without unprotecting it", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "BM3", password: "pw", protectOptions: { allowFormatCells: true } }] });
    await markCellsInExcel(fake.run, [{ sheet: "BM3", address: "D8", severity: "error" }], NO_TINT);
    expect(fake.cell("BM3", "D8").fill).toBe("#FFC7CE");
    expect(fake.sheet("BM3").protection.password).toBe("pw");
  });

  it("marks and clears on the add-in's own protected sheets as before", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "BM3", protect: true, protectOptions: SHEET_PROTECTION }] });
    await markCellsInExcel(fake.run, [{ sheet: "BM3", address: "D8", severity: "warning" }], NO_TINT);
    expect(fake.cell("BM3", "D8").fill).toBe("#FFEB9C");
    expect(fake.sheet("BM3").protection).toEqual({ protected: true, options: SHEET_PROTECTION, password: null });
    await clearMarksInExcel(fake.run, NO_TINT);
    expect(fake.cell("BM3", "D8").fill).toBeNull();
    expect(fake.sheetNames()).toEqual(["BM3"]);
    expect(fake.sheet("BM3").protection.protected).toBe(true);
  });
});

describe("a workbook whose structure is protected", () => {
  const expectStructureRefusal = (error: unknown) => {
    expect(error).toBeInstanceOf(StructureProtectedError);
    expect(error).toMatchObject({ code: STRUCTURE_PROTECTED_CODE });
  };

  it("Tạo biểu mẫu refuses after its first sync, before asking about existing sheets", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "BM1" }], protectStructure: { password: "pw" } });
    const before = fake.snapshot();
    const { error, syncs } = await attempt(fake, () =>
      writePlanToExcel(fake.run, templatePlan("Phường Nhị Chiểu"), { replaceExisting: false, supportsPageLayout: true }),
    );
    expectStructureRefusal(error);
    expect(syncs).toBe(1);
    expect(fake.snapshot()).toEqual(before);
    const vi = describeError(error, viUi.errors).text;
    expect(vi).toContain("Xem lại > Bảo vệ sổ làm việc");
    expect(vi).toContain("Tạo biểu mẫu");
    expect(describeError(error, enUi.errors).text).toContain("Review > Protect Workbook");
  });

  it("Tổng hợp's write refuses the same way", async () => {
    const fake = new FakeExcel({ protectStructure: true });
    const before = fake.snapshot();
    const { error, syncs } = await attempt(fake, () =>
      writeWardToExcel(fake.run, templatePlan("Phường Nhị Chiểu"), { replaceExisting: true, supportsPageLayout: true }),
    );
    expectStructureRefusal(error);
    expect(syncs).toBe(1);
    expect(fake.snapshot()).toEqual(before);
    expect(describeError(error, viUi.aggregate.errors).text).toContain("Ghi vào bảng tính");
  });

  it("Tạo biểu mẫu writes as before once the structure is not protected", async () => {
    const fake = new FakeExcel();
    const { error, syncs } = await attempt(fake, () =>
      writePlanToExcel(fake.run, templatePlan("Phường Nhị Chiểu"), { replaceExisting: false, supportsPageLayout: true }),
    );
    expect(error).toBeUndefined();
    expect(syncs).toBe(WRITE_PLAN_SYNCS.fresh);
  });

  it("marking refuses before it would add its hidden sheet", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "BM3" }], protectStructure: true });
    const before = fake.snapshot();
    const { error, syncs } = await attempt(fake, () => markCellsInExcel(fake.run, [{ sheet: "BM3", address: "D8", severity: "error" }], NO_TINT));
    expectStructureRefusal(error);
    expect(syncs).toBe(1);
    expect(fake.snapshot()).toEqual(before);
    expect(describeError(error, viUi.validate.errors).text).toContain("Xem lại > Bảo vệ sổ làm việc");
  });

  it("clearing refuses before it would delete the hidden sheet; marking again only rewrites it", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "BM3" }] });
    await markCellsInExcel(fake.run, [{ sheet: "BM3", address: "D8", severity: "error" }], NO_TINT);
    await fake.run(async (context) => context.workbook.protection.protect());
    const before = fake.snapshot();
    const cleared = await attempt(fake, () => clearMarksInExcel(fake.run, NO_TINT));
    expectStructureRefusal(cleared.error);
    expect(cleared.syncs).toBe(1);
    expect(fake.snapshot()).toEqual(before);
    await markCellsInExcel(fake.run, [{ sheet: "BM3", address: "D9", severity: "info" }], NO_TINT);
    expect(fake.cell("BM3", "D9").fill).toBe("#BDD7EE");
    expect(fake.cell("BM3", "D8").fill).toBeNull();
  });

  it("saving the setup refuses before adding its sheet; an existing setup sheet is still rewritten", async () => {
    const fake = new FakeExcel({ protectStructure: true });
    const before = fake.snapshot();
    const refused = await attempt(fake, () => saveSetupToExcel(fake.run, '{"ward":"x"}'));
    expectStructureRefusal(refused.error);
    expect(refused.syncs).toBe(1);
    expect(fake.snapshot()).toEqual(before);
    // The pane's setup table has no structureProtected: its own protectedWorkbook advice is said.
    const setupTable = { ...viUi.errors, structureProtected: undefined, protectedWorkbook: "bảo vệ" };
    expect(describeError(refused.error, setupTable).text).toBe("bảo vệ");

    const saved = new FakeExcel();
    await saveSetupToExcel(saved.run, '{"ward":"x"}');
    await saved.run(async (context) => context.workbook.protection.protect());
    const again = await attempt(saved, () => saveSetupToExcel(saved.run, '{"ward":"y"}'));
    expect(again.error).toBeUndefined();
    expect(again.syncs).toBe(SAVE_SETUP_SYNCS);
    expect(saved.sheet(SETUP_SHEET).visibility).toBe("VeryHidden");
  });
});
