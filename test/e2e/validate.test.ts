/**
 * Kiểm tra in the browser: a unit file with a planted mistake (BM7 1.3.2
 * larger than 1.3.1), picked or dropped, shows the finding with its cell, and
 * clicking it opens a read-only preview of the sheet scrolled to the cell; a
 * clean file says so; a CSV renamed .xlsx gets a Vietnamese reason.
 */
import type { Locator, Page } from "playwright-core";
import type { Session } from "./support/browser";
import { axeViolations, dropFiles, horizontalOverflow, screenshot, severe, watchBusy } from "./support/checks";
import { expectCleanSessions, usePane } from "./support/harness";
import { internalWords, resultPlacement } from "./support/result-checks";
import { cleanOneStop, csvRenamed, plantedError, type TestFile } from "./support/workbooks";

jest.setTimeout(90_000);
const pane = usePane();

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const asPayload = (f: TestFile) => ({ name: f.name, mimeType: XLSX, buffer: Buffer.from(f.bytes) });

let session: Session;
let page: Page;
let input: Locator;
let checkButton: Locator;
const planted = () => page.locator('[data-finding-code="PART_EXCEEDS_WHOLE"]');
/** A file's report: the section named by its file name. */
const report = (name: string) => page.getByRole("region", { name, exact: true });

beforeAll(async () => {
  session = await pane.session();
  page = await session.openPane();
  await page.getByRole("tab", { name: "Kiểm tra", exact: true }).click();
  checkButton = page.getByRole("button", { name: "Kiểm tra", exact: true });
  await checkButton.waitFor();
  input = page.locator('input[type="file"][multiple]');
});

/** The preview a click on the planted finding opens, and its highlighted cell. */
const preview = () => page.getByRole("region", { name: "Xem trước trang BM7, ô D17", exact: true });
const previewed = () => preview().locator('[data-preview-target="D17"]');
const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/**
 * Where the highlighted cell sits in the preview's scrolling box: how far the
 * box scrolled, and whether the cell is wholly inside the part of the box not
 * covered by the sticky column letters and row numbers.
 */
async function placement(): Promise<{ scrollTop: number; inside: boolean; cell: number[]; visible: number[] }> {
  return previewed().evaluate((cell) => {
    const box = cell.closest("[data-preview-viewport]") as HTMLElement;
    const b = box.getBoundingClientRect();
    const c = cell.getBoundingClientRect();
    const head = box.querySelector("thead")!.getBoundingClientRect().height;
    const side = box.querySelector("tbody th")!.getBoundingClientRect().width;
    const visible = [b.left + side, b.top + head, b.left + box.clientWidth, b.top + box.clientHeight];
    const inside = c.left >= visible[0] - 0.5 && c.top >= visible[1] - 0.5 && c.right <= visible[2] + 0.5 && c.bottom <= visible[3] + 0.5;
    return { scrollTop: box.scrollTop, inside, cell: [c.left, c.top, c.right, c.bottom], visible };
  });
}

