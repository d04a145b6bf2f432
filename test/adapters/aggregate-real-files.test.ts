import ExcelJS from "exceljs";
import { readXlsx } from "../support/exceljs-reader";
import { planToXlsx } from "../../src/adapters/xlsx/write-plan";
import { type UnitWorkbook } from "../../src/core/aggregate";
import { CATALOGUE } from "../../src/core/forms";
import { buildWardPlan, DETAIL_SHEET, META_SHEET, RESULT_SHEET, SUBMISSIONS_SHEET } from "../../src/core/layout";
import { SAMPLE_UNITS } from "../../src/core/sample/demo-units";
import { DEFAULT_REGISTRY, parseRegistry, type UnitRegistry } from "../../src/core/units";
import { fillTemplate } from "../support/fill";
import { period, templatePlan } from "../support/plans";
import { recalculateManyWithLibreOffice } from "../support/soffice";
import { aggregate, type AggregationResult, validateWorkbook } from "../support/worded";

type Figures = Record<string, Record<string, number>>;
interface Unit {
  file: string;
  name: string;
  forms: string[];
  figures: Figures;
}
type WardValues = Record<string, Record<string, number | null>>;

const CREATED = "2026-06-12T08:00:00.000Z";

/**
 * The demo ward's four units, with the demo's planted mistakes put right: clean inputs (BM7 1.3.2 ≤ 1.3.1 at the
 * centre; KT's own plan tasks, not VHXH's copied; KT's 19 staff under autonomy, as many as VHXH's BM5 1.2).
 */
const WARD_A: Unit[] = SAMPLE_UNITS.map((u) => ({
  file: `${u.code}-2026-H1.xlsx`,
  name: u.name,
  forms: u.forms,
  figures:
    u.code === "tt-pvhcc"
      ? { ...u.figures, BM7: { ...u.figures.BM7, "1.3.2": 340 } }
      : u.code === "kt"
        ? { ...u.figures, BM1: { ...u.figures.BM1, "2.1": 4, "2.2": 2 }, BM6: { ...u.figures.BM6, "2.1": 19, "2.4.3": 19 } }
        : u.figures,
}));

/** A second ward whose units report twice the counts and money; codes and percentages unchanged. */
const WARD_B: Unit[] = WARD_A.map((u) => ({
  ...u,
  file: `b-${u.file}`,
  figures: Object.fromEntries(
    Object.entries(u.figures).map(([form, rows]) => [
      form,
      Object.fromEntries(
        Object.entries(rows).map(([stt, v]) => {
          const kind = CATALOGUE.forms.find((f) => f.id === form)!.rows.find((r) => r.stt === stt)!.kind;
          return [stt, kind === "count" || kind === "money" ? v * 2 : v];
        }),
      ),
    ]),
  ),
}));

/**
 * The ward's figures computed here, from the units' own numbers and DOMAIN.md
 * alone: inputs summed (each form other than BM1 comes from its lead unit
 * alone, so lead and sum agree here), codes combined, the percentages (equal
 * in this data) taken as given, ratios and totals from the summed parts.
 */
function expectedWard(units: Unit[]): WardValues {
  const out: WardValues = {};
  for (const form of CATALOGUE.forms) {
    const v: Record<string, number | null> = {};
    const given = (stt: string) => units.map((u) => u.figures[form.id]?.[stt]).filter((x): x is number => typeof x === "number");
    for (const row of form.rows) {
      const xs = given(row.stt);
      if (row.kind === "count" || row.kind === "money") v[row.stt] = xs.length ? xs.reduce((a, b) => a + b, 0) : null;
      if (row.kind === "percent") {
        expect(new Set(xs).size).toBeLessThanOrEqual(1);
        v[row.stt] = xs[0] ?? null;
      }
      if (row.kind === "code" && row.stt === "5") v[row.stt] = xs.length ? (xs.includes(1) ? 1 : 0) : null;
      if (row.kind === "code" && row.stt === "4.3") v[row.stt] = xs.length ? (new Set(xs).size === 1 ? xs[0] : 2) : null;
    }
    for (const row of form.rows) {
      if (row.kind === "total") {
        const parts = row.sumOf!.map((s) => v[s]).filter((x): x is number => x !== null);
        v[row.stt] = parts.length ? parts.reduce((a, b) => a + b, 0) : null;
      }
    }
    for (const row of form.rows) {
      if (row.kind === "ratio") {
        const n = v[row.numerator!];
        const d = v[row.denominator!];
        v[row.stt] = n == null || d == null || d === 0 ? null : (n / d) * 100;
      }
    }
    out[form.id] = v;
  }
  return out;
}

