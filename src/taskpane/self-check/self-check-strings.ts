/**
 * The pane's words for Kiểm tra môi trường (the self-check of the Trợ giúp
 * menu) and for the report copied from it. Here rather than in vi-ui.ts: only
 * the self-check uses them, and its code (this table with it) is fetched when
 * it is first opened, which keeps them out of the pane's first load. The menu's
 * own words are in vi-ui.ts / en-ui.ts (`help`).
 */
import type { SelfCheckStepId } from "../../adapters/host/types";
import { useStrings, type UiLang } from "../strings";

const viSelfCheck = {
  title: "Kiểm tra môi trường",
  intro:
    "Chạy thử mọi thao tác tiện ích làm với Excel (ghi biểu mẫu, đọc lại, ràng buộc dữ liệu, khóa trang, đánh dấu, sửa, thiết lập in, ghi lượng lớn) trên các trang tạm tên “~cchc-kiemtra-…”, rồi xóa các trang đó. Sổ làm việc của bạn không thay đổi. Mất khoảng vài giây đến nửa phút.",
  run: "Chạy kiểm tra",
  runAgain: "Chạy lại",
  running: (step: string) => `Đang kiểm tra: ${step}…`,
  close: "Đóng",
  loadFailed: "Không tải được phần kiểm tra môi trường. Kiểm tra kết nối tới máy chủ của trang, tải lại trang (F5) rồi thử lại.",
  environmentTitle: "Excel đang dùng",
  host: "Ứng dụng",
  platform: "Nền tảng",
  version: "Phiên bản",
  unknown: "(Excel không cho biết)",
  apiSupported: "ExcelApi hỗ trợ",
  apiMissing: "ExcelApi không hỗ trợ",
  none: "không có",
  stepsTitle: "Các bước",
  steps: {
    prepare: "Chuẩn bị: danh sách trang, bảo vệ sổ, dọn trang tạm còn sót",
    write: "Ghi một biểu mẫu (BM1) vào trang tạm",
    read: "Đọc lại biểu mẫu như Kiểm tra",
    validation: "Ràng buộc dữ liệu nhập",
    protection: "Khóa và bỏ khóa trang",
    marks: "Đánh dấu và xóa đánh dấu ô",
    fix: "Sửa ô trên trang đã khóa",
    print: "Thiết lập in (A4, lặp dòng tiêu đề)",
    payload: "Ghi lượng lớn (trên 5 MB, chia nhiều lượt)",
    cleanup: "Xóa các trang tạm",
  } satisfies Record<SelfCheckStepId, string>,
  status: { passed: "Đạt", failed: "Lỗi", skipped: "Bỏ qua" },
  ms: (ms: number) => `${ms.toLocaleString("vi-VN")} ms`,
  skip: {
    structureProtected: "sổ làm việc đang được bảo vệ cấu trúc, không thêm được trang tạm",
    notSupported: (needs: string) =>
      `phiên bản Excel này không có ${needs} (cần Excel 2021 hoặc Microsoft 365); khi tạo biểu mẫu, tiện ích báo để đặt thiết lập in bằng tay`,
    marksInUse: "sổ đang có đánh dấu của Kiểm tra; bấm Xóa đánh dấu rồi chạy lại nếu cần thử bước này",
    blocked: (by: string) => `vì bước “${by}” bị lỗi`,
  },
  errorCode: (code: string) => `mã lỗi ${code}`,
  at: (where: string) => `tại ${where}`,
  mismatch: (place: string, expected: string, actual: string) => `đọc lại ${place}: cần ${expected}, thấy ${actual}`,
  counts: {
    cells: (n: number) => `${n.toLocaleString("vi-VN")} ô`,
    validations: (n: number) => `${n.toLocaleString("vi-VN")} ràng buộc`,
    bytes: (n: number) => `${(n / 1_000_000).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} MB`,
    removed: (n: number) => `đã xóa ${n} trang tạm`,
  },
  summary: {
    passed: "Mọi bước đều đạt: Excel này làm được mọi việc của tiện ích.",
    failed: (n: number) => `${n} bước bị lỗi. Bấm Sao chép kết quả và gửi cho cán bộ CNTT của phường.`,
    skipped: (n: number) => `Các bước chạy được đều đạt; ${n} bước bỏ qua (lý do ghi bên dưới).`,
  },
  structureProtected:
    "Sổ làm việc đang được bảo vệ cấu trúc nên các bước cần thêm trang tạm đã bỏ qua. Để kiểm tra đủ: vào Xem lại > Bảo vệ sổ làm việc để bỏ bảo vệ, chạy lại, rồi bảo vệ lại.",
  leftovers: (sheets: string) =>
    `Chưa xóa được các trang tạm: ${sheets}. Chạy lại kiểm tra (lần chạy sau xóa chúng trước), hoặc xóa bằng tay: nhấp phải vào thẻ trang > Xóa.`,
  copy: "Sao chép kết quả",
  copied: "Đã chép kết quả vào bộ nhớ tạm. Dán (Ctrl+V) vào thư điện tử hoặc Zalo để gửi cho cán bộ CNTT.",
  copyManual: "Không chép tự động được. Chữ dưới đây đã được chọn: nhấn Ctrl+C để chép (trên Mac: ⌘+C).",
  reportLabel: "Kết quả kiểm tra (chỉ đọc)",
  browserTitle: "Chỉ chạy trong Excel",
  browserText:
    "Kiểm tra môi trường chạy thử các thao tác tiện ích làm với Excel, nên chỉ chạy khi tiện ích được mở trong Excel (thẻ Trang chủ > Biểu mẫu CCHC). Ở đây, ngoài Excel, tiện ích làm việc với tệp .xlsx và không cần Excel.",
  browserInfoTitle: "Trình duyệt đang dùng",
  userAgent: "Trình duyệt",
  language: "Ngôn ngữ",
  screen: "Màn hình",
  online: "Kết nối mạng",
  yes: "có",
  no: "không",
  report: {
    heading: "Biểu mẫu CCHC – Kiểm tra môi trường",
    time: "Thời điểm",
    excel: "Excel",
    browser: "Trình duyệt",
    structure: "Bảo vệ cấu trúc sổ",
    result: "Kết quả",
    tally: (passed: number, failed: number, skipped: number, ms: number) =>
      `${passed} đạt, ${failed} lỗi, ${skipped} bỏ qua (tổng ${ms.toLocaleString("vi-VN")} ms)`,
    leftovers: "Trang tạm chưa xóa",
    browserOnly: "Chạy ngoài Excel: không kiểm tra được các thao tác với Excel.",
  },
};

