import { planToXlsx } from "../../src/adapters/xlsx/write-plan";
import { type Finding } from "../../src/core/validate";
import { CLEAN_VALUES } from "../support/clean-values";
import { fillTemplate } from "../support/fill";
import { snapshotOf, templatePlan } from "../support/plans";
import { recalculateWithLibreOffice } from "../support/soffice";
import { validateWorkbook, type ValidationResult } from "../support/worded";
import { cellsA1 } from "../support/a1";

/**
 * A BM6 made by the product, 2.4 typed as 5 over its formula while its parts
 * make 1 + 2 + 1 = 4, and 2.1 = 10 against 2.2 + 2.3 + 2.5 = 2 + 1 + 5: the
 * file is read as the product reads it, its suggestions are applied, and
 * LibreOffice recalculates it. Following every suggestion gives a form that
 * adds up, because 2.1's expected value is built from 2.4's parts.
 */
const TYPED_TOTAL = { ...CLEAN_VALUES.BM6, "2.1": 10, "2.2": 2, "2.3": 1, "2.4": 5, "2.4.1": 1, "2.4.2": 2, "2.4.3": 1, "2.5": 5 };

const validateBytes = async (bytes: Uint8Array) => validateWorkbook(await snapshotOf(bytes));
const one = (r: ValidationResult, code: Finding["code"], cell: string) => {
  const found = r.findings.filter((f) => f.code === code && f.cell === cell);
  expect(found).toHaveLength(1);
  return found[0];
};

describe("BM6 2.4 typed over its formula, in a real .xlsx recalculated by LibreOffice", () => {
  let typed: ValidationResult;
  let typedRecalculated: ValidationResult;
  let fixed: ValidationResult;
  let fixedCells: Record<string, { value: unknown; formula?: string }>;
  beforeAll(async () => {
    const written = await fillTemplate(await planToXlsx(templatePlan("Phòng Văn hóa - Xã hội", ["BM6"])), { BM6: TYPED_TOTAL });
    typed = await validateBytes(written);
    typedRecalculated = await validateBytes(await recalculateWithLibreOffice(written, "typed.xlsx"));

    // What the findings say to do: 2.4's formula back (its fix), 2.1 = the expected sum.
    const formula = one(typed, "FORMULA_MISMATCH", "BM6!D15").fix;
    if (formula?.kind !== "set-formula") throw new Error("2.4 has no formula fix");
    const sum = Number(one(typed, "SUM_MISMATCH", "BM6!D12").expected);
    const applied = await fillTemplate(written, { BM6: { "2.4": { formula: formula.formula }, "2.1": sum } });
    const recalculated = await recalculateWithLibreOffice(applied, "fixed.xlsx");
    fixed = await validateBytes(recalculated);
    fixedCells = cellsA1((await snapshotOf(recalculated)).sheets.find((s) => s.name === "BM6")!);
  }, 300_000);

  it("asks for 2.1 = 2 + 1 + 4 + 5 = 12 (2.4 from its parts), and reports the typed 2.4 against its parts' 4", () => {
    for (const result of [typed, typedRecalculated]) {
      expect(result.findings.map((f) => `${f.code} ${f.cell}`)).toEqual(["SUM_MISMATCH BM6!D12", "FORMULA_MISMATCH BM6!D15", "SUM_MISMATCH BM6!D15"]);
      expect(one(result, "SUM_MISMATCH", "BM6!D12")).toMatchObject({ severity: "error", row: "2.1", expected: "12", actual: "10" });
      expect(one(result, "SUM_MISMATCH", "BM6!D15")).toMatchObject({ severity: "error", row: "2.4", expected: "4", actual: "5" });
    }
  });

  it("once both suggestions are applied and LibreOffice recalculates, the form validates clean", () => {
    expect(fixedCells.D15.formula).toBeDefined();
    expect(fixedCells.D15.value).toBe(4);
    expect(fixedCells.D12.value).toBe(12);
    expect(fixed.findings.filter((f) => f.code === "SUM_MISMATCH")).toEqual([]);
    expect(fixed.findings).toEqual([]);
    expect(fixed.figures.BM6).toMatchObject({ "2.1": 12, "2.4": 4 });
  });
});
