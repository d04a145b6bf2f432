/** @jest-environment jsdom */
import "../support/jsdom-globals";
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createBrowserHost, SETUP_STORAGE_KEY } from "../../src/adapters/browser/browser-host";
import type { Host, WriteTemplateOutcome } from "../../src/adapters/host/types";
import { LOAD_CHOICES_SYNCS } from "../../src/adapters/office/last-choices";
import { createExcelHost } from "../../src/adapters/office/excel-host";
import { SETUP_SHEET } from "../../src/adapters/office/setup-sheet";
import type { WorkbookPlan } from "../../src/core/layout/plan";
import { DEFAULT_REGISTRY } from "../../src/core/units/registry";
import type { RawFinding } from "../../src/core/validate/finding";
import { App } from "../../src/taskpane/App";
import { AggregateSummary } from "../../src/taskpane/aggregate/AggregateSummary";
import { AggregateRunnerProvider } from "../../src/taskpane/jobs/runner-context";
import type { AggregateRunner } from "../../src/taskpane/jobs/runner";
import { HostProvider } from "../../src/taskpane/host-context";
import { setupStrings } from "../../src/taskpane/setup/setup-strings";
import { StringsProvider } from "../../src/taskpane/strings";
import { FakeExcel } from "../adapters/fake-excel";
import { deserialize, serialize } from "node:v8";
import { keyShape } from "../support/key-shape";
import { textOf } from "../support/blobs";
import type { AggregationResult } from "../../src/core/aggregate/aggregate";

// The fake Excel copies what it loads with structuredClone, which jest's jsdom lacks.
(globalThis as { structuredClone?: unknown }).structuredClone ??= <T,>(value: T): T => deserialize(serialize(value)) as T;

configure({ asyncUtilTimeout: 20_000 });
afterEach(cleanup);
beforeEach(() => window.localStorage.clear());

const TODAY = new Date(2026, 6, 3);
const KT = "Phòng Kinh tế, Hạ tầng và Đô thị";
const VHXH = "Phòng Văn hóa - Xã hội";

/** A unit's file as picked (its content is the runner's business here). */
const xlsx = () => new File(["PK"], "vhxh.xlsx", { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });

/** A runner that must not be reached (the run is refused before). */
const unreachable: AggregateRunner = {
  run: () => Promise.reject(new Error("the run should not have started")),
};

function renderPane(host: Host, runner: AggregateRunner = unreachable) {
  render(
    <AggregateRunnerProvider runner={runner}>
      <App host={host} today={TODAY} />
    </AggregateRunnerProvider>,
  );
}

/** Opens Tổng hợp and waits for the ward's setup to be read. */
async function openAggregate() {
  fireEvent.click(screen.getByRole("tab", { name: "Tổng hợp" }));
  // "5 đơn vị · …": shown once the setup was read.
  await screen.findByText(/^\d+ đơn vị · /);
  return screen.getByRole("button", { name: "Sửa danh sách đơn vị" });
}

/** Opens the editor of the ward's units. */
async function openEditor() {
  fireEvent.click(await openAggregate());
  return screen.getByRole("table", { name: "Các đơn vị" });
}

const panel = () => screen.getByRole("region", { name: "Đơn vị của phường" });
const wardField = () => screen.getByRole("textbox", { name: /^Tên phường\s*\*?$/ }) as HTMLInputElement;

async function choose(combobox: HTMLElement, option: string) {
  fireEvent.click(combobox);
  fireEvent.click(await screen.findByRole("option", { name: option }));
}

