import type { Host } from "../../adapters/host/types";

type ExcelHost = Required<Host>;

/**
 * The Excel host, its code fetched only inside Excel. The Excel adapter (the
 * Office.js writers, readers and markers, and the core code they use) is no
 * part of the browser's first load; in Excel its fetch starts as soon as the
 * pane knows it runs there, and each action waits for it. A fetch that fails
 * fails the action with a ChunkLoadError (the action's "Không tải được…"
 * advice) and is tried again on the next one.
 */
export function createLazyExcelHost(): Host {
  let loading: Promise<ExcelHost> | null = null;
  const load = (): Promise<ExcelHost> => {
    loading ??= import(/* webpackChunkName: "excel-host" */ "../../adapters/office/excel-host").then(
      ({ createExcelHost }) => createExcelHost() as ExcelHost,
      (error: unknown) => {
        loading = null;
        throw error;
      },
    );
    return loading;
  };
  // Fetched now, while the officer reads the first view, so that the first action does not wait for it.
  load().catch(() => undefined);
  return {
    kind: "excel",
    writeTemplate: async (plan, options) => (await load()).writeTemplate(plan, options),
    readOpenWorkbook: async () => (await load()).readOpenWorkbook(),
    selectCell: async (sheet, address) => (await load()).selectCell(sheet, address),
    markCells: async (cells) => (await load()).markCells(cells),
    clearMarks: async () => (await load()).clearMarks(),
    applyFixes: async (fixes) => (await load()).applyFixes(fixes),
    writeWard: async (plan, options) => (await load()).writeWard(plan, options),
    loadSetup: async () => (await load()).loadSetup(),
    saveSetup: async (json) => (await load()).saveSetup(json),
    selfCheck: async (options) => (await load()).selfCheck(options),
  };
}
