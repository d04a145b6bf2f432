/** @jest-environment jsdom */
/**
 * Issue 16, the officer's pass over Tổng hợp: the result comes into view and
 * takes the focus; each picked file has its date and its own Bỏ; two files of
 * one unit say which is newer and what differs; one line per unit not sent;
 * a file's counts agree with its list; a unit file's finding opens the cells
 * around it, a ward finding selects its cell in Excel.
 */
import "../support/jsdom-globals";
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { Host, WriteTemplateOutcome } from "../../src/adapters/host/types";
import { planToXlsx } from "../../src/adapters/xlsx/write-plan";
import type { WorkbookPlan } from "../../src/core/layout/plan";
import { buildWorkbookPlan } from "../../src/core/layout/workbook-plan";
import { viUi } from "../../src/core/messages/vi-ui";
import { SAMPLE_UNITS } from "../../src/core/sample/demo-units";
import { App } from "../../src/taskpane/App";
import { fileTime } from "../../src/taskpane/aggregate/file-time";
import { AggregateRunnerProvider } from "../../src/taskpane/jobs/runner-context";
import { createInProcessRunner } from "../../src/taskpane/jobs/runner";
import { setupStrings } from "../../src/taskpane/setup/setup-strings";
import { period } from "../support/plans";

configure({ asyncUtilTimeout: 20_000 });

const s = viUi.aggregate;
const w = setupStrings("vi").aggregate;
const TODAY = new Date(2026, 6, 3);
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DAY = 24 * 3600 * 1000;
const T0 = Date.UTC(2026, 6, 1, 1, 30);

type WriteOptions = Parameters<Host["writeTemplate"]>[1];

class FakeHost implements Host {
  readonly wardCalls: { plan: WorkbookPlan; options: WriteOptions }[] = [];
  readonly selected: [string, string][] = [];
  constructor(readonly kind: Host["kind"] = "excel") {}
  async writeTemplate(): Promise<WriteTemplateOutcome> {
    throw new Error("not used here");
  }
  async writeWard(plan: WorkbookPlan, options: WriteOptions): Promise<WriteTemplateOutcome> {
    this.wardCalls.push({ plan, options });
    return {
      status: "written",
      sheets: plan.sheets.map((x) => x.name),
      printSetupApplied: true,
      ...(this.kind === "browser" ? { fileName: options.fileName } : {}),
    };
  }
  selectCell = async (sheet: string, address: string) => {
    this.selected.push([sheet, address]);
  };
}

const sample = (code: string) => SAMPLE_UNITS.find((u) => u.code === code)!;

async function unitFile(name: string, code: string, options: { modified?: number; figures?: Record<string, Record<string, number>> } = {}): Promise<File> {
  const unit = sample(code);
  const plan = buildWorkbookPlan({
    unit: unit.name,
    period: period("2026-H1"),
    forms: unit.forms,
    figures: options.figures ?? unit.figures,
    createdAt: "2026-06-20T08:00:00.000Z",
  });
  return new File([(await planToXlsx(plan)).slice()], name, { type: XLSX, lastModified: options.modified ?? T0 });
}

let VHXH_OLD: File, VHXH_NEW: File, VP: File, VP_AGAIN: File, TT: File;
beforeAll(async () => {
  VHXH_OLD = await unitFile("vhxh-2026-H1.xlsx", "vhxh", {
    modified: T0 - 3 * DAY,
    figures: { ...sample("vhxh").figures, BM1: { ...sample("vhxh").figures.BM1, "2.1": 31 } },
  });
  VHXH_NEW = await unitFile("vhxh-2026-H1-gui-lai.xlsx", "vhxh", { modified: T0 });
  VP = await unitFile("vp-2026-H1.xlsx", "vp", { modified: T0 - DAY });
  VP_AGAIN = await unitFile("vp-2026-H1-ban-2.xlsx", "vp", { modified: T0 });
  TT = await unitFile("tt-pvhcc-2026-H1.xlsx", "tt-pvhcc");
}, 60_000);

afterEach(cleanup);

function renderPane(host: Host) {
  render(
    <AggregateRunnerProvider runner={createInProcessRunner()}>
      <App host={host} today={TODAY} />
    </AggregateRunnerProvider>,
  );
}

async function openView() {
  fireEvent.click(screen.getByRole("tab", { name: "Tổng hợp" }));
  await screen.findByRole("button", { name: "Tổng hợp" });
  await screen.findByText(/^\d+ đơn vị · /);
  fireEvent.change(screen.getByRole("textbox", { name: /^Tên phường\s*\*?$/ }), { target: { value: "Phường Nhị Chiểu" } });
}

