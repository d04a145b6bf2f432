import type { UiStrings } from "./vi-ui";

/** Every text the task pane shows, in English; typed so it has exactly the Vietnamese table's keys. */
export const enUi: UiStrings = {
  appTitle: "CCHC forms",
  loading: "Loading…",
  nav: {
    label: "Actions",
    template: "Create forms",
  },
  mode: {
    excel: "The forms are written into the open workbook.",
    browser: "Working outside Excel: the forms are downloaded as an .xlsx file to open in Excel or LibreOffice.",
  },
  template: {
    unitLabel: "Reporting unit",
    unitPlaceholder: "e.g. Phòng Văn hóa - Xã hội",
    unitHint: "May be left empty and written on the form later.",
    periodLabel: "Report period",
    periodHint: (from: string, to: string) => `Data cut-off from ${from} to ${to}.`,
    formsLabel: "Forms",
    allForms: "All forms",
    formOption: (id: string, title: string) => `${id} – ${title}`,
    formsRequired: "Choose at least one form.",
    create: "Create forms",
    working: "Creating the forms…",
    stop: "Stop",
    existsTitle: "Replace the forms?",
    existsQuestion: (sheets: string) => `Sheets ${sheets} already exist in the workbook. Replace them?`,
    existsWarning: "Data typed on these sheets will be deleted.",
    replace: "Replace",
    cancel: "Cancel",
    doneTitle: "Forms created",
    doneExcel: (sheets: string) =>
      `Wrote ${sheets} into the workbook. Type the data into the light-yellow cells of the Số liệu column; ratios and totals compute themselves.`,
    doneBrowser: (sheets: string, file: string) =>
      `Downloaded ${file} (${sheets}). It is in your Downloads folder; open it in Excel or LibreOffice to type the data.`,
    printTitle: "Print settings need setting by hand",
    printHow: (rows: string) =>
      `This Excel version does not let add-ins set print options (Excel 2021 or Microsoft 365 needed). Before printing, on each BM sheet open the Page Layout tab: Size A4, Orientation Portrait; Scale to Fit: Width 1 page; Print Titles: Rows to repeat at top ${rows}.`,
    stoppedTitle: "Stopped",
    stoppedText: "Stopped creating the forms. If a sheet was left half-written, click Create forms again and choose Replace.",
  },
  errors: {
    title: "The forms could not be created",
    cellEditMode: "Excel is editing a cell. Press Enter or Esc to leave the cell, then click Create forms again.",
    protectedWorkbook:
      "The workbook is protected, so sheets cannot be added or replaced. Unprotect it (Review → Protect Workbook) and try again.",
    notSupported:
      "This Excel version lacks a feature this needs. Use Excel 2019 or later, or open this page in a browser to download the forms file.",
    loadFailed: "The .xlsx writer could not be loaded. Check the connection to the page's server, reload (F5) and try again.",
    generic:
      "Something went wrong while writing the forms. Try again; if it persists, close and reopen Excel (or reload the page) and tell your administrator, quoting the details below.",
    detail: (detail: string) => `Technical details: ${detail}`,
  },
};
