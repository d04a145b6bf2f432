/** @jest-environment jsdom */
import "../support/jsdom-text";
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { createBrowserHost } from "../../src/adapters/browser/browser-host";
import type { Host, MarkedCell, WriteTemplateOutcome } from "../../src/adapters/host/types";
import { planToXlsx } from "../../src/adapters/xlsx/write-plan";
import type { WorkbookSnapshot } from "../../src/core/read/snapshot";
import type { FixAction } from "../../src/core/validate/finding";
import { viUi } from "../../src/core/messages/vi-ui";
import { App } from "../../src/taskpane/App";
import { ValidateRunnerProvider } from "../../src/taskpane/jobs/runner-context";
import { createInProcessRunner, type ValidateRunner } from "../../src/taskpane/jobs/runner";
import { CLEAN_VALUES } from "../support/clean-values";
import { fillTemplate } from "../support/fill";
import { snapshotOf, templatePlan } from "../support/plans";
import { SEED_VALUES } from "../support/seed-values";
import { a1, cellsA1 } from "../support/a1";

// A busy machine (the whole suite on two cores) is slower than testing-library's 1 s default wait.
configure({ asyncUtilTimeout: 20_000 });

/** An Excel host whose open workbook is a snapshot, recording every call. */
class FakeExcelHost implements Host {
  readonly kind = "excel" as const;
  readonly selected: [string, string][] = [];
  readonly marked: MarkedCell[][] = [];
  readonly fixed: FixAction[][] = [];
  reads = 0;
  clears = 0;
  failRead?: unknown;
  constructor(
    public workbook: WorkbookSnapshot,
    private readonly afterFix?: WorkbookSnapshot,
  ) {}
  async writeTemplate(): Promise<WriteTemplateOutcome> {
    throw new Error("not used");
  }
  async readOpenWorkbook(): Promise<WorkbookSnapshot> {
    this.reads++;
    if (this.failRead) throw this.failRead;
    return this.workbook;
  }
  async selectCell(sheet: string, address: string): Promise<void> {
    this.selected.push([sheet, address]);
  }
  async markCells(cells: MarkedCell[]): Promise<void> {
    this.marked.push(cells);
  }
  async clearMarks(): Promise<void> {
    this.clears++;
  }
  async applyFixes(fixes: FixAction[]): Promise<void> {
    this.fixed.push(fixes);
    if (this.afterFix) this.workbook = this.afterFix;
  }
}

/** The catalogue formula of BM2 1 (the total of its one part, 1.1). */
const BM2_TOTAL = 'IF(COUNT(D9)=0,"",SUM(D9))';

let seedBytes: Uint8Array;
let cleanBytes: Uint8Array;
let seed: WorkbookSnapshot;
let seedFixed: WorkbookSnapshot;

beforeAll(async () => {
  const template = await planToXlsx(templatePlan("Phường Nhị Chiểu"));
  seedBytes = await fillTemplate(template, SEED_VALUES);
  cleanBytes = await fillTemplate(template, CLEAN_VALUES);
  seed = await snapshotOf(seedBytes);
  // The seed with BM2 1 holding its formula again, as after "Sửa".
  seedFixed = await snapshotOf(await fillTemplate(template, { ...SEED_VALUES, BM2: { "1": { formula: BM2_TOTAL }, "1.1": 0 } }));
}, 60_000);

afterEach(cleanup);

/** The pane on its Kiểm tra tab, once the view (loaded on demand) is there. */
async function openCheck(host: Host) {
  render(<App host={host} />);
  fireEvent.click(screen.getByRole("tab", { name: "Kiểm tra" }));
  await screen.findByRole("button", { name: "Kiểm tra" });
}

/**
 * The open dialog, with focus on its first button as a browser gives it
 * (Fluent focuses the first focusable element; jsdom, without layout, finds
 * none and focuses the surface, which Tabster then hides from the a11y tree).
 */
async function openedDialog(): Promise<HTMLElement> {
  const dialog = await screen.findByRole("dialog", { hidden: true });
  within(dialog).getAllByRole("button", { hidden: true })[0].focus();
  await waitFor(() => expect(dialog.getAttribute("aria-hidden")).toBeNull());
  return dialog;
}

const findingAt = (code: string, cell: string) => document.querySelector<HTMLElement>(`[data-finding-code="${code}"][data-cell="${cell}"]`);
const allFindings = () => [...document.querySelectorAll<HTMLElement>("[data-finding-code]")];

