import type { Host } from "../host/types";
import { runExcel, type ExcelRunner } from "./run-excel";
import { writePlanToExcel } from "./write-plan";

/** What the Excel host reaches for in Office.js; tests pass their own. */
export interface ExcelHostEnv {
  run?: ExcelRunner;
  /** whether worksheet.pageLayout (ExcelApi 1.9) can be used; asked at each write */
  supportsPageLayout?: () => boolean;
}

const pageLayoutSupported = () => Office.context.requirements.isSetSupported("ExcelApi", "1.9");

/** The host of the real add-in: writes into the workbook open in Excel. */
export function createExcelHost(env: ExcelHostEnv = {}): Host {
  const run = env.run ?? runExcel;
  const supportsPageLayout = env.supportsPageLayout ?? pageLayoutSupported;
  return {
    kind: "excel",
    // fileName is for the browser host's download; Excel writes into the open workbook.
    async writeTemplate(plan, { replaceExisting, signal }) {
      signal?.throwIfAborted();
      return await writePlanToExcel(run, plan, { replaceExisting, supportsPageLayout: supportsPageLayout() });
    },
  };
}
