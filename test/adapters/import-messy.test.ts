import { openWorkbook } from "../../src/adapters/xlsx/open-workbook";
import { planToXlsx } from "../../src/adapters/xlsx/write-plan";
import { CATALOGUE } from "../../src/core/forms";
import { locateForms, type WorkbookSnapshot } from "../../src/core/read";
import { type Finding, type FindingCode } from "../../src/core/validate";
import { expectedAfterImport, findingKeys, unexplainedBlanks } from "../support/import-compare";
import { MESSY_FIGURES, messyWorkbook } from "../support/pasted-messy";
import { importWorkbook, type ImportResult, validateWorkbook, type ValidationResult } from "../support/worded";

/** A second appendix, messier than the seed, imported with no option at all, as a new user would. */

async function open(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  const book = await openWorkbook(bytes, "bao-cao.xlsx");
  if (!book.ok) throw new Error(book.error.code);
  return book.value;
}
const S = "'Báo cáo'";
const of = (findings: Finding[], code: FindingCode) => findings.filter((f) => f.code === code);
const one = (findings: Finding[], code: FindingCode, cell: string) => {
  const found = findings.filter((f) => f.code === code && f.cell === cell);
  if (found.length !== 1)
    throw new Error(`expected one ${code} at ${cell}, found ${found.length}:\n${findings.map((f) => `${f.code} ${f.cell} ${f.form} ${f.row}`).join("\n")}`);
  return found[0];
};

let book: WorkbookSnapshot;
let validation: ValidationResult;
let imported: ImportResult;
let canonical: ValidationResult;
beforeAll(async () => {
  book = await open(await messyWorkbook());
  validation = validateWorkbook(book);
  imported = importWorkbook(book, { createdAt: "2026-06-20T08:00:00.000Z" });
  canonical = validateWorkbook(await open(await planToXlsx(imported.plan!)));
});

