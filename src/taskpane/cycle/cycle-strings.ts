/**
 * The pane's words for the reporting cycle: the period's dates (cut-off and
 * deadlines), Kỳ trước, the files that are not workbooks and Phiếu kiểm tra.
 * Here rather than in strings.tsx: only the views fetched on demand (Tổng hợp,
 * Kiểm tra, the dates of Tạo biểu mẫu) use them, so they stay out of the
 * pane's first load.
 */
import { useStrings, type UiLang } from "../strings";

const viCycle = {
  dates: {
    title: "Ngày chốt số liệu và hạn gửi",
    fromSetup: "Theo danh sách đơn vị của phường (hoặc hướng dẫn chung). Sửa ở đây chỉ áp dụng cho lần này.",
    templateHint: "Ghi trên biểu mẫu. Theo danh sách đơn vị của phường (hoặc hướng dẫn chung); sửa ở đây chỉ áp dụng cho biểu mẫu này.",
    pickPeriod: "Chọn một kỳ báo cáo để xem và sửa ngày chốt số liệu, hạn gửi. Để Tự động, dùng ngày trong danh sách đơn vị của phường.",
    from: "Chốt số liệu từ ngày",
    to: "Đến ngày",
    deadline: "Hạn các đơn vị gửi",
    wardDeadline: "Hạn phường gửi thành phố",
    noWardDeadline: "Không bắt buộc",
    badDate: "Chưa phải một ngày có thật.",
    badWindow: "Ngày bắt đầu chốt số liệu phải trước hoặc trùng ngày kết thúc.",
    reset: "Dùng lại ngày của danh sách",
    summary: (from: string, to: string, deadline: string) => `Chốt số liệu từ ${from} đến ${to}; hạn gửi ${deadline}.`,
  },
  previous: {
    label: "Kỳ trước (không bắt buộc)",
    aggregateHint: "Báo cáo tổng hợp của phường kỳ trước: số lũy kế không được giảm, số tại thời điểm báo cáo thay đổi nhiều được ghi chú.",
    validateHint: "Tệp kỳ trước của cùng đơn vị: số lũy kế không được giảm, số tại thời điểm báo cáo thay đổi nhiều được ghi chú.",
    pick: "Chọn tệp kỳ trước",
    clear: "Bỏ tệp kỳ trước",
    reading: (file: string) => `Đang đọc ${file}…`,
    chosen: (file: string, what: string) => `${file}: ${what}`,
    unknownPeriod: "không rõ kỳ báo cáo",
    unreadable: "Tệp không mở được: mở bằng Excel, lưu lại dạng .xlsx rồi chọn lại.",
    failed: (file: string, reason: string) => `Không đọc được tệp kỳ trước “${file}”. ${reason} Các tệp vẫn được xử lý, chỉ không so với kỳ trước.`,
  },
  others: {
    hint: "Tệp Word, PDF hay ảnh đơn vị gửi cũng chọn được: không đọc số liệu, nhưng được ghi nhận cho đơn vị trên bảng Theo dõi tiếp nhận.",
    unmatched: (names: string) => `Không nhận ra đơn vị của các tệp không phải bảng tính sau: ${names}. Đặt tên tệp có tên hoặc mã đơn vị để được ghi nhận.`,
  },
  feedback: {
    title: "Phiếu kiểm tra số liệu",
    intro: "Mỗi đơn vị có lỗi hoặc cảnh báo có một phiếu (tệp Excel khổ A4) liệt kê từng điểm cần xem lại và cách sửa, để gửi lại cho đơn vị.",
    none: "Không đơn vị nào có điểm cần gửi lại.",
    counts: (errors: number, warnings: number, infos: number) =>
      [`${errors} lỗi`, `${warnings} cảnh báo`, ...(infos > 0 ? [`${infos} ghi chú`] : [])].join(", "),
    download: "Tải phiếu",
    downloadUnit: (unit: string) => `Tải phiếu kiểm tra của ${unit}`,
    downloadAll: "Tải tất cả (.zip)",
    write: "Ghi các phiếu vào sổ làm việc",
    writing: "Đang ghi các phiếu…",
    preparing: "Đang tạo phiếu…",
    stop: "Dừng",
    downloaded: (file: string) => `Đã tải ${file}.`,
    written: (sheets: number) => `Đã ghi ${sheets} trang phiếu kiểm tra vào sổ làm việc. In từng trang (Tệp → In) để gửi đơn vị.`,
    stopped: "Đã dừng. Sổ làm việc không thay đổi.",
    failedTitle: "Không tạo được phiếu kiểm tra",
  },
};

