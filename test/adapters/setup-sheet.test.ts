import { createExcelHost } from "../../src/adapters/office/excel-host";
import {
  LOAD_SETUP_SYNCS,
  SAVE_SETUP_SYNCS,
  SETUP_MARKER,
  SETUP_MAX_CHARS,
  SETUP_PIECE,
  SETUP_ROWS,
  SETUP_SHEET,
  loadSetupFromExcel,
  saveSetupToExcel,
  splitSetup,
} from "../../src/adapters/office/setup-sheet";
import { FakeExcel, MAX_CELL_TEXT } from "./fake-excel";

const SETUP = JSON.stringify({
  ward: "Phường Ái Quốc",
  units: [{ code: "VHXH", name: "Phòng Văn hóa - Xã hội", aliases: ["VHXH"], forms: ["BM1", "BM4"] }],
  leads: { BM4: "VHXH" },
  combine: { BM1: "sum" },
});

/** The syncs a call makes on the fake. */
async function counted<T>(fake: FakeExcel, call: () => Promise<T>): Promise<{ value: T; syncs: number }> {
  const before = fake.syncCount;
  const value = await call();
  return { value, syncs: fake.syncCount - before };
}

describe("the ward's setup in the workbook (a very hidden sheet)", () => {
  it("is saved into a new very hidden sheet in two syncs, then read back in one", async () => {
    const fake = new FakeExcel();
    const saved = await counted(fake, () => saveSetupToExcel(fake.run, SETUP));
    expect(saved.syncs).toBe(SAVE_SETUP_SYNCS);
    expect(SAVE_SETUP_SYNCS).toBe(2);
    expect(fake.sheetNames()).toEqual(["Sheet1", SETUP_SHEET]);
    const sheet = fake.sheet(SETUP_SHEET);
    expect(sheet.visibility).toBe("VeryHidden");
    expect(fake.cell(SETUP_SHEET, "A1").value).toBe(SETUP_MARKER);
    // Text, so that Excel keeps it as written.
    expect(fake.cell(SETUP_SHEET, "A2").numberFormat).toBe("@");
    // The officer's sheet stays the active one.
    expect(fake.activeSheet()?.name).toBe("Sheet1");

    const loaded = await counted(fake, () => loadSetupFromExcel(fake.run));
    expect(loaded.syncs).toBe(LOAD_SETUP_SYNCS);
    expect(LOAD_SETUP_SYNCS).toBe(1);
    expect(loaded.value).toBe(SETUP);
  });

  it("reads nothing from a workbook without the sheet, in one sync and without an error", async () => {
    const fake = new FakeExcel();
    const loaded = await counted(fake, () => loadSetupFromExcel(fake.run));
    expect(loaded).toEqual({ value: undefined, syncs: 1 });
  });

  it("splits a long setup under Excel's limit per cell, and a shorter one saved later leaves nothing of it behind", async () => {
    const fake = new FakeExcel();
    const long = JSON.stringify({
      units: Array.from({ length: 600 }, (_, i) => ({
        code: `U${i}`,
        name: `Đơn vị số ${i} của phường`,
        aliases: [`Tên khác của đơn vị ${i}`],
        forms: ["BM1"],
      })),
    });
    expect(long.length).toBeGreaterThan(2 * SETUP_PIECE);
    await saveSetupToExcel(fake.run, long);
    const cells = [...fake.sheet(SETUP_SHEET).cells.values()].map((c) => String(c.value ?? ""));
    expect(Math.max(...cells.map((c) => c.length))).toBeLessThanOrEqual(MAX_CELL_TEXT);
    expect(await loadSetupFromExcel(fake.run)).toBe(long);

    const saved = await counted(fake, () => saveSetupToExcel(fake.run, SETUP));
    expect(saved.syncs).toBe(2);
    expect(fake.sheetNames()).toEqual(["Sheet1", SETUP_SHEET]);
    expect(await loadSetupFromExcel(fake.run)).toBe(SETUP);
    expect(fake.cell(SETUP_SHEET, "A3").value).toBeNull();
  });

  it("keeps a piece that begins like a formula as text", async () => {
    const fake = new FakeExcel();
    const json = `{"units":[],"x":"${"=".repeat(40)}"}`;
    await saveSetupToExcel(fake.run, json);
    expect(fake.cell(SETUP_SHEET, "A2").formula).toBeNull();
    expect(await loadSetupFromExcel(fake.run)).toBe(json);
  });

  it("says a sheet the add-in did not write holds no readable setup (the pane reports it and uses the default)", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "Sheet1" }, { name: SETUP_SHEET, cells: { A1: "ghi chú" }, visibility: "VeryHidden" }] });
    expect(await loadSetupFromExcel(fake.run)).toBe("");
  });

  it("refuses a setup larger than the sheet holds before touching the workbook", async () => {
    const fake = new FakeExcel();
    await expect(saveSetupToExcel(fake.run, "x".repeat(SETUP_MAX_CHARS + 1))).rejects.toBeInstanceOf(RangeError);
    expect(fake.syncCount).toBe(0);
    expect(SETUP_MAX_CHARS).toBe((SETUP_ROWS - 1) * SETUP_PIECE);
  });

  it("never splits a character outside the BMP between two cells", () => {
    const text = `${"a".repeat(4)}😀${"b".repeat(4)}`;
    const pieces = splitSetup(text, 5);
    expect(pieces.join("")).toBe(text);
    expect(pieces[0]).toBe("aaaa");
    expect(pieces[1].startsWith("😀")).toBe(true);
    expect(pieces.every((p) => p.length <= 5)).toBe(true);
  });

  it("is what the Excel host's loadSetup and saveSetup do", async () => {
    const fake = new FakeExcel();
    const host = createExcelHost({ run: fake.run });
    await host.saveSetup!(SETUP);
    const other = createExcelHost({ run: fake.run });
    const before = fake.syncCount;
    expect(await other.loadSetup!()).toBe(SETUP);
    expect(fake.syncCount - before).toBe(1);
  });

  it("is refused by the fake beyond Excel's limit per cell, as Excel refuses it", async () => {
    const fake = new FakeExcel();
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["x".repeat(MAX_CELL_TEXT + 1)]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});
