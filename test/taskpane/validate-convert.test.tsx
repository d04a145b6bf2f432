/** @jest-environment jsdom */
import "../support/jsdom-globals";
import "../support/jsdom-text";
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { deserialize, serialize } from "node:v8";
import { createBrowserHost } from "../../src/adapters/browser/browser-host";
import type { Host } from "../../src/adapters/host/types";
import { createExcelHost } from "../../src/adapters/office/excel-host";
import { writePlanToExcel } from "../../src/adapters/office/write-plan";
import { planToXlsx } from "../../src/adapters/xlsx/write-plan";
import { CATALOGUE } from "../../src/core/forms/catalogue";
import { META_SHEET } from "../../src/core/layout/metadata";
import type { WorkbookSnapshot } from "../../src/core/read/snapshot";
import { App } from "../../src/taskpane/App";
import { read } from "../../src/taskpane/jobs/job-file";
import { excelHolding } from "../support/excel-holding";
import { fillTemplate } from "../support/fill";
import { messyWorkbook } from "../support/pasted-messy";
import { pastedSeedWorkbook } from "../support/pasted-seed";
import { period, snapshotOf, templatePlan } from "../support/plans";
import { SEED_VALUES } from "../support/seed-values";
import type { FakeExcel } from "../adapters/fake-excel";
import { importWorkbook, validateWorkbook } from "../support/worded";
import { cellsA1 } from "../support/a1";

// A busy machine (the whole suite on two cores) is slower than testing-library's 1 s default wait.
configure({ asyncUtilTimeout: 20_000 });

// jsdom's globals lack structuredClone, which the recording fake of Excel uses (Node has it).
globalThis.structuredClone ??= ((value: unknown) => deserialize(serialize(value))) as typeof structuredClone;

/**
 * Chuyển sang biểu mẫu chuẩn in the Kiểm tra view: offered for forms found
 * pasted into a sheet (not for the template's sheets), the unit and period
 * asked for when the sheet does not say them, then the standard sheets written
 * into the open workbook (Excel, here the recording fake behind the real Excel
 * host) or downloaded (browser, the real browser host and file runner).
 */

// 10 March 2026: the periods offered are those of 2026 and 2025.
const TODAY = new Date(2026, 2, 10);
const CONVERT = "Chuyển sang biểu mẫu chuẩn";
const FORMS = CATALOGUE.forms.map((f) => f.id);

let seedBytes: Uint8Array;
let messyBytes: Uint8Array;
let templateBytes: Uint8Array;
let seed: WorkbookSnapshot;
let messy: WorkbookSnapshot;

beforeAll(async () => {
  seedBytes = await pastedSeedWorkbook();
  messyBytes = await messyWorkbook();
  templateBytes = await fillTemplate(await planToXlsx(templatePlan("Phường Nhị Chiểu")), SEED_VALUES);
  seed = await snapshotOf(seedBytes);
  messy = await snapshotOf(messyBytes);
}, 60_000);

afterEach(cleanup);

const excelHost = (fake: FakeExcel): Host => createExcelHost({ run: fake.run, supportsPageLayout: () => true, supportsFillTint: () => true });

async function openCheck(host: Host) {
  render(<App host={host} today={TODAY} />);
  fireEvent.click(screen.getByRole("tab", { name: "Kiểm tra" }));
  await screen.findByRole("button", { name: "Kiểm tra" });
}

async function checkOpenWorkbook(host: Host) {
  await openCheck(host);
  fireEvent.click(screen.getByRole("button", { name: "Kiểm tra" }));
  await screen.findByText(/^\d+ lỗi · \d+ cảnh báo · \d+ lưu ý$/, undefined, { timeout: 20_000 });
}

/** The replace question (an alert dialog), focused as a browser would (see validate-view.test.tsx). */
async function openedDialog(): Promise<HTMLElement> {
  const dialog = await screen.findByRole("alertdialog", { hidden: true }, { timeout: 20_000 });
  within(dialog).getAllByRole("button", { hidden: true })[0].focus();
  await waitFor(() => expect(dialog.getAttribute("aria-hidden")).toBeNull());
  return dialog;
}