const pick = (files: File[]) => fireEvent.change(screen.getByLabelText(s.filesLabel, { selector: "input" }), { target: { files } });
const runButton = () => screen.getByRole("button", { name: "Tổng hợp" });
const summaryName = "Tổng hợp Phường Nhị Chiểu – 6 tháng đầu năm 2026";

async function runAndWait(): Promise<HTMLElement> {
  fireEvent.click(runButton());
  return await screen.findByRole("region", { name: summaryName });
}

describe("Tổng hợp, the officer's pass (issue 16)", () => {
  it("1: the summary takes the focus when the run ends; what came of writing it takes it next", async () => {
    renderPane(new FakeHost());
    await openView();
    pick([VP, TT]);
    const summary = await runAndWait();
    expect(summary.tabIndex).toBe(-1);
    await waitFor(() => expect(document.activeElement).toBe(summary));

    fireEvent.click(screen.getByRole("button", { name: "Ghi vào bảng tính" }));
    const done = await screen.findByRole("group", { name: s.doneTitle });
    await waitFor(() => expect(document.activeElement).toBe(done));
    expect(done.textContent).toContain(s.doneExcel);
  }, 60_000);

  it("4: each picked file shows its date and its own Bỏ; Bỏ takes it off, the focus moves to the next file's", async () => {
    renderPane(new FakeHost());
    await openView();
    pick([VHXH_OLD, VP, TT]);
    const list = screen.getByRole("list", { name: s.chosen(3) });
    const items = within(list).getAllByRole("listitem");
    expect(items.map((li) => li.textContent)).toEqual([
      `vhxh-2026-H1.xlsx${w.fileTime(fileTime(T0 - 3 * DAY, "vi")!)}${w.removeFile}`,
      `vp-2026-H1.xlsx${w.fileTime(fileTime(T0 - DAY, "vi")!)}${w.removeFile}`,
      `tt-pvhcc-2026-H1.xlsx${w.fileTime(fileTime(T0, "vi")!)}${w.removeFile}`,
    ]);
    expect(fileTime(T0, "vi")).toMatch(/^\d\d\/\d\d\/2026 \d\d:\d\d$/);

    await runAndWait();
    fireEvent.click(screen.getByRole("button", { name: w.removeFileLabel("vp-2026-H1.xlsx") }));
    expect(screen.getByText(s.chosen(2))).toBeTruthy();
    expect(within(screen.getByRole("list", { name: s.chosen(2) })).queryByText("vp-2026-H1.xlsx")).toBeNull();
    // As for any change to the list, the summary is stale: gone until Tổng hợp runs again.
    expect(screen.queryByRole("region", { name: summaryName })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: w.removeFileLabel("tt-pvhcc-2026-H1.xlsx") }));
    fireEvent.click(screen.getByRole("button", { name: w.removeFileLabel("tt-pvhcc-2026-H1.xlsx") }));
    expect(document.activeElement).toBe(screen.getByRole("button", { name: w.removeFileLabel("vhxh-2026-H1.xlsx") }));
    fireEvent.click(screen.getByRole("button", { name: w.removeFileLabel("vhxh-2026-H1.xlsx") }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("button", { name: s.pick })));
    expect(screen.getByText(s.needFiles)).toBeTruthy();
  }, 60_000);

  it("4: a unit's two files: which is newer, when each was changed, the figures that differ, and Bỏ that follows the advice", async () => {
    renderPane(new FakeHost());
    await openView();
    pick([VHXH_OLD, VHXH_NEW, VP, VP_AGAIN, TT]);
    const summary = await runAndWait();
    const duplicates = Array.from(summary.querySelectorAll<HTMLElement>('[data-finding-code="UNIT_DUPLICATE"]'));
    expect(duplicates).toHaveLength(2);
    const vhxh = duplicates.find((d) => d.textContent!.includes("vhxh-2026-H1.xlsx"))!;
    const vp = duplicates.find((d) => d.textContent!.includes("vp-2026-H1.xlsx"))!;

    const older = vhxh.querySelector<HTMLElement>('[data-duplicate-file="vhxh-2026-H1.xlsx"]')!;
    const newer = vhxh.querySelector<HTMLElement>('[data-duplicate-file="vhxh-2026-H1-gui-lai.xlsx"]')!;
    expect(newer.textContent).toContain(`${w.duplicate.used} · ${w.fileTime(fileTime(T0, "vi")!)}`);
    expect(older.textContent).toContain(`${w.duplicate.older} · ${w.fileTime(fileTime(T0 - 3 * DAY, "vi")!)}`);
    // The two files are read again to compare them: the one figure changed, by form and STT, with both values.
    await waitFor(() => expect(older.querySelector("[data-difference]")?.textContent).not.toBe(w.duplicate.comparing), { timeout: 20_000 });
    const diff = older.querySelector("[data-difference]")!.textContent!;
    expect(diff).toMatch(/^Khác tệp được dùng ở \d+ số liệu: /);
    expect(diff).toContain("BM1 STT 2.1: 31 (tệp này) / 30 (tệp được dùng)");
    // The same figures sent twice: said so.
    await waitFor(() => expect(vp.querySelector('[data-duplicate-file="vp-2026-H1.xlsx"] [data-difference]')?.textContent).toBe(w.duplicate.same));

    // "Bỏ các tệp cũ khỏi danh sách" can be done where it is said: the file leaves the list, the focus goes to Tổng hợp.
    fireEvent.click(within(vhxh).getByRole("button", { name: w.removeFileLabel("vhxh-2026-H1.xlsx") }));
    expect(screen.getByText(s.chosen(4))).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(runButton()));
    const again = await runAndWait();
    expect(Array.from(again.querySelectorAll('[data-finding-code="UNIT_DUPLICATE"]')).map((d) => d.textContent)).toEqual([
      expect.stringContaining("vp-2026-H1-ban-2.xlsx"),
    ]);
  }, 90_000);

  it("5: a file's counts are of the findings its list shows; its finding with a cell opens the cells around it", async () => {
    renderPane(new FakeHost("browser"));
    await openView();
    pick([VP, TT]);
    const summary = await runAndWait();
    for (const used of Array.from(summary.querySelectorAll<HTMLElement>('[data-file-status="used"]'))) {
      // A unit's list is drawn when opened.
      const toggle = used.querySelector<HTMLElement>("summary");
      expect(used.querySelectorAll("li[data-finding-code]")).toHaveLength(0);
      if (toggle) {
        fireEvent.click(toggle);
        await waitFor(() => expect(used.querySelector("li[data-finding-code]")).not.toBeNull());
      }
      const line = Array.from(used.querySelectorAll("span")).find((e) => /^\d+ lỗi/.test(e.textContent!))!;
      const counts = /^(\d+) lỗi, (\d+) cảnh báo(?:, (\d+) lưu ý)?$/.exec(line.textContent!)!;
      const total = Number(counts[1]) + Number(counts[2]) + Number(counts[3] ?? 0);
      const listed = used.querySelectorAll("li[data-finding-code]").length;
      expect(listed).toBe(total);
      if (listed > 0) expect(used.textContent).toContain(s.fileFindings(listed));
    }
    // The one-stop centre's planted mistake (BM7 1.3.2 > 1.3.1): a button that opens its file's cells at the cell.
    const tt = summary.querySelector<HTMLElement>('[data-file="tt-pvhcc-2026-H1.xlsx"]')!;
    const item = tt.querySelector<HTMLElement>('li[data-finding-code="PART_EXCEEDS_WHOLE"]')!;
    const cell = item.getAttribute("data-cell")!;
    const [sheet, address] = cell.split("!");
    const button = within(item).getByRole("button");
    fireEvent.click(button);
    expect(button.getAttribute("aria-expanded")).toBe("true");
    const preview = await within(item).findByRole("region", { name: `Xem trước trang ${sheet}, ô ${address}` });
    expect(preview).toBeTruthy();
    // Escape closes it, the focus back on the finding.
    fireEvent.keyDown(preview, { key: "Escape" });
    expect(within(item).queryByRole("region")).toBeNull();
    expect(document.activeElement).toBe(button);
  }, 60_000);

  it("5: in Excel, once written, a ward finding selects the ward's cell", async () => {
    const host = new FakeHost("excel");
    renderPane(host);
    await openView();
    pick([VP, TT]);
    await runAndWait();
    fireEvent.click(screen.getByRole("button", { name: "Ghi vào bảng tính" }));
    await screen.findByRole("group", { name: s.doneTitle });
    const ward = document.querySelector<HTMLElement>('[data-section="ward-figures"] li[data-cell]')!;
    expect(ward).toBeTruthy();
    fireEvent.click(within(ward).getByRole("button"));
    await waitFor(() => expect(host.selected).toHaveLength(1));
    const [sheet, address] = host.selected[0];
    expect(ward.getAttribute("data-cell")).toBe(`${sheet}!${address}`);
  }, 60_000);

  it("shows no finding code and no period id in the Vietnamese summary", async () => {
    renderPane(new FakeHost());
    await openView();
    pick([VHXH_OLD, VHXH_NEW, TT]);
    const summary = await runAndWait();
    const text = [VHXH_OLD, VHXH_NEW, TT].reduce((t, f) => t.split(f.name).join(""), summary.textContent!);
    expect(text).not.toMatch(/[A-Z]+_[A-Z_]+/);
    expect(text).not.toMatch(/20\d\d-(Q1|H1|Q3|Y)/);
  }, 60_000);
});
