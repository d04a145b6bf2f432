import { selectForms } from "../../src/core/forms";

describe("choosing forms", () => {
  it.each([
    [undefined, ["BM1", "BM2", "BM3", "BM4", "BM5", "BM6", "BM7"]],
    ["", ["BM1", "BM2", "BM3", "BM4", "BM5", "BM6", "BM7"]],
    ["BM4,BM1", ["BM1", "BM4"]],
    ["bm1, 4; BM4", ["BM1", "BM4"]],
    [
      ["7", "Biểu mẫu 3"],
      ["BM3", "BM7"],
    ],
  ])("%j gives %j in catalogue order", (spec, expected) => {
    const r = selectForms(spec as string);
    expect(r.ok && r.value).toEqual(expected);
  });

  it("names the unknown form and lists the known ones", () => {
    const r = selectForms("BM1,BM8");
    expect(r).toEqual({ ok: false, error: { code: "UNKNOWN_FORM", input: "BM8", known: "BM1, BM2, BM3, BM4, BM5, BM6, BM7" } });
  });
});
