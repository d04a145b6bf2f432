/** @jest-environment jsdom */
import "../support/jsdom-globals";
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { Host, WriteTemplateOutcome } from "../../src/adapters/host/types";
import { planToXlsx } from "../../src/adapters/xlsx/write-plan";
import { findForm } from "../../src/core/forms/catalogue";
import { rowNumbers } from "../../src/core/layout/form-sheet";
import type { WorkbookPlan } from "../../src/core/layout/plan";
import { DETAIL_SHEET, RESULT_SHEET, SUBMISSIONS_SHEET } from "../../src/core/layout/ward-sheets";
import { buildWorkbookPlan } from "../../src/core/layout/workbook-plan";
import { viUi } from "../../src/core/messages/vi-ui";
import { cycleStringsOf } from "../../src/taskpane/cycle/cycle-strings";
import { SAMPLE_UNITS } from "../../src/core/sample/demo-units";
import { App } from "../../src/taskpane/App";
import { AggregateFailure } from "../../src/taskpane/jobs/protocol";
import { AggregateRunnerProvider } from "../../src/taskpane/jobs/runner-context";
import { createInProcessRunner, createWorkerRunner, type AggregateRunner, type WorkerLike } from "../../src/taskpane/jobs/runner";
import { period } from "../support/plans";
import { a1 } from "../support/a1";

// Reading real .xlsx files and rendering the summary takes seconds when the whole suite runs in parallel.
configure({ asyncUtilTimeout: 20_000 });

const s = viUi.aggregate;
const TODAY = new Date(2026, 6, 3);
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DAY = 24 * 3600 * 1000;
const T0 = Date.UTC(2026, 6, 1);

type WriteOptions = Parameters<Host["writeTemplate"]>[1];

/** A host that answers writeWard from a script and remembers every call. */
class FakeHost implements Host {
  readonly wardCalls: { plan: WorkbookPlan; options: WriteOptions }[] = [];
  constructor(
    private readonly answers: (WriteTemplateOutcome | Error)[] = [],
    readonly kind: Host["kind"] = "excel",
  ) {}
  async writeTemplate(): Promise<WriteTemplateOutcome> {
    throw new Error("not used here");
  }
  async writeWard(plan: WorkbookPlan, options: WriteOptions): Promise<WriteTemplateOutcome> {
    this.wardCalls.push({ plan, options });
    const answer = this.answers.shift() ?? {
      status: "written",
      sheets: plan.sheets.map((x) => x.name),
      printSetupApplied: true,
      ...(this.kind === "browser" ? { fileName: options.fileName } : {}),
    };
    if (answer instanceof Error) throw answer;
    return answer;
  }
}

const sample = (code: string) => SAMPLE_UNITS.find((u) => u.code === code)!;

/** A unit's workbook as `cchc template --unit … --period …` makes it, filled with the sample figures, as a picked File. */
async function unitFile(
  name: string,
  code: string,
  options: { periodId?: string; modified?: number; figures?: Record<string, Record<string, number>> } = {},
): Promise<File> {
  const unit = sample(code);
  const plan = buildWorkbookPlan({
    unit: unit.name,
    period: period(options.periodId ?? "2026-H1"),
    forms: unit.forms,
    figures: options.figures ?? unit.figures,
    createdAt: "2026-06-20T08:00:00.000Z",
  });
  return new File([(await planToXlsx(plan)).slice()], name, { type: XLSX, lastModified: options.modified ?? T0 });
}

/** The officer's picks: three units, VHXH's file sent twice (the newer one corrected), KT's of last year, a CSV renamed .xlsx, a lock file, a PDF. */
let PICKS: File[];
const VHXH_FIRST_BM7 = { ...sample("vhxh").figures.BM7, "1.1.1": 100 };

