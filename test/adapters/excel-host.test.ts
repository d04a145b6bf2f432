import { createExcelHost } from "../../src/adapters/office/excel-host";
import { CELL_EDIT_MODE, retryInCellEditMode, type ExcelRunner } from "../../src/adapters/office/run-excel";
import { templatePlan } from "../support/plans";
import { FakeExcel, FakeOfficeError } from "./fake-excel";

const editMode = () => new FakeOfficeError(CELL_EDIT_MODE, "Excel is in cell-editing mode.");

const plan = () => templatePlan("UBND phường", ["BM3"], "2026-Q1");

/** A runner whose first calls throw the given errors, then runs the batch on a fake. */
function flakyRunner(errors: unknown[]): { run: ExcelRunner; calls: () => number } {
  const fake = new FakeExcel();
  let calls = 0;
  const run: ExcelRunner = async (batch) => {
    calls++;
    if (calls <= errors.length) throw errors[calls - 1];
    return fake.run(batch);
  };
  return { run, calls: () => calls };
}

describe("retryInCellEditMode", () => {
  it("tries again while the officer is typing in a cell, waiting a little longer each time", async () => {
    const flaky = flakyRunner([editMode(), editMode()]);
    const sleep = jest.fn(async () => undefined);
    const result = await retryInCellEditMode(flaky.run, { sleep, delayMs: 100 })(async () => "done");
    expect(result).toBe("done");
    expect(flaky.calls()).toBe(3);
    expect(sleep.mock.calls).toEqual([[100], [200]]);
  });

  it("rethrows any other error at once", async () => {
    const other = new FakeOfficeError("GeneralException", "boom");
    const flaky = flakyRunner([other]);
    const sleep = jest.fn(async () => undefined);
    await expect(retryInCellEditMode(flaky.run, { sleep })(async () => "done")).rejects.toBe(other);
    expect(flaky.calls()).toBe(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it("gives up after the last attempt with Excel's own error", async () => {
    const last = editMode();
    const flaky = flakyRunner([editMode(), editMode(), last]);
    await expect(retryInCellEditMode(flaky.run, { attempts: 3, sleep: async () => undefined })(async () => "done")).rejects.toBe(last);
    expect(flaky.calls()).toBe(3);
  });
});

describe("createExcelHost", () => {
  const globals = globalThis as unknown as { Office?: unknown; Excel?: unknown };
  afterEach(() => {
    delete globals.Office;
    delete globals.Excel;
  });

  function installOffice(fake: FakeExcel, apiSets: string[]) {
    const isSetSupported = jest.fn((name: string, version: string) => apiSets.includes(`${name} ${version}`));
    globals.Office = { context: { requirements: { isSetSupported } } };
    globals.Excel = { run: fake.run };
    return isSetSupported;
  }

  it("writes through Excel.run, asks for ExcelApi 1.9 before print setup, and retries a batch refused in cell-edit mode", async () => {
    const fake = new FakeExcel({ apiVersion: "1.8" }).failAtSync(1, { code: CELL_EDIT_MODE });
    const isSetSupported = installOffice(fake, ["ExcelApi 1.8"]);

    const outcome = await createExcelHost().writeTemplate(plan(), { replaceExisting: false, fileName: "ignored.xlsx" });

    expect(outcome).toEqual({ status: "written", sheets: ["BM3", "_CCHC"], printSetupApplied: false });
    expect(isSetSupported).toHaveBeenCalledWith("ExcelApi", "1.9");
    expect(fake.syncCount).toBe(1 + 3);
    expect(fake.sheetNames()).toEqual(["Sheet1", "BM3", "_CCHC"]);
  });

  it("applies print setup where ExcelApi 1.9 is supported", async () => {
    const fake = new FakeExcel({ apiVersion: "1.9" });
    installOffice(fake, ["ExcelApi 1.9"]);
    const outcome = await createExcelHost().writeTemplate(plan(), { replaceExisting: false, fileName: "x.xlsx" });
    expect(outcome).toMatchObject({ printSetupApplied: true });
    expect(fake.sheet("BM3").pageLayout.paperSize).toBe("A4");
  });

  it("does nothing once the request is aborted", async () => {
    const fake = new FakeExcel();
    const controller = new AbortController();
    controller.abort();
    const host = createExcelHost({ run: fake.run, supportsPageLayout: () => true });
    await expect(host.writeTemplate(plan(), { replaceExisting: false, fileName: "x.xlsx", signal: controller.signal })).rejects.toThrow();
    expect(fake.syncCount).toBe(0);
  });
});
