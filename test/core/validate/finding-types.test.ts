import type { FindingWriters } from "../../../src/core/messages/types";
import { rawFinding, type RawFinding } from "../../../src/core/validate/finding";
import { toFinding } from "../../../src/core/messages/word";

/**
 * Each code's params are a type of its own (validate/finding-params.ts): the
 * lines marked @ts-expect-error below must not compile, so `tsc` and ts-jest
 * fail the day a code's params go back to an untyped record.
 */
const place = { severity: "error", form: "BM6", row: "2.1", at: { sheet: "BM6", row: 12, col: 4 }, expected: null, actual: null } as const;

describe("finding params typed per code", () => {
  it("a rule cannot give a param its code does not have, nor leave one out", () => {
    const ok: RawFinding = rawFinding({ ...place, code: "NEGATIVE", params: { value: -1 } });
    // @ts-expect-error NEGATIVE has no `parts`
    rawFinding({ ...place, code: "NEGATIVE", params: { value: -1, parts: ["2.2"] } });
    // @ts-expect-error SUM_MISMATCH cannot be worded without its parts
    rawFinding({ ...place, code: "SUM_MISMATCH", params: { value: 19, sum: 31, partition: true } });
    // @ts-expect-error STRUCTURE_CHANGED "row-ambiguous" carries its candidates as STTs, not joined text
    rawFinding({ ...place, code: "STRUCTURE_CHANGED", params: { what: "row-ambiguous", text: "x", stt: "", candidates: "1.1, 1.2", value: "" } });
    expect(ok.code).toBe("NEGATIVE");
  });

  it("a message cannot read a param its code does not have", () => {
    // The untyped table read `p.part`; PART_EXCEEDS_WHOLE carries `parts`, an array.
    // @ts-expect-error PART_EXCEEDS_WHOLE has no `part`
    const wrong: FindingWriters["PART_EXCEEDS_WHOLE"] = (p) => ({ message: String(p.part), suggestion: "" });
    const right: FindingWriters["PART_EXCEEDS_WHOLE"] = (p) => ({ message: p.parts.join(" + "), suggestion: "" });
    expect(typeof wrong).toBe("function");
    expect(right({ parts: ["4.1.1", "4.1.2"], partValue: 3, whole: "4.1", wholeValue: 2 }, String, null!).message).toBe("4.1.1 + 4.1.2");
  });

  it("parts travel as an array and are joined only in words; the cell comes back as numbers", () => {
    const f = toFinding(
      rawFinding({
        ...place,
        code: "SUM_MISMATCH",
        params: {
          value: 19,
          sum: 31,
          parts: [
            { stt: "2.2", figure: 0 },
            { stt: "2.3", figure: null },
          ],
          partition: true,
        },
      }),
      "vi",
    );
    expect(f.message).toContain("2.2 + 2.3");
    expect(f.suggestion).toContain("2.2: 0, 2.3: (trống)");
    expect(f.cell).toBe("BM6!D12");
    expect(f.at).toEqual({ sheet: "BM6", row: 12, col: 4 });
  });
});
