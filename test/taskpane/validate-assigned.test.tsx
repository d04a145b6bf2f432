/** @jest-environment jsdom */
/**
 * Issue 16: a unit's check does not list the blank forms it never had to
 * fill. A real .xlsx the product writes (all seven forms, for Phòng Kinh tế,
 * Hạ tầng và Đô thị, whose assignment in the ward's setup is BM1 and BM6),
 * with BM1 and BM6 filled, is checked in the pane: the five blank forms are
 * not listed; for a unit the ward's list does not have, they still are.
 */
import "../support/jsdom-text";
import { cleanup, configure, fireEvent, render, screen } from "@testing-library/react";
import { createBrowserHost } from "../../src/adapters/browser/browser-host";
import type { Host } from "../../src/adapters/host/types";
import { planToXlsx } from "../../src/adapters/xlsx/write-plan";
import { sparedUnassignedForms } from "../../src/core/validate/assigned-forms";
import { validateWorkbook } from "../../src/core/validate/validate-workbook";
import { App } from "../../src/taskpane/App";
import { CLEAN_VALUES } from "../support/clean-values";
import { fillTemplate } from "../support/fill";
import { snapshotOf, templatePlan } from "../support/plans";

configure({ asyncUtilTimeout: 20_000 });
afterEach(cleanup);
afterEach(() => window.localStorage.clear());

const KT = "Phòng Kinh tế, Hạ tầng và Đô thị";
const filled = async (unit: string) => fillTemplate(await planToXlsx(templatePlan(unit)), { BM1: CLEAN_VALUES.BM1, BM6: CLEAN_VALUES.BM6 });

const xlsx = (bytes: Uint8Array, name: string) =>
  new File([bytes.slice()], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });

async function check(host: Host, file: File) {
  render(<App host={host} />);
  fireEvent.click(screen.getByRole("tab", { name: "Kiểm tra" }));
  await screen.findByRole("button", { name: "Kiểm tra" });
  fireEvent.change(screen.getByLabelText("Tệp cần kiểm tra"), { target: { files: [file] } });
  await screen.findByRole("heading", { level: 2, name: file.name });
  await screen.findByText(/^\d+ lỗi · \d+ cảnh báo · \d+ lưu ý$/);
}

const listed = () => [...document.querySelectorAll<HTMLElement>("[data-finding-code]")].map((e) => `${e.dataset.findingCode} ${e.dataset.cell ?? "-"}`);

it("the product's workbook for KT, BM1 and BM6 filled: the blank BM2–BM5 and BM7 are not listed", async () => {
  await check(createBrowserHost(), xlsx(await filled(KT), "kt.xlsx"));
  expect(listed().filter((l) => /^MISSING_VALUE BM[23457]!/.test(l))).toEqual([]);
  expect(screen.getByText("0 lỗi · 0 cảnh báo · 0 lưu ý")).toBeTruthy();
  expect(screen.getByText("Không phát hiện lỗi")).toBeTruthy();
}, 60_000);

it("for a unit without an assignment in the ward's setup, the blank forms are still listed", async () => {
  await check(createBrowserHost(), xlsx(await filled("Phòng Tư pháp"), "tu-phap.xlsx"));
  expect(
    listed()
      .filter((l) => l.startsWith("MISSING_VALUE"))
      .map((l) => l.slice(14, 17)),
  ).toEqual(["BM2", "BM3", "BM4", "BM5", "BM7"]);
}, 60_000);

it("spares only blank or absent forms outside the assignment: a figure typed on one, or a blank assigned form, is still listed", async () => {
  const bytes = await fillTemplate(await planToXlsx(templatePlan(KT)), { BM1: CLEAN_VALUES.BM1, BM2: { "1.1": -1 } });
  const result = validateWorkbook(await snapshotOf(bytes));
  const spared = sparedUnassignedForms(result, ["BM1", "BM6"]);
  const codes = (r: typeof result) => r.findings.map((f) => `${f.code} ${f.form}`);
  // BM6 is the unit's and blank: still said; BM3 is not the unit's and blank: not said; BM2 has a figure: its findings stay.
  expect(codes(spared)).toContain("MISSING_VALUE BM6");
  expect(codes(spared)).not.toContain("MISSING_VALUE BM3");
  expect(codes(spared).filter((c) => c.endsWith("BM2"))).toEqual(codes(result).filter((c) => c.endsWith("BM2")));
  expect(spared.counts.info).toBe(spared.findings.filter((f) => f.severity === "info").length);
  // No assignment: nothing spared.
  expect(sparedUnassignedForms(result, [])).toBe(result);
  expect(sparedUnassignedForms(result, undefined)).toBe(result);
}, 60_000);
