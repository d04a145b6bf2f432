/**
 * Every text the task pane shows, in Vietnamese (the product's language).
 * Plain data: the pane picks a table once and never mixes languages.
 */
export const viUi = {
  appTitle: "Biểu mẫu CCHC",
  loading: "Đang tải…",
  nav: {
    label: "Chức năng",
    template: "Tạo biểu mẫu",
  },
  mode: {
    excel: "Biểu mẫu sẽ được ghi vào sổ làm việc đang mở.",
    browser: "Đang dùng ngoài Excel: biểu mẫu được tải về dưới dạng tệp .xlsx, mở bằng Excel hoặc LibreOffice.",
  },
  template: {
    unitLabel: "Đơn vị báo cáo",
    unitPlaceholder: "Ví dụ: Phòng Văn hóa - Xã hội",
    unitHint: "Có thể để trống và ghi sau trên biểu mẫu.",
    periodLabel: "Kỳ báo cáo",
    periodHint: (from: string, to: string) => `Chốt số liệu từ ${from} đến ${to}.`,
    formsLabel: "Biểu mẫu",
    allForms: "Tất cả biểu mẫu",
    formOption: (id: string, title: string) => `${id} – ${title}`,
    formsRequired: "Chọn ít nhất một biểu mẫu.",
    create: "Tạo biểu mẫu",
    working: "Đang tạo biểu mẫu…",
    stop: "Dừng",
    existsTitle: "Thay thế biểu mẫu?",
    existsQuestion: (sheets: string) => `Các trang ${sheets} đã có trong sổ làm việc. Thay thế?`,
    existsWarning: "Số liệu đã nhập trên các trang này sẽ bị xóa.",
    replace: "Thay thế",
    cancel: "Hủy",
    doneTitle: "Đã tạo biểu mẫu",
    doneExcel: (sheets: string) =>
      `Đã ghi ${sheets} vào sổ làm việc. Nhập số liệu vào các ô màu vàng nhạt ở cột Số liệu; các ô tỷ lệ và tổng tự tính.`,
    doneBrowser: (sheets: string, file: string) =>
      `Đã tải về tệp ${file} (${sheets}). Tệp nằm trong thư mục Tải xuống; mở bằng Excel hoặc LibreOffice để nhập số liệu.`,
    printTitle: "Cần đặt thiết lập in bằng tay",
    printHow: (rows: string) =>
      `Phiên bản Excel này không cho tiện ích đặt thiết lập in (cần Excel 2021 hoặc Microsoft 365). Trước khi in, trên mỗi trang BM chọn thẻ Bố trí Trang: Kích thước A4, Hướng Dọc; Co giãn để vừa: Chiều rộng 1 trang; In Tiêu đề: Hàng lặp lại ở đầu ${rows}.`,
    stoppedTitle: "Đã dừng",
    stoppedText: "Đã dừng tạo biểu mẫu. Nếu có trang được tạo dở, bấm Tạo biểu mẫu lần nữa và chọn Thay thế.",
  },
  errors: {
    title: "Không tạo được biểu mẫu",
    cellEditMode: "Excel đang ở chế độ sửa ô. Nhấn Enter hoặc Esc để rời ô đang sửa, rồi bấm Tạo biểu mẫu lần nữa.",
    protectedWorkbook:
      "Sổ làm việc đang được bảo vệ nên không thêm hay thay được trang. Bỏ bảo vệ (thẻ Xem lại → Bảo vệ Sổ làm việc) rồi thử lại.",
    notSupported:
      "Phiên bản Excel này không hỗ trợ thao tác cần thiết. Dùng Excel 2019 trở lên, hoặc mở trang này bằng trình duyệt để tải tệp biểu mẫu.",
    loadFailed:
      "Không tải được phần tạo tệp .xlsx. Kiểm tra kết nối tới máy chủ của trang, tải lại trang (F5) rồi thử lại.",
    generic:
      "Đã có lỗi khi ghi biểu mẫu. Hãy thử lại; nếu vẫn lỗi, đóng và mở lại Excel (hoặc tải lại trang), rồi báo cho người quản trị kèm chi tiết bên dưới.",
    detail: (detail: string) => `Chi tiết kỹ thuật: ${detail}`,
  },
};

/** The shape every UI language must fill, key for key. */
export type UiStrings = typeof viUi;
