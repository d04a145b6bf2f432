import ExcelJS from "exceljs";

/**
 * A ward's appendix as a new user would send it, messier than the seed: one
 * sheet named "Báo cáo", a letterhead and a title with the period above the
 * tables, the table starting in column B with an extra column ("Cùng kỳ năm
 * trước") between Đơn vị tính and Số liệu, forms out of order (BM3, BM1, BM6,
 * BM7, BM5, BM2) and BM4 left out, titles on one line, over two lines and in
 * capitals, one-row and two-row headers (merged), a header repeated after a
 * page break, STT as Excel makes them (1.1 the number, "2.1.1" text, "2."),
 * missing or written "a)", "I", or copied twice, indicators with typos, a row
 * of the ward's own that is not in the form, numbers Excel mangled on paste
 * (the count "1.845" held as 1,845) and ambiguous text ("1,250").
 */

type Cell = string | number | null;
/** STT | Chỉ tiêu thống kê | Đơn vị tính | Cùng kỳ năm trước | Số liệu | Ghi chú, from column B. */
type Row = [Cell, Cell, Cell?, Cell?, Cell?, Cell?];

const C0 = 2; // column B

const ONE_ROW_HEADER: Row = ["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Cùng kỳ năm trước", "Số liệu", "Ghi chú"];

