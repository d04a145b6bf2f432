/**
 * issue 16, item 10: the pane without Node.js. dist/bieu-mau-cchc.html, alone
 * in a folder, opened by a file:// URL with every network request refused,
 * shows its three tabs and works on files: Tạo biểu mẫu downloads a template,
 * Kiểm tra lists a planted mistake, Tổng hợp sums two units' files. And a page
 * that cannot start says so instead of "Đang tải…" for ever: dist/taskpane.html
 * opened from disk, a pane whose script cannot be fetched.
 * (Chromium only: Firefox and Edge are not installed here; see the README.)
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { openWorkbook } from "../../src/adapters/xlsx/open-workbook";
import { validateWorkbook } from "../support/worded";
import { Session } from "./support/browser";
import { download, screenshot } from "./support/checks";
import { TODAY, usePane } from "./support/harness";
import { plantedError, sampleUnit, unitFile, type TestFile } from "./support/workbooks";

jest.setTimeout(120_000);
const pane = usePane();

const SINGLE_FILE = "bieu-mau-cchc.html";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const asPayload = (f: TestFile) => ({ name: f.name, mimeType: XLSX, buffer: Buffer.from(f.bytes) });
/** What a page opened from disk may load without the network: itself, and what it makes in memory. */
const local = (url: string) => /^(file|blob|data):/.test(url);
const FAILURE = "Không mở được Biểu mẫu CCHC.";

let session: Session;
let page: Page;
/** Every request the page let through or refused, with where it was going. */
const refused: string[] = [];

/** A browser context of its own, offline, every request that is not to a local file aborted (and noted). */
async function offlineSession(origin: string): Promise<Session> {
  const s = await Session.open(pane.browser, origin, { today: TODAY });
  await s.context.setOffline(true);
  await s.context.route(
    (url) => !local(url.href),
    (route) => {
      refused.push(route.request().url());
      return route.abort("internetdisconnected");
    },
  );
  return s;
}

beforeAll(async () => {
  // The single file alone in a folder: nothing beside it to fetch.
  const built = path.join(pane.site.dir, "dist", SINGLE_FILE);
  expect(fs.existsSync(built)).toBe(true);
  const folder = fs.mkdtempSync(path.join(pane.site.dir, "alone-"));
  const file = path.join(folder, SINGLE_FILE);
  fs.copyFileSync(built, file);
  session = await offlineSession("file://");
  page = await session.context.newPage();
  await page.goto(pathToFileURL(file).href);
  await page.getByRole("tab", { name: "Tạo biểu mẫu" }).waitFor();
});

afterAll(async () => {
  await session?.close().catch(() => undefined);
});

it("opened from disk, shows its three tabs, each with its action", async () => {
  expect(page.url()).toMatch(/^file:\/\/\/.*\/bieu-mau-cchc\.html$/);
  for (const [tab, action] of [
    ["Kiểm tra", "Kiểm tra"],
    ["Tổng hợp", "Tổng hợp"],
    ["Tạo biểu mẫu", "Tạo biểu mẫu"],
  ]) {
    await page.getByRole("tab", { name: tab, exact: true }).click();
    await page.getByRole("button", { name: action, exact: true }).waitFor();
  }
  await expect(page.getByText("Đang tải…").count()).resolves.toBe(0);
  await expect(page.getByRole("alert").filter({ hasText: FAILURE }).count()).resolves.toBe(0);
});

it("Tạo biểu mẫu downloads a template the validator accepts", async () => {
  await page.getByRole("tab", { name: "Tạo biểu mẫu", exact: true }).click();
  const file = await download(page, page.getByRole("button", { name: "Tạo biểu mẫu", exact: true }));
  expect(file.name).toMatch(/\.xlsx$/);
  const opened = await openWorkbook(file.bytes, file.name);
  if (!opened.ok) throw new Error(JSON.stringify(opened.error));
  expect(opened.value.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["BM1", "BM7"]));
  expect(validateWorkbook(opened.value).counts.error).toBe(0);
});

it("Kiểm tra of a product-made file with a planted mistake lists the finding, read in the inlined worker", async () => {
  await page.getByRole("tab", { name: "Kiểm tra", exact: true }).click();
  await page.locator('input[type="file"][multiple]').setInputFiles(asPayload(await plantedError()));
  const finding = page.locator('[data-finding-code="PART_EXCEEDS_WHOLE"]');
  await finding.waitFor();
  await expect(finding.getAttribute("data-cell")).resolves.toBe("BM7!D17");
  await expect(finding.innerText()).resolves.toContain("Dòng 1.3.2 (372) lớn hơn dòng 1.3.1 (352).");
  // The file worker started from the script the page carries (a Blob URL), not from a file beside it.
  expect(session.workers.length).toBeGreaterThan(0);
  expect(session.workers.every((u) => u.startsWith("blob:"))).toBe(true);
  await screenshot(page, "single-file-validate");
});

