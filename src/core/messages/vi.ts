import type { Messages } from "./types";

/** Vietnamese, the product's language. */
export const vi: Messages = {
  errors: {
    BAD_PERIOD: (e) => `Kỳ báo cáo "${e.input}" không hợp lệ. Các dạng được chấp nhận: ${e.accepted}.`,
    BAD_DATE: (e) => `Ngày "${e.input}" không hợp lệ. Ghi ngày theo dạng NN/TT/NNNN, ví dụ 14/06/2026.`,
    BAD_WINDOW: (e) => `Thời hạn chốt số liệu không hợp lệ: ngày bắt đầu ${e.from} sau ngày kết thúc ${e.to}.`,
    UNKNOWN_FORM: (e) => `Không có biểu mẫu "${e.input}". Các biểu mẫu: ${e.known}.`,
    UNKNOWN_COMMAND: (e) => `Không có lệnh "${e.command}". Gõ "cchc --help" để xem các lệnh.`,
    UNKNOWN_OPTION: (e) => `Không có tùy chọn "${e.option}". Gõ "cchc --help" để xem các tùy chọn.`,
    MISSING_OPTION_VALUE: (e) => `Tùy chọn ${e.option} cần một giá trị.`,
    OUTPUT_REQUIRED: () => `Cần chỉ ra tệp kết quả bằng -o, ví dụ: cchc template -o bieu-mau.xlsx`,
    OUTPUT_NOT_XLSX: (e) => `Tệp kết quả "${e.path}" phải có đuôi .xlsx.`,
    WRITE_FAILED: (e) => `Không ghi được tệp "${e.path}": ${e.reason}. Kiểm tra thư mục có tồn tại và được phép ghi, tệp không đang mở trong Excel.`,
    UNEXPECTED: (e) => `Đã xảy ra lỗi không mong muốn (${e.detail}). Vui lòng thử lại hoặc báo cho người quản trị.`,
  },
  cli: {
    help: [
      "cchc – Biểu mẫu thống kê cải cách hành chính",
      "",
      "Cách dùng:",
      "  cchc template [--unit \"Tên đơn vị\"] [--period 2026-H1] [--forms BM1,BM4] -o TỆP.xlsx",
      "      Tạo các biểu mẫu BM1–BM7 để đơn vị điền số liệu.",
      "      --period    kỳ báo cáo: NĂM-Q1, NĂM-H1, NĂM-Q3, NĂM-Y (mặc định: nửa năm hiện tại)",
      "      --cutoff    thời hạn chốt số liệu riêng của phường, ví dụ 01/01/2026-31/05/2026",
      "      --deadline  hạn đơn vị gửi báo cáo, ví dụ 04/06/2026",
      "      --forms     chỉ tạo các biểu mẫu này (mặc định: tất cả)",
      "",
      "Tùy chọn chung:",
      "  --lang en     thông báo bằng tiếng Anh",
      "  -h, --help    xem hướng dẫn này",
    ].join("\n"),
    templateWritten: (a) => `Đã tạo ${a.path}: ${a.forms} – ${a.unit}, ${a.period} (${a.ms} ms).`,
    errorPrefix: "Lỗi",
  },
};