/** Every figure of the ward equal to the one expected (ratios to 9 decimals), form by form and row by row. */
function expectValues(actual: WardValues, expected: WardValues): void {
  for (const form of CATALOGUE.forms) {
    for (const row of form.rows.filter((r) => r.kind !== "header")) {
      const want = expected[form.id][row.stt];
      const got = actual[form.id]?.[row.stt];
      const where = `${form.id} ${row.stt}`;
      if (want === null) expect({ where, got }).toEqual({ where, got: null });
      else {
        expect({ where, isNumber: typeof got === "number" }).toEqual({ where, isNumber: true });
        expect(got as number).toBeCloseTo(want, 9);
      }
    }
  }
}

/** A unit's template (`cchc template --unit … --period 2026-H1 --forms …`), filled in. */
async function unitFile(u: Unit): Promise<Uint8Array> {
  return fillTemplate(await planToXlsx(templatePlan(u.name, u.forms)), u.figures);
}

async function aggregateFiles(files: Record<string, Uint8Array>, registry: UnitRegistry, ward?: string): Promise<AggregationResult> {
  const workbooks: UnitWorkbook[] = [];
  for (const [file, bytes] of Object.entries(files)) workbooks.push({ file, book: await readXlsx(bytes) });
  return aggregate({ workbooks, registry, ward });
}

const wardXlsx = (result: AggregationResult) => planToXlsx(buildWardPlan(result, period(result.periodId), CREATED));

async function excel(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** The rows of a sheet as plain values, row 1 first (index 0), column A first. */
function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const cells: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => (cells[c - 1] = cell.value));
    rows[r - 1] = Array.from(cells, (x) => (x === undefined ? null : x));
  });
  return Array.from(rows, (x) => x ?? []);
}

