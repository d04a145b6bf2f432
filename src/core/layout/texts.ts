import type { RowKind } from "../forms/schema";
import type { Lang } from "../messages/types";
import type { Message } from "./plan";

/**
 * The Vietnamese text printed on the forms themselves. These are part of the
 * document (a Vietnamese official form), not UI strings, so they do not change
 * with the CLI's --lang.
 */
export const FORM_TEXT = {
  /** the one header row, exactly as the forms print it */
  header: ["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu", "Ghi chú"] as const,
  formLabel: (n: number) => `Biểu mẫu ${n}`,
  unitLine: (unit: string) => `Đơn vị báo cáo: ${unit}`,
  periodLine: (label: string) => `Kỳ báo cáo: ${label}`,
  windowLine: (from: string, to: string) => `Thời hạn chốt số liệu: từ ngày ${from} đến ngày ${to}`,
  /** the units' deadline, under the cut-off: not written "ngày …", so no reader takes it for the report's date */
  deadlineLine: (deadline: string) => `Hạn gửi báo cáo: ${deadline}`,
  /** the place and date line of the signature block, left for the unit to fill in by hand */
  placeAndDate: "…, ngày … tháng … năm …",
  preparedBy: "Người lập biểu",
  preparedBySign: "(Ký, ghi rõ họ tên)",
  head: "Thủ trưởng đơn vị",
  headSign: "(Ký tên, đóng dấu)",
  metaTitle: "Biểu mẫu CCHC – thông tin của tệp, vui lòng không sửa",
} as const;

/** Input message and error alert for each kind of input cell (Excel: ≤ 32 characters title, ≤ 255 text). */
export const INPUT_HELP: Record<"count" | "money" | "percent", { prompt: Message; error: Message }> = {
  count: {
    prompt: { title: "Nhập số nguyên không âm", text: "Nhập số nguyên từ 0 trở lên (ví dụ 1.234). Để trống nếu chưa có số liệu." },
    error: { title: "Số liệu không hợp lệ", text: "Ô này chỉ nhận số nguyên từ 0 trở lên, không nhận chữ, số thập phân hay số âm." },
  },
  money: {
    prompt: { title: "Nhập số tiền (triệu đồng)", text: "Nhập số tiền tính bằng triệu đồng, từ 0 trở lên; được nhập phần thập phân (ví dụ 21.406,5)." },
    error: { title: "Số tiền không hợp lệ", text: "Ô này chỉ nhận số từ 0 trở lên, tính bằng triệu đồng." },
  },
  percent: {
    prompt: { title: "Nhập tỷ lệ (%)", text: "Nhập tỷ lệ phần trăm từ 0 đến 100 (ví dụ 95,5), không nhập dấu %." },
    error: { title: "Tỷ lệ không hợp lệ", text: "Ô này chỉ nhận số từ 0 đến 100." },
  },
};

/** Input message and error alert for a code cell, listing its codes. */
export function codeHelp(legend: string): { prompt: Message; error: Message } {
  return {
    prompt: { title: "Chọn mã", text: `Chọn một mã trong danh sách: ${legend}.` },
    error: { title: "Mã không hợp lệ", text: `Chỉ được chọn một mã trong danh sách: ${legend}.` },
  };
}

/** Number formats by row kind; ratios show one decimal as the forms require. */
export const NUMBER_FORMAT: Record<RowKind, string> = {
  header: "@",
  count: "#,##0",
  money: "#,##0.00",
  percent: "0.0",
  code: "0",
  ratio: "0.0",
  total: "#,##0",
};

/** Number format for text cells: "@" keeps "2.1" as text and a typed "=x" inert. */
export const TEXT_FORMAT = "@";

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
  findingsHeader: ["Mức", "Mã", "Tệp", "Biểu mẫu", "Dòng", "Ô", "Nội dung", "Cách sửa", "Đơn vị liên quan"],
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
  late: (days: number) => `muộn ${days} ngày`,
  left: (days: number) => (days === 0 ? "hạn là hôm nay" : `còn ${days} ngày`),
  /** a file on the board that is not a workbook: its name and what it is */
  notWorkbook: (file: string, kind: string) => `${file} (${kind})`,
  fileKind: {
    word: "tệp Word",
    pdf: "tệp PDF",
    csv: "tệp CSV/văn bản",
    image: "ảnh chụp",
    "excel-old": "tệp Excel cũ",
    other: "không phải bảng tính",
  } as Record<string, string>,
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
