import { checkedFinding, cleanForm, placesOf, validate } from "../../support/finding-checks";
import { book } from "../../support/snapshot-builder";
import { at } from "../../support/a1";

/**
 * The input codes all come from checkInputValues; each test expects a
 * finding of its code, so each fails without it.
 */
describe("NOT_A_NUMBER", () => {
  it("a letter typed as a figure (the seed's a and b in BM1 3.3.1 / 3.3.2)", () => {
    const b = book(cleanForm("BM1", { "3.3.1": "a", "3.3.2": "b" }));
    expect(placesOf(validate(b), "NOT_A_NUMBER")).toEqual(["BM1!D16", "BM1!D17"]);
    const f = checkedFinding(b, "NOT_A_NUMBER", "BM1!D16");
    expect(f).toMatchObject({ severity: "error", form: "BM1", row: "3.3.1", expected: null, actual: "a" });
    expect(f.message).toContain('"a"');
    // an unreadable part leaves the ratio and the ≤ rule unchecked rather than guessed
    expect(validate(b).figures.BM1).not.toHaveProperty("3.3.1");
    expect(placesOf(validate(b), "RATIO_MISMATCH")).toEqual([]);
  });

  it.each([
    ["an error value", { value: null, error: "#REF!" }, "#REF!"],
    ["two commas", "12,5,6", "12,5,6"],
    ["a boolean", true, "true"],
  ])("%s", (_case, entry, actual) => {
    const b = book(cleanForm("BM2", { "1.1": entry }));
    expect(checkedFinding(b, "NOT_A_NUMBER", "BM2!D9")).toMatchObject({ row: "1.1", actual });
  });
});

describe("text from the file, as a finding quotes it", () => {
  it("stays on one line and is cut short: a pasted essay in a figure cell is not a message", () => {
    const essay = `Ghi chú:\r\nsố liệu\tđang tổng hợp ${"x".repeat(5000)}`;
    const f = checkedFinding(book(cleanForm("BM2", { "1.1": essay })), "NOT_A_NUMBER", "BM2!D9");
    expect(f.message).not.toMatch(/[\r\n\t]/);
    expect(f.message).toContain('"Ghi chú: số liệu đang tổng hợp xxx');
    expect(f.message.length).toBeLessThan(600);
    expect(f.actual).toMatch(/^Ghi chú: số liệu đang tổng hợp x+…$/);
    expect(f.actual!.length).toBe(301);
  });
});

describe("NUMBER_AS_TEXT", () => {
  it.each([
    ["6.412", "BM3", "1.2", "BM3!D10", 6412, "6.412"],
    ["35.250,5", "BM6", "1.1", "BM6!D9", 35250.5, "35.250,5"],
    ["01", "BM4", "1.3", "BM4!D11", 1, "1"],
    ["12,5%", "BM4", "2.4", "BM4!D17", 12.5, "12,5"],
    ["9 275", "BM7", "1.4.1", "BM7!D19", 9275, "9.275"],
  ])("%p is read as a number, with a warning and a certain fix", (raw, form, stt, cell, value, shown) => {
    const b = book(cleanForm(form, { [stt]: raw }));
    const f = checkedFinding(b, "NUMBER_AS_TEXT", cell);
    expect(f).toMatchObject({ severity: "warning", form, row: stt, expected: shown, actual: raw });
    expect(f.fix).toEqual({ kind: "set-number", sheet: form, ...at(cell.split("!")[1]), address: cell.split("!")[1], value });
    expect(f.message).toContain(shown);
    expect(validate(b).figures[form][stt]).toBe(value);
  });

  it("the reading is used by the other rules (9.275 / 9.275 × 100 = 100, 2.1 typed as 99 is off)", () => {
    const b = book(cleanForm("BM3", { "2.1": 99, "2.1.1": "9.275", "2.1.2": "9.275" }));
    const result = validate(b);
    expect(placesOf(result, "NUMBER_AS_TEXT")).toEqual(["BM3!D13", "BM3!D14"]);
    expect(result.findings.find((f) => f.code === "FORMULA_MISMATCH")).toMatchObject({ cell: "BM3!D12", actual: "99" });
    expect(result.findings.find((f) => f.code === "FORMULA_MISMATCH")!.message).toContain("tỷ lệ là 100 %");
    expect(result.counts.warning).toBe(2);
  });
});