async function checked(host: FakeExcelHost) {
  await openCheck(host);
  fireEvent.click(screen.getByRole("button", { name: "Kiểm tra" }));
  await screen.findByText("17 lỗi · 23 cảnh báo · 0 lưu ý");
}

describe("Kiểm tra in Excel", () => {
  it("brings the result into view and gives it the focus: the summary after a check, the error after a failure (issue 16)", async () => {
    const scrolled: Element[] = [];
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    try {
      const host = new FakeExcelHost(seed);
      await openCheck(host);
      const button = screen.getByRole("button", { name: "Kiểm tra" });
      button.focus();
      fireEvent.click(button);
      await screen.findByText("17 lỗi · 23 cảnh báo · 0 lưu ý");
      const results = screen.getByRole("group", { name: viUi.validate.resultsLabel });
      await waitFor(() => expect(document.activeElement).toBe(results));
      expect(results.getAttribute("tabindex")).toBe("-1");
      expect(within(results).getByText("17 lỗi · 23 cảnh báo · 0 lưu ý")).toBeTruthy();
      expect(scrolled).toContain(results);

      host.failRead = new Error("boom");
      fireEvent.click(screen.getByRole("button", { name: "Kiểm tra" }));
      const failed = await screen.findByRole("group", { name: viUi.validate.errorTitles.check });
      await waitFor(() => expect(document.activeElement).toBe(failed));
      expect(within(failed).getByRole("alert")).toBeTruthy();
    } finally {
      delete (Element.prototype as Partial<Element>).scrollIntoView;
    }
  });

  it("reads the open workbook and lists the findings grouped by form, each with its code and cell", async () => {
    const host = new FakeExcelHost(seed);
    await checked(host);
    expect(host.reads).toBe(1);

    const groups = screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
    expect(groups.map((g) => g?.split(" – ")[0])).toEqual(["BM1", "BM2", "BM3", "BM4", "BM5", "BM6", "BM7"]);
    expect(allFindings()).toHaveLength(40);
    const placeholder = findingAt("FORMULA_MISMATCH", "BM2!D8")!;
    expect(placeholder.tagName).toBe("BUTTON");
    expect(placeholder.textContent).toContain("=a+b");
    // Each finding sits in its form's list.
    const bm2 = screen.getByRole("list", { name: /^BM2 – / });
    expect(
      within(bm2)
        .getAllByRole("button")
        .some((b) => b === placeholder),
    ).toBe(true);
    expect(findingAt("NUMBER_AS_TEXT", "BM3!D13")!.textContent).toContain("9.275");
    expect(screen.queryByText("Không phát hiện lỗi")).toBeNull();
  });

  it("filters by severity", async () => {
    await checked(new FakeExcelHost(seed));
    const filter = screen.getByRole("group", { name: "Hiện" });
    fireEvent.click(within(filter).getByRole("button", { name: "Cảnh báo (23)" }));
    expect(allFindings()).toHaveLength(23);
    expect(findingAt("FORMULA_MISMATCH", "BM2!D8")).toBeNull();
    expect(within(filter).getByRole("button", { name: "Cảnh báo (23)" }).getAttribute("aria-pressed")).toBe("true");

    fireEvent.click(within(filter).getByRole("button", { name: "Lỗi (17)" }));
    expect(allFindings()).toHaveLength(17);
    fireEvent.click(within(filter).getByRole("button", { name: "Lưu ý (0)" }));
    expect(allFindings()).toHaveLength(0);
    expect(screen.getAllByText("Không có mục nào ở mức đã chọn.")).toHaveLength(1);
    fireEvent.click(within(filter).getByRole("button", { name: "Tất cả (40)" }));
    expect(allFindings()).toHaveLength(40);
  });

  it("selects the cell of a clicked finding", async () => {
    const host = new FakeExcelHost(seed);
    await checked(host);
    fireEvent.click(findingAt("FORMULA_MISMATCH", "BM2!D8")!);
    await waitFor(() => expect(host.selected).toEqual([["BM2", "D8"]]));
    expect(findingAt("FORMULA_MISMATCH", "BM2!D8")!.getAttribute("aria-current")).toBe("true");
    // Excel shows the cell itself: no preview, no disclosure.
    expect(findingAt("FORMULA_MISMATCH", "BM2!D8")!.getAttribute("aria-expanded")).toBeNull();
    expect(document.querySelector("[data-preview-sheet]")).toBeNull();
  });

  it("Sửa shows what will change, then applies the fix and checks again", async () => {
    const host = new FakeExcelHost(seed, seedFixed);
    await checked(host);
    const item = findingAt("FORMULA_MISMATCH", "BM2!D8")!.closest("li")!;
    fireEvent.click(within(item).getByRole("button", { name: "Sửa" }));

    const dialog = await openedDialog();
    expect(within(dialog).getByText("Sửa ô này?")).toBeTruthy();
    const change = dialog.querySelector('[data-fix-cell="BM2!D8"]')!;
    expect(change.textContent).toContain("Hiện tại: =a+b");
    expect(change.textContent).toContain(`Sau khi sửa: =${BM2_TOTAL}`);
    expect(host.fixed).toEqual([]);

    fireEvent.click(within(dialog).getByRole("button", { name: "Sửa" }));
    await screen.findByText("Đã sửa 1 ô và kiểm tra lại.");
    expect(host.fixed).toEqual([[{ kind: "set-formula", sheet: "BM2", row: 8, col: 4, formula: BM2_TOTAL }]]);
    expect(host.reads).toBe(2);
    expect(findingAt("FORMULA_MISMATCH", "BM2!D8")).toBeNull();
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });

  it("Hủy applies nothing", async () => {
    const host = new FakeExcelHost(seed);
    await checked(host);
    // A number typed as text is said to be text: "Cần là: 9.275 · Đang là: 9.275" would say nothing.
    expect(findingAt("NUMBER_AS_TEXT", "BM3!D13")!.textContent).toContain("Cần là: 9.275 (dạng số) · Đang là: “9.275” (dạng chữ)");
    fireEvent.click(within(findingAt("NUMBER_AS_TEXT", "BM3!D13")!.closest("li")!).getByRole("button", { name: "Sửa" }));
    const dialog = await openedDialog();
    expect(dialog.querySelector('[data-fix-cell="BM3!D13"]')!.textContent).toContain("“9.275” (dạng chữ)");
    expect(dialog.querySelector('[data-fix-cell="BM3!D13"]')!.textContent).toContain("9.275 (dạng số)");
    fireEvent.click(within(dialog).getByRole("button", { name: "Hủy" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(host.fixed).toEqual([]);
  });

  it("Sửa tất cả lỗi chắc chắn lists every certain fix, once per cell", async () => {
    const host = new FakeExcelHost(seed);
    await checked(host);
    const fixable = document.querySelectorAll("li button[aria-describedby]").length;
    fireEvent.click(screen.getByRole("button", { name: "Sửa tất cả lỗi chắc chắn" }));
    const dialog = await openedDialog();
    const cells = [...dialog.querySelectorAll("[data-fix-cell]")].map((e) => e.getAttribute("data-fix-cell"));
    expect(cells.length).toBe(fixable);
    expect(new Set(cells).size).toBe(cells.length);
    expect(within(dialog).getByText(`Sửa ${cells.length} ô?`)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "Sửa" }));
    await screen.findByText(`Đã sửa ${cells.length} ô và kiểm tra lại.`);
    expect(host.fixed[0].map((f) => `${f.sheet}!${a1(f)}`)).toEqual(cells);
  });

  it("marks the cells with findings and clears the marks", async () => {
    const host = new FakeExcelHost(seed);
    await checked(host);
    fireEvent.click(screen.getByRole("button", { name: "Đánh dấu trên trang tính" }));
    await screen.findByText(/^Đã tô màu \d+ ô/);
    const cells = host.marked[0];
    expect(cells).toContainEqual({ sheet: "BM2", address: "D8", severity: "error" });
    expect(cells).toContainEqual({ sheet: "BM3", address: "D13", severity: "warning" });
    // One entry per cell, with its worst severity.
    expect(cells.find((c) => c.sheet === "BM1" && c.address === "D9")?.severity).toBe("error");
    expect(new Set(cells.map((c) => `${c.sheet}!${c.address}`)).size).toBe(cells.length);

    fireEvent.click(screen.getByRole("button", { name: "Xóa đánh dấu" }));
    await screen.findByText("Đã trả lại màu cũ cho các ô đã đánh dấu.");
    expect(host.clears).toBe(1);
  });

  it("says in Vietnamese what to do when Excel is busy editing a cell, without Excel's own English", async () => {
    const host = new FakeExcelHost(seed);
    host.failRead = Object.assign(new Error("Excel is in cell-editing mode."), { code: "InvalidOperationInCellEditMode" });
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      await openCheck(host);
      fireEvent.click(screen.getByRole("button", { name: "Kiểm tra" }));
      const alert = await screen.findByRole("alert");
      expect(alert.textContent).toContain("Không kiểm tra được");
      expect(alert.textContent).toContain("Nhấn Enter hoặc Esc để rời ô đang sửa");
      expect(document.body.textContent).not.toMatch(/cell-editing|InvalidOperation/);
    } finally {
      warn.mockRestore();
    }
  });

  it("says the workbook is too large for Excel on the web, and what to do instead", async () => {
    const host = new FakeExcelHost(seed);
    host.failRead = Object.assign(new Error("The response payload size has exceeded the limit."), { code: "ResponsePayloadSizeLimitExceeded" });
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      await openCheck(host);
      fireEvent.click(screen.getByRole("button", { name: "Kiểm tra" }));
      const alert = await screen.findByRole("alert");
      expect(alert.textContent).toBe(`Không kiểm tra được${viUi.validate.errors.tooLarge}`);
    } finally {
      warn.mockRestore();
    }
  });

  it("shows a spinner while reading, and Dừng drops the result", async () => {
    const host = new FakeExcelHost(seed);
    let release!: () => void;
    host.readOpenWorkbook = () => new Promise((resolve) => (release = () => resolve(seed)));
    await openCheck(host);
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra" }));
    expect(screen.getByText("Đang kiểm tra…")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Dừng" }));
    release();
    await screen.findByText("Đã dừng kiểm tra. Bấm Kiểm tra để chạy lại.");
    expect(allFindings()).toHaveLength(0);
  });

  it('a clean workbook shows "Không phát hiện lỗi"', async () => {
    await openCheck(new FakeExcelHost(await snapshotOf(cleanBytes)));
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra" }));
    expect(await screen.findByText("Không phát hiện lỗi")).toBeTruthy();
    expect(screen.getByText("0 lỗi · 0 cảnh báo · 0 lưu ý")).toBeTruthy();
    expect(allFindings()).toHaveLength(0);
  });
});

