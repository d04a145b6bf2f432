/**
 * Tạo biểu mẫu in the browser: the officer's choices become an .xlsx
 * download holding exactly the chosen forms, for the chosen unit and period.
 */
import type { Page } from "playwright-core";
import { openWorkbook } from "../../src/adapters/xlsx/open-workbook";
import { readXlsx } from "../support/exceljs-reader";
import { CATALOGUE } from "../../src/core/forms/catalogue";
import { rowNumbers } from "../../src/core/layout/form-sheet";
import { META_SHEET } from "../../src/core/layout/metadata";
import { parsePeriod } from "../../src/core/periods/period";
import type { Session } from "./support/browser";
import { axeViolations, download, screenshot, severe } from "./support/checks";
import { internalWords, resultPlacement } from "./support/result-checks";
import { expectCleanSessions, TODAY, usePane } from "./support/harness";
import { validateWorkbook } from "../support/worded";
import { cellsA1 } from "../support/a1";

jest.setTimeout(90_000);
const pane = usePane();

let session: Session;
let page: Page;
beforeAll(async () => {
  session = await pane.session({ today: TODAY });
  page = await session.openPane();
});

const label = (id: string) => {
  const p = parsePeriod(id);
  if (!p.ok) throw new Error(id);
  return p.value.label.vi;
};

it("downloads an .xlsx with the chosen unit, period and forms, fetching the .xlsx library only then", async () => {
  // The unit: a name the ward's list does not have is taken, with a warning.
  await page.getByRole("combobox", { name: "Đơn vị báo cáo" }).fill("Phòng Tư pháp");
  await page.getByText("“Phòng Tư pháp” không có trong danh sách đơn vị của phường", { exact: false }).waitFor();
  await page.getByRole("combobox", { name: "Kỳ báo cáo" }).click();
  await page.getByRole("option", { name: label("2025-H1"), exact: true }).click();
  await page.getByRole("checkbox", { name: "Tất cả biểu mẫu" }).uncheck();
  await expect(page.getByText("Chọn ít nhất một biểu mẫu.").isVisible()).resolves.toBe(true);
  await expect(page.getByRole("button", { name: "Tạo biểu mẫu", exact: true }).isDisabled()).resolves.toBe(true);
  await page.getByRole("checkbox", { name: /^BM2 – / }).check();
  await page.getByRole("checkbox", { name: /^BM7 – / }).check();
  const loadedBefore = session.requests.filter((r) => /xlsx-writer/.test(r.url));

  const file = await download(page, page.getByRole("button", { name: "Tạo biểu mẫu", exact: true }));

  expect(loadedBefore).toEqual([]);
  expect(session.requests.some((r) => /\/xlsx-writer\.[0-9a-f]{8}\.js$/.test(r.url))).toBe(true);
  expect(file.name).toBe("BM-Phong-Tu-phap-2025-H1.xlsx");
  const opened = await openWorkbook(file.bytes, file.name);
  if (!opened.ok) throw new Error(JSON.stringify(opened.error));
  expect(opened.value.sheets.map((s) => [s.name, s.visibility])).toEqual([
    ["BM2", "visible"],
    ["BM7", "visible"],
    [META_SHEET, "veryHidden"],
  ]);
  const check = validateWorkbook(opened.value);
  expect(check.metadata).toMatchObject({ unit: "Phòng Tư pháp", period: "2025-H1", forms: ["BM2", "BM7"] });
  // A blank template is no mistake.
  expect(check.counts.error).toBe(0);
  // ExcelJS's reader agrees, and the ratio rows are real formulas.
  const full = await readXlsx(file.bytes);
  const bm7 = full.sheets.find((s) => s.name === "BM7")!;
  const rows = rowNumbers(CATALOGUE.forms.find((f) => f.id === "BM7")!);
  expect(cellsA1(bm7)[`D${rows.get("1.3")}`]?.formula).toMatch(/D\d+\/D\d+\*100/);
  expect(cellsA1(bm7)[`A${rows.get("1.3.2")}`]?.value).toBe("1.3.2");

  const done = page.getByRole("status").filter({ hasText: "Đã tạo biểu mẫu" });
  await done.waitFor();
  await expect(done.innerText()).resolves.toContain("BM-Phong-Tu-phap-2025-H1.xlsx (BM2, BM7)");
});

it("at 350 × 700 and at 320 px, the outcome comes into view and takes the focus, in Vietnamese words only (issue 16)", async () => {
  for (const width of [350, 320]) {
    await page.setViewportSize({ width, height: 700 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const button = page.getByRole("button", { name: "Tạo biểu mẫu", exact: true });
    // The officer's view before: the button in sight, the place of the outcome below the fold.
    await page.getByRole("checkbox", { name: "Tất cả biểu mẫu" }).check();
    await button.focus();
    await download(page, button);
    await page.getByRole("group", { name: "Đã tạo biểu mẫu", exact: true }).waitFor();
    await expect(resultPlacement(page, "Đã tạo biểu mẫu")).resolves.toEqual({ focused: true, topInView: true, width });
    await expect(internalWords(page)).resolves.toEqual([]);
    if (width === 350) await screenshot(page, "template-result-350");
  }
  await page.setViewportSize({ width: 1280, height: 800 });
});

it("has no serious or critical axe violation with the outcome shown", async () => {
  const found = await axeViolations(page);
  if (found.length > 0) console.log(`e2e axe (Tạo biểu mẫu, after download): ${JSON.stringify(found)}`);
  expect(severe(found)).toEqual([]);
});

it("no request left the origin, no HTTP error, and the console stayed free of errors", () => {
  expectCleanSessions(pane.sessions, "template");
});
