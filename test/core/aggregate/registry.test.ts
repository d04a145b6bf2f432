import * as fs from "node:fs";
import { DEFAULT_REGISTRY, matchUnitName, parseRegistry, type UnitRegistry } from "../../../src/core/units";
import { CATALOGUE } from "../../../src/core/forms";

const unit = (code: string, name: string, aliases: string[] = [], forms: string[] = ["BM1"]) => ({ code, name, aliases, forms });
const registry = (...units: unknown[]) => ({ ward: "Phường Ái Quốc", units });

describe("the default unit registry", () => {
  it("is used as shipped only because the schema makes of it exactly what it is, defaults written out", () => {
    // DEFAULT_REGISTRY is the JSON itself at run time (no zod at start-up); this is where the schema checks it.
    const shipped: unknown = JSON.parse(fs.readFileSync("src/core/units/registry.json", "utf8"));
    expect(parseRegistry(shipped)).toEqual({ ok: true, value: shipped });
    expect(DEFAULT_REGISTRY).toEqual(shipped);
  });

  it("lists the ward's five units of DOMAIN.md, with every form answered for by someone, and no ward's name", () => {
    // The product never writes a ward name it was not given.
    expect(DEFAULT_REGISTRY.ward).toBeUndefined();
    expect(DEFAULT_REGISTRY.units.map((u) => u.code)).toEqual(["VHXH", "VP", "KT", "TTPVHCC", "TTDVSNC"]);
    const answered = new Set(DEFAULT_REGISTRY.units.flatMap((u) => u.forms));
    expect([...answered].sort()).toEqual(CATALOGUE.forms.map((f) => f.id));
    expect(DEFAULT_REGISTRY.units.find((u) => u.code === "TTPVHCC")!.forms).toContain("BM3");
    expect(DEFAULT_REGISTRY.units.find((u) => u.code === "VHXH")!.forms).toContain("BM4");
  });
});

