import type { Host } from "../host/types";
import { applyFixesInExcel } from "./apply-fixes";
import { clearMarksInExcel, markCellsInExcel } from "./mark-cells";
import { readWorkbookFromExcel } from "./read-workbook";
import { runExcel, type ExcelRunner } from "./run-excel";
import { selectCellInExcel } from "./select-cell";
import { loadChoicesFromExcel } from "./last-choices";
import { loadSetupFromExcel, saveSetupToExcel } from "./setup-sheet";
import { writePlanToExcel } from "./write-plan";
import { writeWardToExcel } from "./write-ward";

/** What the Excel host reaches for in Office.js; tests pass their own. */
export interface ExcelHostEnv {
  run?: ExcelRunner;
  /** whether worksheet.pageLayout (ExcelApi 1.9) can be used; asked at each write */
  supportsPageLayout?: () => boolean;
  /** whether fill.tintAndShade (ExcelApi 1.9) can tell "no fill" from white when marking cells */
  supportsFillTint?: () => boolean;
  /** Office.context.requirements.isSetSupported("ExcelApi", version), for Kiểm tra môi trường */
  excelApiSupported?: (version: string) => boolean;
  /** Office.context.diagnostics (host, platform, version), for Kiểm tra môi trường */
  diagnostics?: () => { host: string; platform: string; version: string } | undefined;
}

const excelApiSupported = (version: string) => Office.context.requirements.isSetSupported("ExcelApi", version);
const pageLayoutSupported = () => excelApiSupported("1.9");
const officeDiagnostics = () => {
  const d = Office.context.diagnostics;
  return d && { host: String(d.host), platform: String(d.platform), version: String(d.version) };
};

/** The host of the real add-in: writes into the workbook open in Excel. */
export function createExcelHost(env: ExcelHostEnv = {}): Host {
  const run = env.run ?? runExcel;
  const supportsPageLayout = env.supportsPageLayout ?? pageLayoutSupported;
  const markOptions = () => ({ supportsTintAndShade: (env.supportsFillTint ?? pageLayoutSupported)() });
  return {
    kind: "excel",
    // fileName is for the browser host's download; Excel writes into the open workbook.
    async writeTemplate(plan, { replaceExisting, signal }) {
      signal?.throwIfAborted();
      return await writePlanToExcel(run, plan, { replaceExisting, supportsPageLayout: supportsPageLayout() });
    },
    readOpenWorkbook: () => readWorkbookFromExcel(run),
    selectCell: (sheet, address) => selectCellInExcel(run, sheet, address),
    markCells: (cells) => markCellsInExcel(run, cells, markOptions()),
    clearMarks: () => clearMarksInExcel(run, markOptions()),
    applyFixes: (fixes) => applyFixesInExcel(run, fixes),
    async writeWard(plan, { replaceExisting, signal }) {
      signal?.throwIfAborted();
      return await writeWardToExcel(run, plan, { replaceExisting, supportsPageLayout: supportsPageLayout() });
    },
    // The ward's setup travels with its workbook.
    loadSetup: () => loadSetupFromExcel(run),
    saveSetup: (json) => saveSetupToExcel(run, json),
    // The unit and period last chosen: the workbook's forms record them when written.
    loadChoices: () => loadChoicesFromExcel(run),
    // Fetched when the officer asks for it: the check and the form plan it writes are no part of the host's own load.
    async selfCheck(options) {
      const { runSelfCheck } = await import(/* webpackChunkName: "self-check" */ "./self-check");
      return runSelfCheck({
        run,
        isSetSupported: env.excelApiSupported ?? excelApiSupported,
        diagnostics: env.diagnostics ?? officeDiagnostics,
        onStep: options?.onStep,
      });
    },
  };
}