/** "19 lỗi · 18 cảnh báo · 7 lưu ý": what Kiểm tra shows for a workbook. */
const summaryOf = (book: WorkbookSnapshot) => ((c) => `${c.error} lỗi · ${c.warning} cảnh báo · ${c.info} lưu ý`)(validateWorkbook(book).counts);
const bytesOf = async (blob: Blob) => new Uint8Array(await read(blob, "bytes"));

const findingAt = (code: string, cell: string, root: ParentNode = document) =>
  root.querySelector<HTMLElement>(`[data-finding-code="${code}"][data-cell="${cell}"]`);
const importReport = () => document.querySelector<HTMLElement>('[data-report-kind="import"]');

async function choosePeriod(label: string) {
  fireEvent.click(screen.getByRole("combobox", { name: "Kỳ báo cáo" }));
  fireEvent.click(await screen.findByRole("option", { name: label }));
}

describe("Chuyển sang biểu mẫu chuẩn in Excel", () => {
  it("Kiểm tra reads the pasted sheet: findings at its cells, a click selects the cell there", async () => {
    const fake = excelHolding(seed);
    await checkOpenWorkbook(excelHost(fake));
    expect(screen.getByText(summaryOf(seed))).toBeTruthy();
    // PASTED_LAYOUT: where each form was read; ROW_MATCHED_BY_TEXT: BM2's unnumbered row, read as 1.1
    const notes = validateWorkbook(seed).findings.filter((f) => f.severity === "info");
    expect(notes.map((f) => `${f.code} ${f.code === "PASTED_LAYOUT" ? "-" : f.cell}`).sort()).toEqual([
      ...Array(7).fill("PASTED_LAYOUT -"),
      "ROW_MATCHED_BY_TEXT Sheet1!B39",
    ]);
    const placeholder = findingAt("FORMULA_MISMATCH", "Sheet1!D38")!;
    expect(placeholder.textContent).toContain("=a+b");
    fireEvent.click(placeholder);
    await waitFor(() => expect(fake.workbook.selection).toEqual({ sheetId: fake.sheet("Sheet1").id, address: "D38" }));
    expect(screen.getByRole("button", { name: CONVERT })).toBeTruthy();
    expect(screen.getByText(/dán từ Word vào trang Sheet1/)).toBeTruthy();
  }, 30_000);

  it("is not offered for the template's own sheets", async () => {
    const fake = excelHolding(await snapshotOf(templateBytes));
    await checkOpenWorkbook(excelHost(fake));
    expect(screen.getByText("17 lỗi · 23 cảnh báo · 0 lưu ý")).toBeTruthy();
    expect(screen.queryByRole("button", { name: CONVERT })).toBeNull();
  }, 30_000);

  it("asks for the period the seed's sheet does not give, writes BM1–BM7 beside the pasted sheet and checks again", async () => {
    const fake = excelHolding(seed);
    const pasted = structuredClone(fake.sheet("Sheet1"));
    await checkOpenWorkbook(excelHost(fake));
    fireEvent.click(screen.getByRole("button", { name: CONVERT }));

    const choice = await screen.findByRole("group", { name: CONVERT });
    expect(choice.textContent).toContain("Trang không ghi kỳ báo cáo (chỉ có ngày 09/6/2025)");
    // The unit the sheet names is filled in; no period is chosen for the officer.
    expect((within(choice).getByRole("textbox", { name: "Đơn vị báo cáo" }) as HTMLInputElement).value).toBe("Ủy ban nhân dân phường Nhị Chiểu");
    expect(within(choice).getByRole("button", { name: "Chuyển" }).hasAttribute("disabled")).toBe(true);
    expect(fake.sheetNames()).toEqual(["Sheet1"]);

    await choosePeriod("6 tháng đầu năm 2026");
    fireEvent.click(within(choice).getByRole("button", { name: "Chuyển" }));
    await screen.findByText("Đã chuyển sang biểu mẫu chuẩn", undefined, { timeout: 20_000 });
    // The result, on top of the reports checked again, takes the focus (issue 16): read out, and in view.
    const results = screen.getByRole("group", { name: "Kết quả kiểm tra" });
    await waitFor(() => expect(document.activeElement).toBe(results));
    expect(within(results).getByRole("status").textContent).toContain("Đã chuyển sang biểu mẫu chuẩn");
    expect(
      screen.getByText(/^Đã tạo BM1, BM2, BM3, BM4, BM5, BM6, BM7 \(Ủy ban nhân dân phường Nhị Chiểu, 6 tháng đầu năm 2026\) từ bảng dán ở trang Sheet1/),
    ).toBeTruthy();

    expect(fake.sheetNames()).toEqual(["Sheet1", ...FORMS, META_SHEET]);
    expect(fake.sheet("Sheet1")).toEqual(pasted);
    // Checked again: the standard sheets are read now, so there is nothing left to convert.
    expect(screen.queryByRole("button", { name: CONVERT })).toBeNull();
    const again = validateWorkbook(await excelHost(fake).readOpenWorkbook!());
    expect(Object.values(again.forms)).toEqual(FORMS);
    expect(again.metadata).toMatchObject({ unit: "Ủy ban nhân dân phường Nhị Chiểu", period: "2026-H1" });
    expect(again.figures.BM6).toMatchObject({ "1.1": 42809, "1.2": 21406, "2.1": 19 });

    // What reading the pasted table found, as `cchc import` prints it, at the pasted cells: a click still goes there.
    const report = importReport()!;
    expect(within(report).getByRole("heading", { level: 2 }).textContent).toBe("Cách đọc bảng dán ở trang Sheet1");
    const resolved = findingAt("VALUE_RESOLVED", "Sheet1!D103", report)!;
    expect(resolved.textContent).toContain("42,809");
    expect(findingAt("TITLE_MISMATCH", "Sheet1!A3", report)).toBeTruthy();
    expect(findingAt("PASTED_LAYOUT", "Sheet1!A5", report)).toBeNull();
    // Only how the table was read: the figures' own problems are in the new check, on the standard sheets.
    const listed = [...report.querySelectorAll("[data-finding-code]")].map(
      (e) => `${e.getAttribute("data-finding-code")} ${e.getAttribute("data-cell") ?? "-"}`,
    );
    expect(listed).toEqual(
      expect.arrayContaining([
        "TITLE_MISMATCH Sheet1!A3",
        "NOT_A_NUMBER Sheet1!D19",
        "NOT_A_NUMBER Sheet1!D20",
        "ROW_MATCHED_BY_TEXT Sheet1!B39",
        "NUMBER_AS_TEXT Sheet1!D69",
        "VALUE_RESOLVED Sheet1!D103",
      ]),
    );
    expect(listed.filter((l) => /^(SUM_MISMATCH|FORMULA_MISMATCH|UNIT_MISMATCH|MISSING_VALUE) /.test(l))).toEqual([]);
    const recheck = document.querySelector<HTMLElement>('[data-report-kind="check"]')!;
    // BM1 3.1 was left blank in the appendix: still blank on the new BM1.
    expect(recheck.querySelector('[data-finding-code="MISSING_VALUE"][data-cell^="BM1!"]')).toBeTruthy();
    expect(within(report).queryByRole("button", { name: "Sửa" })).toBeNull();
    fireEvent.click(resolved);
    await waitFor(() => expect(fake.workbook.selection).toEqual({ sheetId: fake.sheet("Sheet1").id, address: "D103" }));
  }, 60_000);

  it("takes unit and period from what the workbook says, and asks before replacing BM sheets already there", async () => {
    const fake = excelHolding(messy);
    await writePlanToExcel(fake.run, templatePlan("Phường Hạ Lý", ["BM3"]), { replaceExisting: false, supportsPageLayout: true });
    const before = fake.snapshot();
    await checkOpenWorkbook(excelHost(fake));
    fireEvent.click(screen.getByRole("button", { name: CONVERT }));

    const dialog = await openedDialog();
    expect(within(dialog).getByText("Các trang BM3 đã có trong sổ làm việc. Thay bằng biểu mẫu chuẩn chuyển từ bảng dán?")).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "Hủy" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(fake.snapshot()).toEqual(before);

    fireEvent.click(screen.getByRole("button", { name: CONVERT }));
    fireEvent.click(within(await openedDialog()).getByRole("button", { name: "Thay thế" }));
    await screen.findByText("Đã chuyển sang biểu mẫu chuẩn", undefined, { timeout: 20_000 });
    expect(screen.queryByRole("group", { name: CONVERT })).toBeNull();
    // The workbook's metadata (written with BM3 by Tạo biểu mẫu) names the unit, and wins over the letterhead, as in `cchc import`.
    expect(screen.getByText(/\(Phường Hạ Lý, 6 tháng đầu năm 2026\)/)).toBeTruthy();
    expect(
      fake
        .sheetNames()
        .filter((n) => /^BM\d$/.test(n))
        .sort(),
    ).toEqual(["BM1", "BM2", "BM3", "BM5", "BM6", "BM7"]);
  }, 60_000);

  it("says what to do when Excel refuses the write, and the workbook stays as it was", async () => {
    const fake = excelHolding(messy);
    await checkOpenWorkbook(excelHost(fake));
    const before = fake.snapshot();
    // The conversion reads (up to three syncs) and then writes: the first write sync fails.
    fake.failAtSync(fake.syncCount + 4, { code: "InvalidOperationInCellEditMode" });
    fireEvent.click(screen.getByRole("button", { name: CONVERT }));
    const alert = await screen.findByRole("alert", undefined, { timeout: 20_000 });
    expect(alert.textContent).toContain("Không chuyển được sang biểu mẫu chuẩn");
    expect(alert.textContent).toContain("rồi bấm Chuyển sang biểu mẫu chuẩn lần nữa");
    expect(fake.snapshot()).toEqual(before);
  }, 60_000);
});

