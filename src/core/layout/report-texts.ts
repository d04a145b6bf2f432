import type { Lang } from "../messages/types";

/**
 * The words of the reports the product writes besides the forms: the ward's
 * report sheets, an import's notes, the feedback sent back to a unit. Apart
 * from texts.ts so that Tạo biểu mẫu, the pane's first screen, does not load
 * them (the first-load budget).
 */

/** Text printed on the ward's report sheets (part of the Vietnamese document, like FORM_TEXT). */
export const WARD_TEXT = {
  detailTitle: (ward: string, period: string) => `Chi tiết số liệu theo đơn vị – ${ward} – ${period}`,
  detailHeader: ["Biểu mẫu", "STT", "Chỉ tiêu thống kê", "Đơn vị tính"],
  wardColumn: "Tổng hợp",
  howColumn: "Cách tổng hợp",
  notesColumn: "Ghi chú của đơn vị",
  /** `p`: how the row was combined (RowProvenance, by shape: layout does not import the aggregation) */
  how: (p: { mode: string } | undefined, lead: string | undefined) =>
    !p ? "Tính từ các dòng" : p.mode === "sum" ? "Cộng các đơn vị" : p.mode === "code" ? "Theo mã" : lead ? `Theo ${lead}` : "Chưa có đơn vị chủ trì",
  resultTitle: (ward: string, period: string) => `Kết quả tổng hợp – ${ward} – ${period}`,
  madeAt: (when: string) => `Thời điểm tổng hợp: ${when}`,
  filesHeading: "Các tệp đã nhận",
  filesHeader: ["Tệp", "Đơn vị", "Kỳ báo cáo", "Trạng thái", "Số lỗi", "Số cảnh báo", "Ghi chú"],
  status: {
    used: "Đã dùng",
    replaced: "Không dùng: đã có tệp mới hơn",
    "wrong-period": "Không dùng: khác kỳ báo cáo",
    "no-forms": "Không dùng: không có biểu mẫu",
    unreadable: "Không đọc được",
  } as Record<string, string>,
  findingsHeading: "Các vấn đề phát hiện",
  findingsHeader: ["Mức", "Tệp", "Biểu mẫu", "Dòng", "Ô", "Nội dung", "Cách sửa", "Đơn vị liên quan"],
  severity: { error: "Lỗi", warning: "Cảnh báo", info: "Lưu ý" } as Record<string, string>,
  noFindings: "Không phát hiện vấn đề nào.",
  /** the earlier report's figure and the change, when one was given (Kỳ trước) */
  previousColumn: (period: string) => `Kỳ trước (${period})`,
  changeColumn: "Thay đổi",
  submissionsTitle: (ward: string, period: string) => `Theo dõi tiếp nhận – ${ward} – ${period}`,
  deadlines: (units: string, ward: string | undefined) =>
    `Hạn các đơn vị gửi báo cáo: ${units}${ward ? `; hạn phường gửi báo cáo lên thành phố: ${ward}` : ""}`,
  submissionsHeader: [
    "STT",
    "Đơn vị",
    "Biểu mẫu phải gửi",
    "Trạng thái",
    "Ngày nhận",
    "Muộn / còn",
    "Tệp đã nhận",
    "Gửi lại",
    "Lỗi",
    "Cảnh báo",
    "Thiếu biểu mẫu",
  ],
  /** a file on the board that is not a workbook: its name and what it is */
  notWorkbook: (file: string, kind: string) => `${file} (${kind})`,
  /** a unit's finding on a figure the ward used, in the ward row's Ghi chú */
  unitFinding: (unit: string, severity: string, message: string) => `${unit} (${severity.toLowerCase()} trong tệp của đơn vị): ${message}`,
};

/** Words written into the standard form's Ghi chú cells; part of the Vietnamese document, like FORM_TEXT. */
export const IMPORT_NOTES = {
  typed: (raw: string) => `Bản gốc ghi "${raw}"`,
  rowAmbiguous: (text: string, value: string, candidates: string) => `Bản gốc có dòng "${text}"${value ? ` = ${value}` : ""}, không rõ là dòng ${candidates}`,
};

/** The words of the Phiếu kiểm tra số liệu sent back to a unit: Vietnamese by default, English for a reader who asks for it. */
export const FEEDBACK_TEXT = {
  vi: {
    heading: "PHIẾU KIỂM TRA SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH",
    unit: (unit: string) => `Đơn vị: ${unit}`,
    period: (label: string) => `Kỳ báo cáo: ${label}`,
    file: (file: string | null, when: string | null) =>
      file ? `Tệp đã kiểm tra: ${file}${when ? ` (sửa lần cuối ${when})` : ""}` : "Tệp đã kiểm tra: chưa nhận được tệp",
    checkedAt: (when: string) => `Thời điểm kiểm tra: ${when}`,
    count: (n: number) => `Số vấn đề: ${n}. Đề nghị đơn vị sửa và gửi lại tệp.`,
    header: ["STT", "Biểu mẫu", "Dòng (STT) và chỉ tiêu", "Ô", "Mức", "Vấn đề", "Cần là / Đang là", "Cách sửa"],
    /** a finding on the ward's figures the unit's figures are part of: its cell is the ward's */
    wardCell: "Số liệu của phường",
    none: "Không phát hiện vấn đề nào.",
  },
  en: {
    heading: "CHECK OF THE FIGURES OF THE ADMINISTRATIVE-REFORM REPORT",
    unit: (unit: string) => `Unit: ${unit}`,
    period: (label: string) => `Period: ${label}`,
    file: (file: string | null, when: string | null) =>
      file ? `File checked: ${file}${when ? ` (last changed ${when})` : ""}` : "File checked: no file received",
    checkedAt: (when: string) => `Checked: ${when}`,
    count: (n: number) => `Issues: ${n}. Please correct the file and send it again.`,
    header: ["No.", "Form", "Row (STT) and indicator", "Cell", "Level", "Issue", "Expected / found", "How to fix"],
    wardCell: "The ward's figures",
    none: "No issues found.",
  },
} satisfies Record<Lang, unknown>;
