/**
 * Chuyển sang biểu mẫu chuẩn in the browser: the seed's Phụ lục 3 pasted into
 * one sheet is checked in the file worker, the officer picks the period the
 * sheet does not give, and the standard workbook `cchc import` writes
 * downloads (converted in the worker, written by the lazily loaded writer).
 */
import type { Page } from "playwright-core";
import { CATALOGUE } from "../../src/core/forms/catalogue";
import { META_SHEET } from "../../src/core/layout/metadata";
import type { WorkbookSnapshot } from "../../src/core/read/snapshot";
import { pastedSeedWorkbook } from "../support/pasted-seed";
import { period, snapshotOf } from "../support/plans";
import type { Session } from "./support/browser";
import { axeViolations, download, horizontalOverflow, screenshot, severe } from "./support/checks";
import { expectCleanSessions, TODAY, usePane } from "./support/harness";
import { importWorkbook, validateWorkbook } from "../support/worded";

jest.setTimeout(90_000);
const pane = usePane();
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CONVERT = "Chuyển sang biểu mẫu chuẩn";

let session: Session;
let page: Page;
let seedBytes: Uint8Array;
let seed: WorkbookSnapshot;

beforeAll(async () => {
  seedBytes = await pastedSeedWorkbook();
  seed = await snapshotOf(seedBytes);
  session = await pane.session({ today: TODAY });
  page = await session.openPane();
  await page.getByRole("tab", { name: "Kiểm tra", exact: true }).click();
  await page.getByRole("button", { name: "Kiểm tra", exact: true }).waitFor();
});

it("a pasted appendix is checked at its own cells and offers the conversion; the period is asked for, then the standard workbook downloads", async () => {
  await page.locator('input[type="file"][multiple]').setInputFiles({ name: "phu-luc-3.xlsx", mimeType: XLSX, buffer: Buffer.from(seedBytes) });
  const report = page.getByRole("region", { name: "phu-luc-3.xlsx", exact: true });
  await report.locator('[data-finding-code="FORMULA_MISMATCH"][data-cell="Sheet1!D38"]').waitFor();

  await report.getByRole("button", { name: CONVERT, exact: true }).click();
  const choice = report.getByRole("group", { name: CONVERT, exact: true });
  await choice.waitFor();
  await expect(choice.getByText(/chỉ có ngày 09\/6\/2025/).isVisible()).resolves.toBe(true);
  await expect(choice.getByRole("button", { name: "Chuyển", exact: true }).isDisabled()).resolves.toBe(true);

  const violations = await axeViolations(page, "main");
  if (violations.length > 0) console.log(`e2e axe (Chuyển sang biểu mẫu chuẩn): ${JSON.stringify(violations)}`);
  expect(severe(violations)).toEqual([]);
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await screenshot(page, "validate-convert-320");
  await page.setViewportSize({ width: 1280, height: 800 });

  await choice.getByRole("combobox", { name: "Kỳ báo cáo" }).click();
  await page.getByRole("option", { name: "6 tháng đầu năm 2026", exact: true }).click();
  const file = await download(page, choice.getByRole("button", { name: "Chuyển", exact: true }));
  expect(file.name).toBe("phu-luc-3-chuan.xlsx");
  await page.getByText("Đã chuyển sang biểu mẫu chuẩn").waitFor();

  const downloaded = await snapshotOf(file.bytes);
  const forms = CATALOGUE.forms.map((f) => f.id);
  expect(downloaded.sheets.map((s) => s.name)).toEqual([...forms, META_SHEET]);
  const cli = await snapshotOf(
    await (
      await import("../../src/adapters/xlsx/write-plan")
    ).planToXlsx(importWorkbook(seed, { period: period("2026-H1"), createdAt: "2026-06-12T02:00:00.000Z" }).plan!),
  );
  for (const id of forms) expect(downloaded.sheets.find((s) => s.name === id)).toEqual(cli.sheets.find((s) => s.name === id));
  expect(validateWorkbook(downloaded).metadata).toMatchObject({ unit: "Ủy ban nhân dân phường Nhị Chiểu", period: "2026-H1" });

  // What reading the pasted table found, below the file's report.
  await page.getByRole("heading", { level: 2, name: "Cách đọc bảng dán trong phu-luc-3.xlsx (trang Sheet1)" }).waitFor();
  await expect(page.locator('[data-report-kind="import"] [data-finding-code="VALUE_RESOLVED"][data-cell="Sheet1!D103"]').count()).resolves.toBe(1);
  await screenshot(page, "validate-convert-1280");
});

it("no request left the origin, no HTTP error, and the console stayed free of errors", () => {
  expectCleanSessions(pane.sessions, "convert");
});
