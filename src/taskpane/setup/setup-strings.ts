/**
 * The pane's words for the ward's setup ("Đơn vị của phường"), the ward's
 * name Tổng hợp asks for, its per-form summary and the findings on the
 * ward's own figures. Here rather than in strings.tsx: only Tổng hợp uses
 * them, and its code (this table with it) is fetched when it is first
 * opened, which keeps them out of the pane's first load.
 */
import { useStrings, type UiLang } from "../strings";

/** Why a saved setup or a setup file could not be used, and what to do. */
const viSetupErrors = {
  cellEditMode: "Excel đang ở chế độ sửa ô. Nhấn Enter hoặc Esc để rời ô đang sửa, rồi bấm Lưu lần nữa.",
  protectedWorkbook:
    "Sổ làm việc đang được bảo vệ nên không lưu được danh sách đơn vị vào sổ. Bỏ bảo vệ (thẻ Xem lại → Bảo vệ Sổ làm việc) rồi bấm Lưu lần nữa.",
  notSupported: "Phiên bản Excel này không hỗ trợ thao tác cần thiết. Dùng Excel 2019 trở lên, hoặc Xuất tệp .json để giữ danh sách.",
  loadFailed: "Không tải được phần lưu danh sách. Kiểm tra kết nối tới máy chủ của trang, tải lại trang (F5) rồi thử lại.",
  busy: "Excel đang bận hoặc mất kết nối (Excel trên web). Chờ vài giây rồi bấm Lưu lần nữa.",
  changed: "Sổ làm việc vừa thay đổi trong lúc lưu. Bấm Lưu lần nữa.",
  tooLarge: "Danh sách đơn vị quá lớn để lưu (trên 1 MB). Bớt tên gọi khác của các đơn vị rồi lưu lại.",
  outOfMemory: "Máy không đủ bộ nhớ để lưu. Đóng bớt các thẻ trình duyệt và chương trình khác rồi thử lại.",
  generic:
    "Đã có lỗi khi lưu danh sách đơn vị; danh sách đã lưu trước đó được giữ nguyên. Hãy thử lại; nếu vẫn lỗi, Xuất tệp .json để giữ danh sách rồi báo cho người quản trị.",
};

