/**
 * Hostile files in the real browser, read by the real Web Worker: a zip bomb,
 * an encrypted workbook, 300,000 rows and a staff list among good files.
 * Kiểm tra gives each its reason in Vietnamese; Tổng hợp aggregates the good
 * files and lists the others with theirs; the page stays free of errors.
 * (Every hostile file is also run through the CLI and the pane's code in
 * test/hardening/.)
 */
import type { Page } from "playwright-core";
import type { Session } from "./support/browser";
import { expectCleanSessions, TODAY, usePane } from "./support/harness";
import { sampleUnit, unitFile } from "./support/workbooks";
import { goodUnitFile, hostileFiles, type HostileFile } from "../support/hostile-files";

jest.setTimeout(90_000);
const pane = usePane();

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const asPayload = (f: { name: string; bytes: Uint8Array }) => ({ name: f.name, mimeType: XLSX, buffer: Buffer.from(f.bytes) });
const RAW = /\b(TypeError|RangeError|ReferenceError|XlsxReadError|undefined)\b|Error:/;

let session: Session;
let page: Page;
let some: HostileFile[];

beforeAll(async () => {
  some = hostileFiles(await goodUnitFile("vhxh")).filter((h) => ["zip-bomb", "encrypted", "many-rows", "no-form"].includes(h.id));
  session = await pane.session({ today: TODAY });
  page = await session.openPane();
});

it("Kiểm tra: each hostile file gets its own report with its reason, the good file is checked", async () => {
  await page.getByRole("tab", { name: "Kiểm tra", exact: true }).click();
  await page.getByRole("button", { name: "Kiểm tra", exact: true }).waitFor();
  const good = await unitFile("vp-2026-H1.xlsx", sampleUnit("vp"));
  await page.locator('input[type="file"][multiple]').setInputFiles([...some.map(asPayload), asPayload(good)]);
  const report = (name: string) => page.getByRole("region", { name, exact: true });
  await report(good.name).getByText("Không phát hiện lỗi").waitFor();
  for (const h of some) {
    const text = await report(h.name).innerText();
    expect(text).toMatch(h.reason.vi);
    expect(text).not.toMatch(RAW);
    if (!h.readable) expect(text).toContain(`${h.name}: `);
  }
});

it("Tổng hợp: the good files are aggregated, each hostile one listed with its reason", async () => {
  await page.getByRole("tab", { name: "Tổng hợp", exact: true }).click();
  await page.getByRole("button", { name: "Tổng hợp", exact: true }).waitFor();
  const good = [await unitFile("vhxh-2026-H1.xlsx", sampleUnit("vhxh")), await unitFile("vp-2026-H1.xlsx", sampleUnit("vp"))];
  await page.locator('input[type="file"][multiple]').setInputFiles([asPayload(good[0]), ...some.map(asPayload), asPayload(good[1])]);
  await page.getByRole("textbox", { name: "Tên phường", exact: true }).fill("Phường Nhị Chiểu");
  await page.getByRole("button", { name: "Tổng hợp", exact: true }).click();
  const summary = page.getByRole("region", { name: "Tổng hợp Phường Nhị Chiểu – 6 tháng đầu năm 2026" });
  await summary.waitFor();
  await expect(summary.getByText(`Dùng 2 trong ${some.length + 2} tệp.`).isVisible()).resolves.toBe(true);
  for (const h of some) {
    const item = summary.locator(`[data-file-status="${h.readable ? "no-forms" : "unreadable"}"]`, { hasText: `${h.name}: ` });
    await expect(item.count()).resolves.toBe(1);
    const text = await item.innerText();
    expect(text).toMatch(h.reason.vi);
    expect(text).not.toMatch(RAW);
  }
  expect(session.workers.filter((u) => /\/aggregate-worker\.[0-9a-f]{8}\.js$/.test(u)).length).toBeGreaterThan(0);
});

it("no request left the origin, no HTTP error, and the console stayed free of errors", () => {
  expectCleanSessions(pane.sessions, "hostile");
});
