/**
 * A unit name written by hand is matched to the ward's setup by what it means,
 * not by its exact text: "P. Kinh tế - HT&ĐT" is KT, the seeds' "Văn phòng
 * HĐND&UBND phường" is VP. Never silently: an info finding says so; a name
 * that fits two units fits none, and the warnings name both.
 */
import { identifyWorkbook, type UnitWorkbook } from "../../../src/core/aggregate";
import { findUnit, normaliseUnitName, editDistance } from "../../../src/core/units/match-unit";
import { DEFAULT_REGISTRY, type UnitRegistry } from "../../../src/core/units/registry";
import { parseRegistry } from "../../../src/core/units/registry-schema";
import { unitBook, type UnitFigures } from "../../support/unit-books";
import { aggregate, validateWorkbook } from "../../support/worded";

const KT = "Phòng Kinh tế, Hạ tầng và Đô thị";
const code = (name: string, registry: UnitRegistry = DEFAULT_REGISTRY) => findUnit(registry, name).unit?.code;
const like = (name: string, registry: UnitRegistry = DEFAULT_REGISTRY) => findUnit(registry, name).resembles.map((u) => u.code);

function setup(input: unknown): UnitRegistry {
  const r = parseRegistry(input);
  if (!r.ok) throw new Error(r.issues.join("\n"));
  return r.value;
}

/** Two project boards of a ward, one letter apart: a name between them is neither. */
const BOARDS = setup({
  ward: "Phường Ái Quốc",
  units: [
    { code: "VHXH", name: "Phòng Văn hóa - Xã hội", forms: ["BM1"] },
    { code: "BQLA", name: "Ban Quản lý dự án đầu tư xây dựng khu A", forms: ["BM6"] },
    { code: "BQLB", name: "Ban Quản lý dự án đầu tư xây dựng khu B", forms: ["BM6"] },
  ],
});

describe("normalising a unit name", () => {
  it.each([
    ["P. Kinh tế - HT&ĐT", "phong kinh te ha tang do thi"],
    [KT, "phong kinh te ha tang do thi"],
    ["Phòng KTHTĐT", "phong kinh te ha tang do thi"],
    ["Văn phòng HĐND&UBND phường", "van phong hdnd ubnd"],
    ["VP HĐND - UBND", "van phong hdnd ubnd"],
    ["Trung tâm Phục vụ Hành chính công phường", "trung tam phuc vu hanh chinh cong"],
    ["TT PVHCC", "trung tam phuc vu hanh chinh cong"],
    ["TTDVSNC", "trung tam dich vu su nghiep cong"],
    ["Phòng VH-XH", "phong van hoa xa hoi"],
    ["Phòng Kinh tế thị trấn", "phong kinh te"],
  ])("%p → %p", (name, key) => {
    expect(normaliseUnitName(name)).toBe(key);
  });

  it.each([
    ["Hợp tác xã", "hop tac xa", "a cooperative is not a commune"],
    ["Phường Nhị Chiểu", "phuong nhi chieu", "a place keeps its own word"],
    ["Công an phường", "cong an", "only the trailing word goes"],
    ["Ktoán", "ktoan", "a word with a vowel is no abbreviation"],
    ["UBND", "ubnd", "HĐND and UBND stay as they are"],
  ])("%p → %p (%s)", (name, key) => {
    expect(normaliseUnitName(name)).toBe(key);
  });

  it("edit distance stops once past its bound", () => {
    expect(editDistance("hanh chinh", "hanh chanh", 2)).toBe(1);
    expect(editDistance("abc", "xyz", 1)).toBe(2);
    expect(editDistance("abcdef", "a", 2)).toBe(3);
  });
});

