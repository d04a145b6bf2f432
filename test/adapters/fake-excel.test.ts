import {
  FAKE_CALL_OVERHEAD_BYTES,
  FAKE_LOAD_OVERHEAD_BYTES,
  FakeExcel,
  type FakeExcelOptions,
  referenceEvaluator,
  replaceSheetRefs,
  sheetRefName,
  utf8Length,
} from "./fake-excel";

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

  it("fails the k-th sync on request, after applying the first afterOps calls, and records a batch for each", async () => {
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
    // The payload is measured for a failing sync too.
    expect(fake.batches).toHaveLength(2);
    expect(fake.batches.every((b) => b.requestBytes > 0)).toBe(true);
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
    const alert = (message: string) =>
      attempt((ws) => (ws.getRange("A1").dataValidation.errorAlert = { message, showAlert: true, style: "Stop", title: "Sai" }));
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

/**
 * Excel on the web: "Requests and responses are limited to 5MB"
 * (learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins);
 * RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded
 * (learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
 */
describe("the fake Excel has the payload limit of Excel on the web", () => {
  const ROWS = 5000;
  const COLS = 12;
  /** ROWS × COLS texts of `width` characters: about ROWS·COLS·(width+3) bytes of JSON. */
  const grid = (width: number, ch = "x") => Array.from({ length: ROWS }, (_, r) => Array.from({ length: COLS }, (_, c) => `${r}-${c}-`.padEnd(width, ch)));
  const seeded = (width: number, options: { payloadLimitBytes?: number } = {}) => {
    const cells: Record<string, string> = {};
    grid(width).forEach((row, r) => row.forEach((text, c) => (cells[`${String.fromCharCode(65 + c)}${r + 1}`] = text)));
    return new FakeExcel({ ...options, sheets: [{ name: "BM1", cells }] });
  };

  it("counts each sync's request as the UTF-8 bytes of its calls' labels plus a fixed overhead per call", async () => {
    const fake = new FakeExcel();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      range.values = [["Ủy ban", 1]];
      await context.sync();
      range.load("values");
      await context.sync();
    });
    expect(fake.calls[1]).toContain('.values=[["Ủy ban",1]]');
    expect(utf8Length("Ủy ban")).toBe(8);
    expect(fake.batches).toHaveLength(2);
    const requestOf = (labels: string[]) => labels.reduce((sum, l) => sum + Buffer.byteLength(l, "utf8") + FAKE_CALL_OVERHEAD_BYTES, 0);
    expect(fake.batches[0].requestBytes).toBe(requestOf(fake.calls.slice(0, 2)));
    expect(fake.batches[0].responseBytes).toBe(0);
    expect(fake.batches[1].requestBytes).toBe(requestOf(fake.calls.slice(2)));
    expect(fake.batches[1].responseBytes).toBe(Buffer.byteLength('[["Ủy ban",1]]', "utf8") + FAKE_LOAD_OVERHEAD_BYTES);
  });

  it("puts every argument's JSON in the call's label (values, formulas, formats, validation)", async () => {
    const fake = new FakeExcel();
    const rule = { list: { inCellDropDown: true, source: "Có,Không" } };
    const prompt = { showPrompt: true, title: "Nhập", message: "Chọn Có hoặc Không" };
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      range.formulas = [["=SUM(B1:B9)"]];
      range.numberFormat = [["#,##0"]];
      range.dataValidation.rule = rule;
      range.dataValidation.prompt = prompt;
      await context.sync();
    });
    expect(fake.calls.some((c) => c.endsWith(`.formulas=${JSON.stringify([["=SUM(B1:B9)"]])}`))).toBe(true);
    expect(fake.calls.some((c) => c.endsWith(`.numberFormat=${JSON.stringify([["#,##0"]])}`))).toBe(true);
    expect(fake.calls.some((c) => c.endsWith(`.rule=${JSON.stringify(rule)}`))).toBe(true);
    expect(fake.calls.some((c) => c.endsWith(`.prompt=${JSON.stringify(prompt)}`))).toBe(true);
  });

  it("refuses a request over 5 MB before doing any of it; desktop Excel (Infinity) takes it", async () => {
    const big = grid(100); // 5,000 × 12 × ~103 bytes ≈ 6.2 MB
    const fake = new FakeExcel({ sheets: [{ name: "BM1", cells: { A1: "giữ nguyên" } }] });
    const before = fake.snapshot();
    const run = fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("BM1");
      ws.getRange("M1").values = [["trước"]];
      ws.getRange(`A1:L${ROWS}`).values = big;
      await context.sync();
    });
    await expect(run).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(fake.snapshot()).toEqual(before);
    expect(fake.applied).toEqual([]);
    expect(fake.batches).toHaveLength(1);
    expect(fake.batches[0].requestBytes).toBeGreaterThan(5_000_000);
    expect(fake.batches[0].responseBytes).toBe(0);

    const desktop = new FakeExcel({ payloadLimitBytes: Infinity, sheets: [{ name: "BM1" }] });
    await desktop.run(async (context) => {
      context.workbook.worksheets.getItem("BM1").getRange(`A1:L${ROWS}`).values = big;
      await context.sync();
    });
    expect(desktop.cell("BM1", `L${ROWS}`).value).toBe(big[ROWS - 1][COLS - 1]);
  });

  it("splitting the same data over two syncs stays under the limit", async () => {
    const big = grid(100);
    const fake = new FakeExcel({ sheets: [{ name: "BM1" }] });
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("BM1");
      ws.getRange(`A1:L${ROWS / 2}`).values = big.slice(0, ROWS / 2);
      await context.sync();
      ws.getRange(`A${ROWS / 2 + 1}:L${ROWS}`).values = big.slice(ROWS / 2);
      await context.sync();
    });
    expect(fake.batches.map((b) => b.requestBytes < 5_000_000)).toEqual([true, true]);
    expect(fake.cell("BM1", `L${ROWS}`).value).toBe(big[ROWS - 1][COLS - 1]);
  });

  it("refuses a response over 5 MB after doing the request: writes stay, nothing loaded is readable", async () => {
    const fake = seeded(90); // loading A1:L5000 answers ≈ 5.6 MB
    const started = Date.now();
    let range: Excel.Range | undefined;
    const run = fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("BM1");
      ws.getRange("M1").values = [["đã ghi"]];
      range = ws.getRange(`A1:L${ROWS}`).load("values");
      await context.sync();
    });
    await expect(run).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(fake.cell("BM1", "M1").value).toBe("đã ghi");
    expect(() => range!.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    expect(fake.batches).toHaveLength(1);
    expect(fake.batches[0].requestBytes).toBeLessThan(5_000_000);
    expect(fake.batches[0].responseBytes).toBeGreaterThan(5_000_000);

    // Half the rows per sync: both answers fit.
    const values = await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("BM1");
      const top = ws.getRange(`A1:L${ROWS / 2}`).load("values");
      await context.sync();
      const bottom = ws.getRange(`A${ROWS / 2 + 1}:L${ROWS}`).load("values");
      await context.sync();
      return [...top.values, ...bottom.values];
    });
    expect(values).toEqual(grid(90));
    expect(fake.batches.slice(1).every((b) => b.responseBytes < 5_000_000)).toBe(true);
  });

  it("counts the response of a worksheet collection load, and honours a lower limit", async () => {
    const fake = new FakeExcel({ payloadLimitBytes: 1000, sheets: [{ name: "BM1" }, { name: "BM2" }] });
    const names = await fake.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      return sheets.items.map((s) => s.name);
    });
    expect(names).toEqual(["BM1", "BM2"]);
    expect(fake.batches[0].responseBytes).toBe(Buffer.byteLength(JSON.stringify([{ name: "BM1" }, { name: "BM2" }])) + FAKE_LOAD_OVERHEAD_BYTES);
    const run = fake.run(async (context) => {
      context.workbook.worksheets.getItem("BM1").getRange("A1").values = [["x".repeat(1000)]];
      await context.sync();
    });
    await expect(run).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(fake.cell("BM1", "A1").value).toBeNull();
  });
});

