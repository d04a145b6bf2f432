/** @jest-environment jsdom */
/**
 * Issue 16, "remembered": Tạo biểu mẫu's unit and period start from what was
 * used last. In a browser they are kept in localStorage; in Excel the
 * workbook itself remembers them (the metadata sheet its forms were written
 * with), read through the Excel host, here over the fake Excel.
 */
import "../support/jsdom-globals";
import "../support/jsdom-text";
import { act, cleanup, configure, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { deserialize, serialize } from "node:v8";
import { CHOICES_STORAGE_KEY, createBrowserHost } from "../../src/adapters/browser/browser-host";
import type { Host } from "../../src/adapters/host/types";
import { createExcelHost } from "../../src/adapters/office/excel-host";
import { LOAD_CHOICES_SYNCS } from "../../src/adapters/office/last-choices";
import { App } from "../../src/taskpane/App";
import { recallChoices } from "../../src/taskpane/template/last-choices";
import { FakeExcel } from "../adapters/fake-excel";

// jsdom's globals lack structuredClone, which the recording fake of Excel uses (Node has it).
globalThis.structuredClone ??= ((value: unknown) => deserialize(serialize(value))) as typeof structuredClone;
configure({ asyncUtilTimeout: 20_000 });
afterEach(cleanup);
afterEach(() => window.localStorage.clear());

// 10 March 2026: the default period is the first half of 2026; its first quarter is offered too.
const TODAY = new Date(2026, 2, 10);
const UNIT = "Phòng Văn hóa - Xã hội";

const unitField = () => screen.getByRole("combobox", { name: "Đơn vị báo cáo" }) as HTMLInputElement;
const periodField = () => screen.getByRole("combobox", { name: "Kỳ báo cáo" });

async function makeForms(host: Host, unit: string, periodLabel: string) {
  render(<App host={host} today={TODAY} />);
  fireEvent.change(unitField(), { target: { value: unit } });
  fireEvent.click(periodField());
  fireEvent.click(await screen.findByRole("option", { name: periodLabel }));
  fireEvent.click(screen.getByRole("button", { name: "Tạo biểu mẫu" }));
  await screen.findByRole("group", { name: "Đã tạo biểu mẫu" });
}

describe("in a browser (localStorage)", () => {
  // The .xlsx itself is not what is tested here: an empty one is "downloaded".
  const host = () => createBrowserHost({ save: () => undefined, loadWriter: async () => async () => new Uint8Array() });

  it("starts as new the first time, then from the unit and period the last forms were made with", async () => {
    await makeForms(host(), UNIT, "Quý I năm 2026");
    await waitFor(() => expect(window.localStorage.getItem(CHOICES_STORAGE_KEY)).toBe(JSON.stringify({ unit: UNIT, period: "2026-Q1" })));
    cleanup();

    render(<App host={host()} today={TODAY} />);
    await waitFor(() => expect(unitField().value).toBe(UNIT));
    expect(periodField().textContent).toBe("Quý I năm 2026");
  });

  it("keeps what the officer typed before the remembered choices were read", async () => {
    window.localStorage.setItem(CHOICES_STORAGE_KEY, JSON.stringify({ unit: UNIT, period: "2026-Q1" }));
    render(<App host={host()} today={TODAY} />);
    fireEvent.change(unitField(), { target: { value: "Phòng Tư pháp" } });
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(unitField().value).toBe("Phòng Tư pháp");
    expect(periodField().textContent).toBe("6 tháng đầu năm 2026");
  });

  it("sets aside what is not such choices, and a period no longer offered", async () => {
    window.localStorage.setItem(CHOICES_STORAGE_KEY, "{not json");
    await expect(recallChoices(host())).resolves.toBeUndefined();
    window.localStorage.setItem(CHOICES_STORAGE_KEY, JSON.stringify({ unit: 7, period: "2026-H1" }));
    await expect(recallChoices(host())).resolves.toBeUndefined();
    window.localStorage.setItem(CHOICES_STORAGE_KEY, JSON.stringify({ unit: UNIT, period: "2019-Y" }));
    render(<App host={host()} today={TODAY} />);
    await waitFor(() => expect(unitField().value).toBe(UNIT));
    expect(periodField().textContent).toBe("6 tháng đầu năm 2026");
  });
});

describe("in Excel (the workbook remembers)", () => {
  const host = (fake: FakeExcel) => createExcelHost({ run: fake.run, supportsPageLayout: () => true, supportsFillTint: () => true });

  it("a workbook with no forms remembers nothing, in one sync", async () => {
    const fake = new FakeExcel();
    const before = fake.syncCount;
    await expect(host(fake).loadChoices!()).resolves.toBeUndefined();
    expect(fake.syncCount - before).toBe(LOAD_CHOICES_SYNCS);
  });

  it("the forms written into the workbook carry the unit and period, and the pane starts from them when opened again", async () => {
    const fake = new FakeExcel();
    await makeForms(host(fake), UNIT, "Quý I năm 2026");
    await expect(host(fake).loadChoices!()).resolves.toBe(JSON.stringify({ unit: UNIT, period: "2026-Q1" }));
    cleanup();

    render(<App host={host(fake)} today={TODAY} />);
    await waitFor(() => expect(unitField().value).toBe(UNIT));
    expect(periodField().textContent).toBe("Quý I năm 2026");
  });
});
