import { buildWardPlan } from "../../../src/core/layout/ward-sheets";
import { SAMPLE_UNITS } from "../../../src/core/sample/demo-units";
import { DEFAULT_REGISTRY } from "../../../src/core/units";
import { openWorkbook } from "../../../src/adapters/xlsx/open-workbook";
import { planToXlsx } from "../../../src/adapters/xlsx/write-plan";
import { CLEAN_VALUES } from "../clean-values";
import { fillTemplate } from "../fill";
import { messyWorkbook } from "../pasted-messy";
import { pastedSeedWorkbook } from "../pasted-seed";
import { period, templatePlan } from "../plans";
import { SEED_VALUES } from "../seed-values";
import { text, unzipParts, utf8, zipOf, type Parts } from "./parts";
import { aggregate, validateWorkbook } from "../worded";

/** A good workbook made by the product (or pasted as a ward would), that the fuzz cases start from. */
export interface Base {
  name: string;
  bytes: Uint8Array;
  parts: Parts;
  /** how often plain cases start from it */
  weight: number;
  /** a unit's workbook of the default registry, for the aggregation cases */
  unit?: string;
}

/**
 * The workbook with the time ExcelJS stamps into docProps/core.xml fixed (and
 * zipped again the way Excel does), so that a case's seed makes the same bytes
 * on every run and a failing case can be replayed.
 */
function withFixedClock(bytes: Uint8Array): Uint8Array {
  const parts = unzipParts(bytes);
  const core = parts["docProps/core.xml"];
  if (core) parts["docProps/core.xml"] = utf8(text(core).replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, "2026-06-12T08:00:00Z"));
  return zipOf(parts, 6);
}

/**
 * The starting points: an empty template, templates filled cleanly and with
 * the seed report's figures, the four demo units' workbooks, the ward
 * workbook the product writes from them, the seed's Phụ lục 3 pasted from
 * Word, and a messier pasted appendix. Pasted appendices cost ~5× more to
 * validate (row matching by text), so they are drawn less often.
 */
export async function makeBases(): Promise<Base[]> {
  const template = await planToXlsx(templatePlan());
  const made: Omit<Base, "parts">[] = [
    { name: "template", bytes: template, weight: 12 },
    { name: "filled-clean", bytes: await fillTemplate(template, CLEAN_VALUES), weight: 16 },
    { name: "filled-seed", bytes: await fillTemplate(await planToXlsx(templatePlan("Phường Nhị Chiểu")), SEED_VALUES), weight: 12 },
  ];
  for (const u of SAMPLE_UNITS) {
    made.push({ name: `unit-${u.code}`, bytes: await fillTemplate(await planToXlsx(templatePlan(u.name, u.forms)), u.figures), weight: 5, unit: u.name });
  }
  // The ward's workbook, as `cchc aggregate` writes it from the demo units.
  const units = made.filter((b) => b.unit);
  const workbooks = [];
  for (const b of units) {
    const opened = await openWorkbook(b.bytes, `${b.name}.xlsx`);
    if (!opened.ok) throw new Error(`base ${b.name} does not open`);
    workbooks.push({ file: `${b.name}.xlsx`, book: opened.value });
  }
  const ward = aggregate({ workbooks, registry: DEFAULT_REGISTRY });
  made.push({ name: "ward", bytes: await planToXlsx(buildWardPlan(ward, period(ward.periodId), "2026-06-12T08:00:00.000Z")), weight: 6 });
  made.push({ name: "pasted-seed", bytes: await pastedSeedWorkbook(), weight: 3 });
  made.push({ name: "pasted-messy", bytes: await messyWorkbook(), weight: 3 });
  const bases = made.map((b) => {
    const bytes = withFixedClock(b.bytes);
    return { ...b, bytes, parts: unzipParts(bytes) };
  });
  // Every base must be good: a fuzz case's failure then comes from its mutation.
  for (const b of bases) {
    const opened = await openWorkbook(b.bytes, b.name);
    if (!opened.ok) throw new Error(`base ${b.name} does not open: ${opened.error.code}`);
    if (Object.keys(validateWorkbook(opened.value).forms).length === 0) throw new Error(`base ${b.name} has no forms`);
  }
  return bases;
}
