/** @jest-environment jsdom */
import "../support/jsdom-globals";
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { unzipSync } from "fflate";
import { deserialize, serialize } from "node:v8";
import { createBrowserHost, SETUP_STORAGE_KEY } from "../../src/adapters/browser/browser-host";
import type { Host, WriteTemplateOutcome } from "../../src/adapters/host/types";
import { createExcelHost } from "../../src/adapters/office/excel-host";
import { WRITE_PLAN_SYNCS } from "../../src/adapters/office/write-plan";
import { planToXlsx } from "../../src/adapters/xlsx/write-plan";
import { feedbackFileName } from "../../src/core/layout/feedback-sheets";
import type { WorkbookPlan } from "../../src/core/layout/plan";
import { buildWorkbookPlan } from "../../src/core/layout/workbook-plan";
import { SAMPLE_UNITS } from "../../src/core/sample/demo-units";
import { DEFAULT_REGISTRY, type UnitRegistry } from "../../src/core/units/registry";
import { viUi } from "../../src/core/messages/vi-ui";
import { App } from "../../src/taskpane/App";
import { cycleStringsOf } from "../../src/taskpane/cycle/cycle-strings";
import { AggregateRunnerProvider, ValidateRunnerProvider } from "../../src/taskpane/jobs/runner-context";
import { createInProcessRunner } from "../../src/taskpane/jobs/runner";
import { FakeExcel } from "../adapters/fake-excel";
import { period, snapshotOf } from "../support/plans";
import { bytesOf } from "../support/blobs";

// Reading real .xlsx files and rendering the summary takes seconds when the whole suite runs in parallel.
configure({ asyncUtilTimeout: 20_000 });
// The fake Excel copies what it loads with structuredClone, which jest's jsdom lacks.
(globalThis as { structuredClone?: unknown }).structuredClone ??= <T,>(value: T): T => deserialize(serialize(value)) as T;

const c = cycleStringsOf("vi");
const TODAY = new Date(2026, 6, 3);
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const WARD = "Phường Nhị Chiểu";
const DAY = 24 * 3600 * 1000;
/** 10:00 in Vietnam (UTC+7) of an ISO day. */
const at = (day: string) => Date.parse(`${day}T03:00:00Z`);

/** The ward's setup of seed 000: its own cut-off and deadlines for 2026-H1. */
const SETUP: UnitRegistry = {
  ...DEFAULT_REGISTRY,
  ward: WARD,
  periods: { "2026-H1": { cutoff: "2026-01-01/2026-05-31", deadline: "2026-06-04", wardDeadline: "2026-06-08" } },
};

const sample = (code: string) => SAMPLE_UNITS.find((u) => u.code === code)!;

/** A workbook as Tạo biểu mẫu makes it, filled with figures, as a picked File. */
async function workbookFile(name: string, unit: string, periodId: string, forms: string[], figures: Record<string, Record<string, number>>, modified: number) {
  const plan = buildWorkbookPlan({ unit, period: period(periodId), forms, figures, createdAt: "2026-06-01T08:00:00.000Z" });
  return new File([(await planToXlsx(plan)).slice()], name, { type: XLSX, lastModified: modified });
}

/** A unit's file of the sample figures. */
const unitFile = (name: string, code: string, modified: number, periodId = "2026-H1") =>
  workbookFile(name, sample(code).name, periodId, sample(code).forms, sample(code).figures, modified);

/** A browser host that remembers SETUP and records each download (through the host and through a link). */
function browserHost(saved: { file: Blob; fileName: string }[] = []) {
  const store = new Map<string, string>([[SETUP_STORAGE_KEY, JSON.stringify(SETUP)]]);
  return createBrowserHost({
    save: (file, fileName) => saved.push({ file, fileName }),
    storage: () => ({ getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v) }),
  });
}

function renderPane(host: Host) {
  const runner = createInProcessRunner();
  render(
    <AggregateRunnerProvider runner={runner}>
      <ValidateRunnerProvider runner={runner}>
        <App host={host} today={TODAY} />
      </ValidateRunnerProvider>
    </AggregateRunnerProvider>,
  );
}

async function choose(combobox: HTMLElement, option: string) {
  fireEvent.click(combobox);
  fireEvent.click(await screen.findByRole("option", { name: option }));
}

const dateField = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const findings = (code: string) => Array.from(document.querySelectorAll<HTMLElement>(`[data-finding-code="${code}"]`));

/** Opens Tổng hợp with the setup read, names the ward, picks the period and the files. */
async function aggregateWith(files: File[], periodLabel = "6 tháng đầu năm 2026") {
  fireEvent.click(screen.getByRole("tab", { name: "Tổng hợp" }));
  await screen.findByText(/^\d+ đơn vị · /);
  await choose(screen.getByRole("combobox", { name: "Kỳ báo cáo" }), periodLabel);
  fireEvent.change(screen.getByLabelText("Tệp của các đơn vị", { selector: "input" }), { target: { files } });
}

