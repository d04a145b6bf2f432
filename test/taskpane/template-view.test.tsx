/** @jest-environment jsdom */
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { Host, WriteTemplateOutcome } from "../../src/adapters/host/types";
import type { WorkbookPlan } from "../../src/core/layout/plan";
import { enUi } from "../../src/core/messages/en-ui";
import { viUi } from "../../src/core/messages/vi-ui";
import { App } from "../../src/taskpane/App";
import { keyShape } from "../support/key-shape";
import { a1 } from "../support/a1";

// A busy machine (the whole suite on two cores) is slower than testing-library's 1 s default wait.
configure({ asyncUtilTimeout: 20_000 });

/** A host that answers from a script and remembers every call. */
class FakeHost implements Host {
  readonly calls: { plan: WorkbookPlan; options: Parameters<Host["writeTemplate"]>[1] }[] = [];
  constructor(
    private readonly answers: (WriteTemplateOutcome | Error)[],
    readonly kind: Host["kind"] = "excel",
  ) {}
  async writeTemplate(plan: WorkbookPlan, options: Parameters<Host["writeTemplate"]>[1]): Promise<WriteTemplateOutcome> {
    this.calls.push({ plan, options });
    const answer = this.answers.shift() ?? written(plan.sheets.map((s) => s.name));
    if (answer instanceof Error) throw answer;
    return answer;
  }
}

const written = (sheets: string[], printSetupApplied = true, fileName?: string): WriteTemplateOutcome => ({
  status: "written",
  sheets,
  printSetupApplied,
  ...(fileName ? { fileName } : {}),
});

// 10 March 2026: the default period is the first half of 2026.
const TODAY = new Date(2026, 2, 10);
const UNIT = "Phòng Văn hóa - Xã hội";

function renderPane(host: Host) {
  render(<App host={host} today={TODAY} />);
}

const createButton = () => screen.getByRole("button", { name: "Tạo biểu mẫu" });
const formBox = (id: string) => screen.getByRole("checkbox", { name: new RegExp(`^${id} – `) });
const cellValue = (plan: WorkbookPlan, sheet: string, address: string) =>
  plan.sheets.find((s) => s.name === sheet)?.cells.find((c) => a1(c) === address)?.value;

function keepOnly(...ids: string[]) {
  for (const n of [1, 2, 3, 4, 5, 6, 7]) {
    const box = formBox(`BM${n}`);
    if ((box as HTMLInputElement).checked !== ids.includes(`BM${n}`)) fireEvent.click(box);
  }
}

afterEach(cleanup);

