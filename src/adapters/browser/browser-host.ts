import type { WorkbookPlan } from "../../core/layout/plan";
import type { Host, WriteTemplateOutcome } from "../host/types";

/** The media type browsers and Excel expect for an .xlsx download. */
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

type PlanWriter = (plan: WorkbookPlan) => Promise<Uint8Array>;

/** Seams for tests; the defaults load the real writer and start a real download. */
export interface BrowserHostOptions {
  loadWriter?: () => Promise<PlanWriter>;
  save?: (file: Blob, fileName: string) => void;
  /** where the ward's setup is remembered; default: the page's localStorage */
  storage?: () => Pick<Storage, "getItem" | "setItem">;
}

/** The localStorage key of the ward's setup (JSON text), on the pane's own origin. */
export const SETUP_STORAGE_KEY = "bieu-mau-cchc:ward-setup";
/** The localStorage key of Tạo biểu mẫu's last unit and period (JSON text). */
export const CHOICES_STORAGE_KEY = "bieu-mau-cchc:last-choices";

// The .xlsx writer and its deflate (fflate) are not needed to show the pane: fetched only when a file is written.
const loadPlanToXlsx = async (): Promise<PlanWriter> => (await import(/* webpackChunkName: "xlsx-writer" */ "../xlsx/write-plan")).planToXlsx;

/** Offers a file as a download from the page (the pane's exports; the browser host's .xlsx files). */
export function download(file: Blob, fileName: string): void {
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
  // Read when used, not now: a page whose storage is blocked still works, without remembering.
  const storage = options.storage ?? (() => window.localStorage);
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
    // The ward's setup stays in this browser (the pane has no workbook of its own to keep it in).
    loadSetup: async () => storage().getItem(SETUP_STORAGE_KEY) ?? undefined,
    saveSetup: async (json) => storage().setItem(SETUP_STORAGE_KEY, json),
    loadChoices: async () => storage().getItem(CHOICES_STORAGE_KEY) ?? undefined,
    saveChoices: async (json) => storage().setItem(CHOICES_STORAGE_KEY, json),
  };
}
