/**
 * Tổng hợp in the browser: three units' files for the same period are read
 * in a Web Worker, the summary says who sent what, and the downloaded ward
 * workbook holds the sums (and the ratio formulas) of the units' figures.
 */
import * as path from "path";
import type { Page } from "playwright-core";
import { readXlsx } from "../support/exceljs-reader";
import { CATALOGUE } from "../../src/core/forms/catalogue";
import { rowNumbers } from "../../src/core/layout/form-sheet";
import { META_SHEET } from "../../src/core/layout/metadata";
import { DETAIL_SHEET, RESULT_SHEET, SUBMISSIONS_SHEET } from "../../src/core/layout/ward-sheets";
import type { Session } from "./support/browser";
import { axeViolations, download, dropFiles, horizontalOverflow, screenshot, severe } from "./support/checks";
import { expectCleanSessions, TODAY, usePane } from "./support/harness";
import { cleanOneStop, sampleUnit, unitFile } from "./support/workbooks";
import { validateWorkbook } from "../support/worded";
import { cellsA1 } from "../support/a1";

jest.setTimeout(90_000);
const pane = usePane();

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

let session: Session;
let page: Page;
beforeAll(async () => {
  session = await pane.session({ today: TODAY });
  page = await session.openPane();
  await page.getByRole("tab", { name: "Tổng hợp", exact: true }).click();
  await page.getByRole("button", { name: "Tổng hợp", exact: true }).waitFor();
});

/** Tổng hợp's own field for the ward's name (the editor has one too, saved with the list). */
const wardField = () => page.getByRole("textbox", { name: "Tên phường", exact: true });

