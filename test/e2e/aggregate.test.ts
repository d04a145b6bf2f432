/**
 * Tổng hợp in the browser: three units' files for the same period are read
 * in a Web Worker, the summary says who sent what, and the downloaded ward
 * workbook holds the sums (and the ratio formulas) of the units' figures.
 */
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
  await expect(page.getByRole("list", { name: "Đã chọn 3 tệp" }).getByRole("listitem").allInnerTexts()).resolves.toEqual([
    "vhxh-2026-H1.xlsx",
    "vp-2026-H1.xlsx",
    "tt-pvhcc.xlsx",
  ]);

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

it("no request left the origin, no HTTP error, and the console stayed free of errors", () => {
  expectCleanSessions(pane.sessions, "aggregate");
});