describe("four unit workbooks from the template, recalculated by LibreOffice, aggregated into the ward's", () => {
  let ward: AggregationResult;
  let wardBytes: Uint8Array;
  let recalculatedWard: Uint8Array;
  let unitBooks: Record<string, Uint8Array>;
  const expected = expectedWard(WARD_A);

  let wardB: AggregationResult;
  let recalculatedWardB: Uint8Array;

  beforeAll(async () => {
    const made: Record<string, Uint8Array> = {};
    for (const u of [...WARD_A, ...WARD_B]) made[u.file] = await unitFile(u);
    const recalculated = await recalculateManyWithLibreOffice(made);
    unitBooks = Object.fromEntries(WARD_A.map((u) => [u.file, recalculated[u.file]]));
    ward = await aggregateFiles(unitBooks, DEFAULT_REGISTRY, "Phường Nhị Chiểu");
    wardB = await aggregateFiles(Object.fromEntries(WARD_B.map((u) => [u.file, recalculated[u.file]])), DEFAULT_REGISTRY, "Phường Ái Quốc");
    wardBytes = await wardXlsx(ward);
    const wards = await recalculateManyWithLibreOffice({ "nhi-chieu.xlsx": wardBytes, "ai-quoc.xlsx": await wardXlsx(wardB) });
    recalculatedWard = wards["nhi-chieu.xlsx"];
    recalculatedWardB = wards["ai-quoc.xlsx"];
  }, 600_000);

  it("each unit file is known by what the template recorded, and is clean", () => {
    expect(ward.files.map((f) => [f.file, f.unitCode, f.periodId, f.status, f.errors, f.warnings])).toEqual([
      ["vhxh-2026-H1.xlsx", "VHXH", "2026-H1", "used", 0, 0],
      ["vp-2026-H1.xlsx", "VP", "2026-H1", "used", 0, 0],
      ["tt-pvhcc-2026-H1.xlsx", "TTPVHCC", "2026-H1", "used", 0, 0],
      ["kt-2026-H1.xlsx", "KT", "2026-H1", "used", 0, 0],
    ]);
    expect(ward).toMatchObject({ ward: "Phường Nhị Chiểu", periodId: "2026-H1" });
  });

  it("the only finding is the registry's fifth unit, which sent nothing", () => {
    expect(ward.findings.map((f) => [f.code, f.form, f.message])).toEqual([["UNIT_MISSING", "BM1", "Trung tâm Dịch vụ sự nghiệp công chưa gửi số liệu BM1."]]);
  });

  it("every ward figure equals the one computed independently from the units' numbers", () => {
    expectValues(ward.values, expected);
  });

  it("ratios come from the summed parts, not the average of the units' ratios (BM1 2, BM7 1.3)", () => {
    const units = WARD_A.filter((u) => u.figures.BM1);
    const sum = (stt: string) => units.reduce((a, u) => a + u.figures.BM1[stt], 0);
    const mean = units.reduce((a, u) => a + (u.figures.BM1["2.2"] / u.figures.BM1["2.1"]) * 100, 0) / units.length;
    expect(ward.values.BM1["2"]).toBeCloseTo((sum("2.2") / sum("2.1")) * 100, 9);
    expect(ward.values.BM1["2"]).toBeCloseTo((27 / 52) * 100, 9);
    expect(Math.abs((ward.values.BM1["2"] as number) - mean)).toBeGreaterThan(0.5);
    // BM7 from its lead, the centre, alone: its own 340 / 352.
    expect(ward.values.BM7["1.3"]).toBeCloseTo((340 / 352) * 100, 9);
  });

  it("codes and percentages: BM1 4.3 online with paper is 2, BM1 5 is 1, BM3 1.1 and BM4 2.4 from their units", () => {
    expect(ward.values.BM1["4.3"]).toBe(2);
    expect(ward.values.BM1["5"]).toBe(1);
    expect(ward.values.BM3["1.1"]).toBe(100);
    expect(ward.values.BM4["2.4"]).toBe(0);
  });

  it("the provenance of every input names each contributing unit, in registry order", () => {
    expect(ward.provenance.BM1["1"].contributions.map((c) => [c.unitCode, c.value])).toEqual([
      ["VHXH", 4],
      ["VP", 2],
      ["KT", 0],
      ["TTPVHCC", 1],
    ]);
    expect(ward.provenance.BM6["1.1"].contributions.map((c) => [c.unitCode, c.file, c.value])).toEqual([["KT", "kt-2026-H1.xlsx", 42809]]);
  });

  it("the ward workbook validates clean, with the ward as its unit", async () => {
    for (const bytes of [wardBytes, recalculatedWard]) {
      const result = validateWorkbook(await readXlsx(bytes));
      expect(result.findings).toEqual([]);
      expect(Object.keys(result.forms)).toEqual(CATALOGUE.forms.map((f) => f.id));
      expect(result.metadata).toMatchObject({ unit: "Phường Nhị Chiểu", period: "2026-H1", forms: CATALOGUE.forms.map((f) => f.id) });
    }
  });

  it("its ratio and total rows are live formulas that LibreOffice computes to the expected figures", async () => {
    // Read with ExcelJS's cell.result: its cell.value drops a cached result of 0 (and readXlsx with it).
    const wb = await excel(recalculatedWard);
    for (const form of CATALOGUE.forms) {
      const ws = wb.getWorksheet(form.id)!;
      const rowOfStt = new Map<string, number>();
      ws.getColumn(1).eachCell((cell, r) => rowOfStt.set(String(cell.value), r));
      for (const row of form.rows.filter((r) => r.kind === "ratio" || r.kind === "total")) {
        const cell = ws.getCell(`D${rowOfStt.get(row.stt)}`);
        const where = `${form.id} ${row.stt}`;
        expect({ where, formula: typeof cell.formula }).toEqual({ where, formula: "string" });
        const want = expected[form.id][row.stt];
        const got = cell.result;
        if (want === null) expect({ where, got: got === "" || got === undefined ? null : got }).toEqual({ where, got: null });
        else {
          expect({ where, isNumber: typeof got }).toEqual({ where, isNumber: "number" });
          expect(got as number).toBeCloseTo(want, 9);
        }
      }
    }
    const inputs = (v: WardValues) =>
      Object.fromEntries(
        CATALOGUE.forms.map((f) => [
          f.id,
          Object.fromEntries(f.rows.filter((r) => !["header", "ratio", "total"].includes(r.kind)).map((r) => [r.stt, v[f.id]?.[r.stt] ?? null])),
        ]),
      );
    expect(inputs(validateWorkbook(await readXlsx(recalculatedWard)).figures)).toEqual(inputs(expected));
  });

  it(`"${DETAIL_SHEET}" has one column per unit and the ward total, for every form row`, async () => {
    const ws = (await excel(wardBytes)).getWorksheet(DETAIL_SHEET)!;
    const rows = rowsOf(ws);
    const columns = ["Phòng Văn hóa - Xã hội", "Văn phòng HĐND và UBND", "Phòng Kinh tế, Hạ tầng và Đô thị", "Trung tâm Phục vụ hành chính công"];
    expect(rows[2]).toEqual(["Biểu mẫu", "STT", "Chỉ tiêu thống kê", "Đơn vị tính", ...columns, "Tổng hợp", "Cách tổng hợp", "Ghi chú của đơn vị"]);
    const byUnit = columns.map((name) => WARD_A.find((u) => u.name === name)!);
    const perUnit = byUnit.map((u) => expectedWard([u]));
    let r = 3;
    for (const form of CATALOGUE.forms) {
      for (const row of form.rows) {
        const line = rows[r++];
        expect(line.slice(0, 4)).toEqual([form.id, row.stt, row.indicator, row.unit]);
        if (row.kind === "header") {
          expect(line.slice(4, 9).every((v) => v === null)).toBe(true);
          continue;
        }
        byUnit.forEach((u, i) => {
          const want = u.forms.includes(form.id) ? perUnit[i][form.id][row.stt] : null;
          const got = line[4 + i] ?? null;
          if (want === null) expect({ at: `${form.id} ${row.stt} ${u.name}`, got }).toEqual({ at: `${form.id} ${row.stt} ${u.name}`, got: null });
          else expect(got as number).toBeCloseTo(want, 9);
        });
        const total = line[8] ?? null;
        const want = expected[form.id][row.stt];
        if (want === null) expect(total).toBeNull();
        else expect(total as number).toBeCloseTo(want, 9);
      }
    }
    expect(r).toBe(3 + CATALOGUE.forms.reduce((n, f) => n + f.rows.length, 0));
  });

  it(`"${RESULT_SHEET}" lists the files used and the findings, each naming its form`, async () => {
    const rows = rowsOf((await excel(wardBytes)).getWorksheet(RESULT_SHEET)!);
    expect(rows[0][0]).toBe("Kết quả tổng hợp – Phường Nhị Chiểu – 6 tháng đầu năm 2026");
    expect(rows[1][0]).toBe("Thời điểm tổng hợp: 12/06/2026 08:00");
    expect(rows[4]).toEqual(["Tệp", "Đơn vị", "Kỳ báo cáo", "Trạng thái", "Số lỗi", "Số cảnh báo", "Ghi chú"]);
    expect(rows.slice(5, 9)).toEqual(ward.files.map((f) => [f.file, WARD_A.find((u) => u.file === f.file)!.name, "6 tháng đầu năm 2026", "Đã dùng", 0, 0, ""]));
    const heading = rows.findIndex((row) => row[0] === "Các vấn đề phát hiện");
    expect(heading).toBe(10);
    // No code column: codes are for --json and tools, not for the page an officer signs (issue 16).
    expect(rows[heading + 1]).toEqual(["Mức", "Tệp", "Biểu mẫu", "Dòng", "Ô", "Nội dung", "Cách sửa", "Đơn vị liên quan"]);
    expect(rows[heading + 2].slice(0, 6)).toEqual(["Cảnh báo", "", "BM1", "", "", "Trung tâm Dịch vụ sự nghiệp công chưa gửi số liệu BM1."]);
    expect(rows.length).toBe(heading + 3);
  });

  it("the sheets come in order: BM1–BM7, the three report sheets, the hidden metadata", async () => {
    const wb = await excel(wardBytes);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ...CATALOGUE.forms.map((f) => [f.id, "visible"]),
      [DETAIL_SHEET, "visible"],
      [RESULT_SHEET, "visible"],
      [SUBMISSIONS_SHEET, "visible"],
      [META_SHEET, "veryHidden"],
    ]);
  });

  it("a city aggregating two ward workbooks (the wards listed as its units) gets the sum of the wards", async () => {
    const all = CATALOGUE.forms.map((f) => f.id);
    const registry = parseRegistry({
      ward: "Thành phố Hải Phòng",
      units: [
        { code: "NC", name: "Phường Nhị Chiểu", forms: all },
        { code: "AQ", name: "Phường Ái Quốc", aliases: ["P. Ái Quốc"], forms: all },
      ],
      // A city sums its wards' counts (each reports its own part); a percent is never summed, so one ward's is taken.
      combine: Object.fromEntries(all.map((f) => [f, "sum"])),
      leads: { BM3: "NC", BM4: "NC" },
    });
    if (!registry.ok) throw new Error(registry.issues.join("\n"));
    const city = await aggregateFiles({ "ai-quoc.xlsx": recalculatedWardB, "nhi-chieu.xlsx": recalculatedWard }, registry.value);
    expect(city.files.map((f) => [f.file, f.unitCode, f.status])).toEqual([
      ["ai-quoc.xlsx", "AQ", "used"],
      ["nhi-chieu.xlsx", "NC", "used"],
    ]);
    expect(city.units.map((u) => u.code)).toEqual(["NC", "AQ"]);
    expect(city.findings).toEqual([]);
    expectValues(wardB.values, expectedWard(WARD_B));
    expectValues(city.values, expectedWard([...WARD_A, ...WARD_B]));
    for (const form of CATALOGUE.forms) {
      for (const row of form.rows.filter((r) => r.kind === "count" || r.kind === "money")) {
        const a = ward.values[form.id][row.stt];
        const b = wardB.values[form.id][row.stt];
        expect(city.values[form.id][row.stt]).toBe(a === null && b === null ? null : (a ?? 0) + (b ?? 0));
      }
    }
    expect(city.values.BM1["2"]).toBeCloseTo(((27 * 3) / (52 * 3)) * 100, 9);
    const cityBook = validateWorkbook(await readXlsx(await wardXlsx(city)));
    expect(cityBook.findings).toEqual([]);
    expect(cityBook.metadata?.unit).toBe("Thành phố Hải Phòng");
  });
});