/** Renames VHXH, makes it the lead of BM6 summed over units, names the ward, and saves. */
async function editAndSave() {
  await openEditor();
  fireEvent.click(screen.getByRole("button", { name: `Sửa ${VHXH}` }));
  const group = screen.getByRole("group", { name: `Thông tin ${VHXH}` });
  fireEvent.change(within(group).getByRole("textbox", { name: /^Tên đơn vị/ }), { target: { value: "Phòng Văn hóa - Thông tin" } });
  fireEvent.change(screen.getByRole("textbox", { name: "Tên phường (lưu cùng danh sách)" }), { target: { value: "Phường Ái Quốc" } });
  await choose(screen.getByRole("combobox", { name: /^Đơn vị chủ trì BM6/ }), "Phòng Văn hóa - Thông tin");
  await choose(screen.getByRole("combobox", { name: /^Cách lấy số BM6/ }), "Cộng các đơn vị");
  fireEvent.click(screen.getByRole("button", { name: "Lưu" }));
  await within(panel()).findByText("Đã lưu danh sách đơn vị.");
}

/** What a reloaded pane shows of the edits of editAndSave. */
async function expectEditsRestored() {
  await openEditor();
  expect(wardField().value).toBe("Phường Ái Quốc");
  expect(screen.getByRole("table", { name: "Các đơn vị" }).textContent).toContain("Phòng Văn hóa - Thông tin");
  expect(screen.getByRole("combobox", { name: /^Đơn vị chủ trì BM6/ }).textContent).toBe("Phòng Văn hóa - Thông tin");
  expect(screen.getByRole("combobox", { name: /^Cách lấy số BM6/ }).textContent).toBe("Cộng các đơn vị");
  expect(within(panel()).queryByText("Có thay đổi chưa lưu. Tổng hợp dùng danh sách đã lưu.")).toBeNull();
}