const run = () => fireEvent.click(screen.getByRole("button", { name: "Tổng hợp" }));

/** Records the pane's link downloads (download(): the feedback forms). */
function recordLinks() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  const urls = URL as unknown as { createObjectURL?: unknown; revokeObjectURL?: unknown };
  urls.createObjectURL = (blob: Blob) => `blob:${blobs.push(blob)}`;
  urls.revokeObjectURL = () => undefined;
  const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { blobs, names, restore: () => click.mockRestore() };
}

afterEach(cleanup);

describe("Tổng hợp: the ward's dates, who has sent, Kỳ trước", () => {
  it("prefills the setup's dates, shows a late unit and a unit's Word file on the board, against the deadline typed for this run", async () => {
    renderPane(browserHost());
    const files = [
      await unitFile("vp-2026-H1.xlsx", "vp", at("2026-06-03")),
      // Sent two days after the deadline typed below (06/06).
      await unitFile("tt-pvhcc-2026-H1.xlsx", "tt-pvhcc", at("2026-06-08")),
      new File(["PK"], "vhxh-bao-cao-6-thang.docx", { lastModified: at("2026-06-02") }),
    ];
    await aggregateWith(files);

    // The setup's dates for 2026-H1, ready to change for this run.
    expect(dateField(c.dates.from).value).toBe("2026-01-01");
    expect(dateField(c.dates.to).value).toBe("2026-05-31");
    expect(dateField(c.dates.deadline).value).toBe("2026-06-04");
    expect(dateField(c.dates.wardDeadline).value).toBe("2026-06-08");
    fireEvent.change(dateField(c.dates.deadline), { target: { value: "2026-06-06" } });
    run();

    const board = await screen.findByRole("heading", { name: "Theo dõi tiếp nhận – hạn gửi 06/06/2026" });
    const entry = (code: string) => board.parentElement!.querySelector<HTMLElement>(`[data-unit-code="${code}"]`)!;
    expect(entry("TTPVHCC").dataset.status).toBe("late");
    expect(entry("TTPVHCC").textContent).toContain("muộn 2 ngày");
    expect(entry("VP").dataset.status).toBe("on-time");
    // The Word file is listed against its unit, named for what it is.
    expect(entry("VHXH").textContent).toContain("gửi tệp Word (vhxh-bao-cao-6-thang.docx)");
    // A unit that sent nothing is overdue on the day the ward runs it (03/07/2026).
    expect(entry("KT").dataset.status).toBe("missing");
    expect(entry("KT").textContent).toContain(`quá hạn ${Math.round((TODAY.getTime() - Date.UTC(2026, 5, 6)) / DAY)} ngày`);
  }, 60_000);

  it("refuses a cut-off that ends before it starts, beside the field", async () => {
    renderPane(browserHost());
    await aggregateWith([await unitFile("vp-2026-H1.xlsx", "vp", at("2026-06-03"))]);
    fireEvent.change(dateField(c.dates.to), { target: { value: "2025-12-31" } });
    expect(screen.getByText(c.dates.badWindow)).toBeTruthy();
    expect((screen.getByRole("button", { name: "Tổng hợp" }) as HTMLButtonElement).disabled).toBe(true);
  }, 60_000);

  it("compares the ward's figures with the ward's report of Quý I: a cumulative figure that fell is an error", async () => {
    renderPane(browserHost());
    const files = [await unitFile("vp-2026-H1.xlsx", "vp", at("2026-06-03")), await unitFile("tt-pvhcc-2026-H1.xlsx", "tt-pvhcc", at("2026-06-03"))];
    await aggregateWith(files);
    const earlier = await workbookFile("tong-hop-2026-Q1.xlsx", WARD, "2026-Q1", ["BM1"], { BM1: { "2.1": 5000, "2.2": 4000 } }, at("2026-04-08"));
    fireEvent.change(screen.getByLabelText(c.previous.label, { selector: "input" }), { target: { files: [earlier] } });
    await screen.findByText(c.previous.chosen("tong-hop-2026-Q1.xlsx", `Quý I năm 2026 – ${WARD}`));
    run();

    await screen.findByRole("heading", { name: /^Theo dõi tiếp nhận/ });
    const fell = findings("CUMULATIVE_DECREASED");
    expect(fell.length).toBeGreaterThan(0);
    expect(fell[0].dataset.severity).toBe("error");
    expect(fell[0].textContent).toContain("Quý I năm 2026");
  }, 60_000);

  it("says once, in Vietnamese, that an earlier file cannot be read, and still aggregates", async () => {
    renderPane(browserHost());
    await aggregateWith([await unitFile("vp-2026-H1.xlsx", "vp", at("2026-06-03"))]);
    fireEvent.change(screen.getByLabelText(c.previous.label, { selector: "input" }), {
      target: { files: [new File(["a;b\n1;2\n"], "ky-truoc.xlsx", { type: XLSX })] },
    });
    const alert = await screen.findByText((text) => text.startsWith("Không đọc được tệp kỳ trước “ky-truoc.xlsx”."));
    expect(alert.textContent).toContain("chỉ không so với kỳ trước");
    run();
    await screen.findByRole("heading", { name: /^Theo dõi tiếp nhận/ });
    expect(findings("CUMULATIVE_DECREASED")).toEqual([]);
  }, 60_000);
});

