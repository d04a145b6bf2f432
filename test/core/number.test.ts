import { formatNumberEn, formatNumberVi, readNumber, type CellValue, type NumberReading } from "../../src/core/read";

/** A number read from text, with the notation the reader says it took. */
const text = (value: number, notation: string, percent = false): NumberReading => ({ kind: "number", value, from: "text", notation, percent }) as NumberReading;
const ambiguous = (raw: string, first: number, second: number, percent = false): NumberReading => ({
  kind: "ambiguous",
  readings: [first, second],
  raw,
  percent,
});
const notANumber = (raw: string): NumberReading => ({ kind: "text", raw });
const BLANK: NumberReading = { kind: "blank" };

describe("readNumber: Vietnamese notation first, nothing guessed", () => {
  it.each<[string, CellValue, NumberReading]>([
    // Vietnamese: dot for thousands, comma for decimals
    ["thousands dot", "1.234", text(1234, "vi-thousands")],
    ["thousands and decimals", "1.234,5", text(1234.5, "vi-decimal")],
    ["a leading zero (the seed's 01)", "01", text(1, "plain")],
    ["a percent sign", "12,5%", text(12.5, "vi-decimal", true)],
    ["a percent sign after a space", "12,5 %", text(12.5, "vi-decimal", true)],
    ["the seed's dossier count", "9.275", text(9275, "vi-thousands")],
    ["money with a decimal comma", "35.250,5", text(35250.5, "vi-decimal")],
    ["the seed's 6.412", "6.412", text(6412, "vi-thousands")],
    ["the seed's 17.330,4", "17.330,4", text(17330.4, "vi-decimal")],
    ["millions", "1.234.567", text(1234567, "vi-thousands")],
    ["millions with decimals", "1.000.000,25", text(1000000.25, "vi-decimal")],
    ["a decimal comma", "1,5", text(1.5, "vi-decimal")],
    ["a decimal comma after a zero head (cannot be thousands)", "0,809", text(0.809, "vi-decimal")],
    ["a four-digit head before three decimals (cannot be thousands)", "1234,567", text(1234.567, "vi-decimal")],
    // ambiguous: a comma followed by exactly three digits after a 1–3 digit head
    ["the seed's 42,809", "42,809", ambiguous("42,809", 42.809, 42809)],
    ["1,234", "1,234", ambiguous("1,234", 1.234, 1234)],
    ["an ambiguous percentage", "42,809%", ambiguous("42,809%", 42.809, 42809, true)],
    ["an ambiguous negative", "-1,234", ambiguous("-1,234", -1.234, -1234)],
    // English spellings, read only where they cannot mean anything else
    ["a dot that cannot separate thousands", "1.5", text(1.5, "en-decimal")],
    ["a zero head before a dot (not five hundred)", "0.500", text(0.5, "en-decimal")],
    ["the same with three decimals", "0.809", text(0.809, "en-decimal")],
    ["English thousands and decimals", "1,234.5", text(1234.5, "en-full")],
    ["English millions", "1,234,567", text(1234567, "en-full")],
    // spaces, signs, blanks
    ["spaces between thousands", "9 275", text(9275, "spaced")],
    ["a non-breaking space between thousands", "9\u00a0275", text(9275, "spaced")],
    ["a minus sign", "-5", text(-5, "plain")],
    ["a typographic minus", "−3", text(-3, "plain")],
    ["a plus sign", "+4", text(4, "plain")],
    ["spaces around", " 7 ", text(7, "plain")],
    ["an empty string", "", BLANK],
    ["only spaces", "   ", BLANK],
    ["null", null, BLANK],
    // not numbers
    ["a letter (the seed's a)", "a", notANumber("a")],
    ["a placeholder formula", "= b/a*100", notANumber("= b/a*100")],
    ["two dots, not thousands", "1.2.3", notANumber("1.2.3")],
    ["two commas, not thousands", "12,5,6", notANumber("12,5,6")],
    ["a lone percent sign", "%", notANumber("%")],
    ["a zero head before thousands and decimals", "0.500,5", notANumber("0.500,5")],
    ["an English million with a zero head", "0,234,567", notANumber("0,234,567")],
    ["a boolean", true, notANumber("true")],
  ])("%s: %j", (_case, input, reading) => {
    expect(readNumber(input)).toEqual(reading);
  });

  it.each<[number, NumberReading]>([
    [12.5, { kind: "number", value: 12.5, from: "number" }],
    [0, { kind: "number", value: 0, from: "number" }],
    [-3, { kind: "number", value: -3, from: "number" }],
    [9275, { kind: "number", value: 9275, from: "number" }],
    [NaN, notANumber("NaN")],
    [Infinity, notANumber("Infinity")],
    [-Infinity, notANumber("-Infinity")],
  ])("a stored number %p is taken as it is (finite only)", (input, reading) => {
    expect(readNumber(input)).toEqual(reading);
  });
});

describe("readNumber: digits past what a number holds", () => {
  it.each(["1".repeat(400), "9".repeat(309), "-" + "9".repeat(400), "1" + ".000".repeat(120), "1" + ".000".repeat(120) + ",5", "9".repeat(400) + "%"])(
    "%s is text, not Infinity (found by the fuzz test)",
    (s) => {
      expect(readNumber(s)).toEqual({ kind: "text", raw: s });
    },
  );

  it("the largest finite spelling still reads", () => {
    expect(readNumber("9".repeat(308))).toMatchObject({ kind: "number", value: Number("9".repeat(308)) });
  });
});

describe("formatNumberVi / formatNumberEn", () => {
  it.each<[number, number | undefined, string, string]>([
    [1234.5, undefined, "1.234,5", "1,234.5"],
    [1234567, undefined, "1.234.567", "1,234,567"],
    [9275, 0, "9.275", "9,275"],
    [42.809, 3, "42,809", "42.809"],
    [51.92307692, 2, "51,92", "51.92"],
    [51.92307692, 1, "51,9", "51.9"],
    [50, 1, "50", "50"],
    [0, undefined, "0", "0"],
    [999, undefined, "999", "999"],
    [1000, undefined, "1.000", "1,000"],
    [-1234567.25, undefined, "-1.234.567,25", "-1,234,567.25"],
    [-0.001, 2, "0", "0"],
    [-0.001, 3, "-0,001", "-0.001"],
  ])("%p with %p decimals → %p (vi), %p (en)", (value, decimals, vi, en) => {
    expect(formatNumberVi(value, decimals)).toBe(vi);
    expect(formatNumberEn(value, decimals)).toBe(en);
  });

  it.each(["1.234", "1.234,5", "9.275", "35.250,5", "0,809", "1.234.567"])("reads back what it writes: %s", (s) => {
    const r = readNumber(s);
    expect(r.kind).toBe("number");
    if (r.kind === "number") expect(formatNumberVi(r.value, 3)).toBe(s);
  });
});