describe("matching a name to the ward's setup", () => {
  it.each([
    ["Văn phòng HĐND&UBND phường", "VP"],
    ["Trung tâm Phục vụ Hành chính công phường", "TTPVHCC"],
    ["P. Kinh tế - HT&ĐT", "KT"],
    ["Phòng Kinh tế - Hạ tầng - Đô thị", "KT"],
    ["Trung tâm Phục vụ hành chánh công", "TTPVHCC"],
    ["Trung tam Dich vu su nghiep cong xa", "TTDVSNC"],
  ])("%p is %p, matched by closeness", (name, expected) => {
    const m = findUnit(DEFAULT_REGISTRY, name);
    expect(m).toMatchObject({ how: "close", resembles: [] });
    expect(m.unit?.code).toBe(expected);
  });

  it('"phường X" is dropped from the end only when the setup says X is the ward', () => {
    const ward = setup({ ward: "Phường Nhị Chiểu", units: DEFAULT_REGISTRY.units });
    expect(findUnit(ward, "Văn phòng HĐND và UBND phường Nhị Chiểu")).toMatchObject({ how: "close", unit: { code: "VP" } });
    expect(findUnit(ward, "Văn phòng HĐND và UBND phường Hạ Lý").unit).toBeUndefined();
    const unnamed = setup({ units: DEFAULT_REGISTRY.units });
    expect(findUnit(unnamed, "Văn phòng HĐND và UBND phường Nhị Chiểu").unit).toBeUndefined();
    expect(findUnit(unnamed, "Văn phòng HĐND và UBND phường Nhị Chiểu")).toMatchObject({ resembles: [{ code: "VP" }] });
  });

  it("the setup's own names are exact matches", () => {
    expect(findUnit(DEFAULT_REGISTRY, "Phòng KT")).toMatchObject({ how: "exact", unit: { code: "KT" } });
    expect(findUnit(DEFAULT_REGISTRY, "VĂN PHÒNG HĐND-UBND")).toMatchObject({ how: "exact", unit: { code: "VP" } });
  });

  it.each([["Phòng Tư pháp"], ["Công an phường"], ["Tổ dân phố số 3"], ["Ban Chỉ huy Quân sự phường"], ["Ủy ban nhân dân phường Hạ Lý"], ["UBND xã Đường An"]])(
    "a clearly different name, %p, is not matched and resembles nothing",
    (name) => {
      expect(findUnit(DEFAULT_REGISTRY, name)).toEqual({ resembles: [] });
    },
  );

  it("a name close to two units is matched to neither, and both are named", () => {
    const m = findUnit(BOARDS, "Ban Quản lý dự án đầu tư xây dựng khu");
    expect(m.unit).toBeUndefined();
    expect(m.resembles.map((u) => u.code)).toEqual(["BQLA", "BQLB"]);
    // Each board's own name is still its own.
    expect(code("Ban Quản lý dự án đầu tư xây dựng khu B", BOARDS)).toBe("BQLB");
    expect(code("Ban quan ly du an dau tu xay dung khu  A", BOARDS)).toBe("BQLA");
  });

  it('a name fitting two units once abbreviations are written out ("Trung tâm") is neither', () => {
    expect(code("Trung tâm")).toBeUndefined();
    expect(like("TT")).toEqual(["TTPVHCC", "TTDVSNC"]);
  });

  it("a name near one unit but not close enough resembles it without being matched", () => {
    expect(code("Phòng Kinh tế Hạ tầng")).toBeUndefined();
    expect(like("Phòng Kinh tế Hạ tầng")).toEqual(["KT"]);
  });

  it("numbers must agree, and a place one letter off is another place", () => {
    const city = setup({
      units: [
        { code: "T3", name: "Tổ dân phố số 3 khu dân cư Nam", forms: ["BM1"] },
        { code: "AH", name: "Phường An Hải Bắc", forms: ["BM1"] },
      ],
    });
    expect(findUnit(city, "Tổ dân phố số 4 khu dân cư Nam")).toEqual({ resembles: [] });
    expect(code("To dan pho so 3 khu dan cu Nam", city)).toBe("T3");
    expect(findUnit(city, "Phường An Hảo Bắc")).toEqual({ resembles: [] });
    expect(code("Phường An Hải Bắc", city)).toBe("AH");
  });

  it("is memoised: a thousand look-ups of the same names take a few milliseconds", () => {
    const names = ["P. Kinh tế - HT&ĐT", "Văn phòng HĐND&UBND phường", "Phòng Tư pháp", "TT"];
    names.forEach((n) => findUnit(DEFAULT_REGISTRY, n));
    const started = performance.now();
    for (let i = 0; i < 1000; i++) for (const n of names) findUnit(DEFAULT_REGISTRY, n);
    expect(performance.now() - started).toBeLessThan(50);
  });
});