describe("Phiếu kiểm tra after Tổng hợp", () => {
  it("downloads each unit's form named after the unit and period, and all of them as one .zip", async () => {
    renderPane(browserHost());
    await aggregateWith([await unitFile("vp-2026-H1.xlsx", "vp", at("2026-06-03")), await unitFile("tt-pvhcc-2026-H1.xlsx", "tt-pvhcc", at("2026-06-03"))]);
    run();
    const section = await screen.findByRole("region", { name: c.feedback.title });
    const units = Array.from(section.querySelectorAll<HTMLElement>("[data-unit]")).map((e) => e.dataset.unit!);
    // The one-stop centre's planted mistake (BM7 1.3.2 > 1.3.1) is its own; units that sent nothing are told so.
    expect(units).toContain(sample("tt-pvhcc").name);
    const links = recordLinks();
    try {
      fireEvent.click(within(section).getByRole("button", { name: c.feedback.downloadUnit(sample("tt-pvhcc").name) }));
      const name = feedbackFileName(sample("tt-pvhcc").name, "2026-H1");
      await within(section).findByText(c.feedback.downloaded(name));
      expect(links.names).toEqual([name]);
      // A real workbook: an .xlsx is a zip holding the workbook part.
      expect(Object.keys(unzipSync(await bytesOf(links.blobs[0])))).toContain("xl/workbook.xml");

      fireEvent.click(within(section).getByRole("button", { name: c.feedback.downloadAll }));
      await within(section).findByText(c.feedback.downloaded("Phieu-kiem-tra-2026-H1.zip"));
      const zip = unzipSync(await bytesOf(links.blobs[1]));
      expect(Object.keys(zip).sort()).toEqual(units.map((u) => feedbackFileName(u, "2026-H1")).sort());
      expect(Object.keys(unzipSync(zip[name]))).toContain("xl/workbook.xml");
    } finally {
      links.restore();
    }
  }, 60_000);

  describe("in Excel", () => {
    const globals = globalThis as unknown as { Office?: unknown };
    beforeAll(() => {
      globals.Office = { context: { requirements: { isSetSupported: () => true } } };
    });
    afterAll(() => {
      delete globals.Office;
    });

    it("writes one sheet per unit into the open workbook in the syncs of any plan write, asking before replacing them", async () => {
      const fake = new FakeExcel();
      const host = createExcelHost({ run: fake.run, supportsPageLayout: () => true });
      renderPane(host);
      await aggregateWith([await unitFile("vp-2026-H1.xlsx", "vp", at("2026-06-03")), await unitFile("tt-pvhcc-2026-H1.xlsx", "tt-pvhcc", at("2026-06-03"))]);
      fireEvent.change(screen.getByRole("textbox", { name: /^Tên phường/ }), { target: { value: WARD } });
      run();
      const section = await screen.findByRole("region", { name: c.feedback.title });
      const units = Array.from(section.querySelectorAll<HTMLElement>("[data-unit]")).map((e) => e.dataset.unit!);

      const before = fake.syncCount;
      fireEvent.click(within(section).getByRole("button", { name: c.feedback.write }));
      const done = await within(section).findByRole("status");
      expect(done.textContent).toContain(c.feedback.written(units.length));
      expect(fake.syncCount - before).toBe(WRITE_PLAN_SYNCS.fresh);
      const names = fake.sheetNames();
      expect(names.length).toBeGreaterThanOrEqual(units.length);

      // Again: the sheets are there, so the officer is asked; Thay thế rewrites them.
      fireEvent.click(within(section).getByRole("button", { name: c.feedback.write }));
      fireEvent.click(await screen.findByRole("button", { name: "Thay thế" }));
      await waitFor(() => expect(within(section).getByRole("status").textContent).toContain(c.feedback.written(units.length)));
      expect(fake.sheetNames()).toEqual(names);
    }, 60_000);
  });
});

