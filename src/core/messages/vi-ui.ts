/**
 * Every text the task pane shows, in Vietnamese (the product's language).
 * Plain data: the pane picks a table once and never mixes languages.
 */
export const viUi = {
  appTitle: "Biểu mẫu CCHC",
  loading: "Đang tải…",
  waitingForExcel: "Đang chờ Excel sẵn sàng… Nếu chờ quá lâu, đóng ngăn tác vụ và mở lại.",
  nav: {
    label: "Chức năng",
    template: "Tạo biểu mẫu",
    validate: "Kiểm tra",
    aggregate: "Tổng hợp",
  },
  /** The Trợ giúp menu of the pane's header; the self-check's own words come with it (self-check/self-check-strings.ts). */
  help: {
    menu: "Trợ giúp",
    selfCheck: "Kiểm tra môi trường",
    loadFailed: "Không tải được phần Trợ giúp. Kiểm tra kết nối tới máy chủ của trang, tải lại trang (F5) rồi thử lại.",
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
  aggregate: {
    intro: "Chọn các tệp .xlsx các phòng ban gửi. Tiện ích đọc từng tệp, cho xem tóm tắt, rồi ghi BM1–BM7 của phường cùng trang chi tiết theo đơn vị.",
    viewLoadFailed: "Không tải được phần Tổng hợp. Kiểm tra kết nối tới máy chủ của trang, tải lại trang (F5) rồi thử lại.",
    filesLabel: "Tệp của các đơn vị",
    pick: "Chọn tệp…",
    dropHint: "hoặc kéo thả các tệp .xlsx vào đây",
    chosen: (n: number) => `Đã chọn ${n} tệp`,
    clearFiles: "Bỏ chọn tất cả",
    skipped: (names: string) => `Đã bỏ qua (không phải tệp Excel, hoặc là tệp khóa ~$ của Excel): ${names}`,
    needFiles: "Chọn ít nhất một tệp .xlsx.",
    periodLabel: "Kỳ báo cáo",
    periodAuto: "Theo kỳ ghi trong đa số tệp",
    periodHint: "Tệp ghi kỳ khác sẽ không được cộng và được nêu trong tóm tắt.",
    wardPlaceholder: "Ví dụ: Phường Ái Quốc",
    run: "Tổng hợp",
    reading: "Đang đọc tệp…",
    progress: (done: number, total: number) => `${done} / ${total} tệp`,
    combining: "Đang cộng số liệu…",
    progressLabel: "Tiến độ đọc tệp",
    stop: "Dừng",
    stoppedTitle: "Đã dừng",
    stoppedText: "Đã dừng tổng hợp; sổ làm việc không thay đổi. Bấm Tổng hợp để làm lại.",
    summaryTitle: (ward: string, period: string) => `Tổng hợp ${ward} – ${period}`,
    summaryCounts: (used: number, total: number) => `Dùng ${used} trong ${total} tệp.`,
    noPeriod: "(chưa xác định kỳ)",
    counts: (errors: number, warnings: number) => `${errors} lỗi, ${warnings} cảnh báo`,
    sections: {
      used: "Đơn vị đã gửi",
      missing: "Đơn vị chưa gửi",
      duplicates: "Tệp gửi trùng",
      conflicts: "Số liệu khác nhau giữa các đơn vị",
      unknown: "Đơn vị không có trong danh sách",
      wrongPeriod: "Tệp khác kỳ báo cáo (không dùng)",
      noForms: "Tệp không có biểu mẫu (không dùng)",
      unreadable: "Tệp không đọc được",
    },
    usedDetail: (file: string, period: string) => `${file} · ${period}`,
    replacedBy: (file: string) => `Không dùng: đã có tệp mới hơn ${file}`,
    fileFindings: (n: number) => `Xem ${n} vấn đề trong tệp`,
    unitFindingsNote: (errors: number, warnings: number) =>
      `Các tệp được dùng có ${errors} lỗi và ${warnings} cảnh báo; số liệu vẫn được cộng. Danh sách đầy đủ có trên trang "Kết quả tổng hợp" sau khi ghi. Nếu cần, đề nghị đơn vị sửa và gửi lại rồi tổng hợp lại.`,
    noUsable: "Không có tệp nào dùng được để tổng hợp. Xem lý do ở trên, chọn lại các tệp đúng rồi bấm Tổng hợp.",
    noPeriodChosen: "Không tệp nào ghi kỳ báo cáo. Chọn kỳ ở ô Kỳ báo cáo rồi bấm Tổng hợp lại.",
    write: "Ghi vào bảng tính",
    download: "Tải tệp tổng hợp",
    writing: "Đang ghi kết quả tổng hợp…",
    existsTitle: "Thay thế các trang biểu mẫu?",
    existsQuestion: (sheets: string) =>
      `Sổ làm việc đã có các trang ${sheets} (từ lần tổng hợp trước hoặc do bạn nhập). Thay bằng số liệu tổng hợp mới?`,
    existsWarning: 'Số liệu đang có trên các trang này sẽ bị thay. Các trang "Chi tiết theo đơn vị" và "Kết quả tổng hợp" luôn được làm mới.',
    replace: "Thay thế",
    cancel: "Hủy",
    doneTitle: "Đã ghi kết quả tổng hợp",
    doneExcel: 'Đã ghi BM1–BM7 của phường, trang "Chi tiết theo đơn vị" và "Kết quả tổng hợp" vào sổ làm việc. Tổng hợp lại sẽ thay các trang này, không thêm trang mới.',
    doneBrowser: (file: string) =>
      `Đã tải về tệp ${file} (BM1–BM7 của phường, "Chi tiết theo đơn vị", "Kết quả tổng hợp"). Tệp nằm trong thư mục Tải xuống.`,
    printNote: "Phiên bản Excel này không cho tiện ích đặt thiết lập in; đặt khổ A4 và vừa 1 trang chiều rộng bằng tay trước khi in.",
    runErrors: {
      title: "Không tổng hợp được",
      tooMany: "Chia các tệp thành nhiều lần tổng hợp.",
      loadFailed: "Không tải được phần đọc tệp. Kiểm tra kết nối tới máy chủ của trang, tải lại trang (F5) rồi thử lại.",
      generic:
        "Đã có lỗi khi đọc hoặc cộng các tệp. Hãy bấm Tổng hợp lại; nếu vẫn lỗi, bỏ bớt các tệp vừa thêm để tìm tệp gây lỗi, tải lại trang (F5), rồi báo cho người quản trị tên tệp đó.",
      outOfMemory: "Máy không đủ bộ nhớ để đọc các tệp. Đóng bớt các thẻ trình duyệt và chương trình khác, tải lại trang (F5) rồi bấm Tổng hợp lại.",
    },
    errors: {
      title: "Không ghi được kết quả tổng hợp",
      cellEditMode: "Excel đang ở chế độ sửa ô. Nhấn Enter hoặc Esc để rời ô đang sửa, rồi bấm Ghi vào bảng tính lần nữa.",
      protectedWorkbook:
        "Sổ làm việc đang được bảo vệ nên không thêm hay thay được trang. Bỏ bảo vệ (thẻ Xem lại → Bảo vệ Sổ làm việc) rồi thử lại.",
      structureProtected:
        "Sổ làm việc đang được bảo vệ cấu trúc (không thêm, đổi tên hay xóa được trang) nên chưa ghi gì. Vào Xem lại > Bảo vệ sổ làm việc để bỏ bảo vệ (nhập mật khẩu nếu có), rồi bấm Ghi vào bảng tính lần nữa.",
      sheetPassword: (sheet: string) =>
        `Trang ${sheet} được bảo vệ bằng mật khẩu nên chưa ghi gì: vào Xem lại > Bỏ bảo vệ trang tính, nhập mật khẩu, rồi bấm Ghi vào bảng tính lần nữa.`,
      notSupported:
        "Phiên bản Excel này không hỗ trợ thao tác cần thiết. Dùng Excel 2019 trở lên, hoặc mở trang này bằng trình duyệt để tải tệp tổng hợp.",
      loadFailed: "Không tải được phần tạo tệp .xlsx. Kiểm tra kết nối tới máy chủ của trang, tải lại trang (F5) rồi thử lại.",
      busy: "Excel đang bận hoặc mất kết nối (Excel trên web). Chờ vài giây rồi bấm Ghi vào bảng tính lần nữa.",
      changed: "Sổ làm việc vừa thay đổi trong lúc ghi (một trang bị đổi tên hoặc xóa); sổ được giữ nguyên như trước. Bấm Ghi vào bảng tính lần nữa.",
      tooLarge: "Kết quả tổng hợp quá lớn để Excel trên web nhận một lượt. Mở sổ bằng Excel trên máy tính, hoặc mở trang này trong trình duyệt để tải tệp tổng hợp.",
      outOfMemory: "Máy không đủ bộ nhớ để ghi kết quả tổng hợp. Đóng bớt các thẻ trình duyệt và chương trình khác rồi thử lại.",
      generic:
        "Đã có lỗi khi ghi; sổ làm việc được giữ nguyên như trước. Hãy thử lại; nếu vẫn lỗi, đóng và mở lại Excel (hoặc tải lại trang), rồi báo cho người quản trị biết bạn đang làm gì khi gặp lỗi.",
    },
  },
  validate: {
    intro: {
      excel: "Kiểm tra các biểu mẫu BM1–BM7 trong sổ làm việc đang mở, kể cả Phụ lục 3 dán từ Word vào một trang: số liệu, công thức, đơn vị tính.",
      browser: "Chọn tệp .xlsx của đơn vị (một hoặc nhiều tệp) để kiểm tra số liệu, công thức và đơn vị tính.",
    },
    check: "Kiểm tra",
    working: "Đang kiểm tra…",
    workingFile: (file: string) => `Đang kiểm tra ${file}…`,
    workingMark: "Đang đánh dấu…",
    workingClear: "Đang xóa đánh dấu…",
    workingFix: "Đang sửa…",
    workingConvert: "Đang chuyển sang biểu mẫu chuẩn…",
    stop: "Dừng",
    stoppedTitle: "Đã dừng",
    stoppedText: "Đã dừng kiểm tra. Bấm Kiểm tra để chạy lại.",
    filesLabel: "Tệp cần kiểm tra",
    pick: "Chọn tệp .xlsx…",
    dropHint: "hoặc kéo thả tệp .xlsx vào đây",
    summary: (c: { error: number; warning: number; info: number }) => `${c.error} lỗi · ${c.warning} cảnh báo · ${c.info} lưu ý`,
    severity: { error: "Lỗi", warning: "Cảnh báo", info: "Lưu ý" },
    filterLabel: "Hiện",
    filterAll: "Tất cả",
    filterOption: (label: string, n: number) => `${label} (${n})`,
    cleanTitle: "Không phát hiện lỗi",
    cleanText: "Các biểu mẫu không có lỗi hay cảnh báo nào.",
    cleanWithWarnings: (n: number) => `Không có lỗi; còn ${n} cảnh báo nên xem lại bên dưới.`,
    noneShown: "Không có mục nào ở mức đã chọn.",
    workbookGroup: "Toàn sổ làm việc",
    formGroup: (id: string, title: string) => `${id} – ${title}`,
    groupCount: (n: number) => `${n} mục`,
    rowLabel: (stt: string) => `Dòng ${stt}`,
    expected: "Cần là",
    actual: "Đang là",
    goToHint: "Bấm vào một mục để đến ô của nó trên trang tính.",
    previewHint: "Bấm vào một mục để xem ô của nó trên trang tính (chỉ xem; sửa trong Excel hoặc LibreOffice).",
    cellTitle: "Ô cần sửa",
    preview: {
      label: (sheet: string, cell: string) => `Xem trước trang ${sheet}, ô ${cell}`,
      title: (sheet: string, cell: string) => `Trang ${sheet} · ô ${cell}`,
      grid: (sheet: string) => `Các ô của trang ${sheet} (chỉ xem)`,
      target: "ô có vấn đề",
      formula: "(công thức)",
      more: "Trang còn tiếp bên dưới.",
      close: "Đóng",
      closeLabel: "Đóng xem trước (Esc)",
    },
    cellHowTo: (cell: string) =>
      `Mở tệp bằng Excel (nhấn Ctrl+G) hoặc LibreOffice (ô Hộp Tên ở góc trên bên trái), gõ ${cell} rồi nhấn Enter để đến ô này.`,
    mark: "Đánh dấu trên trang tính",
    clearMarks: "Xóa đánh dấu",
    marked: (n: number) =>
      `Đã tô màu ${n} ô (đỏ: lỗi, vàng: cảnh báo, xanh: lưu ý). Bấm Xóa đánh dấu để trả lại màu cũ.`,
    cleared: "Đã trả lại màu cũ cho các ô đã đánh dấu.",
    fix: "Sửa",
    fixAll: "Sửa tất cả lỗi chắc chắn",
    fixTitle: "Sửa ô này?",
    fixAllTitle: (n: number) => `Sửa ${n} ô?`,
    fixIntro: "Các ô sau sẽ được thay đổi, rồi biểu mẫu được kiểm tra lại:",
    fixCell: "Ô",
    fixBefore: "Hiện tại",
    fixAfter: "Sau khi sửa",
    apply: "Sửa",
    cancel: "Hủy",
    fixedTitle: "Đã sửa",
    fixed: (n: number) => `Đã sửa ${n} ô và kiểm tra lại.`,
    empty: "(trống)",
    asText: (text: string) => `“${text}” (dạng chữ)`,
    asNumber: (text: string) => `${text} (dạng số)`,
    fileErrorTitle: "Không đọc được tệp",
    viewLoadFailed: "Không tải được phần Kiểm tra. Kiểm tra kết nối tới máy chủ của trang, tải lại trang (F5) rồi thử lại.",
    fileErrorHint: "Mở tệp bằng Excel hoặc LibreOffice, lưu lại dưới dạng Sổ làm việc Excel (.xlsx), rồi chọn lại tệp đó.",
    errorTitles: {
      check: "Không kiểm tra được",
      select: "Không chọn được ô",
      mark: "Không đánh dấu được",
      clear: "Không xóa được đánh dấu",
      fix: "Không sửa được",
      convert: "Không chuyển được sang biểu mẫu chuẩn",
    },
    fixUnchanged: "Không ô nào bị thay đổi.",
    convert: {
      intro: {
        excel: (sheets: string) =>
          `Các biểu mẫu này được dán từ Word vào trang ${sheets}. Chuyển sang biểu mẫu chuẩn để có các trang BM1–BM7 với công thức thật và ô công thức được khóa; trang ${sheets} được giữ nguyên.`,
        browser: (sheets: string) =>
          `Các biểu mẫu trong tệp này được dán từ Word vào trang ${sheets}. Chuyển sang biểu mẫu chuẩn để tải về tệp có các trang BM1–BM7 với công thức thật và ô công thức được khóa.`,
      },
      button: "Chuyển sang biểu mẫu chuẩn",
      chooseTitle: "Cần chọn trước khi chuyển",
      noPeriod: (dates: string) =>
        dates ? `Trang không ghi kỳ báo cáo (chỉ có ngày ${dates}). Chọn kỳ của số liệu này; tiện ích không tự đoán.` : "Trang không ghi kỳ báo cáo. Chọn kỳ của số liệu này; tiện ích không tự đoán.",
      noUnit: "Trang không ghi đơn vị báo cáo. Ghi tên đơn vị, hoặc để trống và ghi sau trên biểu mẫu.",
      unitLabel: "Đơn vị báo cáo",
      unitPlaceholder: "Ví dụ: Phòng Văn hóa - Xã hội",
      unitHint: "Có thể để trống và ghi sau trên biểu mẫu.",
      periodLabel: "Kỳ báo cáo",
      periodHint: (from: string, to: string) => `Chốt số liệu từ ${from} đến ${to}.`,
      periodRequired: "Chọn kỳ báo cáo.",
      run: "Chuyển",
      cancel: "Hủy",
      nothing: "Không còn biểu mẫu nào để chuyển trong sổ làm việc. Bấm Kiểm tra để xem lại.",
      existsTitle: "Thay thế biểu mẫu?",
      existsQuestion: (sheets: string) => `Các trang ${sheets} đã có trong sổ làm việc. Thay bằng biểu mẫu chuẩn chuyển từ bảng dán?`,
      existsWarning: "Số liệu đang có trên các trang này sẽ bị thay. Bảng dán được giữ nguyên.",
      replace: "Thay thế",
      doneTitle: "Đã chuyển sang biểu mẫu chuẩn",
      doneExcel: (sheets: string, source: string, unit: string, period: string) =>
        `Đã tạo ${sheets} (${unit}, ${period}) từ bảng dán ở trang ${source} và kiểm tra lại. Trang ${source} được giữ nguyên, nên mỗi biểu mẫu có ở hai nơi (kết quả kiểm tra báo điều đó); đối chiếu xong thì xóa trang ${source}. Cách đọc bảng dán ở bên dưới.`,
      doneBrowser: (sheets: string, file: string, unit: string, period: string) =>
        `Đã tải về tệp ${file} (${sheets}; ${unit}, ${period}). Tệp nằm trong thư mục Tải xuống; cách đọc bảng dán ở bên dưới.`,
      noUnitName: "chưa ghi đơn vị",
      reportTitle: (sheets: string, file?: string) => (file ? `Cách đọc bảng dán trong ${file} (trang ${sheets})` : `Cách đọc bảng dán ở trang ${sheets}`),
      reportHint:
        "Cách tiện ích đọc bảng dán, tại ô của bảng dán: số đọc theo ngữ cảnh, số gõ dạng chữ, chữ không phải số (để trống ở biểu mẫu chuẩn), dòng nhận theo nội dung hoặc không khớp dòng nào, ngày ghi khác kỳ. Điều biểu mẫu chuẩn không chứa được được ghi vào cột Ghi chú; các vấn đề về số liệu có trong kết quả kiểm tra.",
      readingNone: "Mọi số liệu của bảng dán được đọc rõ ràng, không phải đoán hay bỏ số nào.",
      errors: {
        title: "Không chuyển được sang biểu mẫu chuẩn",
        cellEditMode: "Excel đang ở chế độ sửa ô. Nhấn Enter hoặc Esc để rời ô đang sửa, rồi bấm Chuyển sang biểu mẫu chuẩn lần nữa.",
        protectedWorkbook:
          "Sổ làm việc đang được bảo vệ nên không thêm hay thay được trang. Bỏ bảo vệ (thẻ Xem lại → Bảo vệ Sổ làm việc) rồi thử lại.",
        structureProtected:
          "Sổ làm việc đang được bảo vệ cấu trúc (không thêm, đổi tên hay xóa được trang) nên chưa chuyển gì. Vào Xem lại > Bảo vệ sổ làm việc để bỏ bảo vệ (nhập mật khẩu nếu có), rồi bấm Chuyển sang biểu mẫu chuẩn lần nữa.",
        sheetPassword: (sheet: string) =>
          `Trang ${sheet} được bảo vệ bằng mật khẩu nên chưa chuyển gì: vào Xem lại > Bỏ bảo vệ trang tính, nhập mật khẩu, rồi bấm Chuyển sang biểu mẫu chuẩn lần nữa.`,
        notSupported:
          "Phiên bản Excel này không hỗ trợ thao tác cần thiết. Dùng Excel 2019 trở lên, hoặc mở trang này bằng trình duyệt và chọn tệp để chuyển.",
        loadFailed: "Không tải được phần tạo tệp .xlsx. Kiểm tra kết nối tới máy chủ của trang, tải lại trang (F5) rồi thử lại.",
        busy: "Excel đang bận hoặc mất kết nối (Excel trên web). Chờ vài giây rồi bấm Chuyển sang biểu mẫu chuẩn lần nữa.",
        changed: "Sổ làm việc vừa thay đổi trong lúc chuyển (một trang bị đổi tên hoặc xóa); sổ được giữ nguyên như trước. Bấm Kiểm tra rồi chuyển lại.",
        tooLarge: "Các biểu mẫu chuẩn quá lớn để Excel trên web nhận một lượt. Mở sổ bằng Excel trên máy tính, hoặc mở trang này trong trình duyệt và chọn tệp để chuyển.",
        outOfMemory: "Máy không đủ bộ nhớ để chuyển. Đóng bớt các thẻ trình duyệt và chương trình khác, tải lại trang (F5) rồi thử lại.",
        generic:
          "Đã có lỗi khi chuyển; sổ làm việc được giữ nguyên như trước. Hãy thử lại; nếu vẫn lỗi, đóng và mở lại Excel (hoặc tải lại trang), rồi báo cho người quản trị biết bạn đang làm gì, với tệp nào, khi gặp lỗi.",
      },
    },
    errors: {
      title: "Không kiểm tra được",
      cellEditMode: "Excel đang ở chế độ sửa ô. Nhấn Enter hoặc Esc để rời ô đang sửa, rồi thử lại.",
      protectedWorkbook:
        "Trang tính hoặc sổ làm việc đang được bảo vệ bằng mật khẩu nên không tô màu hay sửa được. Bỏ bảo vệ (thẻ Xem lại → Bỏ bảo vệ Trang tính, hoặc Bảo vệ Sổ làm việc) rồi thử lại.",
      structureProtected:
        "Sổ làm việc đang được bảo vệ cấu trúc nên tiện ích không thêm hay xóa được trang ẩn ghi nhớ các ô đã đánh dấu; chưa ô nào bị đổi màu. Vào Xem lại > Bảo vệ sổ làm việc để bỏ bảo vệ (nhập mật khẩu nếu có), rồi bấm lại Đánh dấu trên trang tính hoặc Xóa đánh dấu.",
      sheetPassword: (sheet: string) =>
        `Trang ${sheet} được bảo vệ bằng mật khẩu nên chưa có gì thay đổi: vào Xem lại > Bỏ bảo vệ trang tính, nhập mật khẩu, rồi bấm lại nút vừa dùng (Sửa, Đánh dấu trên trang tính hoặc Xóa đánh dấu).`,
      notSupported:
        "Phiên bản Excel này không hỗ trợ thao tác cần thiết. Dùng Excel 2019 trở lên, hoặc mở trang này bằng trình duyệt và chọn tệp để kiểm tra.",
      loadFailed: "Không tải được phần đọc tệp .xlsx. Kiểm tra kết nối tới máy chủ của trang, tải lại trang (F5) rồi thử lại.",
      busy: "Excel đang bận hoặc mất kết nối (Excel trên web). Chờ vài giây rồi thử lại.",
      changed: "Không tìm thấy trang hoặc ô cần dùng: có thể trang vừa bị đổi tên hoặc xóa. Bấm Kiểm tra để đọc lại sổ làm việc rồi thử lại.",
      tooLarge:
        "Sổ làm việc quá lớn để Excel trên web gửi cho tiện ích một lượt. Mở sổ bằng Excel trên máy tính, hoặc tải sổ về dưới dạng .xlsx và kiểm tra bằng trang này trong trình duyệt.",
      outOfMemory: "Máy không đủ bộ nhớ để đọc sổ làm việc. Đóng bớt các thẻ trình duyệt và chương trình khác, tải lại trang (F5) rồi thử lại.",
      generic:
        "Đã có lỗi khi làm việc với sổ làm việc. Hãy thử lại; nếu vẫn lỗi, đóng và mở lại Excel (hoặc tải lại trang), rồi báo cho người quản trị biết bạn đang làm gì khi gặp lỗi.",
    },
  },
  errors: {
    title: "Không tạo được biểu mẫu",
    cellEditMode: "Excel đang ở chế độ sửa ô. Nhấn Enter hoặc Esc để rời ô đang sửa, rồi bấm Tạo biểu mẫu lần nữa.",
    protectedWorkbook:
      "Sổ làm việc đang được bảo vệ nên không thêm hay thay được trang. Bỏ bảo vệ (thẻ Xem lại → Bảo vệ Sổ làm việc) rồi thử lại.",
    structureProtected:
      "Sổ làm việc đang được bảo vệ cấu trúc (không thêm, đổi tên hay xóa được trang) nên chưa ghi gì. Vào Xem lại > Bảo vệ sổ làm việc để bỏ bảo vệ (nhập mật khẩu nếu có), rồi bấm Tạo biểu mẫu lần nữa.",
    sheetPassword: (sheet: string) =>
      `Trang ${sheet} được bảo vệ bằng mật khẩu nên chưa ghi gì: vào Xem lại > Bỏ bảo vệ trang tính, nhập mật khẩu, rồi bấm Tạo biểu mẫu lần nữa.`,
    notSupported:
      "Phiên bản Excel này không hỗ trợ thao tác cần thiết. Dùng Excel 2019 trở lên, hoặc mở trang này bằng trình duyệt để tải tệp biểu mẫu.",
    loadFailed:
      "Không tải được phần tạo tệp .xlsx. Kiểm tra kết nối tới máy chủ của trang, tải lại trang (F5) rồi thử lại.",
    busy: "Excel đang bận hoặc mất kết nối (Excel trên web). Chờ vài giây rồi bấm Tạo biểu mẫu lần nữa.",
    changed: "Sổ làm việc vừa thay đổi trong lúc ghi (một trang bị đổi tên hoặc xóa); sổ được giữ nguyên như trước. Bấm Tạo biểu mẫu lần nữa.",
    tooLarge: "Các biểu mẫu quá lớn để Excel trên web nhận một lượt. Chọn ít biểu mẫu hơn mỗi lần, hoặc dùng Excel trên máy tính.",
    outOfMemory: "Máy không đủ bộ nhớ để tạo tệp. Đóng bớt các thẻ trình duyệt và chương trình khác, tải lại trang (F5) rồi thử lại.",
    generic:
      "Đã có lỗi khi ghi biểu mẫu; sổ làm việc được giữ nguyên như trước. Hãy thử lại; nếu vẫn lỗi, đóng và mở lại Excel (hoặc tải lại trang), rồi báo cho người quản trị biết bạn đang làm gì khi gặp lỗi.",
  },
  /** Reasons the pane itself gives inside a file's message (the rest of the sentence comes from the core). */
  fileReasons: {
    unreadable: "tệp đã bị chuyển đi, xóa hoặc bị khóa sau khi chọn; hãy chọn lại tệp",
    notRegistry: 'nội dung không phải một danh sách đơn vị (cần có "ward" và "units")',
    badEntries: (entries: string) => `sai hoặc thiếu các mục ${entries}`,
  },
};

/** The shape every UI language must fill, key for key. */
export type UiStrings = typeof viUi;