describe("Kiểm tra in a browser (file mode)", () => {
  const xlsx = (bytes: Uint8Array, name: string) =>
    new File([bytes.slice()], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  const choose = (...files: File[]) => fireEvent.change(screen.getByLabelText("Tệp cần kiểm tra"), { target: { files } });

  it("has no Excel-only buttons", async () => {
    await openCheck(createBrowserHost());
    expect(screen.queryByRole("button", { name: "Đánh dấu trên trang tính" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Xóa đánh dấu" })).toBeNull();
    expect(screen.getByRole("button", { name: "Chọn tệp .xlsx…" })).toBeTruthy();
  });

  it("lists the findings of a chosen file, and a click shows the cell to go to", async () => {
    await openCheck(createBrowserHost());
    choose(xlsx(seedBytes, "phuong-nhi-chieu.xlsx"));
    await screen.findByText("17 lỗi · 23 cảnh báo · 0 lưu ý", undefined, { timeout: 20_000 });
    expect(screen.getByRole("heading", { level: 2, name: "phuong-nhi-chieu.xlsx" })).toBeTruthy();
    expect(allFindings()).toHaveLength(40);
    expect(screen.queryByRole("button", { name: "Sửa" })).toBeNull();

    const finding = findingAt("SUM_MISMATCH", "BM6!D15")!;
    expect(finding.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(finding);
    expect(finding.getAttribute("aria-current")).toBe("true");
    expect(finding.getAttribute("aria-expanded")).toBe("true");

    // Right below the finding clicked: the sheet around its cell, read only, the cell highlighted and focused.
    const preview = within(finding.closest("li")!).getByRole("region", { name: "Xem trước trang BM6, ô D15" });
    expect(finding.getAttribute("aria-controls")).toBe(preview.parentElement!.id);
    const table = within(preview).getByRole("table");
    const columns = within(table)
      .getAllByRole("columnheader")
      .map((h) => h.textContent);
    expect(columns.slice(0, 5)).toEqual(["A", "B", "C", "D", "E"]);
    const rows = within(table)
      .getAllByRole("rowheader")
      .map((h) => h.textContent);
    expect(rows[0]).toBe("1");
    expect(rows).toContain("15");
    const target = preview.querySelector<HTMLElement>('[data-preview-target="D15"]')!;
    const bm6 = seed.sheets.find((x) => x.name === "BM6")!;
    expect(target.textContent).toBe(`${cellsA1(bm6).D15.value} (ô có vấn đề)`);
    expect(document.activeElement).toBe(target);
    // The STT of the row, as in the sheet, beside it.
    const row = target.closest("tr")!;
    expect(within(row).getByRole("rowheader").textContent).toBe("15");
    expect(row.textContent).toContain(String(cellsA1(bm6).A15.value));
    // How to get there in Excel or LibreOffice stays below.
    expect(preview.textContent).toContain("gõ BM6!D15 rồi nhấn Enter");

    // Escape closes it and puts the focus back on the finding.
    fireEvent.keyDown(target, { key: "Escape" });
    expect(within(finding.closest("li")!).queryByRole("region")).toBeNull();
    expect(document.activeElement).toBe(finding);
    expect(finding.getAttribute("aria-current")).toBeNull();

    // Đóng does the same; another finding moves the preview to its sheet.
    fireEvent.click(finding);
    fireEvent.click(within(finding.closest("li")!).getByRole("button", { name: "Đóng xem trước (Esc)" }));
    expect(document.activeElement).toBe(finding);
    expect(document.querySelectorAll("[data-preview-sheet]")).toHaveLength(0);
    fireEvent.click(findingAt("FORMULA_MISMATCH", "BM2!D8")!);
    expect([...document.querySelectorAll("[data-preview-sheet]")].map((e) => e.getAttribute("data-preview-sheet"))).toEqual(["BM2"]);
    // A formula the file holds no result for shows as the formula, never as markup.
    expect(document.querySelector('[data-preview-target="D8"]')!.textContent).toBe("=a+b (ô có vấn đề)");
  }, 30_000);

  it("shows the cell's address and how to get there when the file's preview has no room for it", async () => {
    const runner: ValidateRunner = {
      async validate(job, { onProgress }) {
        const checks = await createInProcessRunner().validate(job, { onProgress: () => undefined, signal: new AbortController().signal });
        const bare = checks.map(({ preview: _, ...rest }) => rest);
        bare.forEach((check, i) => onProgress({ done: i + 1, total: bare.length, file: check.file, check }));
        return bare;
      },
      importFile: () => Promise.reject(new Error("not used")),
    };
    render(
      <ValidateRunnerProvider runner={runner}>
        <App host={createBrowserHost()} />
      </ValidateRunnerProvider>,
    );
    fireEvent.click(screen.getByRole("tab", { name: "Kiểm tra" }));
    await screen.findByRole("button", { name: "Kiểm tra" });
    choose(xlsx(seedBytes, "phuong-nhi-chieu.xlsx"));
    await screen.findByText("17 lỗi · 23 cảnh báo · 0 lưu ý", undefined, { timeout: 20_000 });
    const finding = findingAt("SUM_MISMATCH", "BM6!D15")!;
    expect(finding.getAttribute("aria-expanded")).toBeNull();
    fireEvent.click(finding);
    const reveal = within(finding.closest("li")!).getByRole("status");
    expect(reveal.textContent).toContain("Ô cần sửa");
    expect(reveal.textContent).toContain("gõ BM6!D15 rồi nhấn Enter");
    expect(within(finding.closest("li")!).queryByRole("table")).toBeNull();
  }, 30_000);

  it("says why a CSV renamed .xlsx cannot be read, and what to do", async () => {
    await openCheck(createBrowserHost());
    choose(new File(["STT;Chỉ tiêu;Số liệu\n1;Số TTHC;7\n"], "bao-cao.xlsx"));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Không đọc được tệp");
    expect(alert.textContent).toContain("bao-cao.xlsx: không phải tệp Excel .xlsx (nội dung giống tệp CSV).");
    expect(alert.textContent).toContain("lưu lại dưới dạng Sổ làm việc Excel (.xlsx)");
  });

  it('shows each file on its own: "Không phát hiện lỗi" for a clean one', async () => {
    await openCheck(createBrowserHost());
    choose(xlsx(cleanBytes, "sach.xlsx"), new File(["a,b\n1,2\n"], "hong.xlsx"));
    await screen.findByRole("heading", { level: 2, name: "hong.xlsx" }, { timeout: 20_000 });
    const clean = screen.getByRole("region", { name: "sach.xlsx" });
    expect(within(clean).getByText("Không phát hiện lỗi")).toBeTruthy();
    const bad = screen.getByRole("region", { name: "hong.xlsx" });
    expect(within(bad).getByRole("alert").textContent).toContain("hong.xlsx: không phải tệp Excel .xlsx");
  }, 30_000);
});