describe("Đơn vị của phường, in the browser", () => {
  it("starts from the built-in units and shows no ward name it was not given", async () => {
    renderPane(createBrowserHost());
    await openEditor();
    expect(within(panel()).getByText(/^5 đơn vị · Danh sách mặc định/)).toBeTruthy();
    expect(wardField().value).toBe("");
    expect((screen.getByRole("textbox", { name: "Tên phường (lưu cùng danh sách)" }) as HTMLInputElement).value).toBe("");
    expect(document.body.textContent).not.toContain(DEFAULT_REGISTRY.ward ?? "no built-in ward name");
    // Every unit in the table, with its forms.
    const rows = within(screen.getByRole("table", { name: "Các đơn vị" }))
      .getAllByRole("row")
      .slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(expect.arrayContaining([expect.stringContaining(KT)]));
    expect(screen.getByRole("combobox", { name: /^Đơn vị chủ trì BM6/ }).textContent).toBe(KT);
    expect(screen.getByRole("combobox", { name: /^Cách lấy số BM1/ }).textContent).toBe("Cộng các đơn vị");
    expect(screen.getByRole("combobox", { name: /^Cách lấy số BM6/ }).textContent).toBe("Lấy số của đơn vị chủ trì");
  });

  it("saves an edited unit and lead in the browser's storage, and a reloaded pane restores them", async () => {
    renderPane(createBrowserHost());
    await editAndSave();
    const stored = JSON.parse(window.localStorage.getItem(SETUP_STORAGE_KEY)!);
    expect(stored.ward).toBe("Phường Ái Quốc");
    expect(stored.units.find((u: { code: string }) => u.code === "VHXH").name).toBe("Phòng Văn hóa - Thông tin");
    expect(stored.leads.BM6).toBe("VHXH");
    expect(stored.combine.BM6).toBe("sum");
    // Tổng hợp's ward field follows the saved setup.
    expect(wardField().value).toBe("Phường Ái Quốc");

    cleanup();
    renderPane(createBrowserHost());
    await expectEditsRestored();
    expect(within(panel()).getByText("5 đơn vị · Đã lưu trong trình duyệt này.")).toBeTruthy();
  });

  it("adds and removes units; removing a lead leaves its forms without one, said at the field", async () => {
    renderPane(createBrowserHost());
    await openEditor();
    fireEvent.click(screen.getByRole("button", { name: "Thêm đơn vị" }));
    const group = screen.getByRole("group", { name: "Thông tin (chưa có tên)" });
    // The keyboard user lands in the new unit's first field.
    await waitFor(() => expect(document.activeElement).toBe(within(group).getByRole("textbox", { name: /^Tên đơn vị/ })));
    fireEvent.change(within(group).getByRole("textbox", { name: /^Tên đơn vị/ }), { target: { value: "Phòng Tư pháp" } });
    fireEvent.change(within(screen.getByRole("group", { name: "Thông tin Phòng Tư pháp" })).getByRole("textbox", { name: /^Mã/ }), { target: { value: "TP" } });
    fireEvent.click(within(screen.getByRole("group", { name: "Thông tin Phòng Tư pháp" })).getByRole("checkbox", { name: "BM2" }));
    fireEvent.click(screen.getByRole("button", { name: `Xóa ${KT}` }));
    // Nothing chosen: the drop-down shows its placeholder.
    expect(screen.getByRole("combobox", { name: /^Đơn vị chủ trì BM6/ }).textContent).toBe("Chọn đơn vị");
    expect(within(screen.getByRole("group", { name: /^BM6 – / })).getByText("Chưa có đơn vị chủ trì: ô của phường sẽ để trống. Chọn một đơn vị.")).toBeTruthy();
    await choose(screen.getByRole("combobox", { name: /^Đơn vị chủ trì BM6/ }), "Phòng Tư pháp");
    fireEvent.click(screen.getByRole("button", { name: "Lưu" }));
    await within(panel()).findByText("Đã lưu danh sách đơn vị.");
    const stored = JSON.parse(window.localStorage.getItem(SETUP_STORAGE_KEY)!);
    expect(stored.units.map((u: { code: string }) => u.code)).toEqual(["VHXH", "VP", "TTPVHCC", "TTDVSNC", "TP"]);
    expect(stored.units[4]).toEqual({ code: "TP", name: "Phòng Tư pháp", aliases: [], forms: ["BM2"] });
    expect(stored.leads.BM6).toBe("TP");
  });

  it("does not save a setup that does not validate: the Vietnamese messages stand next to the fields", async () => {
    renderPane(createBrowserHost());
    await openEditor();
    fireEvent.click(screen.getByRole("button", { name: `Sửa ${VHXH}` }));
    const group = screen.getByRole("group", { name: `Thông tin ${VHXH}` });
    fireEvent.change(within(group).getByRole("textbox", { name: /^Tên đơn vị/ }), { target: { value: "" } });
    const unnamed = screen.getByRole("group", { name: "Thông tin (chưa có tên)" });
    fireEvent.change(within(unnamed).getByRole("textbox", { name: /^Mã/ }), { target: { value: "VH XH" } });
    fireEvent.click(screen.getByRole("button", { name: "Lưu" }));

    await within(panel()).findByText("Chưa lưu: sửa các mục được đánh dấu đỏ bên dưới.");
    const name = within(unnamed).getByRole("textbox", { name: /^Tên đơn vị/ });
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(within(unnamed).getByText("Nhập tên đơn vị.")).toBeTruthy();
    expect(within(unnamed).getByText("Mã chỉ gồm chữ không dấu, chữ số, - hoặc _ (1–20 ký tự), ví dụ VHXH.")).toBeTruthy();
    // Straight to the first field to correct.
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(window.localStorage.getItem(SETUP_STORAGE_KEY)).toBeNull();

    // Two units of one code: the checker's own words, at the code.
    fireEvent.change(name, { target: { value: "Phòng mới" } });
    fireEvent.change(within(screen.getByRole("group", { name: "Thông tin Phòng mới" })).getByRole("textbox", { name: /^Mã/ }), { target: { value: "VP" } });
    fireEvent.click(screen.getByRole("button", { name: "Lưu" }));
    expect(await within(screen.getByRole("group", { name: "Thông tin Phòng mới" })).findByText(/mã VP được dùng cho hai đơn vị/)).toBeTruthy();
    expect(window.localStorage.getItem(SETUP_STORAGE_KEY)).toBeNull();
  });

  it("Khôi phục mặc định asks first, then brings the built-in units back (the ward's name kept)", async () => {
    renderPane(createBrowserHost());
    await editAndSave();
    fireEvent.click(screen.getByRole("button", { name: "Khôi phục mặc định" }));
    const dialog = await screen.findByRole("alertdialog");
    expect(dialog.textContent).toContain("Khôi phục danh sách mặc định?");
    fireEvent.click(within(dialog).getByRole("button", { name: "Hủy" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(JSON.parse(window.localStorage.getItem(SETUP_STORAGE_KEY)!).leads.BM6).toBe("VHXH");

    fireEvent.click(await screen.findByRole("button", { name: "Khôi phục mặc định" }));
    fireEvent.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Khôi phục" }));
    // Found in the whole page: the pane is hidden from queries by role until the closing dialog is gone.
    await screen.findByText("Đã khôi phục danh sách mặc định.");
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    const stored = JSON.parse(window.localStorage.getItem(SETUP_STORAGE_KEY)!);
    expect(stored.units).toEqual(DEFAULT_REGISTRY.units);
    expect(stored.ward).toBe("Phường Ái Quốc");
    // The dialog's role is gone before the pane behind it is no longer aria-hidden (Fluent's closing transition): wait for the pane too.
    await waitFor(() => expect(screen.getByRole("combobox", { name: /^Đơn vị chủ trì BM6/ }).textContent).toBe(KT));
    expect(screen.getByRole("table", { name: "Các đơn vị" }).textContent).toContain(VHXH);
  });

  it("reports a saved setup that does not validate and uses the default, never failing", async () => {
    window.localStorage.setItem(SETUP_STORAGE_KEY, '{"units": []}');
    renderPane(createBrowserHost());
    await openAggregate();
    const warning = within(panel()).getByText(/^Danh sách đơn vị đã lưu không dùng được/);
    expect(warning.textContent).toContain("units:");
    expect(within(panel()).getByText(/^5 đơn vị · Danh sách mặc định/)).toBeTruthy();

    cleanup();
    window.localStorage.setItem(SETUP_STORAGE_KEY, "{không phải JSON");
    renderPane(createBrowserHost());
    await openAggregate();
    expect(within(panel()).getByText(/nội dung không phải JSON hợp lệ/)).toBeTruthy();
  });

  it("imports a setup file into the editor (saved with Lưu), names a file that is no setup, and exports the JSON", async () => {
    renderPane(createBrowserHost());
    await openEditor();
    const input = screen.getByLabelText("Tệp danh sách đơn vị (.json)", { selector: "input" });
    fireEvent.change(input, { target: { files: [new File(["{ không phải JSON"], "hong.json", { type: "application/json" })] } });
    expect((await within(panel()).findByRole("alert")).textContent).toContain(
      "Tệp hong.json không phải danh sách đơn vị hợp lệ: nội dung không phải JSON hợp lệ",
    );

    const file = { ward: "Phường Hà Cầu", units: [{ code: "VP", name: "Văn phòng", aliases: ["VP"], forms: ["BM1", "BM2", "BM6"] }], leads: { BM6: "VP" } };
    fireEvent.change(input, { target: { files: [new File([`\uFEFF${JSON.stringify(file)}`], "ha-cau.json", { type: "application/json" })] } });
    await within(panel()).findByText("Đã nạp ha-cau.json. Xem lại rồi bấm Lưu.");
    expect(screen.getByRole("combobox", { name: /^Đơn vị chủ trì BM6/ }).textContent).toBe("Văn phòng");
    expect(window.localStorage.getItem(SETUP_STORAGE_KEY)).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Lưu" }));
    await within(panel()).findByText("Đã lưu danh sách đơn vị.");
    expect(JSON.parse(window.localStorage.getItem(SETUP_STORAGE_KEY)!).units).toHaveLength(1);

    const urls = URL as unknown as { createObjectURL?: unknown; revokeObjectURL?: unknown };
    const blobs: Blob[] = [];
    urls.createObjectURL = (blob: Blob) => (blobs.push(blob), "blob:setup");
    urls.revokeObjectURL = () => undefined;
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe("don-vi-phuong.json");
    });
    try {
      fireEvent.click(screen.getByRole("button", { name: "Xuất tệp .json" }));
      expect(click).toHaveBeenCalledTimes(1);
      const exported = JSON.parse(await textOf(blobs[0]));
      expect(exported).toMatchObject({ ward: "Phường Hà Cầu", units: [{ code: "VP" }], leads: { BM6: "VP" } });
    } finally {
      click.mockRestore();
    }
  });
});

describe("Đơn vị của phường, in Excel", () => {
  const globals = globalThis as unknown as { Office?: unknown };
  beforeAll(() => {
    globals.Office = { context: { requirements: { isSetSupported: () => true } } };
  });
  afterAll(() => {
    delete globals.Office;
  });

  it("saves into the workbook's very hidden sheet; a pane opened again reads it back in one sync", async () => {
    const fake = new FakeExcel();
    renderPane(createExcelHost({ run: fake.run }));
    await editAndSave();
    expect(fake.sheet(SETUP_SHEET).visibility).toBe("VeryHidden");
    expect(within(panel()).getByText("5 đơn vị · Đã lưu trong sổ làm việc này.")).toBeTruthy();

    cleanup();
    const before = fake.syncCount;
    renderPane(createExcelHost({ run: fake.run }));
    await expectEditsRestored();
    // Read in one batch with one sync: the sheet is there, or it is not (besides, Tạo biểu mẫu reads the unit and period last used: issue 16).
    expect(fake.syncCount - before).toBe(1 + LOAD_CHOICES_SYNCS);
  });

  it("says why a save failed, in Vietnamese, and keeps what was saved before", async () => {
    // The pane's first syncs read Tạo biểu mẫu's last choices and the setup; the save's first is the next.
    const fake = new FakeExcel().failAtSync(LOAD_CHOICES_SYNCS + 2, { code: "WorkbookProtected" });
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      renderPane(createExcelHost({ run: fake.run }));
      await openEditor();
      fireEvent.click(screen.getByRole("button", { name: "Lưu" }));
      const alert = await within(panel()).findByRole("alert");
      expect(alert.textContent).toContain("Không lưu được danh sách đơn vị");
      expect(alert.textContent).toContain("Sổ làm việc đang được bảo vệ");
    } finally {
      warn.mockRestore();
    }
  });
});

