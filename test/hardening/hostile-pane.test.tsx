/** @jest-environment jsdom */
/**
 * The hostile files of test/support/hostile-files.ts in the task pane's
 * browser file mode: Kiểm tra shows, for each, one Vietnamese message naming
 * the file and the reason (no raw exception text); Tổng hợp with bad files
 * among good ones aggregates the good ones and lists each bad one with its
 * reason. Files are read as the pane reads them (FileReader) and opened by the
 * same job the Web Worker runs, here on this thread.
 */
import "../support/jsdom-globals";
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { createBrowserHost } from "../../src/adapters/browser/browser-host";
import type { Host, WriteTemplateOutcome } from "../../src/adapters/host/types";
import { findForm } from "../../src/core/forms/catalogue";
import { rowNumbers } from "../../src/core/layout/form-sheet";
import type { WorkbookPlan } from "../../src/core/layout/plan";
import { viUi } from "../../src/core/messages/vi-ui";
import { App } from "../../src/taskpane/App";
import { createMessageHandler } from "../../src/taskpane/jobs/file.worker";
import type { JobFile, WorkerReply } from "../../src/taskpane/jobs/protocol";
import { AggregateRunnerProvider, ValidateRunnerProvider } from "../../src/taskpane/jobs/runner-context";
import { toJobFile } from "../../src/taskpane/jobs/job-file";
import { createInProcessRunner } from "../../src/taskpane/jobs/runner";
import { goodUnitFile, hostileFiles, type HostileFile } from "../support/hostile-files";
import { fileUseDetail } from "../../src/core/messages/file-use";
import { a1 } from "../support/a1";

configure({ asyncUtilTimeout: 30_000 });

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const GOOD_NAMES = ["vhxh-2026-H1.xlsx", "vp-2026-H1.xlsx"];
let GOOD: File[];
let HOSTILE: HostileFile[];
const fileOf = (h: HostileFile) => new File([h.bytes.slice()], h.name, { type: XLSX, lastModified: Date.UTC(2026, 5, 20) });

/** Raw exception text that must never reach the officer. */
const RAW = /\b(TypeError|RangeError|ReferenceError|SyntaxError|XlsxReadError|undefined|null|NaN|\[object Object\])\b|Error:|^\s*at .+:\d+:\d+/m;

beforeAll(async () => {
  const vhxh = await goodUnitFile("vhxh");
  GOOD = [
    new File([vhxh.slice()], GOOD_NAMES[0], { type: XLSX, lastModified: Date.UTC(2026, 5, 18) }),
    new File([(await goodUnitFile("vp")).slice()], GOOD_NAMES[1], { type: XLSX, lastModified: Date.UTC(2026, 5, 19) }),
  ];
  HOSTILE = hostileFiles(vhxh);
}, 60_000);

afterEach(cleanup);

/** A browser host that records the ward workbook it is asked to offer for download. */
class DownloadHost implements Host {
  readonly kind = "browser" as const;
  readonly plans: WorkbookPlan[] = [];
  async writeTemplate(): Promise<WriteTemplateOutcome> {
    throw new Error("not used here");
  }
  async writeWard(plan: WorkbookPlan, options: { fileName?: string }): Promise<WriteTemplateOutcome> {
    this.plans.push(plan);
    return { status: "written", sheets: plan.sheets.map((s) => s.name), printSetupApplied: true, fileName: options.fileName };
  }
}

function renderPane(host: Host) {
  const runner = createInProcessRunner();
  render(
    <AggregateRunnerProvider runner={runner}>
      <ValidateRunnerProvider runner={runner}>
        <App host={host} today={new Date(2026, 5, 20)} />
      </ValidateRunnerProvider>
    </AggregateRunnerProvider>,
  );
}

/** What one file's report says, checked against the file's reason. */
function expectReport(h: HostileFile): void {
  const region = screen.getByRole("region", { name: h.name });
  const text = region.textContent ?? "";
  expect(text).not.toMatch(RAW);
  if (h.readable) {
    // Read, but no form: the finding says why, nothing else.
    expect(within(region).queryByRole("alert")).toBeNull();
    const findings = [...region.querySelectorAll<HTMLElement>("[data-finding-code]")];
    expect(findings.map((f) => f.getAttribute("data-finding-code"))).toEqual(["STRUCTURE_CHANGED"]);
    expect(findings[0].textContent).toMatch(h.reason.vi);
  } else {
    // One message: the file, then the reason, then what to do.
    const alerts = within(region).getAllByRole("alert");
    expect(alerts).toHaveLength(1);
    expect(alerts[0].textContent).toContain(viUi.validate.fileErrorTitle);
    const message = [...alerts[0].querySelectorAll("div")].map((d) => d.textContent ?? "").filter((t) => t.startsWith(`${h.name}: `));
    expect(message).toEqual([expect.stringMatching(h.reason.vi)]);
    // "Open it and save it as .xlsx" only where that may cure it; the others' reason says what to do.
    const resave = ["random", "csv", "html", "truncated", "central-directory", "entity-bomb"].includes(h.id);
    expect(alerts[0].textContent?.includes(viUi.validate.fileErrorHint)).toBe(resave);
    expect(region.querySelectorAll("[data-finding-code]")).toHaveLength(0);
  }
}

