/**
 * Unit workbooks for the browser tests, made the way `npm run demo` makes
 * them: a layout plan with the unit's figures, written by the .xlsx adapter.
 */
import { planToXlsx } from "../../../src/adapters/xlsx/write-plan";
import { buildWorkbookPlan } from "../../../src/core/layout/workbook-plan";
import { parsePeriod } from "../../../src/core/periods/period";
import { SAMPLE_PERIOD, SAMPLE_UNITS, type SampleUnit } from "../../../src/core/sample/demo-units";

/** A named file the tests hand to the page. */
export interface TestFile {
  name: string;
  bytes: Uint8Array;
}

/** A unit's filled workbook for a period (default: the sample period, 6 tháng đầu năm 2026). */
export async function unitFile(name: string, unit: Pick<SampleUnit, "name" | "forms" | "figures">, periodId = SAMPLE_PERIOD): Promise<TestFile> {
  const period = parsePeriod(periodId);
  if (!period.ok) throw new Error(`bad test period ${periodId}`);
  const plan = buildWorkbookPlan({ unit: unit.name, period: period.value, forms: unit.forms, figures: unit.figures, createdAt: "2026-06-10T08:00:00.000Z" });
  return { name, bytes: await planToXlsx(plan) };
}

/** A sample unit by its code (vhxh, vp, tt-pvhcc, kt). */
export function sampleUnit(code: string): SampleUnit {
  const unit = SAMPLE_UNITS.find((u) => u.code === code);
  if (!unit) throw new Error(`no sample unit ${code}`);
  return unit;
}

const ONE_STOP = sampleUnit("tt-pvhcc");

/** The one-stop centre's BM7 with more dossiers submitted online (1.3.2) than in all (1.3.1): BM7!D17 is wrong. */
export const plantedError = () =>
  unitFile("tt-pvhcc-loi.xlsx", { ...ONE_STOP, forms: ["BM7"], figures: { BM7: { ...ONE_STOP.figures.BM7, "1.3.1": 352, "1.3.2": 372 } } });

/** The same centre's file with the mistake put right. */
export const cleanOneStop = () => unitFile("tt-pvhcc.xlsx", { ...ONE_STOP, figures: { ...ONE_STOP.figures, BM7: { ...ONE_STOP.figures.BM7, "1.3.2": 340 } } });

/** A CSV export someone renamed to .xlsx. */
export const csvRenamed = (): TestFile => ({ name: "so-lieu.xlsx", bytes: new Uint8Array(Buffer.from("STT,Chỉ tiêu,Số liệu\n1,Văn bản,7\n2,Nhiệm vụ,3\n")) });