describe("Kiểm tra with Kỳ trước", () => {
  /** Picks VHXH's file of Quý I as Kỳ trước: its cumulative BM1 2.2 (800) is above the 6 months' sample figure. */
  async function pickEarlierVhxh() {
    const vhxh = sample("vhxh");
    const figures = { ...vhxh.figures, BM1: { ...vhxh.figures.BM1, "2.1": 900, "2.2": 800 } };
    const earlier = await workbookFile("vhxh-2026-Q1.xlsx", vhxh.name, "2026-Q1", vhxh.forms, figures, at("2026-04-05"));
    fireEvent.change(await screen.findByLabelText(c.previous.label, { selector: "input" }), { target: { files: [earlier] } });
    await screen.findByText(c.previous.chosen("vhxh-2026-Q1.xlsx", `Quý I năm 2026 – ${vhxh.name}`));
  }

  it("lists a cumulative figure below the earlier file's with the file's own findings, at its cell", async () => {
    renderPane(browserHost());
    fireEvent.click(screen.getByRole("tab", { name: "Kiểm tra" }));
    await pickEarlierVhxh();
    fireEvent.change(screen.getByLabelText("Tệp cần kiểm tra"), { target: { files: [await unitFile("vhxh-2026-H1.xlsx", "vhxh", at("2026-06-03"))] } });
    // BM1 2.2 (and the ratio BM1 2 over it) fell since Quý I.
    await waitFor(() => expect(findings("CUMULATIVE_DECREASED").length).toBeGreaterThan(0));
    for (const fell of findings("CUMULATIVE_DECREASED")) {
      expect(fell.dataset.cell).toMatch(/^BM1!D\d+$/);
      expect(fell.textContent).toContain("Quý I năm 2026");
    }
    // With the file's own findings, in its report.
    expect(screen.getAllByText(/vhxh-2026-H1\.xlsx/).length).toBeGreaterThan(0);
  }, 60_000);

  it("in Excel, compares the open workbook with it; choosing such a finding goes to its cell", async () => {
    const open = await snapshotOf(await bytesOf(await unitFile("vhxh-2026-H1.xlsx", "vhxh", at("2026-06-03"))));
    const selected: [string, string][] = [];
    const host: Host = {
      kind: "excel",
      writeTemplate: () => Promise.reject(new Error("not used")),
      readOpenWorkbook: async () => open,
      selectCell: async (sheet, address) => void selected.push([sheet, address]),
    };
    renderPane(host);
    fireEvent.click(screen.getByRole("tab", { name: "Kiểm tra" }));
    await pickEarlierVhxh();
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra" }));
    await waitFor(() => expect(findings("CUMULATIVE_DECREASED").length).toBeGreaterThan(0));
    const fell = findings("CUMULATIVE_DECREASED")[0];
    // The finding is itself the button that goes to its cell.
    fireEvent.click(fell);
    await waitFor(() => expect(selected).toHaveLength(1));
    expect(`${selected[0][0]}!${selected[0][1]}`).toBe(fell.dataset.cell);
  }, 60_000);
});

describe("Tạo biểu mẫu with the ward's dates", () => {
  it("prefills the setup's dates for the chosen period and writes what was typed over them into the form", async () => {
    const plans: WorkbookPlan[] = [];
    const host = browserHost();
    const capture: Host = {
      ...host,
      writeTemplate: async (plan, options): Promise<WriteTemplateOutcome> => {
        plans.push(plan);
        return { status: "written", sheets: plan.sheets.map((s) => s.name), printSetupApplied: true, fileName: options.fileName };
      },
    };
    renderPane(capture);
    await choose(screen.getByRole("combobox", { name: "Kỳ báo cáo" }), "6 tháng đầu năm 2026");
    await waitFor(() => expect(dateField(c.dates.deadline).value).toBe("2026-06-04"));
    expect(dateField(c.dates.from).value).toBe("2026-01-01");
    // The template is the units': the ward's own deadline is not on it.
    expect(screen.queryByLabelText(c.dates.wardDeadline)).toBeNull();
    fireEvent.change(dateField(c.dates.deadline), { target: { value: "2026-06-05" } });
    fireEvent.change(dateField(c.dates.to), { target: { value: "2026-05-30" } });
    // The period field's hint says the window the form will carry.
    await screen.findByText(viUi.template.periodHint("01/01/2026", "30/05/2026"));
    fireEvent.click(screen.getByRole("button", { name: "Tạo biểu mẫu" }));
    await waitFor(() => expect(plans).toHaveLength(1));
    const texts = plans[0].sheets.find((s) => s.name === "BM1")!.cells.map((cell) => String(cell.value ?? ""));
    expect(texts).toContain("Thời hạn chốt số liệu: từ ngày 01/01/2026 đến ngày 30/05/2026");
    expect(texts).toContain("Hạn gửi báo cáo: 05/06/2026");
  }, 60_000);
});