describe("Kiểm tra in the browser", () => {
  const choose = (files: File[]) => fireEvent.change(screen.getByLabelText(viUi.validate.filesLabel), { target: { files } });
  const idle = () => waitFor(() => expect(screen.queryByText(/^Đang kiểm tra/)).toBeNull());

  it("each hostile file, chosen on its own: one Vietnamese message naming the file and the reason", async () => {
    renderPane(createBrowserHost());
    fireEvent.click(screen.getByRole("tab", { name: "Kiểm tra" }));
    await screen.findByRole("button", { name: "Kiểm tra" });
    for (const h of HOSTILE) {
      choose([fileOf(h)]);
      await screen.findByRole("region", { name: h.name });
      await idle();
      expectReport(h);
      expect(screen.getAllByRole("region").filter((r) => r.getAttribute("aria-labelledby"))).toHaveLength(1);
    }
  }, 120_000);
});

describe("Tổng hợp in the browser", () => {
  it("good files with every hostile file among them: the good ones aggregated, each bad one listed with its reason", async () => {
    const host = new DownloadHost();
    renderPane(host);
    fireEvent.click(screen.getByRole("tab", { name: "Tổng hợp" }));
    await screen.findByRole("button", { name: "Tổng hợp" });
    const picks = [GOOD[0], ...HOSTILE.map(fileOf), GOOD[1]];
    fireEvent.change(screen.getByLabelText(viUi.aggregate.filesLabel, { selector: "input" }), { target: { files: picks } });
    expect(screen.getByText(viUi.aggregate.chosen(picks.length))).toBeTruthy();
    // The ward's name is required: the pane never writes one it was not given.
    fireEvent.change(screen.getByRole("textbox", { name: /^Tên phường/ }), { target: { value: "Phường Nhị Chiểu" } });
    fireEvent.click(screen.getByRole("button", { name: "Tổng hợp" }));

    const heading = await screen.findByRole("heading", { name: "Tổng hợp Phường Nhị Chiểu – 6 tháng đầu năm 2026" });
    const summary = heading.closest("section")!;
    expect(summary.textContent).not.toMatch(RAW);
    expect(within(summary).getByText(viUi.aggregate.summaryCounts(2, picks.length))).toBeTruthy();
    const used = [...summary.querySelectorAll('[data-file-status="used"]')].map((e) => e.textContent ?? "");
    expect(used).toEqual([expect.stringContaining(GOOD_NAMES[0]), expect.stringContaining(GOOD_NAMES[1])]);
    const listed = (status: string) => [...summary.querySelectorAll(`[data-file-status="${status}"]`)].map((e) => e.textContent ?? "");
    for (const h of HOSTILE) {
      const lines = listed(h.readable ? "no-forms" : "unreadable").filter((l) => l.startsWith(`${h.name}: `));
      expect(lines).toEqual([expect.stringMatching(h.reason.vi)]);
    }
    expect(listed("unreadable")).toHaveLength(HOSTILE.filter((h) => !h.readable).length);
    expect(listed("no-forms")).toHaveLength(HOSTILE.filter((h) => h.readable).length);
    // Nothing but the two good units in the ward's figures.
    expect(summary.querySelectorAll('[data-finding-code="UNKNOWN_UNIT"]')).toHaveLength(0);
    expect(summary.querySelectorAll('[data-finding-code="PERIOD_MISMATCH"]')).toHaveLength(0);

    fireEvent.click(screen.getByRole("button", { name: "Tải tệp tổng hợp" }));
    await screen.findByRole("status");
    expect(host.plans).toHaveLength(1);
    // BM1 2.1 of the ward: VHXH's 30 and VP's 12, nothing from the bad files.
    const row = rowNumbers(findForm("BM1")!).get("2.1");
    expect(host.plans[0].sheets.find((x) => x.name === "BM1")!.cells.find((c) => a1(c) === `D${row}`)?.value).toBe(30 + 12);
  }, 120_000);
});

describe("the file worker, one bad file between two good ones", () => {
  const jobFile = (file: File): JobFile => toJobFile(file);

  it.each([
    "empty",
    "random",
    "csv",
    "html",
    "xls",
    "encrypted",
    "truncated",
    "central-directory",
    "zip-bomb",
    "zip-bomb-declared",
    "entity-bomb",
    "whole-grid",
    "many-rows",
    "proto",
    "no-form",
  ])("%s: the result, the two good units used, the bad file named with its reason", async (id) => {
    const h = HOSTILE.find((x) => x.id === id)!;
    const replies: WorkerReply[] = [];
    const handle = createMessageHandler((r) => replies.push(r));
    await handle({ type: "start", job: { files: [jobFile(GOOD[0]), jobFile(fileOf(h)), jobFile(GOOD[1])], lang: "vi" } });
    const last = replies[replies.length - 1];
    if (last.type !== "result") throw new Error(`the worker answered ${JSON.stringify(last).slice(0, 300)}`);
    const { files, values } = last.result;
    expect(files.filter((f) => f.status === "used").map((f) => f.file)).toEqual(GOOD_NAMES);
    expect(values.BM1["2.1"]).toBe(30 + 12);
    const bad = files.find((f) => f.file === h.name)!;
    expect(bad.status).toBe(h.readable ? "no-forms" : "unreadable");
    const detail = fileUseDetail(bad, "vi");
    expect(detail).toMatch(h.readable ? h.reason.vi : new RegExp(`^${h.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: ${h.reason.vi.source}`));
    expect(detail).not.toMatch(RAW);
  });
});