const viSetupUi = {
  setup: {
    title: "Đơn vị của phường",
    intro:
      "Các phòng ban gửi số liệu, biểu mẫu mỗi đơn vị báo cáo, đơn vị chủ trì và cách lấy số của từng biểu mẫu. Tạo biểu mẫu và Tổng hợp dùng chung danh sách này.",
    count: (units: number) => `${units} đơn vị`,
    savedExcel: "Đã lưu trong sổ làm việc này.",
    savedBrowser: "Đã lưu trong trình duyệt này.",
    builtIn: "Danh sách mặc định (theo văn bản mẫu), chưa lưu.",
    loading: "Đang đọc danh sách đơn vị đã lưu…",
    open: "Sửa danh sách đơn vị",
    close: "Đóng danh sách đơn vị",
    wardLabel: "Tên phường (lưu cùng danh sách)",
    wardPlaceholder: "Ví dụ: Phường Ái Quốc",
    wardHint: "Tổng hợp điền sẵn tên này vào ô Tên phường.",
    unitsTitle: "Các đơn vị",
    colUnit: "Đơn vị",
    colForms: "Biểu mẫu",
    noForms: "(chưa chọn)",
    unnamed: "(chưa có tên)",
    edit: "Sửa",
    editUnit: (name: string) => `Sửa ${name}`,
    remove: "Xóa",
    removeUnit: (name: string) => `Xóa ${name}`,
    unitGroup: (name: string) => `Thông tin ${name}`,
    nameLabel: "Tên đơn vị",
    codeLabel: "Mã",
    codeHint: "Chữ không dấu, chữ số, - hoặc _, tối đa 20 ký tự; ví dụ VHXH.",
    aliasesLabel: "Tên gọi khác",
    aliasesHint: "Cách nhau bằng dấu chấm phẩy (;). Dùng để nhận ra tệp của đơn vị.",
    formsLabel: "Biểu mẫu đơn vị báo cáo",
    done: "Xong",
    add: "Thêm đơn vị",
    leadsTitle: "Đơn vị chủ trì và cách lấy số",
    leadsHint:
      "Lấy số của đơn vị chủ trì: số của phường là số đơn vị chủ trì gửi, số các đơn vị khác chỉ để đối chiếu. Cộng các đơn vị: số của phường là tổng số các đơn vị gửi.",
    formTitle: (id: string, title: string) => `${id} – ${title}`,
    leadLabel: "Đơn vị chủ trì",
    leadPlaceholder: "Chọn đơn vị",
    modeLabel: "Cách lấy số",
    mode: { sum: "Cộng các đơn vị", lead: "Lấy số của đơn vị chủ trì" },
    mixedNote: "Một số dòng của biểu mẫu này được đặt riêng trong tệp thiết lập; các dòng đó giữ cách đã đặt.",
    noLead: "Chưa có đơn vị chủ trì: ô của phường sẽ để trống. Chọn một đơn vị.",
    save: "Lưu",
    saving: "Đang lưu…",
    discard: "Hủy thay đổi",
    unsaved: "Có thay đổi chưa lưu. Tổng hợp dùng danh sách đã lưu.",
    importButton: "Nhập tệp .json…",
    importLabel: "Tệp danh sách đơn vị (.json)",
    exportButton: "Xuất tệp .json",
    exportFile: "don-vi-phuong.json",
    reset: "Khôi phục mặc định",
    resetTitle: "Khôi phục danh sách mặc định?",
    resetText:
      "Các đơn vị, đơn vị chủ trì và cách lấy số trở về như mặc định (theo văn bản mẫu) và được lưu ngay; tên phường được giữ. Nếu cần giữ danh sách hiện tại, bấm Hủy rồi Xuất tệp .json trước.",
    resetConfirm: "Khôi phục",
    cancel: "Hủy",
    saved: "Đã lưu danh sách đơn vị.",
    resetDone: "Đã khôi phục danh sách mặc định.",
    invalid: "Chưa lưu: sửa các mục được đánh dấu đỏ bên dưới.",
    needName: "Nhập tên đơn vị.",
    badCode: "Mã chỉ gồm chữ không dấu, chữ số, - hoặc _ (1–20 ký tự), ví dụ VHXH.",
    needUnits: "Cần ít nhất một đơn vị. Bấm Thêm đơn vị.",
    otherIssues: "Các mục khác chưa hợp lệ:",
    imported: (file: string) => `Đã nạp ${file}. Xem lại rồi bấm Lưu.`,
    importInvalid: (file: string, issues: string) => `Tệp ${file} không phải danh sách đơn vị hợp lệ: ${issues}. Danh sách đang sửa được giữ nguyên.`,
    notJson: "nội dung không phải JSON hợp lệ",
    tooLarge: "tệp lớn hơn 1 MB",
    unreadableFile: "không đọc được tệp; hãy chọn lại",
    loadProblem: (issues: string) =>
      `Danh sách đơn vị đã lưu không dùng được (${issues}); đang dùng danh sách mặc định. Mở danh sách, sửa hoặc Nhập tệp .json, rồi bấm Lưu.`,
    loadFailed: "Không đọc được danh sách đơn vị đã lưu; đang dùng danh sách mặc định. Đóng và mở lại ngăn tác vụ để thử lại.",
    errorTitle: "Không lưu được danh sách đơn vị",
    errors: viSetupErrors,
  },
  aggregate: {
    wardLabel: "Tên phường",
    wardHint: "Bắt buộc; ghi trên báo cáo tổng hợp. Lưu tên này trong Đơn vị của phường để lần sau khỏi gõ lại.",
    wardRequired: "Nhập tên phường trước khi tổng hợp. Tiện ích không tự ghi tên phường.",
    setupName: "Đơn vị của phường",
    setupInvalid: "Mở Đơn vị của phường, sửa các mục được nêu rồi bấm Lưu, rồi bấm Tổng hợp lại.",
    formsTitle: "Cách lấy số theo biểu mẫu",
    formLine: (form: string, lead: string | undefined, mode: string) => (lead ? `${form} – ${lead}: ${mode}` : `${form}: ${mode}`),
    modeText: {
      sum: "cộng các đơn vị",
      lead: "lấy số của đơn vị chủ trì",
      mixed: "cộng các đơn vị, một số dòng lấy số của đơn vị chủ trì",
    },
    leadMissing: "chưa có đơn vị chủ trì trong danh sách, ô của phường để trống",
    wardFindingsTitle: "Số liệu của phường",
    wardFindingsBefore: "Các ô ở trang BM của phường. Ghi vào bảng tính rồi bấm một mục để đến ô của nó.",
    wardFindingsExcel: "Bấm một mục để đến ô của nó trên trang của phường.",
    wardFindingsBrowser: "Các ô ở trang BM của tệp tổng hợp tải về.",
    findingUnits: (units: string) => `Số liệu của: ${units}`,
    selectFailed: "Không chọn được ô",
  },
};