describe("Tạo biểu mẫu", () => {
  it("writes the chosen forms for the unit and period once", async () => {
    const host = new FakeHost([]);
    renderPane(host);
    expect(screen.getByRole("combobox", { name: "Kỳ báo cáo" })).toHaveProperty("textContent", "6 tháng đầu năm 2026");

    fireEvent.change(screen.getByRole("combobox", { name: "Đơn vị báo cáo" }), { target: { value: UNIT } });
    keepOnly("BM1", "BM4");
    fireEvent.click(createButton());

    const status = await screen.findByRole("status");
    expect(status.textContent).toContain("BM1, BM4");
    expect(host.calls).toHaveLength(1);
    const { plan, options } = host.calls[0];
    expect(plan.sheets.map((s) => s.name)).toEqual(["BM1", "BM4", "_CCHC"]);
    expect(cellValue(plan, "BM1", "A3")).toBe(`Đơn vị báo cáo: ${UNIT}`);
    expect(cellValue(plan, "BM1", "A4")).toBe("Kỳ báo cáo: 6 tháng đầu năm 2026");
    // Named after the unit and the period, in ASCII: two units' templates never collide in Downloads (issue 16).
    expect(options).toMatchObject({ replaceExisting: false, fileName: "BM-Phong-Van-hoa-Xa-hoi-2026-H1.xlsx" });
  });

  it("writes the period picked in the list", async () => {
    const host = new FakeHost([]);
    renderPane(host);
    fireEvent.click(screen.getByRole("combobox", { name: "Kỳ báo cáo" }));
    fireEvent.click(await screen.findByRole("option", { name: "Quý I năm 2026" }));
    expect(screen.getByRole("combobox", { name: "Kỳ báo cáo" }).textContent).toBe("Quý I năm 2026");
    expect(screen.getByText("Chốt số liệu từ 15/12/2025 đến 14/03/2026.")).toBeTruthy();

    fireEvent.click(createButton());
    await screen.findByRole("status");
    expect(cellValue(host.calls[0].plan, "BM1", "A4")).toBe("Kỳ báo cáo: Quý I năm 2026");
    expect(host.calls[0].options.fileName).toBe("bieu-mau-cchc-2026-Q1.xlsx");
  });

  it("asks before replacing sheets that exist, and Thay thế writes the same plan again", async () => {
    const host = new FakeHost([{ status: "exists", existing: ["BM1", "BM3"] }, written(["BM1", "BM3", "_CCHC"], false)]);
    renderPane(host);
    fireEvent.click(createButton());

    const dialog = await screen.findByRole("alertdialog");
    expect(dialog.textContent).toContain("Các trang BM1, BM3 đã có trong sổ làm việc. Thay thế?");
    fireEvent.click(within(dialog).getByRole("button", { name: "Thay thế" }));

    const status = await screen.findByRole("status");
    expect(status.textContent).toContain("BM1, BM3");
    expect(host.calls).toHaveLength(2);
    expect(host.calls[1].options.replaceExisting).toBe(true);
    expect(host.calls[1].plan).toBe(host.calls[0].plan);
    // Office 2019 cannot set print options: the officer is told how to do it by hand.
    expect(document.body.textContent).toContain("Excel 2021 hoặc Microsoft 365");
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
  });

  it("Hủy closes the question and writes nothing", async () => {
    const host = new FakeHost([{ status: "exists", existing: ["BM1", "BM3"] }]);
    renderPane(host);
    fireEvent.click(createButton());

    const dialog = await screen.findByRole("alertdialog");
    fireEvent.click(within(dialog).getByRole("button", { name: "Hủy" }));

    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(host.calls).toHaveLength(1);
    expect(host.calls[0].options.replaceExisting).toBe(false);
    expect(screen.queryByRole("status")).toBeNull();
    expect((createButton() as HTMLButtonElement).disabled).toBe(false);
  });

  it("needs at least one form", () => {
    const host = new FakeHost([]);
    renderPane(host);
    keepOnly();
    expect((createButton() as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText("Chọn ít nhất một biểu mẫu.")).toBeTruthy();
    fireEvent.click(createButton());
    expect(host.calls).toHaveLength(0);

    fireEvent.click(screen.getByRole("checkbox", { name: "Tất cả biểu mẫu" }));
    expect((createButton() as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(screen.getByRole("checkbox", { name: "Tất cả biểu mẫu" }));
    expect((createButton() as HTMLButtonElement).disabled).toBe(true);
  });

  it.each([
    ["a failure it does not know", new TypeError("Cannot read properties of undefined (reading 'sheets')"), viUi.errors.generic],
    ["Excel's general exception", Object.assign(new Error("GeneralException: boom"), { code: "GeneralException" }), viUi.errors.generic],
    ["Excel in cell-edit mode", Object.assign(new Error("busy"), { code: "InvalidOperationInCellEditMode" }), viUi.errors.cellEditMode],
    ["a protected workbook", Object.assign(new Error("Access denied."), { code: "AccessDenied" }), viUi.errors.protectedWorkbook],
    ["Excel on the web being busy", Object.assign(new Error("Activity limit reached."), { code: "ActivityLimitReached" }), viUi.errors.busy],
    ["a sheet deleted meanwhile", Object.assign(new Error("The requested resource doesn't exist."), { code: "ItemNotFound" }), viUi.errors.changed],
    [
      "a request too large for Excel on the web",
      Object.assign(new Error("The request payload size has exceeded the limit."), { code: "RequestPayloadSizeLimitExceeded" }),
      viUi.errors.tooLarge,
    ],
    ["a machine out of memory", new RangeError("Array buffer allocation failed"), viUi.errors.outOfMemory],
    ["a lazily loaded chunk that cannot be fetched", Object.assign(new Error("Loading chunk 12 failed."), { name: "ChunkLoadError" }), viUi.errors.loadFailed],
  ])("shows %s as a Vietnamese message with what to do, never the raw exception", async (_, error, advice) => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      renderPane(new FakeHost([error]));
      fireEvent.click(createButton());

      const alert = await screen.findByRole("alert");
      expect(alert.textContent).toBe(`${viUi.errors.title}${advice}`);
      // Not on the screen at all: neither the exception's message nor its name or code.
      const page = document.body.textContent ?? "";
      expect(page).not.toContain(error.message);
      expect(page).not.toMatch(
        /TypeError|RangeError|ChunkLoadError|GeneralException|InvalidOperation|AccessDenied|ActivityLimit|ItemNotFound|PayloadSize|Chi tiết kỹ thuật/,
      );
      // Left for an administrator in the browser console.
      expect(warn).toHaveBeenCalledWith(expect.any(String), error);
      expect((createButton() as HTMLButtonElement).disabled).toBe(false);
    } finally {
      warn.mockRestore();
    }
  });

  it("shows a failure in English when the pane is in English, with no Vietnamese and no raw text", async () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      render(<App host={new FakeHost([Object.assign(new Error("busy"), { code: "InvalidOperationInCellEditMode" })])} today={TODAY} lang="en" />);
      fireEvent.click(screen.getByRole("button", { name: "Create forms" }));
      const alert = await screen.findByRole("alert");
      expect(alert.textContent).toBe(`${enUi.errors.title}${enUi.errors.cellEditMode}`);
    } finally {
      warn.mockRestore();
    }
  });

  it("in the browser, names the downloaded file", async () => {
    const host = new FakeHost([written(["BM1", "_CCHC"], true, "bieu-mau-cchc-2026-H1.xlsx")], "browser");
    renderPane(host);
    expect(document.body.textContent).toContain(viUi.mode.browser);
    fireEvent.click(createButton());
    const status = await screen.findByRole("status");
    expect(status.textContent).toContain("bieu-mau-cchc-2026-H1.xlsx");
  });

  it("shows progress and can stop", async () => {
    let release!: () => void;
    const host: Host = {
      kind: "browser",
      writeTemplate: (_plan, { signal }) =>
        new Promise((_, reject) => {
          release = () => reject(new DOMException("aborted", "AbortError"));
          signal?.addEventListener("abort", () => release());
        }),
    };
    renderPane(host);
    fireEvent.click(createButton());
    expect(screen.getByText(viUi.template.working)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Tạo biểu mẫu" })).toBeNull();

    await act(async () => fireEvent.click(screen.getByRole("button", { name: viUi.template.stop })));
    expect((await screen.findByRole("status")).textContent).toContain(viUi.template.stoppedTitle);
    expect(createButton()).toBeTruthy();
  });
});

