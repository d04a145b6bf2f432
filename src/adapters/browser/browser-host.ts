import type { WorkbookPlan } from "../../core/layout/plan";
import type { Host, WriteTemplateOutcome } from "../host/types";

/** The media type browsers and Excel expect for an .xlsx download. */
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

type PlanWriter = (plan: WorkbookPlan) => Promise<Uint8Array>;

/** Seams for tests; the defaults load the real writer and start a real download. */
export interface BrowserHostOptions {
  loadWriter?: () => Promise<PlanWriter>;
  save?: (file: Blob, fileName: string) => void;
}

// The .xlsx library is the largest part of the app: it is fetched only when a file is written.
const loadPlanToXlsx = async (): Promise<PlanWriter> =>
  (await import(/* webpackChunkName: "xlsx-writer" */ "../xlsx/write-plan")).planToXlsx;

function download(file: Blob, fileName: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException("The operation was aborted.", "AbortError");
}

/** A host for the pane outside Excel: each template or ward report becomes an .xlsx download, so nothing ever "exists". */
export function createBrowserHost(options: BrowserHostOptions = {}): Host {
  const loadWriter = options.loadWriter ?? loadPlanToXlsx;
  const save = options.save ?? download;
  const downloadPlan = async (plan: WorkbookPlan, fileName: string, signal?: AbortSignal): Promise<WriteTemplateOutcome> => {
    throwIfAborted(signal);
    const planToXlsx = await loadWriter();
    throwIfAborted(signal);
    const bytes = await planToXlsx(plan);
    throwIfAborted(signal);
    save(new Blob([bytes.slice()], { type: XLSX_MIME }), fileName);
    return { status: "written", sheets: plan.sheets.map((s) => s.name), printSetupApplied: true, fileName };
  };
  return {
    kind: "browser",
    writeTemplate: (plan, { fileName, signal }) => downloadPlan(plan, fileName, signal),
    // Tổng hợp: the ward's workbook ("tong-hop-<period>.xlsx", named by the pane).
    writeWard: (plan, { fileName, signal }) => downloadPlan(plan, fileName, signal),
  };
}
