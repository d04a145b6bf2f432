import { CATALOGUE, FORM_IDS, findForm, loadCatalogue, type CatalogueInput } from "../../src/core/forms";
import * as fs from "node:fs";
import { COPIED_DOMAIN_MD, readDomainForms, SHARED_DOMAIN_MD } from "../support/domain";

const clone = (): CatalogueInput => JSON.parse(JSON.stringify(CATALOGUE));

describe("the forms catalogue", () => {
  it("is used as shipped only because the schema makes of it exactly what it is (no default, no transform)", () => {
    // CATALOGUE is the JSON itself at run time (no zod at start-up); this is where the schema checks it.
    expect(loadCatalogue(JSON.parse(fs.readFileSync("src/core/forms/catalogue.json", "utf8")))).toEqual(CATALOGUE);
  });

  it("has the seven forms in order, with the row counts of Phụ lục 3", () => {
    expect(FORM_IDS).toEqual(["BM1", "BM2", "BM3", "BM4", "BM5", "BM6", "BM7"]);
    expect(CATALOGUE.forms.map((f) => f.rows.length)).toEqual([18, 2, 10, 10, 12, 13, 16]);
  });

  it("matches every row of DOMAIN.md: STT, indicator text and unit", () => {
    const domain = readDomainForms();
    expect(domain.length).toBe(81);
    const ours = CATALOGUE.forms.flatMap((f) => f.rows.map((r) => ({ form: f.id, stt: r.stt, indicator: r.indicator, unit: r.unit })));
    expect(ours).toEqual(domain.map(({ form, stt, indicator, unit }) => ({ form, stt, indicator, unit })));
  });

  it("is tested against the team's DOMAIN.md: the repository's copy is the shared one, word for word", () => {
    const copy = fs.readFileSync(COPIED_DOMAIN_MD, "utf8");
    // On a clone without the shared folder beside it, the copy is all there is.
    if (fs.existsSync(SHARED_DOMAIN_MD)) expect(copy).toBe(fs.readFileSync(SHARED_DOMAIN_MD, "utf8"));
    expect(copy).toMatch(/### Biểu mẫu 7/);
  });

  it("gives each row the kind DOMAIN.md names", () => {
    const kindOf = (text: string) =>
      text.startsWith("ratio")
        ? "ratio"
        : text.startsWith("total")
          ? "total"
          : text.startsWith("percent")
            ? "percent"
            : text.startsWith("code")
              ? "code"
              : text.startsWith("money")
                ? "money"
                : text.startsWith("header")
                  ? "header"
                  : "count";
    for (const d of readDomainForms()) {
      const row = findForm(d.form)!.rows.find((r) => r.stt === d.stt)!;
      expect(`${d.form} ${d.stt} ${row.kind}`).toBe(`${d.form} ${d.stt} ${kindOf(d.kind)}`);
      const ratio = /ratio (\S+) \/ (\S+)/.exec(d.kind);
      if (ratio) expect([row.numerator, row.denominator]).toEqual([ratio[1], ratio[2]]);
      const total = /total = ([\d. +]+)/.exec(d.kind);
      if (total) expect(row.sumOf).toEqual(total[1].split("+").map((s) => s.trim()));
      const atMost = /≤ (\d+(?:\.\d+)*)\b(?! \(cross)/.exec(d.kind);
      if (atMost && !d.kind.includes("+")) expect(row.atMost).toBe(atMost[1]);
    }
  });

  it("keeps STT as text, never as a number", () => {
    for (const form of CATALOGUE.forms) for (const row of form.rows) expect(typeof row.stt).toBe("string");
  });

  it("records the rules of DOMAIN.md: partition, parts within a whole, cross-form, codes", () => {
    expect(findForm("BM6")!.rows.find((r) => r.stt === "2.1")!.equalsSumOf).toEqual(["2.2", "2.3", "2.4", "2.5"]);
    expect(findForm("BM1")!.rows.find((r) => r.stt === "4.1")!.partsAtMost).toEqual(["4.1.1", "4.1.2", "4.1.3"]);
    expect(findForm("BM5")!.rows.find((r) => r.stt === "1.2")!.atMostRowOf).toEqual({ form: "BM6", stt: "2.1" });
    expect(
      findForm("BM1")!
        .rows.find((r) => r.stt === "4.3")!
        .codes!.map((c) => c.value),
    ).toEqual([0, 1, 2]);
    expect(
      findForm("BM1")!
        .rows.find((r) => r.stt === "5")!
        .codes!.map((c) => c.value),
    ).toEqual([0, 1]);
    expect(findForm("BM4")!.rows.find((r) => r.stt === "1.2")!.atMostSeverity).toBe("warning");
  });
});

describe("the catalogue schema refuses a broken catalogue", () => {
  const broken: Array<[string, (c: CatalogueInput) => void, RegExp]> = [
    ["a duplicated STT", (c) => c.forms[0].rows.push({ ...c.forms[0].rows[0] }), /STT 1 bị trùng/],
    ["an STT written as a number", (c) => ((c.forms[0].rows[2] as { stt: unknown }).stt = 2.1), /stt/],
    ["a ratio without denominator", (c) => delete c.forms[0].rows[1].denominator, /numerator và denominator/],
    ["a reference to a missing row", (c) => (c.forms[1].rows[0].sumOf = ["1.1", "1.9"]), /1\.9 không có/],
    ["a total without parts", (c) => delete c.forms[1].rows[0].sumOf, /cần sumOf/],
    ["a code row without codes", (c) => delete c.forms[0].rows[16].codes, /cần danh sách codes/],
    ["a cross-form rule to a missing form", (c) => (c.forms[4].rows[2].atMostRowOf = { form: "BM9", stt: "1" }), /không có BM9 1/],
    ["an unknown field", (c) => ((c.forms[0].rows[0] as Record<string, unknown>).colour = "red"), /colour|Unrecognized/i],
    ["a form id that does not match its number", (c) => (c.forms[2].id = "BM4"), /phải là BM3/],
  ];
  it.each(broken)("%s", (_name, breakIt, message) => {
    const c = clone();
    breakIt(c);
    expect(() => loadCatalogue(c)).toThrow(message);
  });

  it("accepts the shipped catalogue", () => {
    expect(() => loadCatalogue(clone())).not.toThrow();
  });
});
