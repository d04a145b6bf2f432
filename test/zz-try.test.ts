import { planToXlsx } from "../src/adapters/xlsx/write-plan";
import { readXlsx } from "../src/adapters/xlsx/read-workbook";
import { validateWorkbook } from "../src/core";
import { fillTemplate } from "./support/fill";
import { SEED_VALUES } from "./support/seed-values";
import { templatePlan } from "./support/plans";
it("prints", async () => {
  const bytes = await fillTemplate(await planToXlsx(templatePlan("Phường Nhị Chiểu")), SEED_VALUES);
  const r = validateWorkbook(await readXlsx(bytes));
  const lines = r.findings.map((f) => [f.severity.padEnd(7), f.code.padEnd(20), (f.cell ?? "").padEnd(9), f.message, "|", f.suggestion].join(" "));
  require("fs").writeFileSync("/tmp/findings.txt", lines.join("\n") + "\n" + JSON.stringify(r.counts));
});
