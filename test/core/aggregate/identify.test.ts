import { identifyWorkbook } from "../../../src/core/aggregate";
import { DEFAULT_REGISTRY } from "../../../src/core/units";
import type { WorkbookSnapshot } from "../../../src/core/read";
import { unitBook } from "../../support/unit-books";
import { aggregate, validateWorkbook } from "../../support/worded";
import { setA1 } from "../../support/a1";

const identify = (book: WorkbookSnapshot, file = "bao-cao.xlsx") => identifyWorkbook(book, validateWorkbook(book).metadata, file, DEFAULT_REGISTRY);
const codeOf = (id: ReturnType<typeof identify>) => id.unit?.code;

describe("identifying a unit workbook", () => {
  it("first by what `cchc template --unit --period` recorded, an alias matching the registry's unit, even against a title or file name saying otherwise", () => {
    const book = unitBook(
      { BM2: { "1.1": 3 } },
      { unit: "Phòng VHXH", period: "2026-Q3", title: { unit: "Văn phòng HĐND và UBND", period: "6 tháng đầu năm 2026" } },
    );
    const id = identify(book, "kt-2026-H1.xlsx");
    expect(id).toMatchObject({ unitName: "Phòng VHXH", periodId: "2026-Q3", source: "metadata" });
    expect(codeOf(id)).toBe("VHXH");
  });

  it.each([
    ["Đơn vị báo cáo: Trung tâm PVHCC", "Kỳ báo cáo: Quý III năm 2026", "TTPVHCC", "Trung tâm PVHCC", "2026-Q3"],
    ["ĐƠN VỊ BÁO CÁO: Văn phòng HĐND - UBND", "KỲ BÁO CÁO: 6 THÁNG ĐẦU NĂM 2026", "VP", "Văn phòng HĐND - UBND", "2026-H1"],
    ["Don vi bao cao: phong van hoa xa hoi", "Ky bao cao: Nam 2025", "VHXH", "phong van hoa xa hoi", "2025-Y"],
    ["Đơn vị báo cáo:Phòng KT", "Kỳ báo cáo: Quý I năm 2026", "KT", "Phòng KT", "2026-Q1"],
  ])("then, on a hand-made sheet, by the title block: %p / %p", (unitLine, periodLine, code, name, periodId) => {
    const made = unitBook({ BM3: { "1.2": 5 } }, { sheetNames: { BM3: "Biểu mẫu 3" }, title: { unit: "x", period: "y" } });
    // Write the title lines exactly as typed, not through FORM_TEXT.
    const sheet = made.sheets[0];
    setA1(sheet, "A3", { value: unitLine });
    setA1(sheet, "A4", { value: periodLine });
    const id = identify(made, "bao-cao-6-thang.xlsx");
    expect(id).toMatchObject({ unitName: name, periodId, source: "title" });
    expect(codeOf(id)).toBe(code);
  });

  it.each([
    ["kt-2026-H1.xlsx", "KT"],
    ["/tmp/nop/Bao cao Phong Kinh te 6 thang.xlsx", "KT"],
    ["C:\\Users\\canbo\\Desktop\\BC_TT-PVHCC_2026.XLSX", "TTPVHCC"],
    ["vhxh.xlsx", "VHXH"],
    ["Báo cáo Văn phòng HĐND-UBND.xlsx", "VP"],
  ])("then by the file name %p against names and aliases", (file, code) => {
    const id = identify(unitBook({ BM1: { "1": 2 } }, { title: { unit: null, period: "6 tháng đầu năm 2026" } }), file);
    expect(id).toMatchObject({ source: "file-name", periodId: "2026-H1" });
    expect(codeOf(id)).toBe(code);
    expect(id.unitName).toBe(id.unit!.name);
  });

  it.each([
    ["vhxh-va-vp.xlsx", "two units named: no guess"],
    ["ktoan.xlsx", "a part of a word is not an alias"],
    ["bao-cao.xlsx", "no unit at all"],
  ])("%p is not matched (%s): the file is known by its name", (file) => {
    const id = identify(unitBook({ BM1: { "1": 2 } }), file);
    expect(id).toEqual({ unitName: file, source: "none" });
  });

  it("a title naming a unit outside the registry keeps that name", () => {
    const id = identify(unitBook({ BM1: { "1": 2 } }, { title: { unit: "Phòng Tư pháp", period: "Quý I năm 2026" } }), "bao-cao.xlsx");
    expect(id).toEqual({ unitName: "Phòng Tư pháp", periodId: "2026-Q1", source: "title" });
  });
});

describe("UNKNOWN_UNIT: a file whose unit is not in the registry", () => {
  it("is included, summed where units' parts are summed, never taken for a form's lead, given a column, with a warning naming the file and the unit", () => {
    const r = aggregate({
      workbooks: [
        { file: "vhxh.xlsx", book: unitBook({ BM1: { "3.1": 1, "3.2": 2 } }, { unit: "Phòng Văn hóa - Xã hội" }) },
        { file: "tu-phap.xlsx", book: unitBook({ BM1: { "3.1": 10, "3.2": 20 }, BM2: { "1.1": 5 } }, { unit: "Phòng Tư pháp" }) },
      ],
      registry: DEFAULT_REGISTRY,
    });
    expect(r.values.BM1).toMatchObject({ "3.1": 11, "3.2": 22 });
    // BM2 is VP's, which sent nothing: the unknown unit's 5 is listed, not used.
    expect(r.values.BM2["1.1"]).toBeNull();
    expect(r.findings.find((f) => f.code === "LEAD_MISSING")).toMatchObject({ form: "BM2", units: ["Phòng Tư pháp"] });
    expect(r.files.map((f) => [f.file, f.unitName, f.unitCode, f.status])).toEqual([
      ["vhxh.xlsx", "Phòng Văn hóa - Xã hội", "VHXH", "used"],
      ["tu-phap.xlsx", "Phòng Tư pháp", undefined, "used"],
    ]);
    expect(r.units).toEqual([{ name: "Phòng Văn hóa - Xã hội", code: "VHXH" }, { name: "Phòng Tư pháp" }]);
    const unknown = r.findings.filter((f) => f.code === "UNKNOWN_UNIT");
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ severity: "warning", file: "tu-phap.xlsx", actual: "Phòng Tư pháp" });
    expect(unknown[0].message).toContain('"Phòng Tư pháp"');
    expect(r.provenance.BM1["3.1"].contributions.find((c) => c.file === "tu-phap.xlsx")).toEqual({
      unitName: "Phòng Tư pháp",
      file: "tu-phap.xlsx",
      value: 10,
    });
  });

  it("a hand-made file matched by nothing is known by its file name", () => {
    const r = aggregate({
      workbooks: [{ file: "/nop/so-lieu.xlsx", book: unitBook({ BM1: { "1": 4 } }, { title: { unit: null, period: "6 tháng đầu năm 2026" } }) }],
      registry: DEFAULT_REGISTRY,
    });
    expect(r.files[0]).toMatchObject({ unitName: "so-lieu.xlsx", periodId: "2026-H1", status: "used" });
    expect(r.findings.filter((f) => f.code === "UNKNOWN_UNIT").map((f) => f.file)).toEqual(["/nop/so-lieu.xlsx"]);
    expect(r.values.BM1["1"]).toBe(4);
  });
});
