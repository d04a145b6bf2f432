/** @jest-environment jsdom */
import "../support/jsdom-globals";
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { createBrowserHost } from "../../src/adapters/browser/browser-host";
import type { Host, SelfCheckReport, SelfCheckStepId, WriteTemplateOutcome } from "../../src/adapters/host/types";
import { createExcelHost } from "../../src/adapters/office/excel-host";
import { App } from "../../src/taskpane/App";
import { reportText, browserFacts } from "../../src/taskpane/self-check/report-text";
import { selfCheckStrings } from "../../src/taskpane/self-check/self-check-strings";
import { FakeExcel } from "../adapters/fake-excel";
import { deserialize, serialize } from "node:v8";

// The fake Excel's snapshots use structuredClone, which jest's jsdom environment lacks.
(globalThis as { structuredClone?: unknown }).structuredClone ??= <T,>(value: T): T => deserialize(serialize(value)) as T;

// A busy machine (the whole suite on two cores) is slower than testing-library's 1 s default wait.
configure({ asyncUtilTimeout: 20_000 });

const TODAY = new Date(2026, 2, 10);

/** A report as the Excel host gives it: Excel on the web, ExcelApi up to 1.9, the large write refused. */
const REPORT: SelfCheckReport = {
  startedAt: "2026-03-10T02:00:00.000Z",
  excel: { host: "Excel", platform: "OfficeOnline", version: "16.0.19127.40000" },
  requirementSets: Array.from({ length: 17 }, (_, i) => ({ set: "ExcelApi", version: `1.${i + 1}`, supported: i < 9 })),
  structureProtected: false,
  steps: [
    { id: "prepare", status: "passed", ms: 12, counts: { removed: 0 } },
    { id: "write", status: "passed", ms: 340, counts: { cells: 104 } },
    { id: "read", status: "passed", ms: 80, counts: { cells: 68 } },
    { id: "validation", status: "passed", ms: 40, counts: { validations: 14 } },
    { id: "protection", status: "passed", ms: 60 },
    { id: "marks", status: "skipped", ms: 0, skip: { reason: "marksInUse" } },
    { id: "fix", status: "passed", ms: 90, counts: { cells: 3 } },
    { id: "print", status: "passed", ms: 30 },
    {
      id: "payload",
      status: "failed",
      ms: 2100,
      error: { code: "RequestPayloadSizeLimitExceeded", message: "The request payload size has exceeded the limit.", location: "Range.values" },
    },
    { id: "cleanup", status: "passed", ms: 25, counts: { removed: 3 } },
  ],
  leftovers: [],
  totalMs: 2777,
};

/** An Excel host whose self-check answers with a report, after telling a few steps. */
class ScriptedExcelHost implements Host {
  readonly kind = "excel" as const;
  runs = 0;
  constructor(private readonly report: SelfCheckReport = REPORT) {}
  async writeTemplate(): Promise<WriteTemplateOutcome> {
    throw new Error("not used");
  }
  async selfCheck(options?: { onStep?: (step: SelfCheckStepId) => void }): Promise<SelfCheckReport> {
    this.runs++;
    options?.onStep?.("prepare");
    options?.onStep?.("write");
    return this.report;
  }
}

function stubClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText: jest.fn(writeText) } });
  return (navigator as unknown as { clipboard: { writeText: jest.Mock } }).clipboard.writeText;
}

afterEach(() => {
  cleanup();
  Object.defineProperty(navigator, "clipboard", { configurable: true, value: undefined });
});

const helpButton = () => screen.getByRole("button", { name: "Trợ giúp" });

/** Opens Trợ giúp (once its menu is fetched) and chooses Kiểm tra môi trường. */
async function openSelfCheck() {
  fireEvent.click(await screen.findByRole("button", { name: "Trợ giúp" }));
  fireEvent.click(await screen.findByRole("menuitem", { name: "Kiểm tra môi trường" }));
  return screen.findByRole("heading", { name: "Kiểm tra môi trường", level: 2 });
}