describe("identifying a workbook by a name close to the setup's", () => {
  const identify = (book: ReturnType<typeof unitBook>, file = "bao-cao.xlsx", registry = DEFAULT_REGISTRY) =>
    identifyWorkbook(book, validateWorkbook(book).metadata, file, registry);

  it("what the template recorded, matched by closeness, and said so", () => {
    const id = identify(unitBook({ BM6: { "1.1": 1 } }, { unit: "P. Kinh tế - HT&ĐT" }));
    expect(id).toMatchObject({ unitName: "P. Kinh tế - HT&ĐT", source: "metadata", byText: true, unit: { code: "KT" } });
  });

  it("a title block's name, matched by closeness, comes before the file name; the file name settles a name that fits two units", () => {
    const title = (unit: string) => unitBook({ BM2: { "1.1": 1 } }, { title: { unit, period: "6 tháng đầu năm 2026" } });
    expect(identify(title("Văn phòng HĐND&UBND phường"), "so-lieu.xlsx")).toMatchObject({ source: "title", byText: true, unit: { code: "VP" } });
    expect(identify(title("Văn phòng HĐND&UBND phường"), "vhxh.xlsx")).toMatchObject({ source: "title", byText: true, unit: { code: "VP" } });
    const byFile = identify(title("Trung tâm"), "bc-ttdvsnc.xlsx");
    expect(byFile).toEqual({ unitName: "Trung tâm", source: "title", periodId: "2026-H1", unit: expect.objectContaining({ code: "TTDVSNC" }) });
  });

  it("an unmatched name keeps what it resembles", () => {
    expect(identify(unitBook({ BM1: { "1": 1 } }, { unit: "Trung tâm" }))).toMatchObject({ unitName: "Trung tâm", resembles: ["TTPVHCC", "TTDVSNC"] });
  });
});