it("asks for the ward's name before running: the built-in list names no ward", async () => {
  await expect(wardField().inputValue()).resolves.toBe("");
  await page
    .locator('input[type="file"][multiple]')
    .setInputFiles([{ name: "vp-2026-H1.xlsx", mimeType: XLSX, buffer: Buffer.from((await unitFile("vp-2026-H1.xlsx", sampleUnit("vp"))).bytes) }]);
  await page.getByRole("button", { name: "Tổng hợp", exact: true }).click();
  await page.getByText("Nhập tên phường trước khi tổng hợp.", { exact: false }).waitFor();
  await expect(wardField().evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  await expect(page.getByRole("progressbar").count()).resolves.toBe(0);
  await page.getByRole("button", { name: "Bỏ chọn tất cả", exact: true }).click();
  await wardField().fill("Phường Nhị Chiểu");
});

it("three units' files (two picked, one dropped) give a summary of who sent what, read in a Web Worker", async () => {
  const picked = [await unitFile("vhxh-2026-H1.xlsx", sampleUnit("vhxh")), await unitFile("vp-2026-H1.xlsx", sampleUnit("vp"))];
  await page.locator('input[type="file"][multiple]').setInputFiles(picked.map((f) => ({ name: f.name, mimeType: XLSX, buffer: Buffer.from(f.bytes) })));
  await dropFiles(page.locator("main section").first(), [await cleanOneStop()]);
  await page.getByText("Đã chọn 3 tệp").waitFor();
  const chosen = page.getByRole("list", { name: "Đã chọn 3 tệp" }).getByRole("listitem");
  await expect(chosen.evaluateAll((items) => items.map((li) => li.getAttribute("data-file")))).resolves.toEqual([
    "vhxh-2026-H1.xlsx",
    "vp-2026-H1.xlsx",
    "tt-pvhcc.xlsx",
  ]);
  // Each file: when it was changed (dd/mm/yyyy HH:mm) and its own Bỏ.
  for (const text of await chosen.allInnerTexts()) expect(text).toMatch(/sửa lúc \d\d\/\d\d\/\d{4} \d\d:\d\d/);
  await expect(page.getByRole("button", { name: "Bỏ tệp vp-2026-H1.xlsx", exact: true }).isVisible()).resolves.toBe(true);

  await page.getByRole("button", { name: "Tổng hợp", exact: true }).click();
  const summary = page.getByRole("region", { name: "Tổng hợp Phường Nhị Chiểu – 6 tháng đầu năm 2026" });
  await summary.waitFor();
  await expect(summary.getByText("Dùng 3 trong 3 tệp.").isVisible()).resolves.toBe(true);
  const used = summary.locator('[data-file-status="used"]');
  await expect(used.count()).resolves.toBe(3);
  const units = await used.evaluateAll((items) => items.map((li) => li.querySelector("span")?.textContent ?? ""));
  expect(units.sort()).toEqual(["Phòng Văn hóa - Xã hội", "Trung tâm Phục vụ hành chính công", "Văn phòng HĐND và UBND"]);
  await expect(used.filter({ hasText: "0 lỗi, 0 cảnh báo" }).count()).resolves.toBe(3);
  expect(session.workers.filter((u) => /\/aggregate-worker\.[0-9a-f]{8}\.js$/.test(u))).toHaveLength(1);
});

it("the summary has no serious or critical axe violation; the view is screenshotted at 1280 and 320 px", async () => {
  const region = await axeViolations(page, "main section section");
  const whole = await axeViolations(page);
  if (whole.length > 0) console.log(`e2e axe (Tổng hợp with summary): ${JSON.stringify(whole)}`);
  expect(severe(region)).toEqual([]);
  expect(severe(whole)).toEqual([]);
  await screenshot(page, "aggregate-1280");
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await screenshot(page, "aggregate-320");
  await page.setViewportSize({ width: 1280, height: 800 });
});

it("downloads the ward workbook: BM1–BM7 with the units' sums, the ratio formulas, the detail and result sheets", async () => {
  const file = await download(page, page.getByRole("button", { name: "Tải tệp tổng hợp", exact: true }));
  expect(file.name).toBe("tong-hop-2026-H1.xlsx");
  const book = await readXlsx(file.bytes);
  expect(book.sheets.map((s) => s.name)).toEqual(["BM1", "BM2", "BM3", "BM4", "BM5", "BM6", "BM7", DETAIL_SHEET, RESULT_SHEET, SUBMISSIONS_SHEET, META_SHEET]);
  const check = validateWorkbook(book);
  expect(check.metadata).toMatchObject({ unit: "Phường Nhị Chiểu", period: "2026-H1" });
  expect(check.counts.error).toBe(0);
  // BM7 is its lead's, the one-stop centre's (DOMAIN.md), never added to another unit's figures.
  expect(check.figures.BM7).toMatchObject({ "1.1.1": 99, "1.1.2": 99, "1.3.1": 352, "1.3.2": 340 });
  expect(check.figures.BM1).toMatchObject({ "1": 7, "2.1": 48, "2.2": 25 });
  expect(check.figures.BM2).toMatchObject({ "1.1": 4, "1": 4 });
  const bm1 = book.sheets.find((s) => s.name === "BM1")!;
  const rows = rowNumbers(CATALOGUE.forms.find((f) => f.id === "BM1")!);
  const ratio = cellsA1(bm1)[`D${rows.get("2")}`];
  expect(ratio?.formula).toBe(`IF(OR(D${rows.get("2.1")}="",D${rows.get("2.1")}=0,D${rows.get("2.2")}=""),"",D${rows.get("2.2")}/D${rows.get("2.1")}*100)`);
  const done = page.getByRole("status").filter({ hasText: "Đã ghi kết quả tổng hợp" });
  await done.waitFor();
  await expect(done.innerText()).resolves.toContain("tong-hop-2026-H1.xlsx");
});

it("the ward's units: the editor changes a lead, saves it in the browser, and the next run takes that form from the new lead", async () => {
  const open = page.getByRole("button", { name: "Sửa danh sách đơn vị", exact: true });
  await open.click();
  const editor = page.getByRole("region", { name: "Đơn vị của phường" });
  await editor.getByRole("table", { name: "Các đơn vị" }).waitFor();
  await expect(page.getByRole("button", { name: "Đóng danh sách đơn vị" }).getAttribute("aria-expanded")).resolves.toBe("true");
  // At the pane's width the editor fits, and axe finds nothing serious in it.
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await screenshot(page, "aggregate-setup-320");
  await page.setViewportSize({ width: 1280, height: 800 });
  expect(severe(await axeViolations(page, "main section section"))).toEqual([]);

  const lead = editor.getByRole("combobox", { name: /^Đơn vị chủ trì BM7/ });
  await expect(lead.innerText()).resolves.toBe("Trung tâm Phục vụ hành chính công");
  await lead.click();
  await page.getByRole("option", { name: "Phòng Văn hóa - Xã hội", exact: true }).click();
  await expect(lead.innerText()).resolves.toBe("Phòng Văn hóa - Xã hội");
  await editor.getByRole("textbox", { name: "Tên phường (lưu cùng danh sách)" }).fill("Phường Nhị Chiểu");
  await editor.getByRole("button", { name: "Lưu", exact: true }).click();
  await editor.getByText("Đã lưu danh sách đơn vị.").waitFor();
  const saved = JSON.parse((await page.evaluate(() => window.localStorage.getItem("bieu-mau-cchc:ward-setup"))) ?? "{}");
  expect(saved).toMatchObject({ ward: "Phường Nhị Chiểu", leads: { BM7: "VHXH" } });

  await page.getByRole("button", { name: "Tổng hợp", exact: true }).click();
  const summary = page.getByRole("region", { name: "Tổng hợp Phường Nhị Chiểu – 6 tháng đầu năm 2026" });
  await summary.waitFor();
  const forms = await summary.locator("[data-form]").allInnerTexts();
  expect(forms).toContain("BM7 – Phòng Văn hóa - Xã hội: lấy số của đơn vị chủ trì");
  expect(forms).toContain("BM1: cộng các đơn vị");
});

const SCREENSHOTS = path.join(__dirname, "..", "..", "docs", "screenshots");

/** Where the summary's top is, in the viewport, and whether it has the focus: read in the page, nothing scrolled by the test. */
const summaryPlace = () =>
  page.evaluate(() => {
    const el = document.querySelector<HTMLElement>('[data-section="summary"]')!;
    const box = el.getBoundingClientRect();
    return { top: box.top, height: window.innerHeight, focused: document.activeElement === el };
  });

describe("the officer's pass (issue 16)", () => {
  const summaryName = /^Tổng hợp Phường Nhị Chiểu – 6 tháng đầu năm 2026$/;
  let files: string[] = [];

  /** A fresh list of files, then Tổng hợp at this width; the summary region. */
  async function runWith(picked: { name: string; bytes: Uint8Array }[], size: { width: number; height: number }) {
    await page.setViewportSize(size);
    await page.getByRole("button", { name: "Bỏ chọn tất cả", exact: true }).click();
    await page.locator('input[type="file"][multiple]').setInputFiles(picked.map((f) => ({ name: f.name, mimeType: XLSX, buffer: Buffer.from(f.bytes) })));
    files = picked.map((f) => f.name);
    await page.getByRole("button", { name: "Tổng hợp", exact: true }).click();
    const summary = page.getByRole("region", { name: summaryName });
    await summary.waitFor();
    return summary;
  }

  it("1: at 350 × 700 the summary comes into view and takes the focus when the run ends; at 1280 too", async () => {
    const picked = [await unitFile("vhxh-2026-H1.xlsx", sampleUnit("vhxh")), await unitFile("vp-2026-H1.xlsx", sampleUnit("vp")), await cleanOneStop()];
    await runWith(picked, { width: 350, height: 700 });
    const narrow = await summaryPlace();
    expect(narrow.focused).toBe(true);
    expect(narrow.top).toBeGreaterThanOrEqual(0);
    expect(narrow.top).toBeLessThan(narrow.height);
    await page.screenshot({ path: path.join(SCREENSHOTS, "aggregate-result-350.png"), animations: "disabled", caret: "hide" });

    await runWith(picked, { width: 1280, height: 800 });
    const wide = await summaryPlace();
    expect(wide.focused).toBe(true);
    expect(wide.top).toBeGreaterThanOrEqual(0);
    expect(wide.top).toBeLessThan(wide.height);

    // Writing (here: the download) is what happens next: its message comes into view and takes the focus.
    await page.setViewportSize({ width: 350, height: 700 });
    await download(page, page.getByRole("button", { name: "Tải tệp tổng hợp", exact: true }));
    const done = page.getByRole("group", { name: "Đã ghi kết quả tổng hợp" });
    await done.waitFor();
    const place = await done.evaluate((el) => ({ top: el.getBoundingClientRect().top, height: window.innerHeight, focused: document.activeElement === el }));
    expect(place.focused).toBe(true);
    expect(place.top).toBeGreaterThanOrEqual(0);
    expect(place.top).toBeLessThan(place.height);
    await page.screenshot({ path: path.join(SCREENSHOTS, "aggregate-written-350.png"), animations: "disabled", caret: "hide" });
  });

  it("4 and 5: a unit's two files, what differs between them, Bỏ where the advice is; one line per unit not sent; no code or period id shown", async () => {
    const vhxh = sampleUnit("vhxh");
    const older = await unitFile("vhxh-2026-H1.xlsx", { ...vhxh, figures: { ...vhxh.figures, BM1: { ...vhxh.figures.BM1, "2.1": 31 } } });
    const newer = await unitFile("vhxh-2026-H1-gui-lai.xlsx", vhxh);
    const summary = await runWith(
      [older, await unitFile("vp-2026-H1.xlsx", sampleUnit("vp")), newer, await unitFile("tt-pvhcc-2026-H1.xlsx", sampleUnit("tt-pvhcc"))],
      {
        width: 350,
        height: 700,
      },
    );
    const duplicate = summary.locator('[data-finding-code="UNIT_DUPLICATE"]');
    await expect(duplicate.count()).resolves.toBe(1);
    const difference = duplicate.locator('[data-duplicate-file="vhxh-2026-H1.xlsx"] [data-difference]');
    await difference.filter({ hasText: /^Khác tệp được dùng ở/ }).waitFor();
    await expect(difference.innerText()).resolves.toContain("BM1 STT 2.1: 31 (tệp này) / 30 (tệp được dùng)");
    await expect(duplicate.locator('[data-used="true"]').innerText()).resolves.toContain("tệp được dùng, mới hơn");

    // One line per unit not sent, its forms listed.
    const missing = await summary.locator('[data-finding-code="UNIT_MISSING"]').allInnerTexts();
    expect(missing.map((m) => m.split("\n")[0])).toEqual(["Phòng Kinh tế, Hạ tầng và Đô thị: BM1, BM6", "Trung tâm Dịch vụ sự nghiệp công: BM1"]);

    // No finding code, no period id in what the officer reads (the files' own names aside).
    const text = files.reduce((t, name) => t.split(name).join(""), await summary.innerText());
    expect(text).not.toMatch(/[A-Z]+_[A-Z_]+/);
    expect(text).not.toMatch(/20\d\d-(Q1|H1|Q3|Y)/);

    // The one-stop centre's planted mistake opens its file's cells at the cell.
    const tt = summary.locator('[data-file="tt-pvhcc-2026-H1.xlsx"]');
    await tt.locator("summary").click();
    const finding = tt.locator('li[data-finding-code="PART_EXCEEDS_WHOLE"]').first();
    const cell = (await finding.getAttribute("data-cell"))!;
    await finding.getByRole("button").click();
    const [sheet, address] = cell.split("!");
    const preview = finding.getByRole("region", { name: `Xem trước trang ${sheet}, ô ${address}` });
    await preview.waitFor();
    expect(severe(await axeViolations(page, '[data-section="summary"]'))).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, "aggregate-officer-350");
    await page.keyboard.press("Escape");
    await expect(preview.count()).resolves.toBe(0);

    await duplicate.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, "aggregate-duplicate-350.png"), animations: "disabled", caret: "hide" });
    // Bỏ where the advice is: the file leaves the list, and Tổng hợp (focused) runs again without it.
    await duplicate.getByRole("button", { name: "Bỏ tệp vhxh-2026-H1.xlsx", exact: true }).click();
    await page.getByText("Đã chọn 3 tệp").waitFor();
    await expect(page.getByRole("button", { name: "Tổng hợp", exact: true }).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press("Enter");
    await page.getByRole("region", { name: summaryName }).waitFor();
    await expect(page.locator('[data-finding-code="UNIT_DUPLICATE"]').count()).resolves.toBe(0);
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

it("no request left the origin, no HTTP error, and the console stayed free of errors", () => {
  expectCleanSessions(pane.sessions, "aggregate");
});