beforeAll(async () => {
  PICKS = [
    await unitFile("vhxh-2026-H1.xlsx", "vhxh", { modified: T0 - 3 * DAY, figures: { ...sample("vhxh").figures, BM7: VHXH_FIRST_BM7 } }),
    await unitFile("vp-2026-H1.xlsx", "vp"),
    await unitFile("tt-pvhcc-2026-H1.xlsx", "tt-pvhcc"),
    await unitFile("vhxh-2026-H1-gui-lai.xlsx", "vhxh", { modified: T0 }),
    await unitFile("kt-2025-Y.xlsx", "kt", { periodId: "2025-Y" }),
    new File(["Đơn vị;BM1;2.1\nPhòng Văn hóa;30;16\n"], "bang-tinh.xlsx", { type: XLSX }),
    new File(["lock"], "~$vp-2026-H1.xlsx"),
    new File(["%PDF-1.4"], "cong-van.pdf", { type: "application/pdf" }),
  ];
}, 60_000);

afterEach(cleanup);

function renderPane(host: Host, runner: AggregateRunner = createInProcessRunner()) {
  render(
    <AggregateRunnerProvider runner={runner}>
      <App host={host} today={TODAY} />
    </AggregateRunnerProvider>,
  );
}

/** The ward's name field of Tổng hợp (required: the pane never writes a ward name it was not given). */
const wardField = () => screen.getByRole("textbox", { name: /^Tên phường\s*\*?$/ }) as HTMLInputElement;

/** Opens Tổng hợp once the ward's setup was read, and names the ward (unless told not to). */
async function openView(ward: string | null = "Phường Nhị Chiểu") {
  fireEvent.click(screen.getByRole("tab", { name: "Tổng hợp" }));
  const run = await screen.findByRole("button", { name: "Tổng hợp" });
  // "5 đơn vị · …": shown once the setup was read.
  await screen.findByText(/^\d+ đơn vị · /);
  if (ward !== null) fireEvent.change(wardField(), { target: { value: ward } });
  return run;
}

function pick(files: File[]) {
  fireEvent.change(screen.getByLabelText(s.filesLabel, { selector: "input" }), { target: { files } });
}

const runButton = () => screen.getByRole("button", { name: "Tổng hợp" });
const findings = (code: string) => Array.from(document.querySelectorAll(`[data-finding-code="${code}"]`)).map((e) => e.textContent ?? "");
const cellOf = (plan: WorkbookPlan, sheet: string, address: string) => plan.sheets.find((x) => x.name === sheet)?.cells.find((c) => a1(c) === address);
/** The plan cell holding a form row's figure (column D of the form sheet). */
function figureCell(plan: WorkbookPlan, formId: string, stt: string) {
  const row = rowNumbers(findForm(formId)!).get(stt)!;
  return cellOf(plan, formId, `D${row}`);
}

