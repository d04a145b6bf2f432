import { FakeExcel } from "./fake-excel";

describe("the fake Excel behaves like Office.js where the writers depend on it", () => {
  it("queues every call and applies it only at context.sync()", async () => {
    const fake = new FakeExcel();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      range.values = [[5]];
      expect(fake.cell("Sheet1", "A1").value).toBeNull();
      await context.sync();
      expect(fake.cell("Sheet1", "A1").value).toBe(5);
    });
    expect(fake.syncCount).toBe(1);
  });

  it("throws PropertyNotLoaded for a property read before load and sync", async () => {
    const fake = new FakeExcel();
    await fake.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      const range = sheets.getItem("Sheet1").getRange("A1");
      range.load("values");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      expect(() => range.formulas).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values).toEqual([[""]]);
      sheets.load("items/name");
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Sheet1"]);
      expect(() => sheets.items[0].visibility).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("reads input as Excel does: text under @, otherwise formulas and numbers", async () => {
    const fake = new FakeExcel();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const late = ws.getRange("A1");
      late.values = [["=1+1"]];
      late.numberFormat = [["@"]];
      ws.getRange("A2").values = [["2.1"]];
      const text = ws.getRange("A3");
      text.numberFormat = [["@"]];
      text.values = [["=1+1"]];
      const stt = ws.getRange("A4");
      stt.numberFormat = [["@"]];
      stt.values = [["2.1"]];
      await context.sync();
    });
    expect(fake.cell("Sheet1", "A1")).toMatchObject({ formula: "=1+1", value: null });
    expect(fake.cell("Sheet1", "A2").value).toBe(2.1);
    expect(fake.cell("Sheet1", "A3")).toMatchObject({ formula: null, value: "=1+1" });
    expect(fake.cell("Sheet1", "A4").value).toBe("2.1");
  });

  it("stops a batch at the first refused call, keeping what came before", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "Sheet1" }, { name: "Meta", visibility: "VeryHidden" }] });
    const run = fake.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.add("New");
      sheets.getItem("Meta").delete();
      sheets.add("Never");
      await context.sync();
    });
    await expect(run).rejects.toMatchObject({ code: "InvalidOperation" });
    expect(fake.sheetNames()).toEqual(["Sheet1", "Meta", "New"]);
  });

  it("refuses writes to locked cells of a protected sheet, and data validation below ExcelApi 1.8", async () => {
    const fake = new FakeExcel({ apiVersion: "1.7", sheets: [{ name: "S", protect: true }] });
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("S").getRange("A1").values = [[1]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("S").getRange("A1").dataValidation.ignoreBlanks = true;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  it("fails the k-th sync on request, after applying the first afterOps calls", async () => {
    const fake = new FakeExcel().failAtSync(2, { code: "GeneralException", afterOps: 1 });
    const run = fake.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.add("A");
      await context.sync();
      sheets.add("B");
      sheets.add("C");
      await context.sync();
    });
    await expect(run).rejects.toMatchObject({ code: "GeneralException" });
    expect(fake.sheetNames()).toEqual(["Sheet1", "A", "B"]);
    expect(fake.syncCount).toBe(2);
  });

  it("keeps sheet names unique regardless of case and refuses a proxy used after its run", async () => {
    const fake = new FakeExcel();
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.add("sheet1");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    let leaked: Excel.Worksheet | undefined;
    await fake.run(async (context) => {
      leaked = context.workbook.worksheets.getItem("Sheet1");
    });
    expect(() => leaked!.activate()).toThrow(expect.objectContaining({ code: "InvalidRequestContext" }));
  });
  /**
   * Codes from the documented list (learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling,
   * Excel.ErrorCodes and OfficeExtension.ErrorCodes); data validation text limits from
   * [MS-XLS] 2.5.37 DValStrings (msdn.microsoft.com/en-us/library/b8894965-c186-4bba-8a0b-8ec2a37a1cbe).
   */
  it("answers with documented error codes: a missing sheet, a bad load, an over-long error alert", async () => {
    const fake = new FakeExcel();
    const attempt = (batch: (ws: Excel.Worksheet, context: Excel.RequestContext) => void) =>
      fake.run(async (context) => {
        batch(context.workbook.worksheets.getItem("Sheet1"), context);
        await context.sync();
      });
    const missing = fake.run(async (context) => {
      context.workbook.worksheets.getItem("Không có").load("name");
      await context.sync();
    });
    await expect(missing).rejects.toMatchObject({ code: "ItemNotFound" });
    await expect(attempt((ws) => ws.getRange("A1").load("valuess"))).rejects.toMatchObject({ code: "InvalidArgument" });
    const alert = (message: string) => attempt((ws) => (ws.getRange("A1").dataValidation.errorAlert = { message, showAlert: true, style: "Stop", title: "Sai" }));
    await alert("x".repeat(225));
    await expect(alert("x".repeat(226))).rejects.toMatchObject({ code: "InvalidArgument" });
    const prompt = (title: string, message: string) => attempt((ws) => (ws.getRange("A1").dataValidation.prompt = { message, showPrompt: true, title }));
    await prompt("t".repeat(32), "x".repeat(255));
    await expect(prompt("t".repeat(33), "x")).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(prompt("t", "x".repeat(256))).rejects.toMatchObject({ code: "InvalidArgument" });
  });
  /** learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values */
  it("treats null and empty strings as Excel documents them", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "Sheet1", cells: { A1: 1, B1: 2 } }] });
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      range.numberFormat = [["0.0", "0.0"]];
      range.values = [[null, 5]];
      await context.sync();
      range.numberFormat = [["", null]];
      await context.sync();
    });
    expect(fake.cell("Sheet1", "A1")).toMatchObject({ value: 1, numberFormat: "General" });
    expect(fake.cell("Sheet1", "B1")).toMatchObject({ value: 5, numberFormat: "0.0" });
    const whole = fake.run(async (context) => {
      (context.workbook.worksheets.getItem("Sheet1").getRange("A1") as { values: unknown }).values = null;
      await context.sync();
    });
    await expect(whole).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});
