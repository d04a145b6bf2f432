/** @jest-environment jsdom */
/**
 * issue 13, part 7: the pane's start-up (src/taskpane/index.tsx) never falls
 * back to file mode while Office hosts it. Inside Office (the address carries
 * _host_Info) a slow Office.onReady is waited for, with a message; outside it
 * the pane still starts in file mode after the 10 s fallback.
 */
import "../support/jsdom-globals";
// @testing-library/dom, not /react: the pane renders through its own createRoot, outside act(), as in the page.
import { configure, screen, waitFor } from "@testing-library/dom";
import { enUi } from "../../src/core/messages/en-ui";
import { viUi } from "../../src/core/messages/vi-ui";

configure({ asyncUtilTimeout: 20_000 });

const HOST_INFO = "_host_Info=Excel$Win32$16.01$vi-VN$$$$0";
const TIMEOUT_MS = 10_000;

/** office.js as the pane sees it, with an onReady the test answers when it likes. */
function fakeOffice() {
  let answer: (info: { host: string | null; platform: string | null }) => void = () => undefined;
  const ready = new Promise<{ host: string | null; platform: string | null }>((resolve) => (answer = resolve));
  (globalThis as Record<string, unknown>).Office = {
    onReady: () => ready,
    HostType: { Excel: "Excel" },
    context: { officeTheme: { bodyBackgroundColor: "#ffffff" } },
  };
  return { answer: (host: string | null) => answer({ host, platform: host ? "PC" : null }) };
}

/** Opens the pane at this address: the page's HTML, then its start-up script, as the built page does. */
function startPane(search: string) {
  window.history.replaceState(null, "", `/taskpane.html${search}`);
  document.body.innerHTML = '<div id="root"><span class="loading">Đang tải…</span></div>';
  jest.isolateModules(() => {
    require("../../src/taskpane/index");
  });
}

const rootText = () => document.getElementById("root")!.textContent ?? "";

/**
 * The pane's 10 s fallback, held for the test to fire: a fake clock would also
 * stop React's scheduler, which the pane's fresh React captures when it loads.
 * Every other timer runs as usual.
 */
const realSetTimeout = globalThis.setTimeout;
let fallbacks: (() => void)[] = [];
beforeEach(() => {
  fallbacks = [];
  globalThis.setTimeout = ((fn: () => void, ms?: number, ...rest: unknown[]) => {
    if (ms === TIMEOUT_MS) {
      fallbacks.push(fn);
      return 0;
    }
    return realSetTimeout(fn, ms, ...rest);
  }) as typeof setTimeout;
});

/** The 10 s pass: the pane's fallback timer fires, and what it starts has a moment to run. */
async function passTimeout() {
  // The start-up sets its timer once its own awaits have run: on a loaded machine that is later than the require.
  await waitFor(() => expect(fallbacks).toHaveLength(1));
  fallbacks.shift()!();
}

afterEach(() => {
  globalThis.setTimeout = realSetTimeout;
  delete (globalThis as Record<string, unknown>).Office;
  document.body.innerHTML = "";
});

describe("start-up inside Office (_host_Info in the address)", () => {
  it("waits for a slow Office.onReady, saying so, then opens the Excel views, never file mode", async () => {
    const office = fakeOffice();
    startPane(`?${HOST_INFO}`);

    await passTimeout();
    await waitFor(() => expect(rootText()).toBe(viUi.waitingForExcel));
    expect(screen.getByRole("status")).toHaveProperty("textContent", viUi.waitingForExcel);

    // Well after the old fallback: still waiting, still no file mode.
    await new Promise((resolve) => realSetTimeout(resolve, 1_000));
    expect(rootText()).toBe(viUi.waitingForExcel);
    expect(document.body.textContent).not.toContain(viUi.mode.browser);

    office.answer("Excel");
    await waitFor(() => expect(screen.getByText(viUi.mode.excel)).toBeTruthy());
    expect(document.body.textContent).not.toContain(viUi.mode.browser);
    expect(document.body.textContent).not.toContain(viUi.waitingForExcel);
  });

  it("says it in English for ?lang=en", async () => {
    const office = fakeOffice();
    startPane(`?lang=en&${HOST_INFO}`);

    await passTimeout();
    await waitFor(() => expect(rootText()).toBe(enUi.waitingForExcel));

    office.answer("Excel");
    await waitFor(() => expect(screen.getByText(enUi.mode.excel)).toBeTruthy());
  });

  it("opens the Excel views at once when Office answers in time, with no waiting message", async () => {
    const office = fakeOffice();
    startPane(`?${HOST_INFO}`);
    office.answer("Excel");
    await waitFor(() => expect(screen.getByText(viUi.mode.excel)).toBeTruthy());
    expect(document.body.textContent).not.toContain(viUi.waitingForExcel);
  });
});

describe("start-up outside Office (no _host_Info)", () => {
  it("still falls back to file mode after the timeout when office.js never answers", async () => {
    fakeOffice();
    startPane("");

    await new Promise((resolve) => realSetTimeout(resolve, 200));
    expect(rootText()).toBe("Đang tải…");

    await passTimeout();
    await waitFor(() => expect(screen.getByText(viUi.mode.browser)).toBeTruthy());
    expect(document.body.textContent).not.toContain(viUi.waitingForExcel);
  });

  it("starts in file mode at once when office.js says there is no host", async () => {
    const office = fakeOffice();
    startPane("?lang=en");
    office.answer(null);
    await waitFor(() => expect(screen.getByText(enUi.mode.browser)).toBeTruthy());
  });

  it("starts in file mode without office.js", async () => {
    startPane("");
    await waitFor(() => expect(screen.getByText(viUi.mode.browser)).toBeTruthy());
  });
});
