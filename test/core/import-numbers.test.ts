import type { CellValue } from "../../src/core/read";
import { cellAddress } from "../../src/core/layout/address";
import { type FindingCode } from "../../src/core/validate";
import { book, formOf, formSheet, rowOf, type Entry } from "../support/snapshot-builder";
import { validateWorkbook } from "../support/worded";

/**
 * Tricky notations in a pasted form (a sheet not named after its form, found
 * by its "Biểu mẫu N" title): the figure taken, and the finding raised at the
 * cell. The last rows show that a form's own sheet (a template) keeps the
 * plain rules: no figure is decided from the rest of the form there.
 */

type Case = [
  string, // what
  string, // form
  string, // row
  CellValue | Entry, // the row's cell
  Record<string, Entry>, // the rest of the form
  number | null | undefined, // figure taken (undefined: none)
  FindingCode[], // findings at the row's Số liệu cell
  string?, // words of the message that say why
];

const PASTED_CASES: Case[] = [
  // Vietnamese notation, the forms' own: read without a word
  ["thousands dot", "BM7", "1.4.1", "9.275", {}, 9275, []],
  ["millions", "BM3", "2.1.1", "1.234.567", {}, 1234567, []],
  ["a decimal comma after thousands", "BM6", "1.1", "17.330,4", {}, 17330.4, []],
  ["a plain count", "BM4", "1.1", "52", {}, 52, []],
  ["a percentage with its sign", "BM3", "1.1", "100%", {}, 100, []],
  // other spellings: read, and said
  ["a leading zero (the seed's 01)", "BM4", "1.3", "01", {}, 1, ["NUMBER_AS_TEXT"]],
  ["an English decimal point", "BM6", "1.1", "12.5", {}, 12.5, ["NUMBER_AS_TEXT"]],
  ["English thousands and decimals", "BM6", "1.1", "1,234.5", {}, 1234.5, ["NUMBER_AS_TEXT"]],
  ["spaces between thousands", "BM7", "1.4.1", "9 275", {}, 9275, ["NUMBER_AS_TEXT"]],
  // "42,809": two readings; the form decides, or nothing is taken
  [
    "42,809 confirmed by a ratio typed in the unit column (the seed's BM6)",
    "BM6",
    "1.1",
    "42,809",
    { "1.2": "21.406", "1": { value: "= b/a*100", unit: "50,0%" } },
    42809,
    ["VALUE_RESOLVED"],
    "khớp với tỷ lệ 50,0% ghi ở dòng 1",
  ],
  [
    "42,809 confirmed by arithmetic typed with its figures",
    "BM6",
    "1.1",
    "42,809",
    { "1.2": "21.406", "1": { value: "= 21.406/42.809*100" } },
    42809,
    ["VALUE_RESOLVED"],
    "khớp với tỷ lệ = 21.406/42.809*100",
  ],
  ["42,809 with no typed ratio: not guessed", "BM6", "1.1", "42,809", { "1.2": "21.406", "1": { value: "= b/a*100" } }, undefined, ["AMBIGUOUS_NUMBER"]],
  [
    "42,809 when both figures read two ways and both pairs keep the ratio: not guessed",
    "BM6",
    "1.1",
    "42,809",
    { "1.2": "21,406", "1": { value: null, unit: "50,0%" } },
    undefined,
    ["AMBIGUOUS_NUMBER"],
  ],
  [
    "42,809 when no reading fits the typed ratio: not guessed",
    "BM6",
    "1.1",
    "42,809",
    { "1.2": "21.406", "1": { value: null, unit: "30%" } },
    undefined,
    ["AMBIGUOUS_NUMBER"],
  ],
  ["a comma count: only the thousands reading is whole", "BM3", "1.2", "1,845", {}, 1845, ["VALUE_RESOLVED"], "số đếm phải là số nguyên"],
  // numbers Excel made while pasting "1.845" (a thousands dot read as a decimal point)
  ["a count mangled to 1,845: only 1845 is whole", "BM3", "1.2", 1.845, {}, 1845, ["VALUE_RESOLVED"], "số đếm phải là số nguyên"],
  [
    "a count mangled, confirmed by the typed ratio",
    "BM7",
    "1.4.1",
    1.845,
    { "1.4.2": "1.800", "1.4": { value: null, unit: "97,6%" } },
    1845,
    ["VALUE_RESOLVED"],
    "khớp với tỷ lệ 97,6% ghi ở dòng 1.4",
  ],
  [
    "a count mangled, confirmed by the part within it",
    "BM7",
    "1.4.1",
    1.845,
    { "1.4.2": "1.800" },
    1845,
    ["VALUE_RESOLVED"],
    "quan hệ phần – toàn bộ ở dòng 1.4.2",
  ],
  [
    "a count mangled, confirmed by the typed total",
    "BM5",
    "4.1",
    1.845,
    { "4.2": "5", "4.3": "0", "4": { value: "1.850" } },
    1845,
    ["VALUE_RESOLVED"],
    "khớp với tổng 1.850 ghi ở dòng 4",
  ],
  [
    "a count mangled when the form disagrees either way: its kind decides, and the error stays",
    "BM3",
    "2.1.2",
    1.845,
    { "2.1.1": "1.000" },
    1845,
    ["PART_EXCEEDS_WHOLE", "VALUE_RESOLVED"],
    "số đếm phải là số nguyên",
  ],
  [
    "money mangled, confirmed by the typed ratio",
    "BM6",
    "1.2",
    21.406,
    { "1.1": "42.809", "1": { value: null, unit: "50%" } },
    21406,
    ["VALUE_RESOLVED"],
    "khớp với tỷ lệ 50% ghi ở dòng 1",
  ],
  ["money with three decimals and nothing to decide: kept as Excel holds it, and said", "BM6", "1.1", 12.345, {}, 12.345, ["VALUE_RESOLVED"], "giữ nguyên"],
  ["money with one decimal: certain", "BM6", "1.1", 2.5, {}, 2.5, []],
  // what is not a figure
  ["a placeholder letter (the seed's a)", "BM1", "3.3.1", "a", {}, undefined, ["NOT_A_NUMBER"]],
  ["a dash", "BM4", "1.4", "-", {}, undefined, ["NOT_A_NUMBER"]],
  ["arithmetic typed into an input cell", "BM4", "1.1", "=50+2", {}, 52, ["VALUE_RESOLVED"], "phép tính gõ tay"],
  // ratio and total rows: what they show is checked, never taken as an input
  ["a ratio typed as arithmetic with its figures", "BM1", "2", "= 27/52*100", { "2.1": "52", "2.2": "27" }, (27 / 52) * 100, ["FORMULA_MISMATCH"]],
  ["the seed's = 9.275/9.275*100", "BM3", "2.1", "= 9.275/9.275*100", { "2.1.1": "9.275", "2.1.2": "9.275" }, 100, ["FORMULA_MISMATCH"]],
  ["a ratio left blank in a pasted table: computed, not an error", "BM1", "2", null, { "2.1": "52", "2.2": "27" }, (27 / 52) * 100, []],
];

