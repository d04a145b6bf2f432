import { aggregate } from "../../src/core/aggregate";
import { buildWorkbookPlan, buildWardPlan } from "../../src/core/layout";
import { DEFAULT_REGISTRY } from "../../src/core/units/registry";
import { SAMPLE_UNITS } from "../../src/core/sample/demo-units";
import { planToXlsx } from "../../src/adapters/xlsx/write-plan";
import { openWorkbook } from "../../src/adapters/xlsx/open-workbook";
import { writePlanToExcel } from "../../src/adapters/office/write-plan";
import { period } from "../support/plans";
import { FakeExcel } from "./fake-excel";

it("measures", async () => {
  for (const n of [4, 30]) {
    const workbooks = [];
    for (let i = 0; i < n; i++) {
      const u = SAMPLE_UNITS[i % 4];
      const name = i < 4 ? u.name : `${u.name} ${i}`;
      const plan = buildWorkbookPlan({ unit: name, period: period(), forms: u.forms, figures: u.figures, createdAt: "2026-05-01T00:00:00Z" });
      const bytes = await planToXlsx(plan);
      const t = Date.now();
      const o = await openWorkbook(bytes, `f${i}.xlsx`);
      if (i === 0) console.log("open ms", Date.now() - t, bytes.length);
      if (!o.ok) throw new Error("x");
      workbooks.push({ file: `f${i}.xlsx`, book: o.value });
    }
    const result = aggregate({ workbooks, registry: DEFAULT_REGISTRY });
    const plan = buildWardPlan(result, period(), "2026-07-01T08:00:00Z");
    const fake = new FakeExcel();
    await writePlanToExcel(fake.run, plan, { replaceExisting: false, supportsPageLayout: true });
    const cells = plan.sheets.reduce((s, x) => s + x.cells.length, 0);
    console.log(n, "cells", cells, "calls", fake.calls.length, "bytes", fake.calls.join("\n").length, "findings", result.findings.length, plan.sheets.map(s => `${s.name}:${s.cells.length}`).join(" "));
  }
});
