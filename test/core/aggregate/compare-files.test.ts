import { compareFigures } from "../../../src/core/aggregate/compare-files";

describe("compareFigures: what differs between two files of one unit", () => {
  it("finds nothing when the figures are the same, to a sheet's rounding", () => {
    expect(compareFigures({ BM1: { "1": 12, "1.1": 0.1 + 0.2 } }, { BM1: { "1": 12, "1.1": 0.3 } })).toEqual([]);
  });

  it("lists differing figures form by form, STT 1.2 before 1.10, with both values", () => {
    const older = { BM2: { "1.10": 4, "1.2": 7 }, BM10: { "1": 1 }, BM1: { "2": null } };
    const newer = { BM2: { "1.10": 5, "1.2": 8 }, BM10: { "1": 1 }, BM1: { "2": 3 } };
    expect(compareFigures(older, newer)).toEqual([
      { form: "BM1", stt: "2", a: null, b: 3 },
      { form: "BM2", stt: "1.2", a: 7, b: 8 },
      { form: "BM2", stt: "1.10", a: 4, b: 5 },
    ]);
  });

  it("counts a form one file lacks as figures left empty", () => {
    expect(compareFigures({ BM6: { "1": 9 } }, {})).toEqual([{ form: "BM6", stt: "1", a: 9, b: null }]);
    expect(compareFigures({ BM6: { "1": null } }, {})).toEqual([]);
  });
});
