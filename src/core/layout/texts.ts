import type { RowKind } from "../forms/schema";
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
  /** every printed page's footer: "Trang 1/11" (Excel's codes: &P the page, &N the pages) */
  pageFooter: "Trang &P/&N",
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