it("a picked file with a planted error lists the finding with its cell; clicking it previews the sheet at that cell", async () => {
  await input.setInputFiles(asPayload(await plantedError()));
  await planted().waitFor();
  // Kiểm tra again checks the same file again.
  const ran = await watchBusy(page);
  await checkButton.click();
  await expect(ran()).resolves.toBe(true);
  await expect(planted().count()).resolves.toBe(1);
  const finding = planted();
  await expect(finding.getAttribute("data-cell")).resolves.toBe("BM7!D17");
  const text = await finding.innerText();
  expect(text).toContain("BM7!D17");
  expect(text).toContain("Dòng 1.3.2 (372) lớn hơn dòng 1.3.1 (352).");
  await expect(report("tt-pvhcc-loi.xlsx").getByText("1 lỗi · 0 cảnh báo · 0 lưu ý").isVisible()).resolves.toBe(true);
  // Grouped by form, under BM7's heading.
  await expect(
    page
      .getByRole("list", { name: /^BM7 – / })
      .locator('[data-finding-code="PART_EXCEEDS_WHOLE"]')
      .count(),
  ).resolves.toBe(1);

  await finding.click();
  await expect(finding.getAttribute("aria-current")).resolves.toBe("true");
  await expect(finding.getAttribute("aria-expanded")).resolves.toBe("true");
  await preview().waitFor();
  // The planted value, in its cell, highlighted, focused, and scrolled into the middle of the preview.
  await expect(previewed().locator("span").first().innerText()).resolves.toBe("372");
  await expect(isFocused(previewed())).resolves.toBe(true);
  const where = await placement();
  expect(where.scrollTop).toBeGreaterThan(0);
  expect(where).toMatchObject({ inside: true });
  // Its row reads as in the sheet: STT 1.3.2, then the value.
  const row = previewed().locator("xpath=ancestor::tr");
  await expect(row.getByRole("rowheader").innerText()).resolves.toBe("17");
  await expect(row.locator("td").first().innerText()).resolves.toBe("1.3.2");
  // The whole row 1.3.1 above it, the figure it is compared with.
  await expect(
    preview()
      .locator("tr", { has: page.getByRole("rowheader", { name: "16", exact: true }) })
      .locator("td")
      .nth(3)
      .innerText(),
  ).resolves.toBe("352");
  await expect(
    preview()
      .getByText(/gõ BM7!D17 rồi nhấn Enter/)
      .isVisible(),
  ).resolves.toBe(true);

  // Escape closes it and the focus is back on the finding.
  await page.keyboard.press("Escape");
  await preview().waitFor({ state: "detached" });
  await expect(isFocused(finding)).resolves.toBe(true);
  await expect(finding.getAttribute("aria-expanded")).resolves.toBe("false");
});

it("the severity filter hides what is not of the chosen level and shows it again", async () => {
  const filter = page.getByRole("group", { name: "Hiện" });
  await filter.getByRole("button", { name: "Cảnh báo (0)" }).click();
  await expect(planted().count()).resolves.toBe(0);
  await expect(page.getByText("Không có mục nào ở mức đã chọn.").isVisible()).resolves.toBe(true);
  await filter.getByRole("button", { name: "Lỗi (1)" }).click();
  await expect(planted().count()).resolves.toBe(1);
  await filter.getByRole("button", { name: "Tất cả (1)" }).click();
  await expect(planted().count()).resolves.toBe(1);
  await expect(filter.getByRole("button", { name: "Tất cả (1)" }).getAttribute("aria-pressed")).resolves.toBe("true");
});

