import { createBrowserHost, SETUP_STORAGE_KEY, XLSX_MIME } from "../../src/adapters/browser/browser-host";
import { buildWorkbookPlan } from "../../src/core/layout/workbook-plan";
import { parsePeriod } from "../../src/core/periods/period";

const period = parsePeriod("2026-H1");
if (!period.ok) throw new Error("bad test period");
const plan = buildWorkbookPlan({ unit: "Phường A", period: period.value, forms: ["BM1", "BM4"], createdAt: "2026-03-10T00:00:00.000Z" });

describe("browser host", () => {
  it("loads the .xlsx writer on demand and downloads the workbook under the given name", async () => {
    const saved: { file: Blob; fileName: string }[] = [];
    const host = createBrowserHost({ save: (file, fileName) => saved.push({ file, fileName }) });

    const outcome = await host.writeTemplate(plan, { replaceExisting: false, fileName: "bieu-mau-cchc-2026-H1.xlsx" });

    expect(outcome).toEqual({
      status: "written",
      sheets: ["BM1", "BM4", "_CCHC"],
      printSetupApplied: true,
      fileName: "bieu-mau-cchc-2026-H1.xlsx",
    });
    expect(saved).toHaveLength(1);
    expect(saved[0].fileName).toBe("bieu-mau-cchc-2026-H1.xlsx");
    expect(saved[0].file.type).toBe(XLSX_MIME);
    const bytes = new Uint8Array(await saved[0].file.arrayBuffer());
    expect(String.fromCharCode(bytes[0], bytes[1])).toBe("PK");
  });

  it("stops before downloading when the signal is aborted", async () => {
    const save = jest.fn();
    const controller = new AbortController();
    const host = createBrowserHost({
      save,
      loadWriter: async () => {
        controller.abort();
        return async () => new Uint8Array([1]);
      },
    });
    await expect(host.writeTemplate(plan, { replaceExisting: false, fileName: "x.xlsx", signal: controller.signal })).rejects.toMatchObject({
      name: "AbortError",
    });
    expect(save).not.toHaveBeenCalled();
  });

  it("remembers the ward's setup in the page's storage, and finds none in a fresh one", async () => {
    const kept = new Map<string, string>();
    const storage = { getItem: (k: string) => kept.get(k) ?? null, setItem: (k: string, v: string) => void kept.set(k, v) };
    const host = createBrowserHost({ storage: () => storage });
    expect(await host.loadSetup!()).toBeUndefined();
    await host.saveSetup!('{"units":[]}');
    expect(kept.get(SETUP_STORAGE_KEY)).toBe('{"units":[]}');
    expect(await createBrowserHost({ storage: () => storage }).loadSetup!()).toBe('{"units":[]}');
  });

  it("says so when the storage refuses to keep the setup (full, or blocked)", async () => {
    const host = createBrowserHost({
      storage: () => ({
        getItem: () => null,
        setItem: () => {
          throw new DOMException("full", "QuotaExceededError");
        },
      }),
    });
    await expect(host.saveSetup!("{}")).rejects.toMatchObject({ name: "QuotaExceededError" });
  });
});