describe("in English", () => {
  it("offers Convert to standard forms and asks for the period in English", async () => {
    const fake = excelHolding(seed);
    render(<App host={excelHost(fake)} today={TODAY} lang="en" />);
    fireEvent.click(screen.getByRole("tab", { name: "Check" }));
    fireEvent.click(await screen.findByRole("button", { name: "Check" }));
    fireEvent.click(await screen.findByRole("button", { name: "Convert to standard forms" }, { timeout: 20_000 }));
    const choice = await screen.findByRole("group", { name: "Convert to standard forms" }, { timeout: 20_000 });
    expect(choice.textContent).toContain("The sheet names no report period (only the date 09/6/2025)");
    expect(within(choice).getByRole("combobox", { name: "Report period" })).toBeTruthy();
    expect(within(choice).getByRole("button", { name: "Convert" }).hasAttribute("disabled")).toBe(true);
  }, 60_000);
});

describe("Chuyển sang biểu mẫu chuẩn in a browser (file mode)", () => {
  const xlsx = (bytes: Uint8Array, name: string) =>
    new File([bytes.slice()], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  const choose = (...files: File[]) => fireEvent.change(screen.getByLabelText("Tệp cần kiểm tra"), { target: { files } });

  it("is offered for the pasted file only; it downloads the standard workbook `cchc import` writes, with the seed's figures", async () => {
    const saved: { file: Blob; fileName: string }[] = [];
    await openCheck(createBrowserHost({ save: (file, fileName) => saved.push({ file, fileName }) }));
    choose(xlsx(templateBytes, "mau.xlsx"), xlsx(seedBytes, "phu-luc-3.xlsx"));
    await screen.findByRole("heading", { level: 2, name: "phu-luc-3.xlsx" }, { timeout: 20_000 });
    await screen.findByText(summaryOf(seed), undefined, { timeout: 20_000 });
    const template = screen.getByRole("region", { name: "mau.xlsx" });
    const pasted = screen.getByRole("region", { name: "phu-luc-3.xlsx" });
    expect(within(template).queryByRole("button", { name: CONVERT })).toBeNull();
    fireEvent.click(within(pasted).getByRole("button", { name: CONVERT }));

    const choice = await within(pasted).findByRole("group", { name: CONVERT }, { timeout: 20_000 });
    await choosePeriod("6 tháng đầu năm 2026");
    fireEvent.click(within(choice).getByRole("button", { name: "Chuyển" }));
    await screen.findByText("Đã chuyển sang biểu mẫu chuẩn", undefined, { timeout: 20_000 });
    expect(
      screen.getByText(/^Đã tải về tệp phu-luc-3-chuan\.xlsx \(BM1, BM2, BM3, BM4, BM5, BM6, BM7; Ủy ban nhân dân phường Nhị Chiểu, 6 tháng đầu năm 2026\)/),
    ).toBeTruthy();

    expect(saved.map((s) => s.fileName)).toEqual(["phu-luc-3-chuan.xlsx"]);
    const downloaded = await snapshotOf(new Uint8Array(await bytesOf(saved[0].file)));
    expect(downloaded.sheets.map((s) => s.name)).toEqual([...FORMS, META_SHEET]);
    // The same cells as the file `cchc import --period 2026-H1` writes (only the time it was made differs).
    const cli = importWorkbook(seed, { period: period("2026-H1"), createdAt: "2026-06-20T08:00:00.000Z" });
    const cliBook = await snapshotOf(await planToXlsx(cli.plan!));
    for (const id of FORMS) expect(downloaded.sheets.find((s) => s.name === id)).toEqual(cliBook.sheets.find((s) => s.name === id));
    const check = validateWorkbook(downloaded);
    expect(check.metadata).toMatchObject({ unit: "Ủy ban nhân dân phường Nhị Chiểu", period: "2026-H1" });
    for (const v of cli.values) expect([v.form, v.stt, check.figures[v.form][v.stt] ?? null]).toEqual([v.form, v.stt, v.value]);
    expect(check.figures.BM3).toMatchObject({ "1.2": 2060, "2.1.1": 9275 });

    // What reading it found, right below the file's own report.
    const report = importReport()!;
    expect(within(report).getByRole("heading", { level: 2 }).textContent).toBe("Cách đọc bảng dán trong phu-luc-3.xlsx (trang Sheet1)");
    expect(report.previousElementSibling).toBe(pasted);
    const resolved = findingAt("VALUE_RESOLVED", "Sheet1!D103", report)!;
    // Its cell, previewed in the pasted sheet: the value as it was typed there.
    fireEvent.click(resolved);
    const preview = within(resolved.closest("li")!).getByRole("region", { name: "Xem trước trang Sheet1, ô D103" });
    const pastedCell = cellsA1(seed.sheets.find((x) => x.name === "Sheet1")!).D103.value;
    expect(preview.querySelector('[data-preview-target="D103"]')!.textContent).toBe(
      `${typeof pastedCell === "number" ? String(pastedCell).replace(".", ",") : pastedCell} (ô có vấn đề)`,
    );
  }, 90_000);

  it("converts a sheet that says its unit and period without asking", async () => {
    const saved: { file: Blob; fileName: string }[] = [];
    await openCheck(createBrowserHost({ save: (file, fileName) => saved.push({ file, fileName }) }));
    choose(xlsx(messyBytes, "Bao cao.xlsx"));
    fireEvent.click(await screen.findByRole("button", { name: CONVERT }, { timeout: 20_000 }));
    await screen.findByText("Đã chuyển sang biểu mẫu chuẩn", undefined, { timeout: 20_000 });
    expect(screen.queryByRole("group", { name: CONVERT })).toBeNull();
    expect(saved.map((s) => s.fileName)).toEqual(["Bao cao-chuan.xlsx"]);
    const check = validateWorkbook(await snapshotOf(new Uint8Array(await bytesOf(saved[0].file))));
    expect(check.metadata).toMatchObject({ unit: "Ủy ban nhân dân phường Hạ Lý", period: "2026-H1" });
    expect(check.figures.BM3).toMatchObject({ "1.2": 1845, "2.1.1": 6412, "2.1.2": 6380 });
  }, 60_000);
});