/** The shape the English table must fill, key for key. */
export type SetupStrings = typeof viSetupUi;

const enSetupUi: SetupStrings = {
  setup: {
    title: "The ward's units",
    intro:
      "The departments that send figures, the forms each reports, and each form's lead unit and how its figures are combined. Create forms and Aggregate share this list.",
    count: (units) => `${units} ${units === 1 ? "unit" : "units"}`,
    savedExcel: "Saved in this workbook.",
    savedBrowser: "Saved in this browser.",
    builtIn: "The default list (as in the model document), not saved.",
    loading: "Reading the saved list of units…",
    open: "Edit the list of units",
    close: "Close the list of units",
    wardLabel: "Ward name (saved with the list)",
    wardPlaceholder: "e.g. Phường Ái Quốc",
    wardHint: "Aggregate fills the Ward name field with it.",
    unitsTitle: "Units",
    colUnit: "Unit",
    colForms: "Forms",
    noForms: "(none)",
    unnamed: "(no name yet)",
    edit: "Edit",
    editUnit: (name) => `Edit ${name}`,
    remove: "Remove",
    removeUnit: (name) => `Remove ${name}`,
    unitGroup: (name) => `Details of ${name}`,
    nameLabel: "Unit name",
    codeLabel: "Code",
    codeHint: "Letters without accents, digits, - or _, at most 20; e.g. VHXH.",
    aliasesLabel: "Other names",
    aliasesHint: "Separated by semicolons (;). Used to recognise the unit's files.",
    formsLabel: "Forms the unit reports",
    done: "Done",
    add: "Add a unit",
    leadsTitle: "Lead units and how figures are combined",
    leadsHint:
      "Take the lead unit's figure: the ward's figure is what the lead sends; other units' figures are only compared. Add up the units: the ward's figure is the sum of what the units send.",
    formTitle: (id, title) => `${id} – ${title}`,
    leadLabel: "Lead unit",
    leadPlaceholder: "Choose a unit",
    modeLabel: "Figures",
    mode: { sum: "Add up the units", lead: "Take the lead unit's figure" },
    mixedNote: "Some rows of this form are set apart in the setup file; they keep their own setting.",
    noLead: "No lead unit: the ward's cells will stay blank. Choose a unit.",
    save: "Save",
    saving: "Saving…",
    discard: "Discard changes",
    unsaved: "Unsaved changes. Aggregate uses the saved list.",
    importButton: "Import a .json file…",
    importLabel: "Unit list file (.json)",
    exportButton: "Export a .json file",
    exportFile: "don-vi-phuong.json",
    reset: "Restore the default",
    resetTitle: "Restore the default list?",
    resetText:
      "The units, lead units and combining go back to the default (as in the model document) and are saved at once; the ward name is kept. To keep the current list, choose Cancel and export a .json file first.",
    resetConfirm: "Restore",
    cancel: "Cancel",
    saved: "The list of units was saved.",
    resetDone: "The default list was restored.",
    invalid: "Not saved: correct the entries marked in red below.",
    needName: "Enter the unit's name.",
    badCode: "A code has letters without accents, digits, - or _ only (1–20 characters), e.g. VHXH.",
    needUnits: "At least one unit is needed. Choose Add a unit.",
    otherIssues: "Other entries are not valid:",
    imported: (file) => `${file} was loaded. Check it, then choose Save.`,
    importInvalid: (file, issues) => `${file} is not a valid unit list: ${issues}. The list being edited is unchanged.`,
    notJson: "the content is not valid JSON",
    tooLarge: "the file is larger than 1 MB",
    unreadableFile: "the file could not be read; pick it again",
    loadProblem: (issues) =>
      `The saved list of units cannot be used (${issues}); the default list is used. Open the list, correct it or import a .json file, then choose Save.`,
    loadFailed: "The saved list of units could not be read; the default list is used. Close and reopen the task pane to try again.",
    errorTitle: "The list of units was not saved",
    errors: {
      cellEditMode: "Excel is in cell-editing mode. Press Enter or Esc to leave the cell, then choose Save again.",
      protectedWorkbook: "The workbook is protected, so the list cannot be saved in it. Unprotect it (Review → Protect Workbook) and choose Save again.",
      notSupported: "This version of Excel does not support what is needed. Use Excel 2019 or later, or export a .json file to keep the list.",
      loadFailed: "The part that saves the list could not be loaded. Check the connection to the page's server, reload (F5) and try again.",
      busy: "Excel is busy or lost its connection (Excel on the web). Wait a few seconds and choose Save again.",
      changed: "The workbook changed while saving. Choose Save again.",
      tooLarge: "The list of units is too large to save (over 1 MB). Remove some other names and save again.",
      outOfMemory: "The computer ran out of memory. Close other browser tabs and programs and try again.",
      generic:
        "Saving the list of units failed; the list saved before is kept. Try again; if it fails again, export a .json file to keep the list and tell your administrator.",
    },
  },
  aggregate: {
    wardLabel: "Ward name",
    wardHint: "Required; written on the consolidated report. Save it in the ward's units so it need not be typed again.",
    wardRequired: "Enter the ward's name before aggregating. The add-in never writes a ward name it was not given.",
    setupName: "The ward's units",
    setupInvalid: "Open the ward's units, correct the entries named, choose Save, then Aggregate again.",
    formsTitle: "How each form is combined",
    formLine: (form, lead, mode) => (lead ? `${form} – ${lead}: ${mode}` : `${form}: ${mode}`),
    modeText: {
      sum: "the units' figures added up",
      lead: "the lead unit's figure",
      mixed: "the units' figures added up, some rows the lead unit's",
    },
    leadMissing: "no lead unit in the list, the ward's cells stay blank",
    wardFindingsTitle: "The ward's figures",
    wardFindingsBefore: "Cells of the ward's BM sheets. Write to the workbook, then choose an entry to go to its cell.",
    wardFindingsExcel: "Choose an entry to go to its cell on the ward's sheet.",
    wardFindingsBrowser: "Cells of the BM sheets of the downloaded consolidated file.",
    findingUnits: (units) => `Figures of: ${units}`,
    selectFailed: "The cell could not be selected",
  },
};

const TABLES: Record<UiLang, SetupStrings> = { vi: viSetupUi, en: enSetupUi };

/** The ward's setup and figures in the pane's language (the one StringsProvider chose). */
export function useSetupStrings(): SetupStrings {
  return TABLES[useStrings().lang];
}

/** The table of a language, for code outside React (tests). */
export const setupStrings = (lang: UiLang): SetupStrings => TABLES[lang];
