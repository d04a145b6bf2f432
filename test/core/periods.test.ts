import { defaultPeriodId, formatDateVi, parseDateVi, parsePeriod, recentPeriodIds } from "../../src/core/periods";
import { formatError } from "../../src/core/messages";

describe("report periods", () => {
  it.each([
    ["2026-Q1", "Quý I năm 2026", "Q1 2026", "2025-12-15", "2026-03-14", "2026-03-10"],
    ["2026-H1", "6 tháng đầu năm 2026", "First half of 2026", "2025-12-15", "2026-06-14", "2026-06-10"],
    ["2026-Q3", "Quý III năm 2026", "Q3 2026", "2026-06-15", "2026-09-14", "2026-09-10"],
    ["2026-Y", "Năm 2026", "Year 2026", "2025-12-15", "2026-12-14", "2026-12-10"],
    ["2030-h1", "6 tháng đầu năm 2030", "First half of 2030", "2029-12-15", "2030-06-14", "2030-06-10"],
  ])("%s is %s (%s), window %s – %s, units by %s", (id, label, en, from, to, deadline) => {
    const p = parsePeriod(id);
    expect(p.ok && p.value).toMatchObject({ id: id.toUpperCase().replace("H1", "H1"), label: { vi: label, en }, window: { from, to }, unitDeadline: deadline });
  });

  it.each(["2026", "2026-H2", "H1-2026", "26-H1", "2026-Q2", "", "1999-Q1", "2026-H1x"])("refuses %j with the accepted forms listed", (input) => {
    const p = parsePeriod(input);
    expect(p.ok).toBe(false);
    if (!p.ok) {
      expect(p.error.code).toBe("BAD_PERIOD");
      expect(formatError(p.error, "vi")).toContain("2026-H1");
      expect(formatError(p.error, "vi")).toContain("YYYY-Q1, YYYY-H1, YYYY-Q3, YYYY-Y");
      expect(formatError(p.error, "en")).toMatch(/^Report period/);
    }
  });

  it("takes a ward's own window and deadline (seed 000)", () => {
    const p = parsePeriod("2026-H1", { window: { from: "2026-01-01", to: "2026-05-31" }, unitDeadline: "2026-06-04" });
    expect(p.ok && p.value).toMatchObject({ window: { from: "2026-01-01", to: "2026-05-31" }, unitDeadline: "2026-06-04" });
  });

  it("refuses a window that ends before it starts, and impossible dates", () => {
    const backwards = parsePeriod("2026-H1", { window: { from: "2026-06-01", to: "2026-01-01" } });
    expect(!backwards.ok && backwards.error.code).toBe("BAD_WINDOW");
    const bad = parsePeriod("2026-H1", { unitDeadline: "2026-02-30" });
    expect(!bad.ok && bad.error.code).toBe("BAD_DATE");
  });

  it("defaults to the current half-year: H1 until June, then the annual report", () => {
    expect(defaultPeriodId(new Date(2026, 0, 5))).toBe("2026-H1");
    expect(defaultPeriodId(new Date(2026, 5, 30))).toBe("2026-H1");
    expect(defaultPeriodId(new Date(2026, 6, 1))).toBe("2026-Y");
    expect(recentPeriodIds(new Date(2026, 10, 27)).slice(0, 5)).toEqual(["2026-Y", "2026-Q3", "2026-H1", "2026-Q1", "2025-Y"]);
  });

  it("reads and writes Vietnamese dates", () => {
    expect(parseDateVi("4/6/2026")).toBe("2026-06-04");
    expect(parseDateVi("31/02/2026")).toBeUndefined();
    expect(parseDateVi("2026-06-04")).toBeUndefined();
    expect(formatDateVi("2026-06-14")).toBe("14/06/2026");
  });
});