describe("Tổng hợp", () => {
  it("reads the picked files, shows who sent what and what does not fit, then writes the ward's report", async () => {
    const host = new FakeHost();
    renderPane(host);
    await openView();
    expect((runButton() as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole("combobox", { name: s.periodLabel }).textContent).toBe(s.periodAuto);

    pick(PICKS);
    expect(screen.getByText(s.chosen(7))).toBeTruthy();
    // Excel's lock file is not taken, and the officer is told so; the PDF is (issue 15: never skipped silently).
    expect(screen.getByText(s.skipped("~$vp-2026-H1.xlsx"))).toBeTruthy();
    fireEvent.click(runButton());

    const summary = await screen.findByRole("heading", { name: "Tổng hợp Phường Nhị Chiểu – 6 tháng đầu năm 2026" });
    const region = summary.closest("section")!;
    expect(within(region).getByText(s.summaryCounts(3, 6))).toBeTruthy();

    // Units found, with their period.
    const used = Array.from(region.querySelectorAll('[data-file-status="used"]')).map((e) => e.textContent);
    expect(used).toHaveLength(3);
    expect(used.join("\n")).toContain("Phòng Văn hóa - Xã hội");
    expect(used.join("\n")).toContain("vhxh-2026-H1-gui-lai.xlsx · 6 tháng đầu năm 2026");
    expect(used.join("\n")).toContain("Văn phòng HĐND và UBND");
    expect(used.join("\n")).toContain("Trung tâm Phục vụ hành chính công");

    // Missing: TTDVSNC never sent BM1; KT's only file is of another period: one line per unit, naming its forms.
    expect(findings("UNIT_MISSING")).toEqual([
      expect.stringMatching(/^Phòng Kinh tế, Hạ tầng và Đô thị: BM1, BM6Nhắc Phòng Kinh tế/),
      expect.stringMatching(/^Trung tâm Dịch vụ sự nghiệp công: BM1Nhắc/),
    ]);
    expect(within(region).getByRole("heading", { name: `${s.sections.missing} (2)` })).toBeTruthy();
    // The resent file is the one used, and the summary says so.
    const duplicate = findings("UNIT_DUPLICATE");
    expect(duplicate).toHaveLength(1);
    expect(duplicate[0]).toContain("vhxh-2026-H1.xlsx");
    expect(duplicate[0]).toContain("Dùng tệp mới nhất vhxh-2026-H1-gui-lai.xlsx");
    // Last year's file is left out.
    const wrong = findings("PERIOD_MISMATCH");
    expect(wrong).toHaveLength(1);
    expect(wrong[0]).toContain("kt-2025-Y.xlsx");
    expect(wrong[0]).toContain("2025-Y");
    // The CSV renamed .xlsx is named with its reason, in Vietnamese.
    const unreadable = Array.from(region.querySelectorAll('[data-file-status="unreadable"]')).map((e) => e.textContent);
    expect(unreadable).toEqual([expect.stringMatching(/^bang-tinh\.xlsx: không phải tệp Excel \.xlsx \(nội dung giống tệp CSV\)/)]);
    // The PDF names no unit: said under the summary, not dropped.
    expect(screen.getByText(cycleStringsOf("vi").others.unmatched("cong-van.pdf"))).toBeTruthy();
    // The planted mistake of the one-stop centre (BM7 1.3.2 > 1.3.1) is counted against its file.
    expect(findings("PART_EXCEEDS_WHOLE").length).toBeGreaterThan(0);

    fireEvent.click(screen.getByRole("button", { name: "Ghi vào bảng tính" }));
    const status = await screen.findByRole("status");
    expect(status.textContent).toContain(s.doneTitle);

    expect(host.wardCalls).toHaveLength(1);
    const { plan, options } = host.wardCalls[0];
    expect(options).toMatchObject({ replaceExisting: false, fileName: "tong-hop-2026-H1.xlsx" });
    expect(plan.sheets.map((x) => x.name)).toEqual(["BM1", "BM2", "BM3", "BM4", "BM5", "BM6", "BM7", DETAIL_SHEET, RESULT_SHEET, SUBMISSIONS_SHEET, "_CCHC"]);
    // BM7 1.1.1 is its lead's figure (DOMAIN.md: the one-stop centre, 99), never added to what other units sent.
    expect(figureCell(plan, "BM7", "1.1.1")?.value).toBe(99);
    // BM1 2.1 summed over three units; BM1 2 stays a live ratio of the summed parts.
    expect(figureCell(plan, "BM1", "2.1")?.value).toBe(30 + 12 + 6);
    const bm1Ratio = figureCell(plan, "BM1", "2");
    const rows = rowNumbers(findForm("BM1")!);
    expect(bm1Ratio?.formula).toContain(`D${rows.get("2.2")}`);
    expect(bm1Ratio?.formula).toContain(`D${rows.get("2.1")}`);
    expect(cellOf(plan, "BM1", "A3")?.value).toBe("Đơn vị báo cáo: Phường Nhị Chiểu");
  }, 60_000);

  it("asks before replacing BM sheets, and Thay thế writes the same plan again", async () => {
    const host = new FakeHost([{ status: "exists", existing: ["BM1", "BM7"] }]);
    renderPane(host);
    await openView();
    pick(PICKS.slice(1, 3));
    fireEvent.click(runButton());
    await screen.findByRole("button", { name: "Ghi vào bảng tính" });
    fireEvent.click(screen.getByRole("button", { name: "Ghi vào bảng tính" }));

    const dialog = await screen.findByRole("alertdialog");
    expect(dialog.textContent).toContain(s.existsQuestion("BM1, BM7"));
    // Fluent moves focus to the first button, which makes its focus trap show the dialog to assistive technology.
    await waitFor(() => expect(document.activeElement?.textContent).toBe(s.replace));
    fireEvent.click(within(dialog).getByRole("button", { name: s.replace }));

    await screen.findByRole("status");
    expect(host.wardCalls.map((c) => c.options.replaceExisting)).toEqual([false, true]);
    expect(host.wardCalls[1].plan).toBe(host.wardCalls[0].plan);
  }, 60_000);

  it("in the browser, offers the ward workbook as a download named after the period", async () => {
    const host = new FakeHost([], "browser");
    renderPane(host);
    await openView();
    pick(PICKS.slice(1, 3));
    fireEvent.click(runButton());
    fireEvent.click(await screen.findByRole("button", { name: "Tải tệp tổng hợp" }));
    const status = await screen.findByRole("status");
    expect(status.textContent).toContain("tong-hop-2026-H1.xlsx");
    expect(host.wardCalls[0].options.fileName).toBe("tong-hop-2026-H1.xlsx");
  }, 60_000);

  it("aggregates the period picked in the list and leaves out the others", async () => {
    const host = new FakeHost();
    renderPane(host);
    await openView();
    pick(PICKS.slice(1, 5));
    fireEvent.click(screen.getByRole("combobox", { name: s.periodLabel }));
    fireEvent.click(await screen.findByRole("option", { name: "Năm 2025" }));
    fireEvent.click(runButton());
    await screen.findByRole("heading", { name: /Năm 2025$/ });
    expect(findings("PERIOD_MISMATCH")).toHaveLength(3);
    expect(screen.getByText(s.summaryCounts(1, 4))).toBeTruthy();
  }, 60_000);

  it("puts the ward name typed on the report without reading the files again", async () => {
    const inner = createInProcessRunner();
    const runs = jest.fn();
    const host = new FakeHost();
    renderPane(host, { run: (job, options) => (runs(job), inner.run(job, options)) });
    await openView();
    pick(PICKS.slice(1, 3));
    fireEvent.click(runButton());
    await screen.findByRole("heading", { name: /^Tổng hợp Phường Nhị Chiểu/ });

    fireEvent.change(wardField(), { target: { value: "Phường Ái Quốc" } });
    expect(screen.getByRole("heading", { name: "Tổng hợp Phường Ái Quốc – 6 tháng đầu năm 2026" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Ghi vào bảng tính" }));
    await screen.findByRole("status");
    expect(runs).toHaveBeenCalledTimes(1);
    expect(cellOf(host.wardCalls[0].plan, "BM1", "A3")?.value).toBe("Đơn vị báo cáo: Phường Ái Quốc");
  }, 60_000);

  it("shows progress per file and Dừng stops the run", async () => {
    let progress: ((done: number) => void) | undefined;
    const runner: AggregateRunner = {
      run: (job, { onProgress, signal }) =>
        new Promise((_, reject) => {
          progress = (done) => onProgress({ done, total: job.files.length, file: job.files[done - 1].name });
          signal.addEventListener("abort", () => reject(new DOMException("stopped", "AbortError")));
        }),
    };
    renderPane(new FakeHost(), runner);
    await openView();
    pick(PICKS.slice(0, 5));
    fireEvent.click(runButton());
    // First the files are read on the page, then the runner takes them.
    await screen.findByText(s.reading);
    await waitFor(() => expect(progress).toBeDefined());
    await act(async () => progress!(2));
    expect(screen.getByText(s.progress(2, 5))).toBeTruthy();
    expect(screen.getByRole("progressbar", { name: s.progressLabel }).getAttribute("aria-valuenow")).toBe("2");
    expect(screen.queryByRole("button", { name: "Tổng hợp" })).toBeNull();

    await act(async () => fireEvent.click(screen.getByRole("button", { name: s.stop })));
    expect((await screen.findByRole("status")).textContent).toContain(s.stoppedTitle);
    // What happened takes the focus (and so is read out), named by its title.
    expect(document.activeElement).toBe(screen.getByRole("group", { name: s.stoppedTitle }));
    expect((runButton() as HTMLButtonElement).disabled).toBe(false);
  });

  it("shows a worker that fails to start as a Vietnamese message with what to do", async () => {
    const broken: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage() {
        setTimeout(() => this.onerror?.({ message: "NetworkError: Failed to load worker script", preventDefault() {} } as ErrorEvent), 0);
      },
      terminate: jest.fn(),
    };
    renderPane(
      new FakeHost(),
      createWorkerRunner(() => broken),
    );
    await openView();
    pick(PICKS.slice(1, 2));
    fireEvent.click(runButton());

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(s.runErrors.title);
    expect(alert.textContent).toContain(s.runErrors.loadFailed);
    expect(document.activeElement).toBe(screen.getByRole("group", { name: s.runErrors.title }));
    expect(alert.textContent).not.toContain("NetworkError");
    expect(broken.terminate).toHaveBeenCalled();
    expect((runButton() as HTMLButtonElement).disabled).toBe(false);
  });

  /** Runs an aggregation that fails with `error`; the alert shown, and what reached console.warn. */
  async function failedRun(error: unknown): Promise<{ alert: HTMLElement; warned: unknown[][] }> {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      renderPane(new FakeHost(), { run: async () => Promise.reject(error) });
      await openView();
      pick(PICKS.slice(1, 2));
      fireEvent.click(runButton());
      return { alert: await screen.findByRole("alert"), warned: warn.mock.calls };
    } finally {
      warn.mockRestore();
    }
  }

  it("shows a failure inside the worker as the Vietnamese advice only: the raw exception goes to the console, not the pane", async () => {
    const raw = new TypeError("Cannot read properties of undefined (reading 'cells')");
    const { alert, warned } = await failedRun(raw);
    expect(alert.textContent).toContain(s.runErrors.title);
    expect(alert.textContent).toContain(s.runErrors.generic);
    expect(document.body.textContent).not.toMatch(/TypeError|Cannot read|undefined|reading 'cells'/);
    expect(warned).toContainEqual([expect.any(String), raw]);
  });

  it("says a worker that ran out of memory in words: close other tabs, reload, aggregate again", async () => {
    const { alert } = await failedRun(new AggregateFailure("UNEXPECTED", "RangeError: Array buffer allocation failed"));
    expect(alert.textContent).toContain(s.runErrors.outOfMemory);
    expect(document.body.textContent).not.toMatch(/RangeError|allocation/);
  });

  it("names a setup the job refuses and says how to go on", async () => {
    const refused = new AggregateFailure("REGISTRY_INVALID", 'Danh sách đơn vị "Đơn vị của phường" không hợp lệ: sai hoặc thiếu các mục "units"');
    renderPane(new FakeHost(), { run: async () => Promise.reject(refused) });
    await openView();
    pick(PICKS.slice(1, 2));
    fireEvent.click(runButton());
    const alert = await screen.findByRole("alert", {});
    expect(alert.textContent).toContain('Danh sách đơn vị "Đơn vị của phường" không hợp lệ');
    expect(alert.textContent).toContain("Mở Đơn vị của phường, sửa các mục được nêu rồi bấm Lưu");
  });

  it("shows a failed write as a Vietnamese message and keeps the summary", async () => {
    const host = new FakeHost([Object.assign(new Error("busy"), { code: "InvalidOperationInCellEditMode" })]);
    renderPane(host);
    await openView();
    pick(PICKS.slice(1, 2));
    fireEvent.click(runButton());
    fireEvent.click(await screen.findByRole("button", { name: "Ghi vào bảng tính" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(s.errors.title);
    expect(alert.textContent).toContain(s.errors.cellEditMode);
    expect(screen.getByRole("heading", { name: /^Tổng hợp Phường Nhị Chiểu/ })).toBeTruthy();
    await waitFor(() => expect((screen.getByRole("button", { name: "Ghi vào bảng tính" }) as HTMLButtonElement).disabled).toBe(false));
  }, 60_000);

  it("takes files dropped on the view", async () => {
    renderPane(new FakeHost());
    await openView();
    const view = runButton().closest("section")!;
    fireEvent.dragOver(view, { dataTransfer: { files: [], dropEffect: "none" } });
    fireEvent.drop(view, { dataTransfer: { files: PICKS.slice(1, 3) } });
    expect(screen.getByText(s.chosen(2))).toBeTruthy();
    expect((runButton() as HTMLButtonElement).disabled).toBe(false);
  });
});
