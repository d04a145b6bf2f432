import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DETAIL_SHEET, RESULT_SHEET } from "../../src/core/layout";
import { SAMPLE_SETUP, SAMPLE_UNITS } from "../../src/core/sample/demo-units";
import type { Finding } from "../../src/core/validate";
import { runCli } from "../support/cli";
import { readXlsx } from "../support/exceljs-reader";
import { fillTemplate, type FormValues } from "../support/fill";
import { recalculateWithLibreOffice } from "../support/soffice";
import { validateWorkbook } from "../support/worded";
import { cellsA1 } from "../support/a1";

/*
 * The ward's figures from real unit workbooks: templates made by `cchc
 * template`, filled as an officer would (ExcelJS), aggregated by `cchc
 * aggregate` with the ward's setup, the ward workbook read back.
 */

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-ward-"));
  fs.mkdirSync(path.join(dir, "don-vi"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const cchc = (...argv: string[]) => runCli("2026-06-12T08:00:00Z", argv);
const out = () => path.join(dir, "phuong.xlsx");
const setupFile = (setup: object = SAMPLE_SETUP) => {
  const file = path.join(dir, "don-vi-cua-phuong.json");
  fs.writeFileSync(file, JSON.stringify(setup));
  return file;
};

const templates = new Map<string, Uint8Array>();
/** A unit's template, made once per unit and form list by the CLI. */
async function template(unit: string, forms: string[]): Promise<Uint8Array> {
  const key = `${unit}|${forms}`;
  if (!templates.has(key)) {
    const file = path.join(os.tmpdir(), `cchc-ward-tpl-${templates.size}-${process.pid}.xlsx`);
    const r = await cchc("template", "--unit", unit, "--period", "2026-H1", "--forms", forms.join(","), "-o", file);
    if (r.code !== 0) throw new Error(r.err);
    templates.set(key, new Uint8Array(fs.readFileSync(file)));
    fs.rmSync(file);
  }
  return templates.get(key)!;
}

/** Writes a unit's filled workbook into the folder of unit files. */
async function send(file: string, unit: string, values: FormValues): Promise<void> {
  fs.writeFileSync(path.join(dir, "don-vi", file), await fillTemplate(await template(unit, Object.keys(values)), values));
}

/** The demo's four units, as the demo fills them (its planted mistakes included), with KT's note. */
async function sendDemoUnits(): Promise<void> {
  for (const u of SAMPLE_UNITS) {
    const values: FormValues = {};
    for (const [form, rows] of Object.entries(u.figures)) {
      values[form] = {};
      for (const [stt, v] of Object.entries(rows)) values[form][stt] = u.notes?.[form]?.[stt] ? { value: v, note: u.notes[form][stt] } : v;
    }
    await send(`${u.code}.xlsx`, u.name, values);
  }
}

const json = async (...extra: string[]) => {
  const r = await cchc("aggregate", "--json", "--units", setupFile(), "-o", out(), ...extra, path.join(dir, "don-vi"));
  if (r.code !== 0) throw new Error(`${r.code} ${r.err}`);
  return JSON.parse(r.out) as { ward: string; findings: Finding[]; forms: Record<string, { mode: string; lead?: { code: string } }> };
};

const sheetText = (book: Awaited<ReturnType<typeof readXlsx>>) => book.sheets.flatMap((s) => Object.values(cellsA1(s)).map((c) => String(c.value ?? "")));

describe("cchc aggregate with the ward's setup, on real unit workbooks", () => {
  it("the ward's figures checked: a rule broken by two units' figures and a likely double count are in the JSON, the text and the ward sheets", async () => {
    await sendDemoUnits();
    const result = await json();
    expect(result.ward).toBe("Phường Hòa An (dữ liệu mẫu)");
    expect(result.forms.BM1).toEqual({ mode: "sum", lead: { code: "VHXH", name: "Phòng Văn hóa - Xã hội" } });
    expect(result.forms.BM6).toMatchObject({ mode: "lead", lead: { code: "KT" } });
    const ward = result.findings.filter((f) => f.file === undefined);
    expect(ward.map((f) => [f.code, f.form, f.row, f.cell, f.units])).toEqual([
      ["DOUBLE_COUNT_SUSPECTED", "BM1", "2.1", "BM1!D10", ["Phòng Văn hóa - Xã hội", "Phòng Kinh tế, Hạ tầng và Đô thị"]],
      ["DOUBLE_COUNT_SUSPECTED", "BM1", "2.2", "BM1!D11", ["Phòng Văn hóa - Xã hội", "Phòng Kinh tế, Hạ tầng và Đô thị"]],
      ["CROSS_FORM_MISMATCH", "BM5", "1.2", "BM5!D10", ["Phòng Văn hóa - Xã hội", "Phòng Kinh tế, Hạ tầng và Đô thị"]],
      ["PART_EXCEEDS_WHOLE", "BM7", "1.3.2", "BM7!D17", ["Trung tâm Phục vụ hành chính công"]],
    ]);

    const text = await cchc("aggregate", "--units", setupFile(), "-o", out(), path.join(dir, "don-vi"));
    expect(text.code).toBe(0);
    expect(text.out).toContain(
      "  Cách tổng hợp: BM1 cộng các đơn vị; BM2 theo VP; BM3 theo TTPVHCC; BM4 theo VHXH; BM5 theo VHXH; BM6 theo KT; BM7 theo TTPVHCC.",
    );
    expect(text.out).toContain(
      "  Lỗi       BM5 1.2: Dòng này (19) lớn hơn BM6 dòng 2.1 (10). (ô BM5!D10; đơn vị: Phòng Văn hóa - Xã hội, Phòng Kinh tế, Hạ tầng và Đô thị) [CROSS_FORM_MISMATCH]",
    );
    expect(text.out).toContain(
      "  Cảnh báo  BM1 2.1: Có thể tính trùng: VHXH, KT cùng ghi 30 (và cùng ghi 2.2 = 16); số của phường đang cộng cả 2 đơn vị thành 78.",
    );

    const book = await readXlsx(new Uint8Array(fs.readFileSync(out())));
    const cell = (sheet: string, address: string) => cellsA1(book.sheets.find((s) => s.name === sheet)!)[address];
    // The finding in the row's Ghi chú, the cell marked; the unit's note carried, prefixed with the unit.
    expect(String(cell("BM5", "E10").value)).toBe("Lỗi: Dòng này (19) lớn hơn BM6 dòng 2.1 (10).");
    expect(cell("BM6", "E9").value).toBe("KT: Số liệu theo QĐ giao vốn");
    expect(String(cell("BM7", "E17").value).split("\n")).toEqual([
      "Lỗi: Dòng 1.3.2 (372) lớn hơn dòng 1.3.1 (352).",
      "TTPVHCC (lỗi trong tệp của đơn vị): Dòng 1.3.2 (372) lớn hơn dòng 1.3.1 (352).",
    ]);
    const detail = book.sheets.find((s) => s.name === DETAIL_SHEET)!;
    expect(Object.values(cellsA1(detail)).map((c) => c.value)).toEqual(
      expect.arrayContaining(["Cách tổng hợp", "Ghi chú của đơn vị", "Cộng các đơn vị", "Theo KT", "KT: Số liệu theo QĐ giao vốn"]),
    );
    expect(Object.values(cellsA1(book.sheets.find((s) => s.name === RESULT_SHEET)!)).map((c) => c.value)).toContain(
      "Phòng Văn hóa - Xã hội, Phòng Kinh tế, Hạ tầng và Đô thị",
    );
    // The ward's workbook validates to the same ward findings (the rules that read figures).
    expect(validateWorkbook(book).findings.map((f) => [f.code, f.cell])).toEqual([
      ["CROSS_FORM_MISMATCH", "BM5!D10"],
      ["PART_EXCEEDS_WHOLE", "BM7!D17"],
    ]);
  });

  it("LibreOffice computes the ward's formulas to the figures the aggregation reports, the copied figures included", async () => {
    await sendDemoUnits();
    await json();
    const recalculated = await readXlsx(await recalculateWithLibreOffice(new Uint8Array(fs.readFileSync(out())), "phuong.xlsx"));
    const bm1 = recalculated.sheets.find((s) => s.name === "BM1")!;
    // 2.1 = 30 + 12 + 6 + 30 (KT's copy summed in, and flagged), 2.2 = 16 + 6 + 3 + 16; ratio 2 = 41 / 78 × 100.
    expect([cellsA1(bm1).D10.value, cellsA1(bm1).D11.value]).toEqual([78, 41]);
    expect(cellsA1(bm1).D9.value).toBeCloseTo((41 / 78) * 100, 9);
    const check = validateWorkbook(recalculated);
    expect(check.figures.BM7["1.1"]).toBe(100);
  }, 120_000);

  it("lead: two units each sending BM7 1.1.1 = 219 give the ward 219, the centre's 5 staff inside VHXH's 586 give 586", async () => {
    await send("tt.xlsx", "Trung tâm Phục vụ hành chính công", { BM4: { "2.1": 5, "2.2": 5 }, BM7: { "1.1.1": 219, "1.1.2": 219 } });
    await send("vhxh.xlsx", "Phòng Văn hóa - Xã hội", { BM4: { "2.1": 586, "2.2": 573 }, BM7: { "1.1.1": 219, "1.1.2": 219 } });
    const r = await cchc("aggregate", "--json", "--units", setupFile(), "-o", out(), path.join(dir, "don-vi"));
    const result = JSON.parse(r.out) as { findings: Finding[] };
    const figures = validateWorkbook(await readXlsx(new Uint8Array(fs.readFileSync(out())))).figures;
    expect(figures.BM7["1.1.1"]).toBe(219);
    expect(figures.BM4["2.1"]).toBe(586);
    expect(result.findings.filter((f) => f.code === "DOUBLE_COUNT_SUSPECTED" || f.code === "VALUES_CONFLICT")).toEqual([]);
    expect(result.findings.find((f) => f.code === "LEAD_REPEATED")).toMatchObject({ severity: "info", form: "BM7" });
  });

  it("sum: a single small coincidence is not flagged (two units each issued 2 documents)", async () => {
    await send("vhxh.xlsx", "Phòng Văn hóa - Xã hội", { BM1: { "1": 2, "2.1": 30, "2.2": 16 } });
    await send("vp.xlsx", "Văn phòng HĐND và UBND", { BM1: { "1": 2, "2.1": 12, "2.2": 6 } });
    const result = await json();
    expect(result.findings.filter((f) => f.code === "DOUBLE_COUNT_SUSPECTED")).toEqual([]);
    expect(validateWorkbook(await readXlsx(new Uint8Array(fs.readFileSync(out())))).figures.BM1["1"]).toBe(4);
  });

  it("no ward name is made up: without --ward and without one in the setup, one line names both ways, exit 2, nothing written", async () => {
    await sendDemoUnits();
    const { ward: _ward, ...nameless } = SAMPLE_SETUP;
    for (const units of [[], ["--units", setupFile(nameless)]]) {
      const r = await cchc("aggregate", ...units, "-o", out(), path.join(dir, "don-vi"));
      expect(r.code).toBe(2);
      expect(r.err).toBe(
        'Lỗi: Chưa có tên phường, xã để ghi lên báo cáo: thêm --ward "Phường …", hoặc ghi "ward" trong tệp danh sách đơn vị của phường (--units).',
      );
      expect(fs.existsSync(out())).toBe(false);
    }
    const en = await cchc("aggregate", "--lang", "en", "-o", out(), path.join(dir, "don-vi"));
    expect(en.err).toMatch(/^Error: No ward name to write on the report: add --ward/);
    // Given on the command line, it is the one written; the built-in setup's would be none.
    expect((await cchc("aggregate", "--ward", "Phường Ái Quốc", "-o", out(), path.join(dir, "don-vi"))).code).toBe(0);
    const texts = sheetText(await readXlsx(new Uint8Array(fs.readFileSync(out()))));
    expect(texts.some((t) => t.includes("Phường Ái Quốc"))).toBe(true);
    expect(texts.some((t) => /Nhị Chiểu/.test(t))).toBe(false);
  });
});
