import { CATALOGUE } from "../../../src/core/forms";
import { buildFormSheet } from "../../../src/core/layout/form-sheet";
import { FINDING_CODES } from "../../../src/core/validate";
import { en, vi } from "../../../src/core/messages";
import { CLEAN_VALUES } from "../../support/clean-values";
import { cleanForm, listFindings, validate } from "../../support/finding-checks";
import { period } from "../../support/plans";
import { book, formSheet, metaSheet } from "../../support/snapshot-builder";
import { a1, cellsA1 } from "../../support/a1";

const FORMS = CATALOGUE.forms.map((f) => f.id);

describe("the snapshot builder", () => {
  it.each(FORMS)("lays %s out like the generated template (header, STT, indicator, unit, formula cells)", (id) => {
    const form = CATALOGUE.forms.find((f) => f.id === id)!;
    const plan = buildFormSheet(form, "Phòng Văn hóa - Xã hội", period());
    const sheet = formSheet(id);
    const planned = Object.fromEntries(plan.cells.filter((c) => c.value !== undefined || c.formula !== undefined).map((c) => [a1(c), c.formula ?? c.value]));
    for (const [address, cell] of Object.entries(cellsA1(sheet))) {
      const row = Number(address.replace(/\D/g, ""));
      if (row < 7) continue; // title lines carry another unit and period
      expect([address, cell.formula ?? cell.value]).toEqual([address, planned[address]]);
    }
    expect(Object.keys(cellsA1(sheet)).length).toBeGreaterThan(form.rows.length * 2);
  });
});

describe("a clean, consistent fill of all seven forms", () => {
  const clean = book(...FORMS.map((id) => cleanForm(id)), metaSheet(FORMS));

  it("gives no finding at all", () => {
    const result = validate(clean);
    expect(listFindings(result)).toBe("");
    expect(result.counts).toEqual({ error: 0, warning: 0, info: 0 });
    expect(result.forms).toEqual(Object.fromEntries(FORMS.map((id) => [id, id])));
    expect(result.metadata?.forms).toEqual(FORMS);
  });

  it("computes ratios and totals from their parts", () => {
    const { figures } = validate(clean);
    expect(figures.BM1["2"]).toBeCloseTo((27 / 52) * 100, 9);
    expect(figures.BM2["1"]).toBe(7);
    expect(figures.BM6["2.4"]).toBe(12);
    expect(figures.BM6["1"]).toBeCloseTo((21406.5 / 42809) * 100, 9);
    expect(figures.BM5["4"]).toBe(3);
    for (const id of FORMS) for (const [stt, v] of Object.entries(CLEAN_VALUES[id])) expect([id, stt, figures[id][stt]]).toEqual([id, stt, v]);
  });

  it("a fresh, empty template gives one note per form and nothing else", () => {
    const result = validate(book(...FORMS.map((id) => formSheet(id)), metaSheet(FORMS)));
    expect(result.counts).toEqual({ error: 0, warning: 0, info: FORMS.length });
    expect(result.findings.map((f) => [f.code, f.form, f.row])).toEqual(FORMS.map((id) => ["MISSING_VALUE", id, null]));
  });
});

describe("message tables", () => {
  it.each([...FINDING_CODES])("%s has a Vietnamese and an English writer", (code) => {
    expect(typeof vi.findings[code]).toBe("function");
    expect(typeof en.findings[code]).toBe("function");
  });
});
