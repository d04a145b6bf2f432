import { CATALOGUE, type FormRow } from "../../src/core/forms";
import { planToXlsx } from "../../src/adapters/xlsx/write-plan";
import { readXlsx } from "../support/exceljs-reader";
import { fillTemplate, type FormValues, type RowEntry } from "../support/fill";
import { templatePlan } from "../support/plans";
import { recalculateWithLibreOffice } from "../support/soffice";
import type { CellValue, SheetSnapshot } from "../../src/core/read";
import { cellsA1 } from "../support/a1";

/**
 * Inputs for every form: ordinary figures, a zero denominator (BM1 3.3.1),
 * a blank denominator (BM7 1.5.1), money with decimals (BM6), a total with
 * one part left blank (BM5 4.2) and one with every part blank (BM6 2.4).
 */
const INPUTS: FormValues = {
  BM1: {
    "1": 7,
    "2.1": 52,
    "2.2": 27,
    "3.1": 0,
    "3.2": 3,
    "3.3.1": 0,
    "3.3.2": 0,
    "4.1": 38,
    "4.1.1": 28,
    "4.1.2": 0,
    "4.1.3": 0,
    "4.2": 9500,
    "4.3": 1,
    "5": 0,
  },
  BM2: { "1.1": 7 },
  BM3: { "1.1": 100, "1.2": 2060, "2.1.1": 9275, "2.1.2": 9100, "2.2.1": 3, "2.2.2": 2 },
  BM4: { "1.1": 52, "1.2": 43, "1.3": 1, "1.4": 0, "2.1": 586, "2.2": 573, "2.3": 0, "2.4": 12.5 },
  BM5: { "1.1": 4, "1.2": 19, "1.3": 0, "2.1": 0, "2.2": 10, "3": 0, "4.1": 1, "4.3": 2 },
  BM6: { "1.1": 42809.5, "1.2": 21406, "2.1": 19, "2.2": 0, "2.3": 0, "2.5": 19, "2.6": 0 },
  BM7: { "1.1.1": 219, "1.1.2": 200, "1.2.1": 39, "1.2.2": 39, "1.3.1": 752, "1.3.2": 700, "1.4.1": 8523, "1.4.2": 8000, "1.5.2": 43 },
};

/** What a ratio or total must compute to, from the inputs alone (blank stays blank). */
function expected(row: FormRow, inputs: Record<string, RowEntry>): number | null {
  const num = (stt: string) => (typeof inputs[stt] === "number" ? (inputs[stt] as number) : null);
  if (row.kind === "ratio") {
    const n = num(row.numerator!);
    const d = num(row.denominator!);
    return n === null || d === null || d === 0 ? null : (n / d) * 100;
  }
  const parts = row.sumOf!.map(num).filter((x): x is number => x !== null);
  return parts.length === 0 ? null : parts.reduce((a, b) => a + b, 0);
}

function valueAt(sheet: SheetSnapshot, stt: string): { value: CellValue; formula?: string; error?: string } {
  for (let r = 1; r <= sheet.maxRow; r++) if (cellsA1(sheet)[`A${r}`]?.value === stt) return cellsA1(sheet)[`D${r}`] ?? { value: null };
  throw new Error(`no row ${sheet.name} ${stt}`);
}

describe("generated formulas, computed by LibreOffice", () => {
  let sheets: SheetSnapshot[];
  beforeAll(async () => {
    const filled = await fillTemplate(await planToXlsx(templatePlan()), INPUTS);
    sheets = (await readXlsx(await recalculateWithLibreOffice(filled))).sheets;
  }, 240_000);

  const computed = CATALOGUE.forms.flatMap((form) =>
    form.rows.filter((r) => r.kind === "ratio" || r.kind === "total").map((row) => [form.id, row.stt, row] as const),
  );

  it.each(computed)("%s %s computes what the catalogue says", (formId, stt, row) => {
    const cell = valueAt(
      sheets.find((s) => s.name === formId)!,
      stt,
    );
    expect(cell.error).toBeUndefined();
    expect(cell.formula).toBeDefined();
    const want = expected(row, INPUTS[formId]);
    if (want === null) expect(cell.value).toBeNull();
    else expect(cell.value as number).toBeCloseTo(want, 9);
  });

  it("covers the edge cases it claims to", () => {
    expect(
      valueAt(
        sheets.find((s) => s.name === "BM1")!,
        "3.3",
      ).value,
    ).toBeNull(); // 0 / 0
    expect(
      valueAt(
        sheets.find((s) => s.name === "BM7")!,
        "1.5",
      ).value,
    ).toBeNull(); // blank denominator
    expect(
      valueAt(
        sheets.find((s) => s.name === "BM6")!,
        "2.4",
      ).value,
    ).toBeNull(); // no part entered
    expect(
      valueAt(
        sheets.find((s) => s.name === "BM5")!,
        "4",
      ).value,
    ).toBe(3); // 1 + blank + 2
    expect(
      valueAt(
        sheets.find((s) => s.name === "BM1")!,
        "2",
      ).value as number,
    ).toBeCloseTo(51.923, 3); // the seed's 27/52
    expect(
      valueAt(
        sheets.find((s) => s.name === "BM6")!,
        "1",
      ).value as number,
    ).toBeCloseTo(50.0029, 4);
  });

  it("keeps STT text and the inputs as typed", () => {
    const bm3 = sheets.find((s) => s.name === "BM3")!;
    expect(valueAt(bm3, "2.1.1").value).toBe(9275);
    expect(Object.values(cellsA1(bm3)).some((c) => c.value === "2.1.1")).toBe(true);
  });
});
