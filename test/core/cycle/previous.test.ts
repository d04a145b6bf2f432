import { planToXlsx } from "../../../src/adapters/xlsx/write-plan";
import { compareWorkbooks, earlierFigures } from "../../../src/core/cycle/previous-workbook";
import { buildWorkbookPlan } from "../../../src/core/layout/workbook-plan";
import { toFinding } from "../../../src/core/messages/word";
import type { WorkbookSnapshot } from "../../../src/core/read";
import { period, snapshotOf } from "../../support/plans";

const VHXH = "Phòng Văn hóa - Xã hội";

/** A unit's workbook as the product writes it, read back from its .xlsx bytes. */
async function unitFile(periodId: string, figures: Record<string, Record<string, number>>, unit = VHXH): Promise<WorkbookSnapshot> {
  const plan = buildWorkbookPlan({ unit, period: period(periodId), forms: Object.keys(figures), figures, createdAt: "2026-06-01T08:00:00.000Z" });
  return snapshotOf(await planToXlsx(plan));
}

const words = (findings: ReturnType<typeof compareWorkbooks>, lang: "vi" | "en" = "vi") => findings.map((f) => toFinding(f, lang));

describe("a period against the earlier one (DOMAIN.md, Cumulative rows)", () => {
  it("a cumulative row below the earlier period's of the same year is CUMULATIVE_DECREASED at the later cell, naming both periods in words", async () => {
    const q1 = await unitFile("2026-Q1", { BM1: { "2.1": 10, "2.2": 4 }, BM5: { "3": 1 } });
    const h1 = await unitFile("2026-H1", { BM1: { "2.1": 10, "2.2": 2 }, BM5: { "3": 1 } });
    const found = words(compareWorkbooks(h1, earlierFigures(q1, "q1.xlsx")));
    const fell = found.filter((f) => f.code === "CUMULATIVE_DECREASED");
    // 2.2 fell from 4 to 2, and so did the ratio 2 (20 % < 40 %); BM5 3 stayed.
    expect(fell.map((f) => [f.form, f.row, f.cell, f.severity])).toEqual([
      ["BM1", "2", "BM1!D9", "error"],
      ["BM1", "2.2", "BM1!D11", "error"],
    ]);
    expect(fell[1].message).toContain("6 tháng đầu năm 2026: 2 < Quý I năm 2026: 4");
    expect(words(compareWorkbooks(h1, earlierFigures(q1, "q1.xlsx")), "en")[1].message).toContain("First half of 2026: 2 < Q1 2026: 4");
  });

  it("a cumulative row that grew, or a stock row that moved by a third or less, is no finding", async () => {
    const q1 = await unitFile("2026-Q1", { BM1: { "2.1": 10, "2.2": 4 }, BM4: { "1.1": 40, "1.2": 30 } });
    const h1 = await unitFile("2026-H1", { BM1: { "2.1": 10, "2.2": 7 }, BM4: { "1.1": 40, "1.2": 38 } });
    expect(compareWorkbooks(h1, earlierFigures(q1, "q1.xlsx"))).toEqual([]);
  });

  it("a stock figure that moved by more than a third is an info, with the change; a year before compares stocks but not cumulative rows", async () => {
    const lastYear = await unitFile("2025-H1", { BM1: { "2.1": 10, "2.2": 9 }, BM4: { "1.1": 40, "1.2": 24 } });
    const h1 = await unitFile("2026-H1", { BM1: { "2.1": 10, "2.2": 2 }, BM4: { "1.1": 40, "1.2": 36 } });
    const found = words(compareWorkbooks(h1, earlierFigures(lastYear, "2025.xlsx")));
    expect(found.map((f) => [f.code, f.form, f.row, f.severity])).toEqual([["STOCK_CHANGED", "BM4", "1.2", "info"]]);
    expect(found[0].message).toContain("(+50 %)");
  });

  it("another unit's file, a later period or one of another year is one clear line, nothing compared", async () => {
    const h1 = await unitFile("2026-H1", { BM1: { "2.1": 10, "2.2": 2 } });
    const other = await unitFile("2026-Q1", { BM1: { "2.1": 10, "2.2": 9 } }, "Phòng Kinh tế");
    const later = await unitFile("2026-Q3", { BM1: { "2.1": 10, "2.2": 9 } });
    const older = await unitFile("2025-Q1", { BM1: { "2.1": 10, "2.2": 9 } });
    for (const [earlier, why] of [
      [other, "other-unit"],
      [later, "not-earlier"],
      [older, "not-earlier"],
    ] as const) {
      const found = compareWorkbooks(h1, earlierFigures(earlier, "truoc.xlsx"));
      expect(found.map((f) => [f.code, f.code === "PREVIOUS_NOT_COMPARABLE" ? f.params.why : null])).toEqual([["PREVIOUS_NOT_COMPARABLE", why]]);
    }
    const [line] = words(compareWorkbooks(h1, earlierFigures(other, "kt-quy-1.xlsx")));
    expect(line.message).toBe("Tệp kỳ trước kt-quy-1.xlsx là của Phòng Kinh tế, không phải của Phòng Văn hóa - Xã hội: không so sánh.");
  });
});
