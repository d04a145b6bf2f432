/** @jest-environment jsdom */
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { Host, WriteTemplateOutcome } from "../../src/adapters/host/types";
import type { WorkbookPlan } from "../../src/core/layout/plan";
import { enUi } from "../../src/core/messages/en-ui";
import { viUi } from "../../src/core/messages/vi-ui";
import { App } from "../../src/taskpane/App";

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
  plan.sheets.find((s) => s.name === sheet)?.cells.find((c) => c.address === address)?.value;

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

    fireEvent.change(screen.getByRole("textbox", { name: "Đơn vị báo cáo" }), { target: { value: UNIT } });
    keepOnly("BM1", "BM4");
    fireEvent.click(createButton());

    const status = await screen.findByRole("status");
    expect(status.textContent).toContain("BM1, BM4");
    expect(host.calls).toHaveLength(1);
    const { plan, options } = host.calls[0];
    expect(plan.sheets.map((s) => s.name)).toEqual(["BM1", "BM4", "_CCHC"]);
    expect(cellValue(plan, "BM1", "A3")).toBe(`Đơn vị báo cáo: ${UNIT}`);
    expect(cellValue(plan, "BM1", "A4")).toBe("Kỳ báo cáo: 6 tháng đầu năm 2026");
    expect(options).toMatchObject({ replaceExisting: false, fileName: "bieu-mau-cchc-2026-H1.xlsx" });
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
    ["a failure it does not know", new Error("GeneralException: boom"), viUi.errors.generic],
    [
      "Excel in cell-edit mode",
      Object.assign(new Error("busy"), { code: "InvalidOperationInCellEditMode" }),
      viUi.errors.cellEditMode,
    ],
    ["a lazily loaded chunk that cannot be fetched", Object.assign(new Error("Loading chunk 12 failed."), { name: "ChunkLoadError" }), viUi.errors.loadFailed],
  ])("shows %s as a Vietnamese message with what to do", async (_, error, advice) => {
    renderPane(new FakeHost([error]));
    fireEvent.click(createButton());

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(viUi.errors.title);
    expect(alert.textContent).toContain(advice);
    // The raw text is only a footnote after the advice.
    expect(alert.textContent!.indexOf(advice)).toBeLessThan(alert.textContent!.indexOf(error.message));
    expect((createButton() as HTMLButtonElement).disabled).toBe(false);
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

describe("UI strings", () => {
  const shape = (o: object): unknown =>
    Object.fromEntries(
      Object.entries(o)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, typeof v === "object" && v !== null ? shape(v) : typeof v]),
    );

  it("English covers exactly the Vietnamese keys", () => {
    expect(shape(enUi)).toEqual(shape(viUi));
  });

  it("English is one switch away", () => {
    render(<App host={new FakeHost([])} today={TODAY} lang="en" />);
    expect(screen.getByRole("button", { name: "Create forms" })).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "Report period" }).textContent).toBe("First half of 2026");
  });
});