describe("aggregating files whose unit names are close to the setup's", () => {
  const wb = (file: string, unit: string, figures: UnitFigures): UnitWorkbook => ({ file, book: unitBook(figures, { unit }) });
  const BM6 = { BM6: { "1.1": 10, "1.2": 5 } };
  const BM1 = { BM1: { "1": 3 } };

  it("UNIT_MATCHED_BY_TEXT: the file counts for the unit, which is not missing; the info names both and asks for an alias", () => {
    const r = aggregate({ workbooks: [wb("kt.xlsx", "P. Kinh tế - HT&ĐT", { ...BM1, ...BM6 })], registry: DEFAULT_REGISTRY });
    expect(r.files[0]).toMatchObject({ file: "kt.xlsx", unitName: KT, unitCode: "KT", status: "used" });
    const info = r.findings.filter((f) => f.code === "UNIT_MATCHED_BY_TEXT");
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({ severity: "info", file: "kt.xlsx", expected: KT, actual: "P. Kinh tế - HT&ĐT" });
    expect(info[0].message).toBe(
      `Tên đơn vị "P. Kinh tế - HT&ĐT" không có trong danh sách đơn vị của phường nhưng gần với ${KT} (KT): tệp được tính là của ${KT}.`,
    );
    expect(info[0].suggestion).toContain('thêm "P. Kinh tế - HT&ĐT" làm tên gọi khác (aliases) của KT');
    expect(r.findings.filter((f) => f.code === "UNKNOWN_UNIT")).toEqual([]);
    expect(r.findings.filter((f) => f.code === "UNIT_MISSING").map((f) => f.message)).not.toContainEqual(expect.stringContaining(KT));
    expect(r.counts.info).toBeGreaterThanOrEqual(1);
  });

  it("in English too", () => {
    const r = aggregate({ workbooks: [wb("vp.xlsx", "Văn phòng HĐND&UBND phường", { BM2: { "1.1": 1 } })], registry: DEFAULT_REGISTRY, lang: "en" });
    const info = r.findings.find((f) => f.code === "UNIT_MATCHED_BY_TEXT")!;
    expect(info.message).toBe(
      "Unit name \"Văn phòng HĐND&UBND phường\" is not in the ward's list of units but is close to Văn phòng HĐND và UBND (VP): the file is counted as Văn phòng HĐND và UBND's.",
    );
    expect(info.suggestion).toContain('add "Văn phòng HĐND&UBND phường" as an alias of VP');
  });

  it("a name close to two units: UNKNOWN_UNIT names both, and each unit's UNIT_MISSING names the file", () => {
    const r = aggregate({
      workbooks: [wb("bql.xlsx", "Ban Quản lý dự án đầu tư xây dựng khu", BM6), wb("vhxh.xlsx", "Phòng Văn hóa - Xã hội", BM1)],
      registry: BOARDS,
    });
    expect(r.files[0]).toMatchObject({ unitName: "Ban Quản lý dự án đầu tư xây dựng khu", status: "used" });
    expect(r.files[0].unitCode).toBeUndefined();
    const unknown = r.findings.filter((f) => f.code === "UNKNOWN_UNIT");
    expect(unknown).toHaveLength(1);
    expect(unknown[0].message).toBe(
      'Không nhận ra đơn vị "Ban Quản lý dự án đầu tư xây dựng khu" trong danh sách đơn vị của phường: tên này gần với cả Ban Quản lý dự án đầu tư xây dựng khu A (BQLA); Ban Quản lý dự án đầu tư xây dựng khu B (BQLB), nên không được tính cho đơn vị nào; số liệu chỉ được cộng ở các dòng cộng các đơn vị, không thay số của đơn vị chủ trì.',
    );
    const missing = r.findings.filter((f) => f.code === "UNIT_MISSING");
    expect(missing.map((f) => f.form)).toEqual(["BM6", "BM6"]);
    expect(missing[0].message).toBe(
      'Ban Quản lý dự án đầu tư xây dựng khu A chưa gửi số liệu BM6. Có tệp ghi tên đơn vị gần giống nhưng không được tính là của Ban Quản lý dự án đầu tư xây dựng khu A: "Ban Quản lý dự án đầu tư xây dựng khu" (bql.xlsx).',
    );
    expect(missing[0].suggestion).toContain('thêm "Ban Quản lý dự án đầu tư xây dựng khu" làm tên gọi khác (aliases) của BQLA');
    expect(missing[1].message).toContain("khu B chưa gửi số liệu BM6.");
    expect(missing[1].message).toContain("(bql.xlsx)");
  });

  it("a unit missing while a file resembles it says why and how to fix it, in English too", () => {
    const r = aggregate({ workbooks: [wb("kt.xlsx", "Phòng Kinh tế Hạ tầng", BM6)], registry: DEFAULT_REGISTRY, lang: "en" });
    const unknown = r.findings.find((f) => f.code === "UNKNOWN_UNIT")!;
    expect(unknown.message).toBe(
      `Unit "Phòng Kinh tế Hạ tầng" is not in the ward's list of units; it resembles ${KT} (KT), but not closely enough to be taken for it. Its figures are added only to rows summed over units, never in place of a lead unit's.`,
    );
    expect(unknown.suggestion).toContain('add "Phòng Kinh tế Hạ tầng" as an alias of KT');
    const kt = r.findings.filter((f) => f.code === "UNIT_MISSING" && f.message.startsWith(KT));
    expect(kt.map((f) => f.form)).toEqual(["BM1", "BM6"]);
    for (const f of kt) {
      expect(f.message).toContain('"Phòng Kinh tế Hạ tầng" (kt.xlsx)');
      expect(f.suggestion).toContain('add "Phòng Kinh tế Hạ tầng" as an alias of KT in the unit list (--units)');
    }
    // The other units' UNIT_MISSING keep their plain words.
    expect(r.findings.find((f) => f.code === "UNIT_MISSING" && f.message.startsWith("Văn phòng"))!.message).toBe("Văn phòng HĐND và UBND has not sent BM1.");
  });

  it("a clearly different name stays an unknown unit with the plain warning", () => {
    const r = aggregate({ workbooks: [wb("tp.xlsx", "Phòng Tư pháp", BM1)], registry: DEFAULT_REGISTRY });
    const unknown = r.findings.filter((f) => f.code === "UNKNOWN_UNIT");
    expect(unknown.map((f) => f.message)).toEqual([
      'Không nhận ra đơn vị "Phòng Tư pháp" trong danh sách đơn vị của phường; số liệu chỉ được cộng ở các dòng cộng các đơn vị, không thay số của đơn vị chủ trì.',
    ]);
    expect(r.findings.filter((f) => f.code === "UNIT_MATCHED_BY_TEXT")).toEqual([]);
  });
});
