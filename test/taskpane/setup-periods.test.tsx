/** @jest-environment jsdom */
import "../support/jsdom-globals";
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { createBrowserHost, SETUP_STORAGE_KEY } from "../../src/adapters/browser/browser-host";
import { DEFAULT_REGISTRY, type UnitRegistry } from "../../src/core/units/registry";
import { App } from "../../src/taskpane/App";
import { setupStrings } from "../../src/taskpane/setup/setup-strings";
import { textOf } from "../support/blobs";

configure({ asyncUtilTimeout: 20_000 });
afterEach(cleanup);

const s = setupStrings("vi").setup;
const TODAY = new Date(2026, 6, 3);
const SETUP: UnitRegistry = {
  ...DEFAULT_REGISTRY,
  ward: "Phường Ái Quốc",
  periods: { "2026-H1": { cutoff: "2026-01-01/2026-05-31", deadline: "2026-06-04", wardDeadline: "2026-06-08" } },
};

/** A browser host whose storage starts with `saved` (JSON), and what it holds now. */
function hostWith(saved?: UnitRegistry) {
  const store = new Map<string, string>(saved ? [[SETUP_STORAGE_KEY, JSON.stringify(saved)]] : []);
  const host = createBrowserHost({ storage: () => ({ getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v) }) });
  return { host, stored: () => JSON.parse(store.get(SETUP_STORAGE_KEY) ?? "null") as UnitRegistry | null };
}

async function openEditor(host: ReturnType<typeof hostWith>["host"]) {
  render(<App host={host} today={TODAY} />);
  fireEvent.click(screen.getByRole("tab", { name: "Tổng hợp" }));
  await screen.findByText(/^\d+ đơn vị · /);
  fireEvent.click(screen.getByRole("button", { name: "Sửa danh sách đơn vị" }));
  return screen.getByRole("group", { name: s.periodsTitle });
}

const row = (section: HTMLElement, id: string) => section.querySelector<HTMLElement>(`[data-period="${id}"]`)!;
const field = (container: HTMLElement, label: string) => within(container).getByLabelText(label) as HTMLInputElement;
const save = () => fireEvent.click(screen.getByRole("button", { name: s.save }));

describe("the ward's dates in the setup editor", () => {
  it("shows the saved periods, and saves a changed deadline with the other dates kept", async () => {
    const { host, stored } = hostWith(SETUP);
    const section = await openEditor(host);
    const h1 = row(section, "2026-H1");
    expect(field(h1, s.periodFrom).value).toBe("2026-01-01");
    expect(field(h1, s.periodTo).value).toBe("2026-05-31");
    expect(field(h1, s.periodWardDeadline).value).toBe("2026-06-08");
    fireEvent.change(field(h1, s.periodDeadline), { target: { value: "2026-06-05" } });
    save();
    await screen.findByText(s.saved);
    expect(stored()?.periods).toEqual({ "2026-H1": { cutoff: "2026-01-01/2026-05-31", deadline: "2026-06-05", wardDeadline: "2026-06-08" } });
    // Units, leads and the ward's name went through the same save unchanged.
    expect(stored()?.ward).toBe("Phường Ái Quốc");
    expect(stored()?.units.map((u) => u.code)).toEqual(DEFAULT_REGISTRY.units.map((u) => u.code));
  });

  it("checks a period's dates as a setup file is checked: a cut-off with one date is named beside it and nothing is saved", async () => {
    const { host, stored } = hostWith(SETUP);
    const section = await openEditor(host);
    fireEvent.click(within(section).getByRole("button", { name: s.addPeriod }));
    // The newest period the ward has no dates for yet.
    const year = row(section, "2026-Y");
    fireEvent.change(field(year, s.periodFrom), { target: { value: "2026-01-01" } });
    save();
    await within(year).findByText(/YYYY-MM-DD\/YYYY-MM-DD/);
    expect(stored()?.periods).toEqual(SETUP.periods);

    fireEvent.change(field(year, s.periodTo), { target: { value: "2026-11-30" } });
    fireEvent.change(field(year, s.periodDeadline), { target: { value: "2026-12-10" } });
    save();
    await screen.findByText(s.saved);
    expect(stored()?.periods?.["2026-Y"]).toEqual({ cutoff: "2026-01-01/2026-11-30", deadline: "2026-12-10" });
    expect(stored()?.periods?.["2026-H1"]).toEqual(SETUP.periods!["2026-H1"]);
  });

  it("keeps the periods through export and import, and removes a period's dates when asked", async () => {
    const { host, stored } = hostWith(SETUP);
    const section = await openEditor(host);
    const blobs: Blob[] = [];
    const urls = URL as unknown as { createObjectURL?: unknown; revokeObjectURL?: unknown };
    urls.createObjectURL = (blob: Blob) => (blobs.push(blob), "blob:setup");
    urls.revokeObjectURL = () => undefined;
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    try {
      fireEvent.click(screen.getByRole("button", { name: s.exportButton }));
      expect(JSON.parse(await textOf(blobs[0])).periods).toEqual(SETUP.periods);
    } finally {
      click.mockRestore();
    }

    const file = { ...SETUP, periods: { "2026-Q3": { deadline: "2026-10-05" } } };
    fireEvent.change(screen.getByLabelText(s.importLabel), {
      target: { files: [new File([JSON.stringify(file)], "don-vi.json", { type: "application/json" })] },
    });
    await screen.findByText(s.imported("don-vi.json"));
    await waitFor(() => expect(row(section, "2026-Q3")).toBeTruthy());
    expect(row(section, "2026-H1")).toBeNull();
    expect(field(row(section, "2026-Q3"), s.periodDeadline).value).toBe("2026-10-05");

    fireEvent.click(within(section).getByRole("button", { name: s.removePeriod("Quý III năm 2026") }));
    save();
    await screen.findByText(s.saved);
    // No period left: the setup has no `periods` at all (the standard guidance's dates).
    expect(stored()).not.toHaveProperty("periods");
  });
});