/** The shape the English table must fill, key for key. */
export type CycleStrings = typeof viCycle;

const enCycle: CycleStrings = {
  dates: {
    title: "Cut-off and deadlines",
    fromSetup: "From the ward's list of units (or the standard guidance). A change here applies to this run only.",
    templateHint: "Printed on the form. From the ward's list of units (or the standard guidance); a change here applies to this template only.",
    pickPeriod: "Choose a report period to see and change its cut-off and deadlines. With Automatic, the dates of the ward's list of units apply.",
    from: "Figures from",
    to: "To",
    deadline: "Units' deadline",
    wardDeadline: "Ward's deadline to the city",
    noWardDeadline: "Optional",
    badDate: "Not a real date.",
    badWindow: "The cut-off must start on or before the day it ends.",
    reset: "Use the list's dates again",
    summary: (from, to, deadline) => `Figures from ${from} to ${to}; deadline ${deadline}.`,
  },
  previous: {
    label: "Previous period (optional)",
    aggregateHint: "The ward's consolidated report of an earlier period: cumulative figures must not fall, and large changes of stock figures are noted.",
    validateHint: "The same unit's file of an earlier period: cumulative figures must not fall, and large changes of stock figures are noted.",
    pick: "Choose the earlier file",
    clear: "Remove the earlier file",
    reading: (file) => `Reading ${file}…`,
    chosen: (file, what) => `${file}: ${what}`,
    unknownPeriod: "period not known",
    unreadable: "The file could not be opened: open it in Excel, save it as .xlsx and choose it again.",
    failed: (file, reason) =>
      `The earlier file “${file}” could not be read. ${reason} The files are still processed, only not compared with the previous period.`,
  },
  others: {
    hint: "Word files, PDFs or photos a unit sent can be chosen too: no figures are read from them, but they are listed against the unit on the submissions board.",
    unmatched: (names) => `No unit could be told for these files that are not workbooks: ${names}. Name each file after its unit to have it listed.`,
  },
  feedback: {
    title: "Feedback forms",
    intro: "Each unit with errors or warnings gets a form (an A4 Excel file) listing each point to review and how to fix it, to send back to the unit.",
    none: "No unit has anything to send back.",
    counts: (errors, warnings, infos) =>
      [
        `${errors} error${errors === 1 ? "" : "s"}`,
        `${warnings} warning${warnings === 1 ? "" : "s"}`,
        ...(infos > 0 ? [`${infos} note${infos === 1 ? "" : "s"}`] : []),
      ].join(", "),
    download: "Download",
    downloadUnit: (unit) => `Download the feedback form of ${unit}`,
    downloadAll: "Download all (.zip)",
    write: "Write the forms into the workbook",
    writing: "Writing the forms…",
    preparing: "Making the forms…",
    stop: "Stop",
    downloaded: (file) => `Downloaded ${file}.`,
    written: (sheets) => `Wrote ${sheets} feedback sheet${sheets === 1 ? "" : "s"} into the workbook. Print each (File → Print) to send to the unit.`,
    stopped: "Stopped. The workbook is unchanged.",
    failedTitle: "The feedback forms could not be made",
  },
};

const TABLES: Record<UiLang, CycleStrings> = { vi: viCycle, en: enCycle };

/** The cycle's words in the pane's language. */
export function useCycleStrings(): CycleStrings {
  return TABLES[useStrings().lang];
}

/** The table of a language, for code outside React (tests). */
export const cycleStringsOf = (lang: UiLang): CycleStrings => TABLES[lang];