describe("text from unit files is written into the ward workbook as text, never as a formula", () => {
  const EVIL_UNIT = '=HYPERLINK("http://x","y")';
  const EVIL_WARD = '=HYPERLINK("http://w","ward")';
  const EVIL_NOTE = '=HYPERLINK("http://n","note")';
  const EVIL_VALUE = "=1+2";
  const EVIL_FILE = "=2+3.xlsx";
  let wb: ExcelJS.Workbook;
  let result: AggregationResult;

  beforeAll(async () => {
    const vhxh = WARD_A[0];
    const evil = fillTemplate(await planToXlsx(templatePlan(EVIL_UNIT, ["BM1"])), { BM1: { "3.1": EVIL_VALUE, "3.2": 3 } });
    // A note beside a figure, in Ghi chú: it travels to the ward's BM1 and the detail sheet, prefixed with the unit.
    const withNote = await excel(await evil);
    withNote.getWorksheet("BM1")!.getCell("E14").value = EVIL_NOTE;
    const evilBytes = new Uint8Array((await withNote.xlsx.writeBuffer()) as ArrayBuffer);
    result = await aggregateFiles({ [vhxh.file]: await unitFile(vhxh), [EVIL_FILE]: evilBytes }, DEFAULT_REGISTRY, EVIL_WARD);
    wb = await excel(await wardXlsx(result));
  });

  it("the aggregation saw the unit's name, the text typed as a figure and the file name", () => {
    expect(result.units.map((u) => u.name)).toContain(EVIL_UNIT);
    expect(result.findings.filter((f) => f.file === EVIL_FILE).map((f) => f.code)).toEqual(expect.arrayContaining(["NOT_A_NUMBER", "UNKNOWN_UNIT"]));
    expect(result.ward).toBe(EVIL_WARD);
  });

  it("every cell holding such text is a String cell with no formula, and no formula anywhere names it", () => {
    const texts = [EVIL_UNIT, EVIL_WARD, EVIL_VALUE, EVIL_FILE, "HYPERLINK"];
    const holding: string[] = [];
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Merge) return; // the master cell of the merge is checked
          if (cell.formula !== undefined)
            expect({ at: `${ws.name}!${cell.address}`, formula: texts.some((t) => cell.formula.includes(t)) }).toEqual({
              at: `${ws.name}!${cell.address}`,
              formula: false,
            });
          const value = cell.value;
          if (typeof value === "string" && texts.some((t) => value.includes(t))) {
            expect({ at: `${ws.name}!${cell.address}`, type: cell.type }).toEqual({ at: `${ws.name}!${cell.address}`, type: ExcelJS.ValueType.String });
            holding.push(`${ws.name}!${cell.address}`);
          }
        }),
      );
    }
    const sheetsHolding = new Set(holding.map((h) => h.split("!")[0]));
    // The ward's name on each form and in the metadata; the unit's name in the detail header; file, unit and findings in the results; the file on the board.
    expect([...sheetsHolding].sort()).toEqual([...CATALOGUE.forms.map((f) => f.id), DETAIL_SHEET, RESULT_SHEET, SUBMISSIONS_SHEET, META_SHEET].sort());
    const detail = rowsOf(wb.getWorksheet(DETAIL_SHEET)!);
    expect(detail[2]).toContain(EVIL_UNIT);
    const results = rowsOf(wb.getWorksheet(RESULT_SHEET)!);
    expect(results.some((r) => r[0] === EVIL_FILE && r[1] === EVIL_UNIT)).toBe(true);
    expect(wb.getWorksheet(META_SHEET)!.getColumn(2).values).toContain(EVIL_WARD);
  });

  it("the unit's figures were still aggregated, its text-as-figure left out, its note carried as text", () => {
    expect(result.values.BM1).toMatchObject({ "3.1": 0, "3.2": 3 });
    expect(wb.getWorksheet("BM1")!.getCell("E14").value).toBe(`${EVIL_UNIT}: ${EVIL_NOTE}`);
    expect(wb.getWorksheet("BM1")!.getCell("E14").type).toBe(ExcelJS.ValueType.String);
  });
});