/**
 * APIs for rewriting a sheet in place: Range.clear (Excel.ClearApplyTo,
 * learn.microsoft.com/javascript/api/excel/excel.clearapplyto), RangeFormat.useStandardHeight/Width
 * (ExcelApi 1.7, learn.microsoft.com/javascript/api/excel/excel.rangeformat), Range.rowHidden/columnHidden
 * (ExcelApi 1.2, learn.microsoft.com/javascript/api/excel/excel.range), Range.conditionalFormats.clearAll
 * (ExcelApi 1.6, learn.microsoft.com/javascript/api/excel/excel.conditionalformatcollection), and
 * Worksheet.getRange() with no address: "the entire worksheet range" (learn.microsoft.com/javascript/api/excel/excel.worksheet).
 */
describe("the fake Excel can rewrite a sheet in place", () => {
  /** A1:B2 with values, formats, a merge, a validation and a conditional format; row and column sizes; hidden row and column. */
  const dressed = async (fake: FakeExcel, sheet = "Sheet1") =>
    fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      const range = ws.getRange("A1:B2");
      range.numberFormat = [
        ["0.0", "@"],
        ["0.0", "@"],
      ];
      range.values = [
        [1, "a"],
        ["=A1*2", "b"],
      ];
      range.format.fill.color = "#FFFF00";
      range.format.font.bold = true;
      range.format.wrapText = true;
      range.format.horizontalAlignment = "Center";
      range.format.borders.getItem("EdgeTop").style = "Continuous";
      range.format.protection.locked = false;
      range.dataValidation.rule = { wholeNumber: { operator: "GreaterThan", formula1: 0 } };
      ws.getRange("C1:D1").merge();
      ws.getRange("A:A").format.columnWidth = 100;
      ws.getRange("C:C").format.columnWidth = 50;
      ws.getRange("1:1").format.rowHeight = 30;
      ws.getRange("9:9").format.rowHeight = 40;
      ws.getRange("5:6").rowHidden = true;
      ws.getRange("E:E").columnHidden = true;
      await context.sync();
    });
  const withCf = (extra: FakeExcelOptions = {}) => new FakeExcel({ sheets: [{ name: "Sheet1", conditionalFormats: ["A1:B2", "H1:H9"] }], ...extra });

  it("clear('Contents') clears values and formulas only", async () => {
    const fake = withCf();
    await dressed(fake);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").clear("Contents");
      await context.sync();
    });
    expect(fake.cell("Sheet1", "A2")).toMatchObject({ value: null, formula: null, numberFormat: "0.0", fill: "#FFFF00", locked: false });
    expect(fake.cell("Sheet1", "B1").validation).not.toBeNull();
    expect(fake.sheet("Sheet1").merges).toEqual(["C1:D1"]);
    expect(fake.sheet("Sheet1").conditionalFormats).toEqual(["A1:B2", "H1:H9"]);
  });

  it("clear('Formats') resets formats, locking, merges and conditional formats, keeping values", async () => {
    const fake = withCf();
    await dressed(fake);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:D2").clear("Formats");
      await context.sync();
    });
    const a2 = fake.cell("Sheet1", "A2");
    expect(a2).toMatchObject({
      formula: "=A1*2",
      numberFormat: "General",
      fill: null,
      locked: true,
      wrapText: false,
      horizontalAlignment: "General",
      borders: {},
    });
    expect(a2.font.bold).toBe(false);
    expect(fake.cell("Sheet1", "B1").value).toBe("a");
    expect(fake.sheet("Sheet1").merges).toEqual([]);
    expect(fake.sheet("Sheet1").conditionalFormats).toEqual(["H1:H9"]);
  });

  it("clear() (All) empties the cells: they leave the used range; data validation stays", async () => {
    const fake = withCf();
    await dressed(fake);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A2:D2").clear();
      await context.sync();
    });
    expect(fake.calls.some((c) => c.endsWith('getRange("A2:D2").clear()'))).toBe(true);
    expect(fake.cell("Sheet1", "A2")).toMatchObject({ value: null, formula: null, numberFormat: "General", fill: null, locked: true });
    expect(fake.cell("Sheet1", "A2").validation).not.toBeNull();
    expect(fake.cell("Sheet1", "A1")).toMatchObject({ value: 1, fill: "#FFFF00" });
    expect(fake.sheet("Sheet1").merges).toEqual(["C1:D1"]); // C1:D1 does not meet row 2
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:B2").dataValidation.clear();
      ws.getRange("A1:B2").clear("All");
      await context.sync();
    });
    expect(fake.sheet("Sheet1").cells.size).toBe(0);
    expect(fake.sheet("Sheet1").conditionalFormats).toEqual(["H1:H9"]);
  });

  it("refuses clear on a protected sheet as the setters do, and the hyperlink kinds below ExcelApi 1.7", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "Sheet1" }] });
    await dressed(fake);
    const protect = (options: Excel.WorksheetProtectionOptions) =>
      fake.run(async (context) => {
        const protection = context.workbook.worksheets.getItem("Sheet1").protection;
        protection.unprotect();
        protection.protect(options);
        await context.sync();
      });
    const clear = (address: string, applyTo?: "All" | "Formats" | "Contents") =>
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange(address).clear(applyTo);
        await context.sync();
      });
    await protect({});
    await expect(clear("A1:B2", "Formats")).rejects.toMatchObject({ code: "AccessDenied" });
    await expect(clear("A1:C1", "Contents")).rejects.toMatchObject({ code: "AccessDenied" }); // C1 is locked
    await protect({ allowFormatCells: true });
    // Formats would lock the unlocked input cells again: refused like format.protection.locked.
    await expect(clear("A1:B2", "Formats")).rejects.toMatchObject({ code: "AccessDenied" });
    await expect(clear("C1:D1", "Formats")).rejects.toMatchObject({ code: "AccessDenied" }); // unmerges
    await clear("F1:G1", "Formats");
    await clear("A1:B2", "Contents");
    expect(fake.cell("Sheet1", "A1")).toMatchObject({ value: null, locked: false, numberFormat: "0.0" });

    const old = new FakeExcel({ apiVersion: "1.6" });
    for (const kind of ["Hyperlinks", "RemoveHyperlinks"] as const) {
      const run = old.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").clear(kind);
        await context.sync();
      });
      await expect(run).rejects.toMatchObject({ code: "ApiNotFound" });
    }
  });

  it("useStandardHeight / useStandardWidth put rows and columns back to the default (ExcelApi 1.7)", async () => {
    const fake = new FakeExcel();
    await dressed(fake);
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:B5").format.useStandardHeight = true;
      ws.getRange("B1:C1").format.useStandardWidth = true;
      ws.getRange("A9").format.useStandardHeight = false; // "Setting it to false has no effect"
      await context.sync();
    });
    expect([...fake.sheet("Sheet1").rowHeights]).toEqual([[9, 40]]);
    expect([...fake.sheet("Sheet1").columnWidths]).toEqual([[1, 100]]);

    const old = new FakeExcel({ apiVersion: "1.6" });
    const run = old.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").format.useStandardHeight = true;
      await context.sync();
    });
    await expect(run).rejects.toMatchObject({ code: "ApiNotFound" });
    const locked = new FakeExcel({ sheets: [{ name: "S", protect: true, protectOptions: { allowFormatRows: true } }] });
    await locked.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("1:3").format.useStandardHeight = true;
      await context.sync();
    });
    const width = locked.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A:C").format.useStandardWidth = true;
      await context.sync();
    });
    await expect(width).rejects.toMatchObject({ code: "AccessDenied" });
  });

  it("hides and shows rows and columns through range.rowHidden / columnHidden (ExcelApi 1.2)", async () => {
    const fake = new FakeExcel();
    const read = await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("3:5").rowHidden = true;
      ws.getRange("B1:C1").columnHidden = true;
      await context.sync();
      const all = ws.getRange("4:5").load("rowHidden");
      const some = ws.getRange("A1:A4").load("rowHidden,columnHidden");
      const columns = ws.getRange("B:C").load("columnHidden");
      await context.sync();
      return [all.rowHidden, some.rowHidden, some.columnHidden, columns.columnHidden];
    });
    expect(read).toEqual([true, null, false, true]);
    expect([...fake.sheet("Sheet1").hiddenRows]).toEqual([3, 4, 5]);
    expect([...fake.sheet("Sheet1").hiddenColumns]).toEqual([2, 3]);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("4:4").rowHidden = false;
      await context.sync();
    });
    expect([...fake.sheet("Sheet1").hiddenRows]).toEqual([3, 5]);

    const locked = new FakeExcel({ sheets: [{ name: "S", protect: true, protectOptions: { allowFormatColumns: true } }] });
    const hideRow = locked.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("2:2").rowHidden = true;
      await context.sync();
    });
    await expect(hideRow).rejects.toMatchObject({ code: "AccessDenied" });
    await locked.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("B:B").columnHidden = true;
      await context.sync();
    });
    expect([...locked.sheet("S").hiddenColumns]).toEqual([2]);
  });

  it("conditionalFormats.clearAll() removes the formats meeting the range (ExcelApi 1.6)", async () => {
    const fake = withCf();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("B2:C3").conditionalFormats.clearAll();
      await context.sync();
    });
    expect(fake.sheet("Sheet1").conditionalFormats).toEqual(["H1:H9"]);
    const old = withCf({ apiVersion: "1.5" });
    const run = old.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").conditionalFormats.clearAll();
      await context.sync();
    });
    await expect(run).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  it("getRange() with no address is the whole sheet for clear, sizes, hiding, validation, merges and conditional formats", async () => {
    const fake = withCf();
    await dressed(fake);
    const address = await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const sheet = ws.getRange();
      sheet.dataValidation.clear();
      sheet.unmerge();
      sheet.conditionalFormats.clearAll();
      sheet.clear();
      sheet.format.useStandardHeight = true;
      sheet.format.useStandardWidth = true;
      sheet.rowHidden = false;
      sheet.columnHidden = false;
      sheet.load("address");
      await context.sync();
      return sheet.address;
    });
    expect(address).toBe("Sheet1!A:XFD");
    const sheet = fake.sheet("Sheet1");
    expect(sheet.cells.size).toBe(0);
    expect(sheet.merges).toEqual([]);
    expect(sheet.conditionalFormats).toEqual([]);
    expect(sheet.rowHeights.size + sheet.columnWidths.size + sheet.hiddenRows.size + sheet.hiddenColumns.size).toBe(0);
  });

  it("refuses a whole-sheet clear of contents on a protected sheet (cells nothing was written to are locked)", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "S", protect: true, protectOptions: { allowFormatCells: true } }] });
    const run = fake.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange().clear("Contents");
      await context.sync();
    });
    await expect(run).rejects.toMatchObject({ code: "AccessDenied" });
  });
});