describe("Tổng hợp and the ward's name", () => {
  it("runs with what the editor saved last, without reloading the pane", async () => {
    const jobs: Parameters<AggregateRunner["run"]>[0][] = [];
    renderPane(createBrowserHost(), { run: async (job) => (jobs.push(job), fixture()) });
    await editAndSave();
    fireEvent.change(screen.getByLabelText("Tệp của các đơn vị", { selector: "input" }), { target: { files: [xlsx()] } });
    fireEvent.click(screen.getByRole("button", { name: "Tổng hợp" }));
    await screen.findByRole("heading", { name: /^Tổng hợp Phường Ái Quốc/ });
    expect(jobs[0].ward).toBe("Phường Ái Quốc");
    expect(jobs[0].setup?.value.leads.BM6).toBe("VHXH");
    expect(jobs[0].setup?.value.units.find((u) => u.code === "VHXH")?.name).toBe("Phòng Văn hóa - Thông tin");
  });

  it("does not start without the ward's name: the message stands at the field, which gets the focus", async () => {
    const runner = { run: jest.fn(unreachable.run) };
    renderPane(createBrowserHost(), runner);
    await openAggregate();
    fireEvent.change(screen.getByLabelText("Tệp của các đơn vị", { selector: "input" }), { target: { files: [xlsx()] } });
    fireEvent.click(screen.getByRole("button", { name: "Tổng hợp" }));
    expect(screen.getByText("Nhập tên phường trước khi tổng hợp. Tiện ích không tự ghi tên phường.")).toBeTruthy();
    expect(wardField().getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(wardField());
    expect(runner.run).not.toHaveBeenCalled();
    // Spaces are no name either.
    fireEvent.change(wardField(), { target: { value: "   " } });
    fireEvent.click(screen.getByRole("button", { name: "Tổng hợp" }));
    expect(runner.run).not.toHaveBeenCalled();
  });

  it("runs with the ward's name and the setup of the store", async () => {
    const jobs: Parameters<AggregateRunner["run"]>[0][] = [];
    const runner: AggregateRunner = { run: async (job) => (jobs.push(job), fixture()) };
    window.localStorage.setItem(
      SETUP_STORAGE_KEY,
      JSON.stringify({ ward: "Phường Ái Quốc", units: [{ code: "VP", name: "Văn phòng", aliases: [], forms: ["BM1"] }] }),
    );
    renderPane(createBrowserHost(), runner);
    await openAggregate();
    expect(wardField().value).toBe("Phường Ái Quốc");
    fireEvent.change(screen.getByLabelText("Tệp của các đơn vị", { selector: "input" }), { target: { files: [xlsx()] } });
    fireEvent.click(screen.getByRole("button", { name: "Tổng hợp" }));
    await screen.findByRole("heading", { name: /^Tổng hợp Phường Ái Quốc/ });
    expect(jobs[0]).toMatchObject({ ward: "Phường Ái Quốc", setup: { name: "Đơn vị của phường", value: { units: [{ code: "VP" }] } } });
  });
});

/** A finding on the ward's own BM6 figures, made of two units' figures. */
const WARD_FINDING: RawFinding = {
  code: "SUM_MISMATCH",
  severity: "error",
  form: "BM6",
  row: "2.1",
  at: { sheet: "BM6", row: 12, col: 4 },
  params: {
    value: 19,
    sum: 38,
    parts: ["2.2", "2.3", "2.4", "2.5"].map((stt, i) => ({ stt, figure: i === 0 ? 38 : 0 })),
    partition: true,
  },
  expected: 38,
  actual: 19,
  units: [KT, VHXH],
};

/** A summary of two files, BM1 summed and BM6 from its lead, with one finding on the ward's figures. */
function fixture(): AggregationResult {
  return {
    ward: "Phường Ái Quốc",
    periodId: "2026-H1",
    files: [
      { file: "kt.xlsx", unitName: KT, unitCode: "KT", periodId: "2026-H1", status: "used", errors: 0, warnings: 0 },
      { file: "vhxh.xlsx", unitName: VHXH, unitCode: "VHXH", periodId: "2026-H1", status: "used", errors: 0, warnings: 0 },
    ],
    units: [
      { name: KT, code: "KT" },
      { name: VHXH, code: "VHXH" },
    ],
    values: {},
    forms: {
      BM1: { mode: "sum", lead: { code: "VHXH", name: VHXH } },
      BM6: { mode: "lead", lead: { code: "KT", name: KT } },
      BM7: { mode: "lead" },
    },
    provenance: {},
    submissions: [],
    unplacedFiles: [],
    findings: [WARD_FINDING],
    counts: { error: 1, warning: 0, info: 0 },
  };
}

describe("the summary: how each form was combined, and the ward's own figures", () => {
  function renderSummary(host: Host, written: boolean) {
    render(
      <FluentProvider theme={webLightTheme}>
        <StringsProvider lang="vi">
          <HostProvider host={host}>
            <AggregateSummary result={fixture()} ward="Phường Ái Quốc" written={written} />
          </HostProvider>
        </StringsProvider>
      </FluentProvider>,
    );
  }
  const excelHost = (selectCell = jest.fn(async () => undefined)): Host & { selectCell: typeof selectCell } => ({
    kind: "excel",
    writeTemplate: async (): Promise<WriteTemplateOutcome> => ({ status: "written", sheets: [], printSetupApplied: true }),
    selectCell,
  });

  it("says per form who leads it and whether it is summed", () => {
    renderSummary(excelHost(), false);
    const lines = Array.from(document.querySelectorAll("[data-form]")).map((li) => li.textContent);
    expect(lines).toEqual([
      "BM1: cộng các đơn vị",
      `BM6 – ${KT}: lấy số của đơn vị chủ trì`,
      "BM7: lấy số của đơn vị chủ trì (chưa có đơn vị chủ trì trong danh sách, ô của phường để trống)",
    ]);
  });

  it("lists the ward's findings in their own section with their units; in Excel, once written, a click selects the ward's cell", async () => {
    const host = excelHost();
    renderSummary(host, false);
    expect(screen.getByRole("heading", { name: "Số liệu của phường (1)" })).toBeTruthy();
    const item = document.querySelector('[data-section="ward-figures"] [data-finding-code="SUM_MISMATCH"]')!;
    expect(item.textContent).toContain("BM6!D12: Dòng này (19) phải bằng tổng các dòng 2.2 + 2.3 + 2.4 + 2.5 = 38.");
    expect(item.textContent).toContain(`Số liệu của: ${KT}, ${VHXH}`);
    // Not yet written: nothing to click, and the officer is told when it will be.
    expect(within(item as HTMLElement).queryByRole("button")).toBeNull();
    expect(screen.getByText(/Ghi vào bảng tính rồi bấm một mục/)).toBeTruthy();

    cleanup();
    renderSummary(host, true);
    fireEvent.click(screen.getByRole("button", { name: /^BM6!D12: Dòng này \(19\)/ }));
    await waitFor(() => expect(host.selectCell).toHaveBeenCalledWith("BM6", "D12"));
  });

  it("in the browser, shows the cell without offering a click", () => {
    renderSummary(createBrowserHost(), true);
    const item = document.querySelector('[data-section="ward-figures"] [data-finding-code="SUM_MISMATCH"]') as HTMLElement;
    expect(item.textContent).toContain("BM6!D12");
    expect(within(item).queryByRole("button")).toBeNull();
    expect(screen.getByText("Các ô ở trang BM của tệp tổng hợp tải về.")).toBeTruthy();
  });

  it("in the pane: written to Excel, then the finding takes the officer to the ward's cell", async () => {
    const writes: WorkbookPlan[] = [];
    const selectCell = jest.fn(async () => undefined);
    const host: Host = {
      kind: "excel",
      writeTemplate: async () => ({ status: "written", sheets: [], printSetupApplied: true }),
      writeWard: async (plan) => (writes.push(plan), { status: "written", sheets: plan.sheets.map((x) => x.name), printSetupApplied: true }),
      selectCell,
    };
    const { createInProcessRunner } = await import("../../src/taskpane/jobs/runner");
    const inner = createInProcessRunner();
    const { buildWorkbookPlan } = await import("../../src/core/layout/workbook-plan");
    const { planToXlsx } = await import("../../src/adapters/xlsx/write-plan");
    const { SAMPLE_UNITS } = await import("../../src/core/sample/demo-units");
    const { period } = await import("../support/plans");
    const unit = SAMPLE_UNITS.find((u) => u.code === "vp")!;
    const bytes = await planToXlsx(
      buildWorkbookPlan({ unit: unit.name, period: period("2026-H1"), forms: unit.forms, figures: unit.figures, createdAt: "2026-06-20T08:00:00.000Z" }),
    );
    // The real aggregation, with a finding on the ward's figures added to what it found.
    const runner: AggregateRunner = {
      run: async (job, options) => {
        const result = await inner.run(job, options);
        return { ...result, findings: [...result.findings, WARD_FINDING] };
      },
    };
    renderPane(host, runner);
    await openAggregate();
    fireEvent.change(screen.getByLabelText("Tệp của các đơn vị", { selector: "input" }), { target: { files: [new File([bytes.slice()], "vp.xlsx")] } });
    fireEvent.change(wardField(), { target: { value: "Phường Ái Quốc" } });
    fireEvent.click(screen.getByRole("button", { name: "Tổng hợp" }));
    await screen.findByRole("heading", { name: "Số liệu của phường (1)" });
    expect(screen.queryByRole("button", { name: /^BM6!D12/ })).toBeNull();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Ghi vào bảng tính" })));
    await screen.findByRole("status");
    expect(writes).toHaveLength(1);
    fireEvent.click(await screen.findByRole("button", { name: /^BM6!D12/ }));
    await waitFor(() => expect(selectCell).toHaveBeenCalledWith("BM6", "D12"));
  }, 60_000);
});

describe("Tạo biểu mẫu: the ward's units to pick from", () => {
  const host = (): Host => {
    const browser = createBrowserHost({ save: () => undefined });
    return browser;
  };
  const formBox = (id: string) => screen.getByRole("checkbox", { name: new RegExp(`^${id} – `) }) as HTMLInputElement;
  const ticked = () => ["BM1", "BM2", "BM3", "BM4", "BM5", "BM6", "BM7"].filter((id) => formBox(id).checked);

  it("offers the saved units; picking one ticks the forms it reports", async () => {
    window.localStorage.setItem(
      SETUP_STORAGE_KEY,
      JSON.stringify({
        ward: "Phường Ái Quốc",
        units: [
          { code: "KT", name: KT, aliases: [], forms: ["BM1", "BM6"] },
          { code: "VP", name: "Văn phòng HĐND và UBND", aliases: [], forms: ["BM2"] },
        ],
      }),
    );
    render(<App host={host()} today={TODAY} />);
    const unit = screen.getByRole("combobox", { name: "Đơn vị báo cáo" });
    fireEvent.focus(unit);
    fireEvent.click(unit);
    const options = await screen.findAllByRole("option", { name: /Phòng Kinh tế|Văn phòng HĐND/ });
    expect(options.map((o) => o.textContent)).toEqual([KT, "Văn phòng HĐND và UBND"]);
    fireEvent.click(options[0]);
    expect((unit as HTMLInputElement).value).toBe(KT);
    expect(ticked()).toEqual(["BM1", "BM6"]);
    expect(screen.queryByText(/không có trong danh sách đơn vị của phường/)).toBeNull();
  });

  it("takes a name that is not in the ward's list, with a warning and not an error", async () => {
    render(<App host={host()} today={TODAY} />);
    const unit = screen.getByRole("combobox", { name: "Đơn vị báo cáo" });
    fireEvent.focus(unit);
    fireEvent.change(unit, { target: { value: "Phòng Tư pháp" } });
    await screen.findByText(/^“Phòng Tư pháp” không có trong danh sách đơn vị của phường/);
    // A warning: the field is not invalid.
    expect(unit.getAttribute("aria-invalid")).toBeNull();
    // All forms still ticked, and the template can be made.
    expect(ticked()).toHaveLength(7);
    expect((screen.getByRole("button", { name: "Tạo biểu mẫu" }) as HTMLButtonElement).disabled).toBe(false);
    // A name of the list (another way of writing it) is no warning.
    fireEvent.change(unit, { target: { value: "phong van hoa - xa hoi" } });
    await waitFor(() => expect(screen.queryByText(/không có trong danh sách đơn vị của phường/)).toBeNull());
  });
});

describe("the words of the ward's setup", () => {
  it("English covers exactly the Vietnamese keys", () => {
    expect(keyShape(setupStrings("en"))).toEqual(keyShape(setupStrings("vi")));
  });

  it("English is one switch away, Vietnamese names of the views aside", async () => {
    render(<App host={createBrowserHost()} today={TODAY} lang="en" />);
    fireEvent.click(screen.getByRole("tab", { name: "Aggregate" }));
    // Shown once the setup was read.
    await screen.findByText(/^5 units · /);
    fireEvent.click(screen.getByRole("button", { name: "Edit the list of units" }));
    expect(screen.getByRole("table", { name: "Units" })).toBeTruthy();
    expect(screen.getByRole("combobox", { name: /^Lead unit BM6/ }).textContent).toBe(KT);
  });
});