describe("the focus of a keyboard user during long work", () => {
  // jsdom lays nothing out and has no scrollIntoView: what was asked to come into view is recorded.
  let scrolled: Element[] = [];
  beforeEach(() => {
    scrolled = [];
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
  });
  afterEach(() => {
    delete (Element.prototype as Partial<Element>).scrollIntoView;
  });

  it("moves to Dừng when the button pressed gives way to it, and to the outcome when the work ends (issue 16)", async () => {
    let finish!: () => void;
    const host: Host = {
      kind: "browser",
      writeTemplate: (plan) =>
        new Promise(
          (resolve) =>
            (finish = () =>
              resolve(
                written(
                  plan.sheets.map((x) => x.name),
                  true,
                  "bieu-mau-cchc-2026-H1.xlsx",
                ),
              )),
        ),
    };
    renderPane(host);
    createButton().focus();
    fireEvent.click(createButton());
    const stop = await screen.findByRole("button", { name: viUi.template.stop });
    await waitFor(() => expect(document.activeElement).toBe(stop));
    await act(async () => finish());
    await screen.findByRole("status");
    // The outcome, named, scrolled into view and focused: read out, and below the fold at 350 × 700 otherwise.
    const outcome = screen.getByRole("group", { name: viUi.template.doneTitle });
    await waitFor(() => expect(document.activeElement).toBe(outcome));
    expect(outcome.getAttribute("tabindex")).toBe("-1");
    expect(outcome.textContent).toContain("bieu-mau-cchc-2026-H1.xlsx");
    expect(scrolled).toContain(outcome);
  });

  it("after Dừng, is on what the stop says", async () => {
    const host: Host = {
      kind: "browser",
      writeTemplate: (_plan, { signal }) =>
        new Promise((_, reject) => signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")))),
    };
    renderPane(host);
    createButton().focus();
    fireEvent.click(createButton());
    const stop = await screen.findByRole("button", { name: viUi.template.stop });
    await waitFor(() => expect(document.activeElement).toBe(stop));
    await act(async () => fireEvent.click(stop));
    await screen.findByRole("status");
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("group", { name: viUi.template.stoppedTitle })));
    // Tab goes on from there: the next control is not far.
    expect(createButton()).toBeTruthy();
  });

  it("on a failure, is on the error, whose alert says what to do", async () => {
    renderPane(new FakeHost([new Error("boom")]));
    fireEvent.click(createButton());
    const outcome = await screen.findByRole("group", { name: viUi.errors.title });
    await waitFor(() => expect(document.activeElement).toBe(outcome));
    expect(within(outcome).getByRole("alert")).toBeTruthy();
    expect(scrolled).toContain(outcome);
  });

  it("takes the focus to the outcome wherever it was (a mouse user sees it too: it is scrolled into view)", async () => {
    let finish!: () => void;
    const host: Host = {
      kind: "browser",
      writeTemplate: (plan) =>
        new Promise(
          (resolve) =>
            (finish = () =>
              resolve(
                written(
                  plan.sheets.map((x) => x.name),
                  true,
                  "a.xlsx",
                ),
              )),
        ),
    };
    renderPane(host);
    fireEvent.click(createButton());
    await screen.findByRole("button", { name: viUi.template.stop });
    // (Everything in the view is disabled while it works: the tabs above it are what can hold the focus.)
    const tab = screen.getByRole("tab", { name: "Kiểm tra" });
    tab.focus();
    await act(async () => finish());
    await screen.findByRole("status");
    expect(document.activeElement).toBe(screen.getByRole("group", { name: viUi.template.doneTitle }));
  });
});

describe("UI strings", () => {
  it("English covers exactly the Vietnamese keys", () => {
    expect(keyShape(enUi)).toEqual(keyShape(viUi));
  });

  it("English is one switch away", () => {
    render(<App host={new FakeHost([])} today={TODAY} lang="en" />);
    expect(screen.getByRole("button", { name: "Create forms" })).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "Report period" }).textContent).toBe("First half of 2026");
  });
});
