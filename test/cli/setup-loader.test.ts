/**
 * issue 14 part 4: one loader of the ward's setup (core/units/load-setup),
 * used by `cchc --units`, the pane's codec and the file worker. Its issues
 * are data (path, code, params); worded, they read as parseRegistry's lines.
 */
import { LIMITS } from "../../src/core/limits";
import { checkSetup, loadSetup, setupIssueLine, setupSizeIssue, setupTextTooLarge } from "../../src/core/units/load-setup";
import { DEFAULT_REGISTRY } from "../../src/core/units/registry";
import { parseRegistry } from "../../src/core/units/registry-schema";

const unit = (code: string, name: string, aliases: string[] = [], forms = ["BM1"]) => ({ code, name, aliases, forms });

describe("the setup loader", () => {
  it("reads a setup as text, a byte-order mark allowed", () => {
    expect(loadSetup(`\uFEFF${JSON.stringify(DEFAULT_REGISTRY)}`)).toEqual({ ok: true, setup: DEFAULT_REGISTRY });
  });

  it("says a text that is not JSON, with the parser's detail as a parameter", () => {
    const r = loadSetup("{ ward: Phường A");
    expect(r).toMatchObject({ ok: false, issues: [{ path: [], code: "not-json", params: { detail: expect.any(String) } }] });
  });

  it("refuses a text over LIMITS.maxSetupBytes, counted in UTF-8 bytes, before parsing it", () => {
    const limit = LIMITS.maxSetupBytes;
    // "ệ" is three bytes: a third of the limit in characters is just over it in bytes.
    const text = `"${"ệ".repeat(Math.ceil(limit / 3))}"`;
    expect(text.length).toBeLessThan(limit);
    expect(loadSetup(text)).toEqual({ ok: false, issues: [{ path: [], code: "too-large", params: { bytes: expect.any(Number), limit } }] });
    expect(setupTextTooLarge(text)).toBe(true);
    expect(setupSizeIssue(limit)).toBeUndefined();
    expect(setupSizeIssue(limit + 1)).toMatchObject({ code: "too-large", params: { bytes: limit + 1, limit } });
  });

  it("gives structured issues: where (a path of keys and indexes), what (a code) and its particulars", () => {
    const r = checkSetup({ ward: "", units: [{ code: "a b", name: 3 }], leads: { BM9: "X" } });
    if (r.ok) throw new Error("accepted");
    expect(r.issues.map((i) => [i.path, i.code])).toEqual([
      [["ward"], "too_small"],
      [["units", 0, "code"], "invalid_format"],
      [["units", 0, "name"], "invalid_type"],
      [["units", 0, "forms"], "invalid_type"],
    ]);
    expect(r.issues[2].params).toMatchObject({ expected: "string" });
  });

  it.each([
    ["an empty ward name", { ward: "  ", units: [unit("A", "Phòng A")] }],
    ["wrong types and shapes", { ward: "", units: [{ code: "a b", name: 3 }] }],
    ["no units", { units: [] }],
    ["a value that is no setup", "danh sách"],
    ["an unknown key and an unknown form", { units: [{ ...unit("A", "Phòng A"), forms: ["BM9"] }], extra: 1 }],
    ["a name of two units", { units: [unit("VHXH", "Phòng Văn hóa", ["phong vh"]), unit("VP", "Văn phòng", ["Phong VH"])] }],
    ["a code used twice", { units: [unit("VP", "Văn phòng"), unit("VP", "Văn phòng HĐND")] }],
    ["a lead that is no unit, a bad combine key", { units: [unit("A", "Phòng A")], leads: { BM1: "B", BM8: "A" }, combine: { "BM1 9.9": "sum", BM2: "both" } }],
  ])("words %s exactly as parseRegistry does, in Vietnamese and English", (_what, input) => {
    const r = checkSetup(input);
    if (r.ok) throw new Error("accepted");
    for (const lang of ["vi", "en"] as const) {
      expect(r.issues.map((i) => setupIssueLine(i, lang))).toEqual((parseRegistry(input, lang) as { issues: string[] }).issues);
    }
  });
});