/** The forms in sheet order: title lines, header kind, rows (a "header" row repeats the header after a page break). */
const FORMS: { title: string[]; twoRowHeader: boolean; rows: (Row | "header")[] }[] = [
  {
    title: ["BIỂU MẪU 3 - CẢI CÁCH THỦ TỤC HÀNH CHÍNH"],
    twoRowHeader: false,
    rows: [
      [1, "Thực hiện cơ chế một cửa, một cửa liên thông"],
      [1.1, "Tỷ lệ TTHC tiếp nhận, trả kết quả tại Bộ phận Một cửa", "%", 98, 100],
      [1.2, "Số TTHC đang thực hiện tiếp nhận và giải quyết không phụ thuộc vào địa giới hành chính", "Thủ tục", 1700, 1.845],
      [2, "Kết quả giải quyết TTHC"],
      [2.1, "Tỷ lệ hồ sơ TTHC do UBND cấp xã tiếp nhận được giải quyết đúng hạn", "%", null, "99,5"],
      ["2.1.1", "Tổng số hồ sơ TTHC đã giải quyết xong", "Hồ sơ", 5900, 6.412],
      ["2.1.2", "Số hồ sơ giải quyết đúng hạn", "Hồ sơ", 5800, "6.380"],
      [2.2, "Tỷ lệ giải quyết phản ánh, kiến nghị (PAKN) về quy định TTHC", "%", null, "= b/a*100"],
      ["a)", "Tổng số PAKN đã tiếp nhận", "PAKN", 2, "3"],
      ["b)", "Số PAKN đã giải quyết xong", "PAKN", 2, "3"],
    ],
  },
  {
    title: ["Biểu mẫu 1", "Công tác chỉ đạo, điều hành CCHC"],
    twoRowHeader: true,
    rows: [
      ["1.", "Số văn bản chỉ đạo CCHC đã ban hành (kết luận, chỉ thị, công văn)", "Văn bản", 5, "12"],
      ["2.", "Tỷ lệ hoàn thành kế hoạch CCHC năm (lũy kế)", "45,5%", null, "= 20/44*100"],
      [null, "Số nhiệm vụ đề ra trong kế hoạch", "Nhiệm vụ", 40, "44"],
      [null, "Số nhiệm vụ đã hoàn thàn", "Nhiệm vụ", 18, "20"],
      ["3.", "Kiểm tra CCHC"],
      ["3.1.", "Số sở, ngành đã kiểm tra", "Cơ quan, đơn vị", null, "0"],
      ["3.2.", "Số UBND cấp xã đã kiểm tra", "Cơ quan, đơn vị", null, "0"],
      ["3.3.", "Tỷ lệ xử lý các vấn đề phát hiện qua kiểm tra", "%"],
      ["3.3.1.", "Số vấn đề phát hiện qua kiểm tra", "Vấn đề", null, "4"],
      ["3.3.2.", "Số vấn đề phát hiện đã xử lý xong", "Vấn đề", null, "4"],
      "header",
      ["4.", "Thực hiện nhiệm vụ UBND thành phố, Chủ tịch UBND thành phố giao"],
      ["4.1.", "Tổng số nhiệm vụ được giao", "Nhiệm vụ", 28, "30"],
      ["4.1.1.", "Số nhiệm vụ đã hoàn thành đúng hạn", "Nhiệm vụ", 20, "25"],
      ["4.1.2.", "Số nhiệm vụ đã hoàn thành nhưng quá hạn", "Nhiệm vụ", 3, "3"],
      ["4.1.2.", "Số nhiệm vụ quá hạn nhưng chưa hoàn thành", "Nhiệm vụ", 1, "1"],
      ["4.2.", "Số lượng phiếu khảo sát", "Số lượng", 900, "1,250"],
      ["4.3.", "Hình thức khảo sát", "Trực tuyến = 0 Phát phiếu = 1 Kết hợp = 2", 1, "2"],
      ["5.", "Tổ chức đối thoại của lãnh đạo với người dân, cộng đồng doanh nghiệp", "Không = 0 Có = 1", 0, "1"],
      ["6.", "Số cuộc họp giao ban do phường tự theo dõi", "Cuộc", 10, "12"],
    ],
  },
  {
    title: ["Biểu mẫu 6", "Cải cách tài chính công"],
    twoRowHeader: false,
    rows: [
      [1, "Tỷ lệ thực hiện Kế hoạch giải ngân vốn đầu tư công", "62,5%", null, "= b/a*100"],
      [1.1, "Kế hoạch được giao", "Triệu đồng", null, "17.330,4"],
      [1.2, "Đã thực hiện", "Triệu đồng", null, 10.831],
      [2, "Thực hiện tự chủ tài chính của đơn vị sự nghiệp (ĐVSN) tại địa phương (lũy kế đến thời điểm báo cáo)"],
      [2.1, "Tổng số ĐVSN công lập tại địa phương", "Đơn vị", 12, 12],
      [2.2, "Số ĐVSN tự bảo đảm chi thường xuyên và chi đầu tư", "Đơn vị", 0, 0],
      [2.3, "Số ĐVSN tự bảo đảm chi thường xuyên", "Đơn vị", 2, 2],
      [2.4, "Số ĐVSN tự bảo đảm một phần chi thường xuyên", "Đơn vị", 7, 7],
      ["2.4.1", "Số ĐVSN tự bảo đảm từ 70% - dưới 100% chi thường xuyên", "Đơn vị", 3, 3],
      ["2.4.2", "Số ĐVSN tự bảo đảm từ 30% - dưới 70% chi thường xuyên", "Đơn vị", 2, 2],
      ["2.4.3", "Số ĐVSN tự bảo đảm từ 10% - dưới 30% chi thường xuyên", "Đơn vị", 2, 2],
      [2.5, "Số ĐVSN do Nhà nước bảo đảm chi thường xuyên", "Đơn vị", 3, 3],
      [2.6, "Số lượng ĐVSN đã chuyển đổi thành công ty cổ phần", "Đơn vị", 0, 0],
    ],
  },
  {
    title: ["Biểu mẫu 7", "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số"],
    twoRowHeader: true,
    rows: [
      [1, "Cung cấp dịch vụ công trực tuyến (DVCTT)"],
      [1.1, "Tỷ lệ DVCTT toàn trình đủ điều kiện", "%"],
      ["1.1.1", "Tổng số DVC đủ điều kiện lên trực tuyến toàn trình", "Thủ tục", 140, 150],
      ["1.1.2", "Số lượng DVCTT toàn trình", "Thủ tục", 140, 160],
      [1.2, "Tỷ lệ DVC có phát sinh hồ sơ nộp trực tuyến (toàn trình + một phần)", "%"],
      ["1.2.1", "Tổng số DVCTT có phát sinh hồ sơ", "Thủ tục", 30, 35],
      ["1.2.2", "Số DVCTT có phát sinh hồ sơ trực tuyến", "Thủ tục", 28, 30],
      "header",
      [1.3, "Tỷ lệ hồ sơ trực tuyến toàn trình", "%"],
      [null, "Tổng sô hồ sơ của DVCTT toàn trinh", "Hồ sơ", 600, 700],
      [null, "Số hồ sơ nộp trực tuyến của các DVCTT toàn trình", "Hồ sơ", 500, 650],
      [1.4, "Tỷ lệ hồ sơ trực tuyến một phần", "%"],
      ["1.4.1", "Tổng số hồ sơ của DVCTT một phần", "Hồ sơ", 7000, "8.523"],
      ["1.4.2", "Số hồ sơ nộp trực tuyến của các DVCTT một phần", "Hồ sơ", 6000, "8.000"],
      [1.5, "Tỷ lệ TTHC được tích hợp, triển khai thanh toán trực tuyến", "%"],
      ["1.5.1", "Tổng số TTHC có yêu cầu nghĩa vụ tài chính", "Thủ tục", 40, 43],
      ["1.5.2", "Số TTHC đã được tích hợp thanh toán trực tuyến trên Cổng DVC quốc gia", "Thủ tục", 38, 40],
    ],
  },
  {
    title: ["Biểu mẫu 5: Cải cách chế độ công vụ"],
    twoRowHeader: false,
    rows: [
      ["I", "Vị trí việc làm của công chức, viên chức"],
      [1.1, "Số cơ quan, tổ chức hành chính đã được phê duyệt vị trí việc làm", "Cơ quan, đơn vị", 4, 4],
      [1.2, "Số đơn vị sự nghiệp đã được phê duyệt vị trí việc làm", "Cơ quan, đơn vị", 12, 15],
      [1.3, "Số cơ quan, tổ chức có vi phạm trong thực hiện vị trí việc làm phát hiện qua thanh tra", "Cơ quan, đơn vị", 0, 0],
      ["II", "Tuyển dụng công chức, viên chức"],
      [2.1, "Số công chức được tuyển dụng (thi tuyển, xét tuyển)", "Người", 1, 2],
      [2.2, "Số viên chức được tuyển dụng (thi tuyển, xét tuyển)", "Người", 5, 6],
      [3, "Số lượng lãnh đạo quản lý được tuyển chọn, bổ nhiệm thông qua thi tuyển", "Người", 0, 0],
      [4, "Số lượng cán bộ, công chức, viên chức bị kỷ luật", "Người", null, "=a+b+c"],
      [4.1, "Số lãnh đạo UBND cấp xã bị kỷ luật", "Người", 0, 0],
      [4.2, "Số lãnh đạo cấp phòng UBND cấp xã bị kỷ luật", "Người", 0, 1],
      [4.3, "Số người làm việc hưởng lương từ NSNN tại các đơn vị sự nghiệp công lập bị kỷ luật", "Người", 0, 0],
    ],
  },
  {
    title: ["Biểu mẫu 2 Cải cách thể chế"],
    twoRowHeader: false,
    rows: [
      ["1.", "Tổng số VBQPPL* do địa phương ban hành", "Văn bản", null, "=a+b"],
      ["a)", "Số VBQPPL do cấp xã ban hàng", "Văn bản", 1, 3],
    ],
  },
];

