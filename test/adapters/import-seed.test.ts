import { openWorkbook } from "../../src/adapters/xlsx/open-workbook";
import { planToXlsx } from "../../src/adapters/xlsx/write-plan";
import { CATALOGUE } from "../../src/core/forms";
import type { WorkbookSnapshot } from "../../src/core/read";
import { type Finding, type FindingCode } from "../../src/core/validate";
import { expectedAfterImport, findingKeys, unexplainedBlanks } from "../support/import-compare";
import { pastedSeedWorkbook } from "../support/pasted-seed";
import { period } from "../support/plans";
import { importWorkbook, type ImportResult, validateWorkbook, type ValidationResult } from "../support/worded";
import { cellsA1, mergesA1 } from "../support/a1";

/**
 * The seed's Phụ lục 3 pasted from Word into one Excel sheet (all seven forms,
 * two-row merged headers, STT "2.1.", figures as text in Vietnamese notation,
 * the repeated header of BM1), read by the reader the CLI uses.
 */

/** Every figure the seed's appendix gives, by form and STT; null where it gives none a form can hold (blank, "a"). */
const SEED_FIGURES: Record<string, Record<string, number | null>> = {
  BM1: {
    "1": 7,
    "2.1": 52,
    "2.2": 27,
    "3.1": null,
    "3.2": null,
    "3.3.1": null,
    "3.3.2": null,
    "4.1": 38,
    "4.1.1": 28,
    "4.1.2": 0,
    "4.1.3": 0,
    "4.2": 9500,
    "4.3": 1,
    "5": 0,
  },
  BM2: { "1.1": 0 },
  BM3: { "1.1": 100, "1.2": 2060, "2.1.1": 9275, "2.1.2": 9275, "2.2.1": 2, "2.2.2": 2 },
  BM4: { "1.1": 52, "1.2": 43, "1.3": 1, "1.4": 0, "2.1": 586, "2.2": 573, "2.3": 0, "2.4": 0 },
  BM5: { "1.1": 4, "1.2": 19, "1.3": 0, "2.1": 0, "2.2": 10, "3": 0, "4.1": 0, "4.2": 0, "4.3": 0 },
  BM6: { "1.1": 42809, "1.2": 21406, "2.1": 19, "2.2": 0, "2.3": 0, "2.4.1": 0, "2.4.2": 0, "2.4.3": 0, "2.5": 19, "2.6": 0 },
  BM7: { "1.1.1": 219, "1.1.2": 219, "1.2.1": 39, "1.2.2": 39, "1.3.1": 752, "1.3.2": 752, "1.4.1": 8523, "1.4.2": 8523, "1.5.1": 43, "1.5.2": 43 },
};
const FORMS = CATALOGUE.forms.map((f) => f.id);
const INPUT_KINDS = ["count", "money", "percent", "code"];

async function open(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  const book = await openWorkbook(bytes, "seed.xlsx");
  if (!book.ok) throw new Error(book.error.code);
  return book.value;
}
const one = (findings: Finding[], code: FindingCode, cell: string) => {
  const found = findings.filter((f) => f.code === code && f.cell === cell);
  if (found.length !== 1) throw new Error(`expected one ${code} at ${cell}, found ${found.length}:\n${findings.map((f) => `${f.code} ${f.cell}`).join("\n")}`);
  return found[0];
};

let pasted: WorkbookSnapshot;
let validation: ValidationResult;
let imported: ImportResult;
let canonical: ValidationResult;
let canonicalBook: WorkbookSnapshot;
beforeAll(async () => {
  pasted = await open(await pastedSeedWorkbook());
  validation = validateWorkbook(pasted);
  imported = importWorkbook(pasted, { period: period("2026-H1"), createdAt: "2026-06-20T08:00:00.000Z" });
  canonicalBook = await open(await planToXlsx(imported.plan!));
  canonical = validateWorkbook(canonicalBook);
});