it("the findings list has no serious or critical axe violation, the sheet preview open; the view is screenshotted at 1280 and 320 px", async () => {
  const list = await axeViolations(page, "main");
  const whole = await axeViolations(page);
  if (whole.length > 0) console.log(`e2e axe (Kiểm tra with findings): ${JSON.stringify(whole)}`);
  expect(severe(list)).toEqual([]);
  expect(severe(whole)).toEqual([]);

  await planted().click();
  await preview().waitFor();
  const open = await axeViolations(page);
  if (open.length > 0) console.log(`e2e axe (Kiểm tra, sheet preview open): ${JSON.stringify(open)}`);
  expect(severe(open)).toEqual([]);
  await screenshot(page, "validate-1280");

  await page.setViewportSize({ width: 320, height: 800 });
  // The pane fits; the sheet scrolls sideways inside its own box.
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  const viewport = preview().locator("[data-preview-viewport]");
  await expect(viewport.evaluate((el) => el.scrollWidth > el.clientWidth)).resolves.toBe(true);
  const box = (await viewport.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(320);
  // Opened again at this width, the cell is brought into view sideways too.
  await page.keyboard.press("Escape");
  await planted().click();
  await preview().waitFor();
  await expect(placement()).resolves.toMatchObject({ inside: true });
  await expect(isFocused(previewed())).resolves.toBe(true);
  // STT and the indicator stay in sight beside the value (issue 16): frozen like Excel's panes, not scrolled away.
  const beside = await previewed().evaluate((cell) => {
    const box = cell.closest("[data-preview-viewport]") as HTMLElement;
    const b = box.getBoundingClientRect();
    const [stt, indicator] = [...(cell.closest("tr") as HTMLTableRowElement).querySelectorAll("td")].slice(0, 2).map((td) => td.getBoundingClientRect());
    const shown = (r: DOMRect) => r.left >= b.left - 0.5 && r.right <= b.left + box.clientWidth + 0.5;
    return {
      scrolled: box.scrollLeft > 0,
      stt: shown(stt),
      indicator: shown(indicator),
      order: stt.right <= indicator.left + 0.5 && indicator.right <= cell.getBoundingClientRect().left + 0.5,
    };
  });
  expect(beside).toEqual({ scrolled: true, stt: true, indicator: true, order: true });
  await screenshot(page, "validate-320");
  await page.setViewportSize({ width: 1280, height: 800 });
  // Đóng closes it too, the focus back on the finding.
  await preview().getByRole("button", { name: "Đóng xem trước (Esc)" }).click();
  await preview().waitFor({ state: "detached" });
  await expect(isFocused(planted())).resolves.toBe(true);
});

it("files dropped on the drop zone are checked: the clean one shows Không phát hiện lỗi, the wrong one its finding", async () => {
  const zone = page
    .locator("div")
    .filter({ has: page.getByRole("button", { name: "Chọn tệp .xlsx…" }) })
    .last();
  await dropFiles(zone, [await cleanOneStop(), await plantedError()]);
  const clean = report("tt-pvhcc.xlsx");
  await clean.getByText("Không phát hiện lỗi").waitFor();
  await page.locator('[aria-busy="true"]').waitFor({ state: "detached" });
  await expect(clean.locator("[data-finding-code]").count()).resolves.toBe(0);
  await expect(clean.getByText("0 lỗi · 0 cảnh báo · 0 lưu ý").isVisible()).resolves.toBe(true);
  await expect(report("tt-pvhcc-loi.xlsx").locator('[data-finding-code="PART_EXCEEDS_WHOLE"][data-cell="BM7!D17"]').count()).resolves.toBe(1);
});

it("a CSV renamed .xlsx is not read, with the reason and what to do in Vietnamese", async () => {
  await input.setInputFiles(asPayload(csvRenamed()));
  const alert = report("so-lieu.xlsx").getByRole("alert");
  await alert.waitFor();
  const text = await alert.innerText();
  expect(text).toContain("Không đọc được tệp");
  expect(text).toContain("so-lieu.xlsx: không phải tệp Excel .xlsx (nội dung giống tệp CSV).");
  expect(text).toContain("lưu lại dưới dạng Sổ làm việc Excel (.xlsx)");
  await expect(page.locator("[data-finding-code]").count()).resolves.toBe(0);
  expect(severe(await axeViolations(page))).toEqual([]);
});

it("at 350 × 700 and at 320 px, a check's result comes into view and takes the focus, in Vietnamese words only (issue 16)", async () => {
  for (const width of [350, 320]) {
    await page.setViewportSize({ width, height: 700 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await input.setInputFiles(asPayload(await plantedError()));
    await planted().waitFor();
    await page.locator('[aria-busy="true"]').waitFor({ state: "detached" });
    await expect(resultPlacement(page, "Kết quả kiểm tra")).resolves.toEqual({ focused: true, topInView: true, width });
    await expect(internalWords(page)).resolves.toEqual([]);
    if (width === 350) await screenshot(page, "validate-result-350");
  }
  // A failure is brought into view and focused the same way.
  await input.setInputFiles(asPayload(csvRenamed()));
  await report("so-lieu.xlsx").getByRole("alert").waitFor();
  await expect(resultPlacement(page, "Kết quả kiểm tra")).resolves.toEqual({ focused: true, topInView: true, width: 320 });
  await page.setViewportSize({ width: 1280, height: 800 });
});

it("no request left the origin, no HTTP error, and the console stayed free of errors", () => {
  expectCleanSessions(pane.sessions, "validate");
});