it("Tổng hợp of two units' files produces the summary and the ward's workbook", async () => {
  await page.getByRole("tab", { name: "Tổng hợp", exact: true }).click();
  await page.getByRole("textbox", { name: "Tên phường", exact: true }).fill("Phường Nhị Chiểu");
  const files = [await unitFile("vhxh-2026-H1.xlsx", sampleUnit("vhxh")), await unitFile("vp-2026-H1.xlsx", sampleUnit("vp"))];
  await page.locator('input[type="file"][multiple]').setInputFiles(files.map(asPayload));
  await page.getByRole("button", { name: "Tổng hợp", exact: true }).click();
  const summary = page.getByRole("region", { name: "Tổng hợp Phường Nhị Chiểu – 6 tháng đầu năm 2026" });
  await summary.waitFor();
  await expect(summary.getByText("Dùng 2 trong 2 tệp.").isVisible()).resolves.toBe(true);
  const file = await download(page, page.getByRole("button", { name: "Tải tệp tổng hợp", exact: true }));
  const opened = await openWorkbook(file.bytes, file.name);
  if (!opened.ok) throw new Error(JSON.stringify(opened.error));
  expect(validateWorkbook(opened.value).metadata).toMatchObject({ unit: "Phường Nhị Chiểu", period: "2026-H1" });
});

it("made no network request at all, loaded nothing but itself, and logged no error", () => {
  session.writeLog("single-file");
  expect(refused).toEqual([]);
  expect(session.requests.map((r) => r.url).filter((u) => !local(u))).toEqual([]);
  expect(session.requests.filter((r) => r.url.startsWith("file:")).map((r) => path.basename(r.url))).toEqual([SINGLE_FILE]);
  expect(session.errors).toEqual([]);
});

describe("a page that cannot start says so", () => {
  /** The start-up failure message, once shown. */
  const failure = (p: Page) => p.getByRole("alert").filter({ hasText: FAILURE });

  it("dist/taskpane.html opened from disk points to bieu-mau-cchc.html instead of loading for ever", async () => {
    const s = await offlineSession("file://");
    try {
      const p = await s.context.newPage();
      await p.goto(pathToFileURL(path.join(pane.site.dir, "dist", "taskpane.html")).href);
      // office.js cannot fetch its start-up script from file://: well before Office's own 10 s wait is over.
      await failure(p).waitFor({ timeout: 8_000 });
      const text = await failure(p).innerText();
      expect(text).toContain("bieu-mau-cchc.html");
      expect(text).toContain("Chi tiết kỹ thuật: không tải được");
      await expect(p.getByText("Đang tải…").count()).resolves.toBe(0);
      await screenshot(p, "start-failure-file");
      expect(refused).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it("a served pane whose script cannot be fetched says what happened and what to do", async () => {
    const s = await Session.open(pane.browser, pane.server.origin, { today: TODAY });
    try {
      await s.context.route(/\/taskpane\.[0-9a-f]{8}\.js$/, (route) => route.abort("connectionreset"));
      const p = await s.context.newPage();
      await p.goto(`${pane.server.origin}/taskpane.html`);
      await failure(p).waitFor({ timeout: 8_000 });
      const text = await failure(p).innerText();
      expect(text).toContain("tải lại trang");
      expect(text).toMatch(/không tải được taskpane\.[0-9a-f]{8}\.js/);
    } finally {
      await s.close();
    }
  });

  it("never fires once the pane has started: a later error leaves the working pane in place", async () => {
    const s = await Session.open(pane.browser, pane.server.origin, { today: TODAY });
    try {
      const p = await s.openPane();
      await p.evaluate(() => {
        window.dispatchEvent(new ErrorEvent("error", { message: "a late error" }));
        window.dispatchEvent(new PromiseRejectionEvent("unhandledrejection", { promise: Promise.resolve(), reason: new Error("late") }));
      });
      await p.waitForTimeout(500);
      await expect(failure(p).count()).resolves.toBe(0);
      await expect(p.getByRole("tab", { name: "Tạo biểu mẫu" }).isVisible()).resolves.toBe(true);
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