describe("Trợ giúp > Kiểm tra môi trường", () => {
  it("opens from the header's menu, runs the check and shows Excel, its requirement sets and each step with its code", async () => {
    const host = new ScriptedExcelHost();
    render(<App host={host} today={TODAY} />);
    const heading = await openSelfCheck();
    // The focus goes to the view, the action tabs show none selected.
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.queryByRole("tab", { selected: true })).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Chạy kiểm tra" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("1 bước bị lỗi");
    expect(host.runs).toBe(1);
    // The results, below the button, come into view and take the focus (issue 16): read out from their summary.
    const results = screen.getByRole("group", { name: "Kiểm tra môi trường" });
    await waitFor(() => expect(document.activeElement).toBe(results));
    expect(results.contains(alert)).toBe(true);

    const facts = screen.getByText("Phiên bản").closest("dl")!;
    expect(facts.textContent).toContain("OfficeOnline");
    expect(facts.textContent).toContain("16.0.19127.40000");
    expect(facts.textContent).toContain("1.1–1.9");
    expect(facts.textContent).toContain("1.10–1.17");

    const steps = within(screen.getByRole("list")).getAllByRole("listitem");
    expect(steps).toHaveLength(10);
    expect(steps[1].textContent).toContain("Ghi một biểu mẫu (BM1) vào trang tạm: Đạt (340 ms)");
    expect(steps[5].textContent).toContain("Bỏ qua");
    expect(steps[5].textContent).toContain("Xóa đánh dấu");
    expect(steps[8].textContent).toContain("Lỗi");
    expect(steps[8].textContent).toContain("mã lỗi RequestPayloadSizeLimitExceeded: The request payload size has exceeded the limit. (tại Range.values)");
    expect(screen.getByRole("button", { name: "Chạy lại" })).toBeTruthy();
  });

  it("copies a plain-text report with Excel's version and codes", async () => {
    const writeText = stubClipboard(async () => undefined);
    render(<App host={new ScriptedExcelHost()} today={TODAY} />);
    await openSelfCheck();
    fireEvent.click(screen.getByRole("button", { name: "Chạy kiểm tra" }));
    fireEvent.click(await screen.findByRole("button", { name: "Sao chép kết quả" }));

    await screen.findByText(/Đã chép kết quả vào bộ nhớ tạm/);
    expect(writeText).toHaveBeenCalledTimes(1);
    const text: string = writeText.mock.calls[0][0];
    expect(text).toBe(reportText(REPORT, browserFacts(), selfCheckStrings("vi")));
    expect(text).toContain("Biểu mẫu CCHC – Kiểm tra môi trường");
    expect(text).toContain("Excel: Ứng dụng Excel, Nền tảng OfficeOnline, Phiên bản 16.0.19127.40000");
    expect(text).toContain("ExcelApi hỗ trợ: 1.1–1.9");
    expect(text).toContain("9. Ghi lượng lớn (trên 5 MB, chia nhiều lượt): LỖI (2.100 ms) – mã lỗi RequestPayloadSizeLimitExceeded");
    expect(text).toContain("6. Đánh dấu và xóa đánh dấu ô: BỎ QUA – sổ đang có đánh dấu");
    expect(text).toContain("Kết quả: 8 đạt, 1 lỗi, 1 bỏ qua");
    expect(text).toContain(navigator.userAgent);
  });

  it("shows the report selected in a read-only box when the clipboard is refused", async () => {
    stubClipboard(async () => {
      throw new DOMException("Write permission denied.", "NotAllowedError");
    });
    render(<App host={new ScriptedExcelHost()} today={TODAY} />);
    await openSelfCheck();
    fireEvent.click(screen.getByRole("button", { name: "Chạy kiểm tra" }));
    fireEvent.click(await screen.findByRole("button", { name: "Sao chép kết quả" }));

    const box = (await screen.findByRole("textbox", { name: "Kết quả kiểm tra (chỉ đọc)" })) as HTMLTextAreaElement;
    expect(box.readOnly).toBe(true);
    expect(box.value).toContain("mã lỗi RequestPayloadSizeLimitExceeded");
    await waitFor(() => expect(document.activeElement).toBe(box));
    expect([box.selectionStart, box.selectionEnd]).toEqual([0, box.value.length]);
    expect(screen.getByText(/Ctrl\+C/)).toBeTruthy();
  });

  it("runs the Excel host's real check against the fake Excel, and Đóng goes back to the Trợ giúp button", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "Sheet1", cells: { A1: "của cán bộ" } }] });
    const before = fake.snapshot();
    const host = createExcelHost({
      run: fake.run,
      excelApiSupported: (v) => Number(v.split(".")[1]) <= 8,
      diagnostics: () => ({ host: "Excel", platform: "PC", version: "16.0.10827.20150" }),
    });
    render(<App host={host} today={TODAY} />);
    await openSelfCheck();
    fireEvent.click(screen.getByRole("button", { name: "Chạy kiểm tra" }));
    const status = await screen.findByText(/Các bước chạy được đều đạt; 1 bước bỏ qua/);
    expect(status).toBeTruthy();
    const steps = within(screen.getByRole("list")).getAllByRole("listitem");
    expect(steps[7].textContent).toContain("Thiết lập in (A4, lặp dòng tiêu đề): Bỏ qua");
    expect(steps[7].textContent).toContain("ExcelApi 1.9");
    expect(fake.snapshot()).toEqual(before);

    fireEvent.click(screen.getByRole("button", { name: "Đóng" }));
    await waitFor(() => expect(screen.queryByRole("heading", { name: "Kiểm tra môi trường" })).toBeNull());
    expect(document.activeElement).toBe(helpButton());
    expect(screen.getByRole("tab", { selected: true }).textContent).toBe("Tạo biểu mẫu");
  });

  it("opens from the keyboard: ↓ on Trợ giúp opens the menu, Enter chooses", async () => {
    render(<App host={new ScriptedExcelHost()} today={TODAY} />);
    // Once the menu is fetched, its button says it has a menu and whether it is open.
    await waitFor(() => expect(helpButton().getAttribute("aria-expanded")).toBe("false"));
    act(() => helpButton().focus());
    fireEvent.keyDown(helpButton(), { key: "ArrowDown" });
    const item = await screen.findByRole("menuitem", { name: "Kiểm tra môi trường" });
    expect(helpButton().getAttribute("aria-expanded")).toBe("true");
    await waitFor(() => expect(document.activeElement).toBe(item));
    fireEvent.keyDown(item, { key: "Enter" });
    expect(await screen.findByRole("heading", { name: "Kiểm tra môi trường", level: 2 })).toBeTruthy();
  });

  it("outside Excel, says the check runs only in Excel, shows the browser and copies that", async () => {
    const writeText = stubClipboard(async () => undefined);
    render(<App host={createBrowserHost()} today={TODAY} />);
    await openSelfCheck();
    expect(screen.getByText("Chỉ chạy trong Excel")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Chạy kiểm tra" })).toBeNull();
    const facts = screen.getByText("Trình duyệt").closest("dl")!;
    expect(facts.textContent).toContain(navigator.userAgent);
    fireEvent.click(screen.getByRole("button", { name: "Sao chép kết quả" }));
    await screen.findByText(/Đã chép kết quả/);
    const text: string = writeText.mock.calls[0][0];
    expect(text).toContain("Chạy ngoài Excel");
    expect(text).toContain(navigator.userAgent);
  });

  it("speaks English with ?lang=en", async () => {
    render(<App host={new ScriptedExcelHost()} today={TODAY} lang="en" />);
    fireEvent.click(await screen.findByRole("button", { name: "Help" }));
    fireEvent.click(await screen.findByRole("menuitem", { name: "Environment check" }));
    fireEvent.click(await screen.findByRole("button", { name: "Run the check" }));
    expect((await screen.findByRole("alert")).textContent).toContain("1 steps failed");
  });
});