/** The shape every language's table fills, key for key. */
export type SelfCheckStrings = typeof viSelfCheck;

const enSelfCheck: SelfCheckStrings = {
  title: "Environment check",
  intro:
    "Tries every action the add-in takes in Excel (writing a form, reading it back, data validation, sheet protection, marking, fixing, print setup, a large write) on scratch sheets named “~cchc-kiemtra-…”, then deletes them. Your workbook is not changed. It takes a few seconds to half a minute.",
  run: "Run the check",
  runAgain: "Run again",
  running: (step) => `Checking: ${step}…`,
  close: "Close",
  loadFailed: "The environment check could not be loaded. Check the connection to the page's server, reload the page (F5) and try again.",
  environmentTitle: "This Excel",
  host: "Application",
  platform: "Platform",
  version: "Version",
  unknown: "(Excel does not say)",
  apiSupported: "ExcelApi supported",
  apiMissing: "ExcelApi not supported",
  none: "none",
  stepsTitle: "Steps",
  steps: {
    prepare: "Preparing: sheets, workbook protection, left-over scratch sheets",
    write: "Writing a form (BM1) to a scratch sheet",
    read: "Reading the form back as Check does",
    validation: "Data validation",
    protection: "Protecting and unprotecting a sheet",
    marks: "Marking cells and clearing the marks",
    fix: "Fixing cells on a protected sheet",
    print: "Print setup (A4, repeated title rows)",
    payload: "A large write (over 5 MB, in several parts)",
    cleanup: "Deleting the scratch sheets",
  },
  status: { passed: "Passed", failed: "Failed", skipped: "Skipped" },
  ms: (ms) => `${ms.toLocaleString("en-GB")} ms`,
  skip: {
    structureProtected: "the workbook's structure is protected, no scratch sheet can be added",
    notSupported: (needs) =>
      `this version of Excel lacks ${needs} (Excel 2021 or Microsoft 365 has it); when creating forms the add-in says to set up printing by hand`,
    marksInUse: "the workbook holds marks of Check; choose Clear marks and run again to try this step",
    blocked: (by) => `because “${by}” failed`,
  },
  errorCode: (code) => `error code ${code}`,
  at: (where) => `at ${where}`,
  mismatch: (place, expected, actual) => `read back ${place}: expected ${expected}, found ${actual}`,
  counts: {
    cells: (n) => `${n.toLocaleString("en-GB")} cells`,
    validations: (n) => `${n.toLocaleString("en-GB")} validations`,
    bytes: (n) => `${(n / 1_000_000).toLocaleString("en-GB", { maximumFractionDigits: 1 })} MB`,
    removed: (n) => `${n} scratch sheets deleted`,
  },
  summary: {
    passed: "Every step passed: this Excel can do everything the add-in does.",
    failed: (n) => `${n} steps failed. Choose Copy the results and send them to the ward's IT staff.`,
    skipped: (n) => `The steps that ran passed; ${n} were skipped (reasons below).`,
  },
  structureProtected:
    "The workbook's structure is protected, so the steps that add scratch sheets were skipped. For a full check: Review > Protect Workbook to unprotect it, run again, then protect it again.",
  leftovers: (sheets) =>
    `These scratch sheets could not be deleted: ${sheets}. Run the check again (it deletes them first), or delete them by hand: right-click the sheet tab > Delete.`,
  copy: "Copy the results",
  copied: "The results are on the clipboard. Paste them (Ctrl+V) into an e-mail or chat to the IT staff.",
  copyManual: "They could not be copied automatically. The text below is selected: press Ctrl+C to copy it (on a Mac: ⌘+C).",
  reportLabel: "Results of the check (read-only)",
  browserTitle: "Runs only in Excel",
  browserText:
    "The environment check tries the actions the add-in takes in Excel, so it runs only when the add-in is opened in Excel (Home tab > Biểu mẫu CCHC). Here, outside Excel, the add-in works with .xlsx files and needs no Excel.",
  browserInfoTitle: "This browser",
  userAgent: "Browser",
  language: "Language",
  screen: "Screen",
  online: "Network connection",
  yes: "yes",
  no: "no",
  report: {
    heading: "Biểu mẫu CCHC – Environment check",
    time: "Time",
    excel: "Excel",
    browser: "Browser",
    structure: "Workbook structure protected",
    result: "Result",
    tally: (passed, failed, skipped, ms) => `${passed} passed, ${failed} failed, ${skipped} skipped (${ms.toLocaleString("en-GB")} ms in all)`,
    leftovers: "Scratch sheets not deleted",
    browserOnly: "Running outside Excel: the actions in Excel could not be checked.",
  },
};

const TABLES: Record<UiLang, SelfCheckStrings> = { vi: viSelfCheck, en: enSelfCheck };

/** The self-check's words in the pane's language (the one StringsProvider chose). */
export function useSelfCheckStrings(): SelfCheckStrings {
  return TABLES[useStrings().lang];
}

/** The table of a language, for code outside React (tests). */
export const selfCheckStrings = (lang: UiLang): SelfCheckStrings => TABLES[lang];