/** The sheet's cells; the tests read figures back from the addresses the layout gives. */
export async function messyWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Báo cáo");
  const put = (r: number, c: number, v: Cell | undefined) => {
    if (v !== null && v !== undefined && v !== "") ws.getCell(r, c).value = v;
  };
  put(1, C0, "ỦY BAN NHÂN DÂN PHƯỜNG HẠ LÝ");
  put(2, C0, "BÁO CÁO SỐ LIỆU CẢI CÁCH HÀNH CHÍNH 6 THÁNG ĐẦU NĂM 2026");
  put(3, C0, "(Kèm theo Báo cáo số 112/BC-UBND ngày 05/6/2026)");
  let r = 5;
  const header = (two: boolean) => {
    if (!two) {
      ONE_ROW_HEADER.forEach((h, i) => put(r, C0 + i, h));
      r++;
      return;
    }
    put(r, C0, "STT");
    put(r, C0 + 1, "Chỉ tiêu thống kê (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)");
    put(r, C0 + 2, "Kết quả thống kê");
    put(r, C0 + 5, "Ghi chú");
    put(r + 1, C0 + 2, "Đơn vị tính");
    put(r + 1, C0 + 3, "Cùng kỳ năm trước");
    put(r + 1, C0 + 4, "Số liệu");
    ws.mergeCells(r, C0, r + 1, C0);
    ws.mergeCells(r, C0 + 1, r + 1, C0 + 1);
    ws.mergeCells(r, C0 + 2, r, C0 + 4);
    ws.mergeCells(r, C0 + 5, r + 1, C0 + 5);
    r += 2;
  };
  for (const form of FORMS) {
    for (const line of form.title) put(r++, C0, line);
    r++;
    header(form.twoRowHeader);
    for (const row of form.rows) {
      if (row === "header") {
        r++; // the page break leaves a blank line
        header(form.twoRowHeader);
        continue;
      }
      row.forEach((v, i) => put(r, C0 + i, v));
      r++;
    }
    r++;
  }
  put(r, C0, "* Văn bản quy phạm pháp luật");
  put(r + 2, C0 + 1, "Người lập biểu");
  put(r + 2, C0 + 4, "CHỦ TỊCH");
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** What a careful officer reads in that sheet: every figure of the standard forms, by form and STT (null: blank). */
export const MESSY_FIGURES: Record<string, Record<string, number | null>> = {
  BM1: {
    "1": 12,
    "2.1": 44,
    "2.2": 20,
    "3.1": 0,
    "3.2": 0,
    "3.3.1": 4,
    "3.3.2": 4,
    "4.1": 30,
    "4.1.1": 25,
    "4.1.2": 3,
    "4.1.3": 1,
    "4.2": 1250,
    "4.3": 2,
    "5": 1,
  },
  BM2: { "1.1": 3 },
  BM3: { "1.1": 100, "1.2": 1845, "2.1.1": 6412, "2.1.2": 6380, "2.2.1": 3, "2.2.2": 3 },
  BM5: { "1.1": 4, "1.2": 15, "1.3": 0, "2.1": 2, "2.2": 6, "3": 0, "4.1": 0, "4.2": 1, "4.3": 0 },
  BM6: { "1.1": 17330.4, "1.2": 10831, "2.1": 12, "2.2": 0, "2.3": 2, "2.4.1": 3, "2.4.2": 2, "2.4.3": 2, "2.5": 3, "2.6": 0 },
  BM7: { "1.1.1": 150, "1.1.2": 160, "1.2.1": 35, "1.2.2": 30, "1.3.1": 700, "1.3.2": 650, "1.4.1": 8523, "1.4.2": 8000, "1.5.1": 43, "1.5.2": 40 },
};
