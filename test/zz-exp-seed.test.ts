import { openWorkbook } from "../src/adapters/xlsx/open-workbook";
import { validateWorkbook } from "../src/core/validate";
import { pastedSeedWorkbook } from "./support/pasted-seed";
it("explore", async () => {
  const bytes = await pastedSeedWorkbook();
  const book = await openWorkbook(bytes, "x.xlsx");
  if (!book.ok) throw new Error("x");
  const s = book.value.sheets[0];
  console.log(s.merges.slice(0, 8), Object.entries(s.cells).slice(0, 12).map(([a, c]) => `${a}=${JSON.stringify(c.value)}`).join("\n"));
  const r = validateWorkbook(book.value);
  console.log(r.forms, JSON.stringify(r.figures));
  console.log(r.findings.map((f) => `${f.severity} ${f.code} ${f.cell} ${f.form} ${f.row}: ${f.message}`).join("\n"));
  console.log(r.counts);
});