describe("AMBIGUOUS_NUMBER", () => {
  it("the seed's 42,809 (thousands or decimals?) is an error and is not guessed", () => {
    const b = book(cleanForm("BM6", { "1.1": "42,809", "1.2": "21.406" }));
    const f = checkedFinding(b, "AMBIGUOUS_NUMBER", "BM6!D9");
    expect(f).toMatchObject({ severity: "error", form: "BM6", row: "1.1", expected: null, actual: "42,809" });
    expect(f.message).toContain("42,809");
    expect(f.message).toContain("42.809");
    expect(f.fix).toBeUndefined();
    const result = validate(b);
    expect(result.figures.BM6).not.toHaveProperty("1.1");
    expect(result.figures.BM6).not.toHaveProperty("1");
    const en = validate(b, "en").findings.find((x) => x.code === "AMBIGUOUS_NUMBER")!;
    expect(en.message).toContain("42.809");
    expect(en.message).toContain("42,809");
  });
});

describe("NOT_INTEGER", () => {
  it("1.845 in a count (a thousands dot read as a decimal point by an English Excel)", () => {
    const b = book(cleanForm("BM3", { "1.2": 1.845 }));
    const f = checkedFinding(b, "NOT_INTEGER", "BM3!D10");
    expect(f).toMatchObject({ severity: "error", row: "1.2", expected: null, actual: "1,845" });
    expect(f.suggestion).toContain("1.845");
  });

  it("2,5 in a count: no thousands guess in the suggestion; decimals are fine in money and percentages", () => {
    const b = book(cleanForm("BM5", { "2.2": 2.5 }), cleanForm("BM6", { "1.1": 42809.75 }), cleanForm("BM4", { "2.4": 12.25 }));
    expect(placesOf(validate(b), "NOT_INTEGER")).toEqual(["BM5!D14"]);
    const f = checkedFinding(b, "NOT_INTEGER", "BM5!D14");
    expect(f.suggestion).not.toContain("2.500");
  });
});

describe("NEGATIVE", () => {
  it.each([
    ["a count", "BM5", "2.1", "BM5!D13", -5, "-5"],
    ["money", "BM6", "1.2", "BM6!D10", -21406.5, "-21.406,5"],
    ["a percentage", "BM3", "1.1", "BM3!D9", -1, "-1"],
    ["a count typed as text", "BM2", "1.1", "BM2!D9", "-5", "-5"],
  ])("%s below 0", (_case, form, stt, cell, value, actual) => {
    const b = book(cleanForm(form, { [stt]: value }));
    expect(checkedFinding(b, "NEGATIVE", cell)).toMatchObject({ severity: "error", form, row: stt, actual });
    expect(placesOf(validate(b), "NOT_INTEGER")).toEqual([]);
  });
});

describe("OUT_OF_RANGE", () => {
  it("a percentage above 100 (BM3 1.1 typed as 120)", () => {
    const b = book(cleanForm("BM3", { "1.1": 120 }), cleanForm("BM4", { "2.4": 100 }));
    expect(placesOf(validate(b), "OUT_OF_RANGE")).toEqual(["BM3!D9"]);
    expect(checkedFinding(b, "OUT_OF_RANGE", "BM3!D9")).toMatchObject({ severity: "error", row: "1.1", expected: "0–100", actual: "120" });
  });

  it("0 is in range, 100,5 is not", () => {
    const b = book(cleanForm("BM3", { "1.1": 0 }), cleanForm("BM4", { "2.4": 100.5 }));
    expect(placesOf(validate(b), "OUT_OF_RANGE")).toEqual(["BM4!D17"]);
  });
});

describe("INVALID_CODE", () => {
  it.each([
    ["4.3", 3, "BM1!D24", "0, 1, 2"],
    ["4.3", 1.5, "BM1!D24", "0, 1, 2"],
    ["5", 2, "BM1!D25", "0, 1"],
  ])("BM1 %s = %p is not a listed code", (stt, value, cell, codes) => {
    const b = book(cleanForm("BM1", { [stt]: value }));
    const f = checkedFinding(b, "INVALID_CODE", cell);
    expect(f).toMatchObject({ severity: "error", row: stt, expected: codes });
    expect(f.suggestion).toContain(stt === "5" ? "Không = 0, Có = 1" : "Trực tuyến = 0");
  });

  it("every listed code is accepted, text codes are read", () => {
    const ok = ["0", 1, 2].map((code, i) => cleanForm("BM1", { "4.3": code, "5": i % 2 }));
    for (const sheet of ok) expect(placesOf(validate(book(sheet)), "INVALID_CODE")).toEqual([]);
    expect(placesOf(validate(book(cleanForm("BM1", { "5": "3" }))), "INVALID_CODE")).toEqual(["BM1!D25"]);
  });
});