describe("the seed's Phụ lục 3 pasted into one sheet", () => {
  it("is really laid out as Word pastes it: one sheet, merged two-row headers, text figures", () => {
    expect(pasted.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    const sheet = pasted.sheets[0];
    expect(mergesA1(sheet)).toEqual(expect.arrayContaining(["C9:D9", "A9:A10", "B9:B10", "E9:E10"]));
    expect(cellsA1(sheet).C9.value).toBe("Kết quả thống kê");
    expect(cellsA1(sheet).D10.value).toBe("Số liệu");
    expect(cellsA1(sheet).A13.value).toBe("2.1.");
    expect(cellsA1(sheet).D103.value).toBe("42,809");
  });

  it("finds the seven forms, each at its title, all in the one sheet", () => {
    expect(imported.forms).toEqual({
      BM1: "Sheet1!A5",
      BM2: "Sheet1!A33",
      BM3: "Sheet1!A43",
      BM4: "Sheet1!A60",
      BM5: "Sheet1!A77",
      BM6: "Sheet1!A96",
      BM7: "Sheet1!A116",
    });
    expect(validation.forms).toEqual(Object.fromEntries(FORMS.map((id) => [id, "Sheet1"])));
  });

  it.each(FORMS)("reads every figure of %s right", (form) => {
    const expected = SEED_FIGURES[form];
    const inputs = CATALOGUE.forms
      .find((f) => f.id === form)!
      .rows.filter((r) => INPUT_KINDS.includes(r.kind))
      .map((r) => r.stt);
    expect(Object.keys(expected).sort()).toEqual([...inputs].sort());
    for (const stt of inputs) {
      const value = imported.values.find((v) => v.form === form && v.stt === stt)!;
      expect([form, stt, value.value]).toEqual([form, stt, expected[stt]]);
      // the standard workbook holds the same figure
      expect([form, stt, canonical.figures[form][stt] ?? null]).toEqual([form, stt, expected[stt]]);
    }
  });

  it("says how each figure was read: text, decided from the form, unreadable or blank", () => {
    const source = (form: string, stt: string) => imported.values.find((v) => v.form === form && v.stt === stt)!;
    expect(source("BM3", "2.1.1")).toMatchObject({ cell: "Sheet1!D54", raw: "9.275", value: 9275, source: "text" });
    expect(source("BM6", "1.1")).toMatchObject({ cell: "Sheet1!D103", raw: "42,809", value: 42809, source: "resolved" });
    expect(source("BM1", "3.3.1")).toMatchObject({ raw: "a", value: null, source: "unreadable" });
    expect(source("BM1", "3.1")).toMatchObject({ raw: null, value: null, source: "blank" });
    // the seed's unnumbered BM2 row, placed by its text
    expect(source("BM2", "1.1")).toMatchObject({ cell: "Sheet1!D39", value: 0, source: "text" });
  });

  it("takes the unit from the title and the period from --period", () => {
    expect(imported.unit).toEqual({ name: "Ủy ban nhân dân phường Nhị Chiểu", from: "sheet", cell: "Sheet1!A3" });
    expect(imported.period).toEqual({ id: "2026-H1", from: "option" });
    expect(canonical.metadata).toMatchObject({ unit: "Ủy ban nhân dân phường Nhị Chiểu", period: "2026-H1", forms: FORMS });
  });
});

describe("the inconsistencies of the real report (DOMAIN.md) are flagged at the pasted cells", () => {
  const f = () => imported.findings;

  it('formulas left as text: "= 27/52*100" typed arithmetic, "= b/a*100", "=a+b", "=a+b+c+d" placeholders', () => {
    expect(one(f(), "FORMULA_MISMATCH", "Sheet1!D12")).toMatchObject({ severity: "error", form: "BM1", row: "2", actual: "= 27/52*100" });
    expect(one(f(), "FORMULA_MISMATCH", "Sheet1!D12").message).toContain("phép tính gõ tay");
    expect(one(f(), "FORMULA_MISMATCH", "Sheet1!D18")).toMatchObject({ form: "BM1", row: "3.3", actual: "= b/a*100" });
    expect(one(f(), "FORMULA_MISMATCH", "Sheet1!D38")).toMatchObject({ form: "BM2", row: "1", actual: "=a+b" });
    // "=a+b+c+d" names four parts where the form lists three
    const bm5 = one(f(), "FORMULA_MISMATCH", "Sheet1!D91");
    expect(bm5).toMatchObject({ form: "BM5", row: "4", actual: "=a+b+c+d" });
    expect(bm5.message).toContain("ghi 4 thành phần nhưng biểu mẫu chỉ có 3 dòng thành phần");
  });

  it('ratio results typed into the unit column ("51,9%", "100%", "50,0%"): UNIT_MISMATCH, and each agrees with its ratio', () => {
    expect(one(f(), "UNIT_MISMATCH", "Sheet1!C12")).toMatchObject({ row: "2", expected: "%", actual: "51,9%" });
    expect(one(f(), "UNIT_MISMATCH", "Sheet1!C102")).toMatchObject({ form: "BM6", row: "1", actual: "50,0%" });
    const hundreds = f()
      .filter((x) => x.code === "UNIT_MISMATCH" && x.actual === "100%")
      .map((x) => `${x.form} ${x.row}`);
    expect(hundreds).toEqual(["BM3 1.1", "BM3 2.1", "BM3 2.2", "BM7 1.1", "BM7 1.2", "BM7 1.3", "BM7 1.4", "BM7 1.5"]);
    expect(f().filter((x) => x.code === "RATIO_MISMATCH")).toEqual([]);
  });

  it('mixed notation: "42,809" next to "21.406" is read as 42.809, confirmed by the typed 50,0 %, and said so', () => {
    const v = one(f(), "VALUE_RESOLVED", "Sheet1!D103");
    expect(v).toMatchObject({ severity: "warning", form: "BM6", row: "1.1", actual: "42,809", expected: "42.809", fix: { kind: "set-number", value: 42809 } });
    expect(v.message).toContain("50,0%");
    expect(v.message).toContain('"21.406"');
    // 21.406 / 42.809 = 50,0 %: the ratio the ward typed holds with the figure taken
    expect(canonical.figures.BM6["1"]).toBeCloseTo((21406 / 42809) * 100, 9);
    expect(f().filter((x) => x.code === "AMBIGUOUS_NUMBER")).toEqual([]);
  });

  it('"01" is read as 1 and said so; "9.275" in the forms\' own notation is read without a finding', () => {
    expect(one(f(), "NUMBER_AS_TEXT", "Sheet1!D69")).toMatchObject({ form: "BM4", row: "1.3", actual: "01", expected: "1" });
    expect(f().filter((x) => x.code === "NUMBER_AS_TEXT")).toHaveLength(1);
    expect(one(validation.findings, "PASTED_LAYOUT", "Sheet1!A43").message).toContain("6 số gõ dạng chữ");
  });

  it("BM6: 2.4 = 19 against its parts' 0 is the one cause; 2.1 = 19 = 0 + 0 + 0 + 19 holds with 2.4 counted from its parts", () => {
    expect(
      f()
        .filter((x) => x.code === "SUM_MISMATCH")
        .map((x) => x.cell),
    ).toEqual(["Sheet1!D109"]);
    expect(one(f(), "SUM_MISMATCH", "Sheet1!D109")).toMatchObject({ severity: "error", row: "2.4", expected: "0", actual: "19" });
  });

  it('BM2 lists its one component ("Số VBQPPL do cấp xã ban hành") without an STT: it is 1.1, placed by its text, and no row is missing', () => {
    expect(one(f(), "ROW_MATCHED_BY_TEXT", "Sheet1!B39")).toMatchObject({ severity: "info", form: "BM2", row: "1.1", expected: "1.1", actual: null });
    expect(f().filter((x) => x.code === "STRUCTURE_CHANGED")).toEqual([]);
    // "=a+b" names two parts where the form lists one: a placeholder, not a missing row
    expect(one(f(), "FORMULA_MISMATCH", "Sheet1!D38").message).toContain("ghi 2 thành phần nhưng biểu mẫu chỉ có 1 dòng thành phần");
  });

  it('BM7 1.3.1 / 1.3.2 count dossiers under "Thủ tục"', () => {
    expect(one(f(), "UNIT_MISMATCH", "Sheet1!C130")).toMatchObject({ row: "1.3.1", expected: "Hồ sơ", actual: "Thủ tục" });
    expect(one(f(), "UNIT_MISMATCH", "Sheet1!C131")).toMatchObject({ row: "1.3.2", expected: "Hồ sơ", actual: "Thủ tục" });
  });

  it("the appendix is dated 09/6/2025 for a report of 6 tháng đầu năm 2026", () => {
    expect(one(f(), "TITLE_MISMATCH", "Sheet1!A3")).toMatchObject({ severity: "warning", actual: "09/6/2025", expected: "2026-H1" });
  });

  // The last inconsistency of DOMAIN.md (2.210 procedures "of which" 1.775 + 314) is in the report's text, not in Phụ lục 3.

  it("and nothing else: 16 errors, 18 warnings, 1 note, each at its cell", () => {
    expect(imported.counts).toEqual({ error: 16, warning: 18, info: 1 });
    expect(f().map((x) => `${x.code} ${x.cell ?? `${x.form} ${x.row}`}`)).toEqual([
      "TITLE_MISMATCH Sheet1!A3",
      // BM1
      "FORMULA_MISMATCH Sheet1!D12",
      "UNIT_MISMATCH Sheet1!C12",
      "MISSING_VALUE Sheet1!D16",
      "MISSING_VALUE Sheet1!D17",
      "FORMULA_MISMATCH Sheet1!D18",
      "NOT_A_NUMBER Sheet1!D19",
      "NOT_A_NUMBER Sheet1!D20",
      // BM2
      "FORMULA_MISMATCH Sheet1!D38",
      "ROW_MATCHED_BY_TEXT Sheet1!B39",
      // BM3
      "UNIT_MISMATCH Sheet1!C50",
      "FORMULA_MISMATCH Sheet1!D53",
      "UNIT_MISMATCH Sheet1!C53",
      "FORMULA_MISMATCH Sheet1!D56",
      "UNIT_MISMATCH Sheet1!C56",
      // BM4
      "NUMBER_AS_TEXT Sheet1!D69",
      // BM5: "=a+b+c+d", and no unit on the total's line
      "FORMULA_MISMATCH Sheet1!D91",
      "UNIT_MISMATCH Sheet1!C91",
      // BM6
      "FORMULA_MISMATCH Sheet1!D102",
      "UNIT_MISMATCH Sheet1!C102",
      "VALUE_RESOLVED Sheet1!D103",
      "FORMULA_MISMATCH Sheet1!D109",
      "SUM_MISMATCH Sheet1!D109",
      // BM7
      "FORMULA_MISMATCH Sheet1!D123",
      "UNIT_MISMATCH Sheet1!C123",
      "FORMULA_MISMATCH Sheet1!D126",
      "UNIT_MISMATCH Sheet1!C126",
      "FORMULA_MISMATCH Sheet1!D129",
      "UNIT_MISMATCH Sheet1!C129",
      "UNIT_MISMATCH Sheet1!C130",
      "UNIT_MISMATCH Sheet1!C131",
      "FORMULA_MISMATCH Sheet1!D132",
      "UNIT_MISMATCH Sheet1!C132",
      "FORMULA_MISMATCH Sheet1!D135",
      "UNIT_MISMATCH Sheet1!C135",
    ]);
  });

  it("every finding is written in English too, at the same cells", () => {
    const en = importWorkbook(pasted, { lang: "en", period: period("2026-H1"), createdAt: "2026-06-20T08:00:00.000Z" });
    expect(en.findings.map((x) => [x.code, x.severity, x.cell, x.row])).toEqual(f().map((x) => [x.code, x.severity, x.cell, x.row]));
    expect(en.findings.find((x) => x.code === "VALUE_RESOLVED")!.message).toBe(
      '"42,809" is read as 42,809 (comma as thousands separator), not 42.809, as only this reading matches the ratio "50,0%" given in row 1. Mixed notation: another cell of the form writes "21.406" with a dot for thousands.',
    );
  });
});

describe("the standard workbook the import writes", () => {
  it("has the template's layout: BM1–BM7 with their formulas, and the hidden metadata sheet", () => {
    expect(canonicalBook.sheets.map((s) => s.name)).toEqual([...FORMS, "_CCHC"]);
    expect(cellsA1(canonicalBook.sheets[0]).D9.formula).toBe('IF(OR(D10="",D10=0,D11=""),"",D11/D10*100)');
  });

  it("keeps in Ghi chú what the standard form has no place for", () => {
    const note = (form: string, address: string) => cellsA1(canonicalBook.sheets.find((s) => s.name === form)!)[address]?.value;
    expect(note("BM6", "E15")).toBe('Bản gốc ghi "19"'); // 2.4 typed against its parts
    expect(note("BM6", "E9")).toBe('Bản gốc ghi "42,809"');
    expect(note("BM1", "E16")).toBe('Bản gốc ghi "a"');
    expect(note("BM2", "E9")).toBeUndefined(); // the unnumbered row is 1.1, its 0 in Số liệu: nothing to keep
    expect(note("BM1", "E9")).toBeUndefined(); // "= 27/52*100" agrees with its parts: nothing to keep
  });

  it("validates to the same findings as the pasted sheet, modulo those that only make sense on the pasted layout", () => {
    expect(findingKeys(canonical.findings)).toEqual(expectedAfterImport(validation.findings, imported));
    expect(unexplainedBlanks(validation.findings, imported)).toEqual([]);
    expect(canonical.counts).toEqual({ error: 0, warning: 4, info: 0 });
  });
});
