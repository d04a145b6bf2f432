/**
 * issue 6, in a real browser: the built pane opens without Office (file
 * mode), its three actions are reachable by name at 1280 and 320 px, every
 * view passes axe-core, a keyboard alone can create a template, check a file
 * and aggregate files, and nothing leaves the page's origin.
 */
import * as fs from "node:fs";
import type { Download, Locator, Page } from "playwright-core";
import { openWorkbook } from "../../src/adapters/xlsx/open-workbook";
import { META_SHEET } from "../../src/core/layout/metadata";
import { parsePeriod } from "../../src/core/periods/period";
import type { Session } from "./support/browser";
import { axeViolations, horizontalOverflow, screenshot, severe, watchBusy } from "./support/checks";
import { expectCleanSessions, TODAY, usePane } from "./support/harness";
import { cleanOneStop, plantedError, sampleUnit, unitFile, type TestFile } from "./support/workbooks";
import { validateWorkbook } from "../support/worded";

jest.setTimeout(90_000);
const pane = usePane();

const VIEWS = [
  { tab: "Tạo biểu mẫu", button: "Tạo biểu mẫu" },
  { tab: "Kiểm tra", button: "Kiểm tra" },
  { tab: "Tổng hợp", button: "Tổng hợp" },
] as const;

/** Selects a view by its tab and waits for the view's own action button (views after the first load on demand). */
async function show(page: Page, view: (typeof VIEWS)[number]): Promise<void> {
  await page.getByRole("tab", { name: view.tab, exact: true }).click();
  await page.getByRole("button", { name: view.button, exact: true }).waitFor();
}