const TEMPLATE_CASES: Case[] = [
  [
    "42,809 in a template, even with its ratio typed: AMBIGUOUS_NUMBER as ever",
    "BM6",
    "1.1",
    "42,809",
    { "1.2": "21.406", "1": { value: null, unit: "50,0%" } },
    undefined,
    ["AMBIGUOUS_NUMBER"],
  ],
  ["1,845 held as a number in a template: NOT_INTEGER as ever", "BM3", "1.2", 1.845, {}, 1.845, ["NOT_INTEGER"]],
  ["9.275 as text in a template: NUMBER_AS_TEXT as ever", "BM7", "1.4.1", "9.275", {}, 9275, ["NUMBER_AS_TEXT"]],
];

function run(pasted: boolean, [, form, stt, cell, rest, , ,]: Case) {
  const f = formOf(form);
  const entry = cell !== null && typeof cell === "object" ? cell : { value: cell };
  const values: Record<string, Entry> = { ...rest, [stt]: entry };
  // A pasted table has no formulas: its ratio and total rows hold what was typed, or nothing.
  for (const row of f.rows) if ((row.kind === "ratio" || row.kind === "total") && !(row.stt in values)) values[row.stt] = { value: null };
  const options = pasted ? { sheetName: "Sheet1", titleLines: [`Biểu mẫu ${f.number}`, f.title, null], values } : { values };
  const result = validateWorkbook(book(formSheet(form, options)));
  const sheet = pasted ? "Sheet1" : form;
  const address = `${sheet}!${cellAddress(rowOf(form, options).get(stt)!, 4)}`;
  return { result, address, figure: result.figures[form]?.[stt] };
}

describe.each([
  ["in a pasted form", true, PASTED_CASES],
  ["in a template", false, TEMPLATE_CASES],
] as const)("%s", (_name, pasted, cases) => {
  it.each(cases)("%s (%s %s)", (...c) => {
    const [, form, , , , figure, codes, why] = c;
    const { result, address, figure: taken } = run(pasted, c);
    expect(result.forms).toEqual({ [form]: pasted ? "Sheet1" : form });
    if (typeof figure === "number") expect(taken).toBeCloseTo(figure, 9);
    else expect(taken).toBe(figure);
    const here = result.findings.filter((f) => f.cell === address);
    expect(here.map((f) => f.code)).toEqual(codes);
    if (why) expect((here.find((x) => x.code === "VALUE_RESOLVED") ?? here[0]).message).toContain(why);
    // Every decided value carries the raw content and the value taken.
    for (const f of here.filter((x) => x.code === "VALUE_RESOLVED")) {
      expect(f.actual).not.toBeNull();
      expect(f.expected).not.toBeNull();
      expect(f.fix).toMatchObject({ kind: "set-number", value: figure });
    }
  });
});