/**
 * Excel follows a renamed sheet in every formula that refers to it, and turns references to a deleted
 * sheet into #REF! (support.microsoft.com/office/how-to-correct-a-ref-error-822c8e46-3cb6-4b3a-a7b1-e1d4c3a4c5f5:
 * "This happens most often when cells that were referenced by formulas get deleted").
 */
describe("the fake Excel keeps references across renamed and deleted sheets", () => {
  const workbook = () =>
    new FakeExcel({
      evaluateReferences: true,
      sheets: [
        { name: "BM1", cells: { D8: 42, D9: "=D8", E1: "=BM1!D8" } },
        { name: "Kết quả tổng hợp", cells: { D8: "tổng" } },
        {
          name: "Của tôi",
          cells: {
            A1: "='Kết quả tổng hợp'!D8",
            A2: "=BM1!D8",
            A3: "=SUM(bm1!D8:D9)+Other!A1+XBM1!A1",
            A4: '="BM1!D8 "&BM1!$D$8',
            A5: "='BM1'!D9",
            A6: "=1+2",
          },
        },
      ],
    });
  const read = (fake: FakeExcel, address = "A1:A6") =>
    fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Của tôi").getRange(address).load("values,formulas,valueTypes");
      await context.sync();
      return { values: range.values.map((r) => r[0]), formulas: range.formulas.map((r) => r[0]), types: range.valueTypes.map((r) => r[0]) };
    });
  const rename = (fake: FakeExcel, from: string, to: string) =>
    fake.run(async (context) => {
      context.workbook.worksheets.getItem(from).name = to;
      await context.sync();
    });

  it("evaluates single references, also across sheets and through a referenced formula", async () => {
    const fake = workbook();
    const { values, types } = await read(fake);
    expect(values).toEqual(["tổng", 42, "", "", 42, ""]);
    expect(types.slice(0, 2)).toEqual(["String", "Double"]);
  });

  it("rewrites references in every sheet when a sheet is renamed, quoting the new name when needed", async () => {
    const fake = workbook();
    await rename(fake, "BM1", "Kết quả");
    const { values, formulas } = await read(fake);
    expect(formulas).toEqual([
      "='Kết quả tổng hợp'!D8",
      "='Kết quả'!D8",
      "=SUM('Kết quả'!D8:D9)+Other!A1+XBM1!A1",
      "=\"BM1!D8 \"&'Kết quả'!$D$8",
      "='Kết quả'!D9",
      "=1+2",
    ]);
    expect(values.slice(0, 2)).toEqual(["tổng", 42]);
    expect(values[4]).toBe(42);
    expect(fake.cell("Kết quả", "E1").formula).toBe("='Kết quả'!D8");
    expect(fake.cell("Kết quả", "D9").formula).toBe("=D8");

    await rename(fake, "Kết quả", "It's");
    expect(fake.cell("Của tôi", "A2").formula).toBe("='It''s'!D8");
    await rename(fake, "it's", "Tong_hop");
    expect(fake.cell("Của tôi", "A2").formula).toBe("=Tong_hop!D8");
    expect((await read(fake)).values[1]).toBe(42);
  });

  it("turns references to a deleted sheet into #REF!, which reads as an error", async () => {
    const fake = workbook();
    await rename(fake, "BM1", "Mới");
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Mới").delete();
      await context.sync();
    });
    const { values, formulas, types } = await read(fake);
    expect(formulas).toEqual(["='Kết quả tổng hợp'!D8", "=#REF!D8", "=SUM(#REF!D8:D9)+Other!A1+XBM1!A1", '="BM1!D8 "&#REF!$D$8', "=#REF!D9", "=1+2"]);
    expect(values.slice(0, 2)).toEqual(["tổng", "#REF!"]);
    expect(types[1]).toBe("Error");
    expect(values[4]).toBe("#REF!");
  });

  it("rewrites data validation formulas that refer to the sheet", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "Danh mục" }, { name: "BM1" }] });
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("BM1").getRange("A1");
      range.dataValidation.rule = { list: { inCellDropDown: true, source: "='Danh mục'!$A$1:$A$9" } };
      await context.sync();
    });
    await rename(fake, "Danh mục", "DM");
    expect(fake.cell("BM1", "A1").validation?.rule?.list?.source).toBe("=DM!$A$1:$A$9");
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("DM").delete();
      await context.sync();
    });
    expect(fake.cell("BM1", "A1").validation?.rule?.list?.source).toBe("=#REF!$A$1:$A$9");
  });

  it("quotes sheet names as formulas need them and replaces only whole sheet names", () => {
    expect(["BM_1", "Sheet.2", "Kết quả", "2026", "It's", "A1", "BM1", "R1C1", "TRUE", "Phụ-lục"].map(sheetRefName)).toEqual([
      "BM_1",
      "Sheet.2",
      "'Kết quả'",
      "'2026'",
      "'It''s'",
      "'A1'",
      "'BM1'",
      "'R1C1'",
      "'TRUE'",
      "'Phụ-lục'",
    ]);
    expect(replaceSheetRefs("=BM1!A1+ABM1!A1+BM1A!A1+BM1+'bm1'!B2", "BM1", "X")).toBe("=X!A1+ABM1!A1+BM1A!A1+BM1+X!B2");
  });

  it("referenceEvaluator works as the evaluate option, falls back to a given evaluator and stops at circular references", async () => {
    const fake: FakeExcel = new FakeExcel({
      evaluate: (...args) => evaluate(...args),
      sheets: [{ name: "S", cells: { A1: "=B1", B1: "=A1", C1: "=1+1", D1: "=C1", E1: "=Z9" } }],
    });
    const evaluate = referenceEvaluator(fake, (_sheet, _address, formula) => (formula === "=1+1" ? 2 : "?"));
    const values = await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRange("A1:E1").load("values");
      await context.sync();
      return range.values[0];
    });
    expect(values).toEqual([0, 0, 2, 2, 0]);
  });
});