describe.each([1280, 320])("the pane at %i px", (width) => {
  let page: Page;
  beforeAll(async () => {
    const session = await pane.session({ viewport: { width, height: 800 }, today: TODAY });
    page = await session.openPane();
  });

  it("opens in file mode, with the three actions reachable by name as tabs and as buttons, nothing sticking out sideways", async () => {
    await expect(page.getByText("Đang dùng ngoài Excel", { exact: false }).isVisible()).resolves.toBe(true);
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe("vi");
    await expect(page.getByRole("navigation", { name: "Chức năng" }).isVisible()).resolves.toBe(true);
    for (const view of VIEWS) {
      const tab = page.getByRole("tab", { name: view.tab, exact: true });
      const box = (await tab.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      await show(page, view);
      await expect(tab.getAttribute("aria-selected")).resolves.toBe("true");
      await expect(page.getByRole("button", { name: view.button, exact: true }).isVisible()).resolves.toBe(true);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    }
    // Home again: the view the screenshots start with.
    await show(page, VIEWS[0]);
    await screenshot(page, `template-${width}`);
  });
});

describe("on a first load", () => {
  let page: Page;
  let session: Session;
  let readyMs: number;
  beforeAll(async () => {
    session = await pane.session();
    page = await session.openPane();
    readyMs = await page.evaluate(() => performance.now());
    // office.js starts its telemetry 0.1–3 s after start-up: give it the time to try.
    await page.waitForTimeout(4_000);
  });

  it("shows the pane soon, fetching only the page, office.js from the add-in's own copy and the pane's script", () => {
    const scripts = session.requests.filter((r) => r.resourceType === "script").map((r) => new URL(r.url).pathname);
    console.log(`e2e first load: tabs shown ${Math.round(readyMs)} ms after navigation; ${session.requests.length} requests; scripts: ${scripts.join(", ")}`);
    // office.js says "not in Office" within a second or two; the pane's own 10 s fallback must not be what starts it.
    expect(readyMs).toBeLessThan(8_000);
    expect(scripts).toContain("/office-js/office.js");
    expect(scripts.some((s) => /^\/taskpane\.[0-9a-f]{8}\.js$/.test(s))).toBe(true);
    // The .xlsx reader and writer, the worker, the Kiểm tra / Tổng hợp views, Excel's host, the dark theme,
    // the replace question and the template builder (with the catalogue and zod) all load on demand.
    expect(
      scripts.filter((s) => /xlsx-(reader|writer)|aggregate-(worker|job)|view-(validate|aggregate)|excel-host|theme-dark|replace-dialog|template-plan/.test(s)),
    ).toEqual([]);
    expect(session.offOrigin()).toEqual([]);
  });

  it("is sent gzipped by npm run serve, as a slow ward line needs (~1 MB of text becomes ~0.3 MB)", async () => {
    const { origin } = new URL(page.url());
    const script = session.requests.map((r) => new URL(r.url).pathname).find((p) => /^\/taskpane\.[0-9a-f]{8}\.js$/.test(p))!;
    for (const file of ["/taskpane.html", script]) {
      const res = await page.request.get(`${origin}${file}`, { headers: { "Accept-Encoding": "gzip" } });
      expect([res.status(), res.headers()["content-encoding"]]).toEqual([200, "gzip"]);
      expect((await res.body()).length).toBeGreaterThan(100);
    }
  });

  it.each(VIEWS.map((v) => [v.tab, v] as const))("the %s view has no serious or critical axe violation", async (_name, view) => {
    await show(page, view);
    const found = await axeViolations(page);
    if (found.length > 0) console.log(`e2e axe (${view.tab}, empty view): ${JSON.stringify(found)}`);
    expect(severe(found)).toEqual([]);
  });
});

describe("in one language at a time", () => {
  /** Letters only Vietnamese writes (with its tone marks). */
  const VIETNAMESE = /[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/i;

  it("?lang=en shows every view in English, the forms' titles too; the page's lang follows", async () => {
    const session = await pane.session({ today: TODAY });
    const page = await session.context.newPage();
    await page.goto(`${session.origin}/taskpane.html?lang=en`);
    await page.getByRole("tab", { name: "Create forms", exact: true }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe("en");
    for (const [tab, button] of [
      ["Create forms", "Create forms"],
      ["Check", "Check"],
      ["Aggregate", "Aggregate"],
    ]) {
      await page.getByRole("tab", { name: tab, exact: true }).click();
      await page.getByRole("button", { name: button, exact: true }).waitFor();
      const lines = (await page.locator("body").innerText()).split("\n");
      // "BM3 – Administrative procedure reform": the catalogue's English titles.
      expect(lines.filter((l) => VIETNAMESE.test(l))).toEqual([]);
    }
  });
});

describe("with the keyboard only", () => {
  const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);
  /** Presses Tab (or another key) until `target` has the focus, at most `max` times. */
  const pressUntil = async (page: Page, key: string, target: Locator, max = 15) => {
    for (let i = 0; i < max && !(await isFocused(target)); i++) await page.keyboard.press(key);
    return isFocused(target);
  };
  /** What has the focus, in a few words (for a failed expectation). */
  const focused = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement;
      return el
        ? `${el.tagName.toLowerCase()} ${el.getAttribute("role") ?? ""} ${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)}`
        : "nothing";
    });
  /** Whether the focus sits on the page itself (nothing focused: a keyboard user would start over from the top). */
  const lost = (page: Page) => page.evaluate(() => document.activeElement === null || document.activeElement === document.body);
  /** The bytes and name of the download a key press starts. */
  async function downloadByKey(page: Page, key: string): Promise<{ name: string; bytes: Uint8Array }> {
    const [dl] = await Promise.all([page.waitForEvent("download") as Promise<Download>, page.keyboard.press(key)]);
    return { name: dl.suggestedFilename(), bytes: new Uint8Array(fs.readFileSync((await dl.path())!)) };
  }
  const payload = (f: TestFile) => ({ name: f.name, mimeType: XLSX, buffer: Buffer.from(f.bytes) });

  it("Tạo biểu mẫu: type the unit, choose the period with the arrow keys, tick forms with Space, create with Enter: the template downloads", async () => {
    const session = await pane.session({ today: TODAY });
    const page = await session.openPane();
    const periodLabel = (id: string) => {
      const p = parsePeriod(id);
      if (!p.ok) throw new Error(id);
      return p.value.label.vi;
    };

    const unit = page.getByRole("combobox", { name: "Đơn vị báo cáo" });
    await expect(pressUntil(page, "Tab", unit)).resolves.toBe(true);
    await page.keyboard.type("Phòng Tư pháp");

    // The period: a drop-down opened with Alt+↓ (or ↓), moved through with the arrows, chosen with Enter.
    const period = page.getByRole("combobox", { name: "Kỳ báo cáo" });
    await expect(pressUntil(page, "Tab", period, 3)).resolves.toBe(true);
    await page.keyboard.press("ArrowDown");
    const wanted = page.getByRole("option", { name: periodLabel("2025-H1"), exact: true });
    await wanted.waitFor();
    const isActive = () =>
      wanted.evaluate((el) => el.getAttribute("data-activedescendant") !== null || el.id === document.activeElement?.getAttribute("aria-activedescendant"));
    for (let i = 0; i < 12 && !(await isActive()); i++) await page.keyboard.press("ArrowDown");
    await expect(isActive()).resolves.toBe(true);
    await page.keyboard.press("Enter");
    await expect(period.innerText()).resolves.toBe(periodLabel("2025-H1"));
    await expect(isFocused(period)).resolves.toBe(true);

    // The forms: Space unticks "all", then ticks BM2 and BM7.
    const all = page.getByRole("checkbox", { name: "Tất cả biểu mẫu" });
    // Past the period's dates (issue 15; Chromium tabs through day, month and year of each), then the forms.
    await expect(pressUntil(page, "Tab", all, 20)).resolves.toBe(true);
    await page.keyboard.press("Space");
    await expect(all.isChecked()).resolves.toBe(false);
    for (const id of ["BM2", "BM7"]) {
      const box = page.getByRole("checkbox", { name: new RegExp(`^${id} – `) });
      await expect(pressUntil(page, "Tab", box, 8)).resolves.toBe(true);
      await page.keyboard.press("Space");
      await expect(box.isChecked()).resolves.toBe(true);
    }
    // The form list is no trap: Shift+Tab goes back through it, Tab forward again.
    await page.keyboard.press("Shift+Tab");
    await expect(isFocused(page.getByRole("checkbox", { name: /^BM6 – / }))).resolves.toBe(true);
    await page.keyboard.press("Tab");

    const create = page.getByRole("button", { name: "Tạo biểu mẫu", exact: true });
    await expect(pressUntil(page, "Tab", create, 3)).resolves.toBe(true);
    const file = await downloadByKey(page, "Enter");
    expect(file.name).toBe("BM-Phong-Tu-phap-2025-H1.xlsx");
    const opened = await openWorkbook(file.bytes, file.name);
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    expect(opened.value.sheets.map((s) => s.name)).toEqual(["BM2", "BM7", META_SHEET]);
    expect(validateWorkbook(opened.value).metadata).toMatchObject({ unit: "Phòng Tư pháp", period: "2025-H1", forms: ["BM2", "BM7"] });
    await page.getByRole("status").filter({ hasText: "Đã tạo biểu mẫu" }).waitFor();
    // The keyboard user is still where they were: on Tạo biểu mẫu, ready to create again.
    await create.waitFor();
    expect({ lost: await lost(page), focused: await focused(page) }).toMatchObject({ lost: false });
  });

  it("Tổng hợp: the file button opens the chooser, Enter runs the aggregation, Enter downloads the ward workbook", async () => {
    const session = await pane.session({ today: TODAY });
    const page = await session.openPane();

    const first = page.getByRole("tab", { name: "Tạo biểu mẫu", exact: true });
    await expect(pressUntil(page, "Tab", first, 10)).resolves.toBe(true);
    const tab = page.getByRole("tab", { name: "Tổng hợp", exact: true });
    await expect(pressUntil(page, "ArrowRight", tab, 3)).resolves.toBe(true);
    await page.keyboard.press("Enter");
    const run = page.getByRole("button", { name: "Tổng hợp", exact: true });
    await run.waitFor();
    await expect(tab.getAttribute("aria-selected")).resolves.toBe("true");

    const pick = page.getByRole("button", { name: "Chọn tệp…", exact: true });
    // Subscribed before the key press (see the Kiểm tra test below).
    const chooserShown = page.waitForEvent("filechooser", { timeout: 30_000 });
    await expect(pressUntil(page, "Tab", pick)).resolves.toBe(true);
    const files = [await unitFile("vhxh-2026-H1.xlsx", sampleUnit("vhxh")), await unitFile("vp-2026-H1.xlsx", sampleUnit("vp")), await cleanOneStop()];
    await page.keyboard.press("Enter");
    const chooser = await chooserShown;
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles(files.map(payload));
    await page.getByText("Đã chọn 3 tệp").waitFor();
    // Choosing files does not take the focus away from the button.
    await expect(isFocused(pick)).resolves.toBe(true);

    // Past the chosen files' list (focusable, to scroll it), each file's Bỏ and the period to the ward's name, which must be given.
    const ward = page.getByRole("textbox", { name: "Tên phường", exact: true });
    await expect(pressUntil(page, "Tab", ward, 10)).resolves.toBe(true);
    await page.keyboard.type("Phường Nhị Chiểu");
    // Then past the ward's units to Tổng hợp.
    await expect(pressUntil(page, "Tab", run, 6)).resolves.toBe(true);
    const ran = await watchBusy(page);
    await page.keyboard.press("Enter");
    await expect(ran()).resolves.toBe(true);
    const summary = page.getByRole("region", { name: "Tổng hợp Phường Nhị Chiểu – 6 tháng đầu năm 2026" });
    await summary.waitFor();
    await expect(summary.getByText("Dùng 3 trong 3 tệp.").isVisible()).resolves.toBe(true);
    // After the run the focus is on the summary (read out, in view), not on the page's top.
    await expect(isFocused(summary)).resolves.toBe(true);

    const save = page.getByRole("button", { name: "Tải tệp tổng hợp", exact: true });
    await expect(pressUntil(page, "Tab", save, 30)).resolves.toBe(true);
    const file = await downloadByKey(page, "Enter");
    expect(file.name).toBe("tong-hop-2026-H1.xlsx");
    const opened = await openWorkbook(file.bytes, file.name);
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    const check = validateWorkbook(opened.value);
    expect(check.metadata).toMatchObject({ unit: "Phường Nhị Chiểu", period: "2026-H1" });
    // BM7 is its lead's, the one-stop centre's 99 (DOMAIN.md), never added to another unit's figures.
    expect(check.figures.BM7).toMatchObject({ "1.1.1": 99 });
    await page.getByRole("status").filter({ hasText: "Đã ghi kết quả tổng hợp" }).waitFor();
    expect({ lost: await lost(page), focused: await focused(page) }).toMatchObject({ lost: false });
    // And back up with Shift+Tab through the summary to Tổng hợp: nothing on the way holds the focus.
    await expect(pressUntil(page, "Shift+Tab", run, 30)).resolves.toBe(true);
  });

  it("Kiểm tra: Tab reaches the Kiểm tra tab, Enter opens it, Enter on Chọn tệp opens the file chooser, Space on Kiểm tra checks again, Enter on a finding previews its cell", async () => {
    const session = await pane.session();
    const page = await session.openPane();

    // Into the tab list: Tab enters it once (on the selected tab), arrows move within it.
    await expect(pressUntil(page, "Tab", page.getByRole("tab", { name: "Tạo biểu mẫu", exact: true }), 10)).resolves.toBe(true);
    const validateTab = page.getByRole("tab", { name: "Kiểm tra", exact: true });
    await expect(pressUntil(page, "ArrowRight", validateTab, 3)).resolves.toBe(true);
    await page.keyboard.press("Enter");
    const check = page.getByRole("button", { name: "Kiểm tra", exact: true });
    await check.waitFor();
    await expect(validateTab.getAttribute("aria-selected")).resolves.toBe("true");

    // The file input itself is hidden; the button in front of it is what a keyboard reaches.
    await expect(page.locator('input[type="file"][multiple]').count()).resolves.toBe(1);
    const pick = page.getByRole("button", { name: "Chọn tệp .xlsx…", exact: true });
    // Subscribe long before the key press: Playwright turns on file-chooser interception
    // asynchronously, and a press racing it opened a real (unseen) dialog once in CI.
    const chooserShown = page.waitForEvent("filechooser", { timeout: 30_000 });
    await expect(pressUntil(page, "Tab", pick)).resolves.toBe(true);
    const file = await plantedError();
    await page.keyboard.press("Enter");
    const chooser = await chooserShown;
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles({ name: file.name, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(file.bytes) });
    const finding = page.locator('[data-finding-code="PART_EXCEEDS_WHOLE"]');
    await finding.first().waitFor();

    await expect(pressUntil(page, "Tab", check)).resolves.toBe(true);
    const ran = await watchBusy(page);
    await page.keyboard.press("Space");
    await expect(ran()).resolves.toBe(true);
    await expect(finding.count()).resolves.toBe(1);
    // After the check the focus is on its result, which is read out (issue 16); Kiểm tra is one Shift+Tab back.
    await expect(isFocused(page.getByRole("group", { name: "Kết quả kiểm tra", exact: true }))).resolves.toBe(true);
    // A finding is a button: Tab reaches it, Enter previews its cell and takes the focus there.
    await expect(pressUntil(page, "Tab", finding)).resolves.toBe(true);
    await page.keyboard.press("Enter");
    await expect(finding.getAttribute("aria-current")).resolves.toBe("true");
    const cell = page.locator('[data-preview-target="D17"]');
    await expect(isFocused(cell)).resolves.toBe(true);
    // Shift+Tab reaches the sheet's box (arrow keys scroll it) and Đóng; Escape from there closes and returns to the finding.
    const close = page.getByRole("button", { name: "Đóng xem trước (Esc)" });
    await expect(pressUntil(page, "Shift+Tab", close, 3)).resolves.toBe(true);
    await page.keyboard.press("Escape");
    await cell.waitFor({ state: "detached" });
    await expect(isFocused(finding)).resolves.toBe(true);
    // Space opens it again; Enter on Đóng closes it, the focus back on the finding too.
    await page.keyboard.press("Space");
    await expect(isFocused(cell)).resolves.toBe(true);
    await expect(pressUntil(page, "Shift+Tab", close, 3)).resolves.toBe(true);
    await page.keyboard.press("Enter");
    await cell.waitFor({ state: "detached" });
    await expect(isFocused(finding)).resolves.toBe(true);
  });
});

it("no request left the origin, no HTTP error, and the console stayed free of errors", () => {
  expectCleanSessions(pane.sessions, "pane");
});