describe("parseRegistry", () => {
  it("accepts a registry and fills in missing aliases", () => {
    const r = parseRegistry(registry({ code: "A", name: "Phòng A", forms: ["BM1"] }));
    expect(r).toEqual({ ok: true, value: { ward: "Phường Ái Quốc", units: [unit("A", "Phòng A")], leads: {}, combine: {} } });
  });

  it("takes the ward's leads and combine settings, per form or per row", () => {
    const r = parseRegistry({ ...registry(unit("A", "Phòng A"), unit("B", "Phòng B")), leads: { BM6: "B" }, combine: { BM1: "lead", "BM1 4.2": "sum" } });
    expect(r).toMatchObject({ ok: true, value: { leads: { BM6: "B" }, combine: { BM1: "lead", "BM1 4.2": "sum" } } });
  });

  it("a setup without a ward name is valid (the officer gives it when aggregating); a blank one is not", () => {
    expect(parseRegistry({ units: [unit("A", "Phòng A")] }).ok).toBe(true);
    expect(parseRegistry({ ward: "  ", units: [unit("A", "Phòng A")] })).toMatchObject({ ok: false, issues: [expect.stringMatching(/^ward: /)] });
  });

  it.each([
    ["not an object", [], /^\(gốc\): /],
    ["a lead that is not one of the units", { ...registry(unit("A", "Phòng A")), leads: { BM6: "KT" } }, /^leads\.BM6: không có đơn vị mã KT/],
    ["a lead for a form the catalogue lacks", { ...registry(unit("A", "Phòng A")), leads: { BM9: "A" } }, /^leads\.BM9: phải là một trong/],
    ["a combine mode other than sum or lead", { ...registry(unit("A", "Phòng A")), combine: { BM1: "average" } }, /^combine\.BM1: /],
    ["a combine key naming a ratio row", { ...registry(unit("A", "Phòng A")), combine: { "BM1 2": "sum" } }, /^combine\.BM1 2: phải là một biểu mẫu/],
    ["no unit", registry(), /^units: /],
    ["a unit without a name", registry({ code: "A", forms: ["BM1"] }), /^units\.0\.name: /],
    ["a code with spaces", registry(unit("A B", "Phòng A")), /^units\.0\.code: /],
    ["a form not written BMn", registry(unit("A", "Phòng A", [], ["Biểu 1"])), /^units\.0\.forms\.0: /],
    ["aliases that are not a list", registry({ code: "A", name: "Phòng A", aliases: "A", forms: ["BM1"] }), /^units\.0\.aliases: /],
    ["an unknown field (a typo)", registry({ ...unit("A", "Phòng A"), form: ["BM2"] }), /^units\.0: .*form/],
    ["an empty alias", registry(unit("A", "Phòng A", [""])), /^units\.0\.aliases\.0: /],
  ])("refuses %s with a readable line naming where", (_what, input, line) => {
    const r = parseRegistry(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.length).toBeGreaterThan(0);
    expect(r.issues.some((i) => line.test(i))).toBe(true);
    for (const i of r.issues) expect(i).not.toContain("\n");
  });

  it("refuses an alias naming two units, saying which, in Vietnamese or English", () => {
    const twice = registry(unit("VHXH", "Phòng Văn hóa - Xã hội", ["Phòng VH"]), unit("VP", "Văn phòng", ["phong vh"]));
    expect(parseRegistry(twice)).toEqual({ ok: false, issues: ['units.1: "phong vh" chỉ cả VHXH lẫn VP'] });
    expect(parseRegistry(twice, "en")).toEqual({ ok: false, issues: ['units.1: "phong vh" names both VHXH and VP'] });
  });

  it("words the checker's own issues in the officer's language", () => {
    const input = { ...registry(unit("A", "Phòng A", [], ["BM9"])), extra: 1 };
    expect(parseRegistry(input)).toEqual({
      ok: false,
      issues: ["units.0.forms.0: phải là một trong BM1, BM2, BM3, BM4, BM5, BM6, BM7", '(gốc): Khóa không được nhận dạng: "extra"'],
    });
    expect(parseRegistry(input, "en")).toEqual({
      ok: false,
      issues: ["units.0.forms.0: must be one of BM1, BM2, BM3, BM4, BM5, BM6, BM7", '(root): Unrecognized key: "extra"'],
    });
  });

  it("refuses a unit's name used as another's alias", () => {
    const r = parseRegistry(registry(unit("KT", "Phòng Kinh tế"), unit("KT2", "Phòng Kinh tế 2", ["Phòng Kinh tế"])));
    expect(r.ok).toBe(false);
  });

  it("refuses two units with the same code", () => {
    const r = parseRegistry(registry(unit("VP", "Văn phòng"), unit("VP", "Văn phòng HĐND")));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toEqual(["units.1.code: mã VP được dùng cho hai đơn vị"]);
  });

  it("refuses aliases that differ only by what matching ignores (punctuation)", () => {
    const r = parseRegistry(registry(unit("VP", "Văn phòng", ["Văn phòng HĐND-UBND"]), unit("UB", "Ủy ban", ["Văn phòng HĐND - UBND"])));
    expect(r.ok).toBe(false);
  });

  it("lets a unit repeat its own name as an alias", () => {
    expect(parseRegistry(registry(unit("VP", "Văn phòng", ["VĂN PHÒNG", "vp"]))).ok).toBe(true);
  });
});

describe("matching unit names", () => {
  const r: UnitRegistry = DEFAULT_REGISTRY;
  it.each([
    ["Phòng Văn hóa - Xã hội", "VHXH"],
    ["phong van hoa xa hoi", "VHXH"],
    ["  PHÒNG VHXH ", "VHXH"],
    ["VĂN PHÒNG HĐND-UBND", "VP"],
    ["Văn phòng HĐND – UBND", "VP"],
    ["ttpvhcc", "TTPVHCC"],
    ["Phòng Tư pháp", undefined],
    ["", undefined],
    ["---", undefined],
  ])("%p → %p", (name, code) => {
    expect(matchUnitName(r, name)?.code).toBe(code);
  });
});