describe("a messy appendix: forms out of order, one missing, an extra column, STT missing or wrong, typos", () => {
  it("finds the six forms it has wherever they are, and not BM4", () => {
    expect(imported.forms).toEqual({
      BM1: `${S}!B19`,
      BM2: `${S}!B106`,
      BM3: `${S}!B5`,
      BM5: `${S}!B90`,
      BM6: `${S}!B47`,
      BM7: `${S}!B65`,
    });
    expect(canonical.metadata?.forms).toEqual(["BM1", "BM2", "BM3", "BM5", "BM6", "BM7"]);
  });

  it("reads the unit from the letterhead in capitals and the period from the title", () => {
    expect(imported.unit).toEqual({ name: "Ủy ban nhân dân phường Hạ Lý", from: "sheet", cell: `${S}!B1` });
    expect(imported.period).toEqual({ id: "2026-H1", from: "sheet", cell: `${S}!B2` });
    expect(of(imported.findings, "TITLE_MISMATCH")).toEqual([]); // dated 05/6/2026, within the period
  });

  it.each(Object.keys(MESSY_FIGURES))("reads every figure of %s from the Số liệu column, not the extra one", (form) => {
    for (const [stt, expected] of Object.entries(MESSY_FIGURES[form])) {
      const v = imported.values.find((x) => x.form === form && x.stt === stt);
      expect([form, stt, v?.value]).toEqual([form, stt, expected]);
      expect([form, stt, canonical.figures[form][stt]]).toEqual([form, stt, expected]);
    }
    expect(imported.values.filter((v) => v.form === form)).toHaveLength(Object.keys(MESSY_FIGURES[form]).length);
  });

  it('places rows without a usable STT by their text, typos and all: "", "a)", "I", and an STT copied twice', () => {
    const byText = of(validation.findings, "ROW_MATCHED_BY_TEXT").map((f) => [f.form, f.row, f.actual]);
    expect(byText).toEqual([
      ["BM1", "2.1", null],
      ["BM1", "2.2", null], // "Số nhiệm vụ đã hoàn thàn"
      ["BM1", "4.1.3", "4.1.2"], // the second "4.1.2." carries 4.1.3's text
      ["BM2", "1.1", "a)"], // "… ban hàng"
      ["BM3", "2.2.1", "a)"],
      ["BM3", "2.2.2", "b)"],
      ["BM5", "1", "I"],
      ["BM5", "2", "II"],
      ["BM7", "1.3.1", null], // "Tổng sô hồ sơ của DVCTT toàn trinh"
      ["BM7", "1.3.2", null],
    ]);
    expect(one(validation.findings, "ROW_MATCHED_BY_TEXT", `${S}!C27`).message).toBe(
      'Dòng "Số nhiệm vụ đã hoàn thàn" (không có STT) được nhận là dòng 2.2 của biểu mẫu theo nội dung chỉ tiêu (giống 94%).',
    );
    expect(of(validation.findings, "STRUCTURE_CHANGED").map((f) => f.cell)).toEqual([`${S}!C45`]);
  });

  it("leaves the ward's own row that is not in the form unmatched, and says so", () => {
    const f = one(imported.findings, "STRUCTURE_CHANGED", `${S}!C45`);
    expect(f).toMatchObject({ severity: "warning", form: "BM1", row: null, actual: "Số cuộc họp giao ban do phường tự theo dõi" });
    expect(f.message).toContain('(STT 6) có số liệu "12"');
  });

  it("decides the numbers Excel mangled from the rest of the form, or from their kind, and says which", () => {
    const resolved = of(imported.findings, "VALUE_RESOLVED").map((f) => [f.form, f.row, f.actual, f.expected]);
    expect(resolved).toEqual([
      ["BM1", "4.2", "1,250", "1.250"],
      ["BM3", "1.2", "1,845", "1.845"],
      ["BM3", "2.1.1", "6,412", "6.412"],
      ["BM6", "1.2", "10,831", "10.831"],
    ]);
    expect(one(imported.findings, "VALUE_RESOLVED", `${S}!F10`).message).toContain("số đếm phải là số nguyên");
    expect(one(imported.findings, "VALUE_RESOLVED", `${S}!F13`).message).toContain("khớp với tỷ lệ 99,5 ghi ở dòng 2.1");
    expect(one(imported.findings, "VALUE_RESOLVED", `${S}!F53`).message).toContain("khớp với tỷ lệ 62,5% ghi ở dòng 1");
  });

  it("still finds the real errors in the figures, on both layouts", () => {
    expect(one(imported.findings, "PART_EXCEEDS_WHOLE", `${S}!F73`)).toMatchObject({ form: "BM7", row: "1.1.2" });
    expect(one(imported.findings, "CROSS_FORM_MISMATCH", `${S}!F95`)).toMatchObject({ form: "BM5", row: "1.2" });
    expect(canonical.findings.map((f) => [f.code, f.cell])).toEqual([
      ["CROSS_FORM_MISMATCH", "BM5!D10"],
      ["PART_EXCEEDS_WHOLE", "BM7!D11"],
    ]);
  });

  it("skips the header repeated after a page break, the footnote and the signature lines", () => {
    const located = Object.fromEntries(locateForms(book, CATALOGUE).found.map((f) => [f.form.id, f]));
    expect(located.BM1.pasted!.repeatedHeaders).toEqual([35, 36]);
    expect(located.BM7.pasted!.repeatedHeaders).toEqual([78, 79]);
    expect(imported.values.find((v) => v.form === "BM1" && v.stt === "4.1")!.cell).toBe(`${S}!F38`);
    // "* Văn bản quy phạm pháp luật" (B112) and "Người lập biểu … CHỦ TỊCH" (row 114) end the last form's segment
    expect(located.BM2.pasted!.lastRow).toBe(114);
    expect(located.BM2.pasted!.unmatched).toEqual([]);
    const rows = new Set(validation.findings.map((f) => Number(f.cell?.replace(/^.*![A-Z]+/, ""))));
    for (const r of [35, 36, 78, 79, 112, 114]) expect(rows.has(r)).toBe(false);
  });

  it("validates, once imported, to the same findings modulo the pasted layout's own", () => {
    expect(findingKeys(canonical.findings)).toEqual(expectedAfterImport(validation.findings, imported));
    expect(unexplainedBlanks(validation.findings, imported)).toEqual([]);
  });
});
