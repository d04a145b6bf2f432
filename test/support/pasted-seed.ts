import ExcelJS from "exceljs";

/**
 * Phụ lục 3 of the real report (seed 003, phường Nhị Chiểu, 6 tháng 2026),
 * copied from the seed's text: paragraphs one per line, table rows with their
 * cells separated by tabs, italic runs as plain text. Only the markup of the
 * text conversion is gone (bold and italic marks); every word, figure, typo
 * ("phục thuộc"), placeholder ("= b/a*100", "a"), ratio typed into the unit
 * column ("51,9%") and the repeated header of Biểu mẫu 1 (a page break in
 * Word) is as the ward typed it.
 */
export const SEED_APPENDIX = `Phụ lục 3

BIỂU MẪU THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH ĐỊNH KỲ (Kèm theo Báo cáo số: 329/BC-UBND ngày 09/6/2025 của Ủy ban nhân dân phường Nhị Chiểu)

Biểu mẫu 1

Công tác chỉ đạo điều hành cải cách hành chính

STT\tChỉ tiêu thống kê (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)\tKết quả thống kê\t\tGhi chú
\t\tĐơn vị tính\tSố liệu\t
1.\tSố văn bản chỉ đạo cải cách hành chính (CCHC) đã ban hành (Kết luận, chỉ thị, công văn chỉ đạo, quán triệt)\tVăn bản\t7\t
2.\tTỷ lệ hoàn thành Kế hoạch CCHC năm (Lũy kế đến thời điểm báo cáo)\t51,9%\t= 27/52*100\t
2.1.\tSố nhiệm vụ đề ra trong kế hoạch\tNhiệm vụ\t52\t
2.2.\tSố nhiệm vụ đã hoàn thành\tNhiệm vụ\t27\t
3.\tKiểm tra CCHC\t\t\t
3.1.\tSố sở, ngành đã kiểm tra\tCơ quan, đơn vị\t\t
3.2.\tSố UBND cấp xã đã kiểm tra\tCơ quan, đơn vị\t\t
3.3.\tTỷ lệ xử lý các vấn đề phát hiện qua kiểm tra\t%\t= b/a*100\t
3.3.1.\tSố vấn đề phát hiện qua kiểm tra\tVấn đề\ta\t
3.3.2.\tSố vấn đề phát hiện đã xử lý xong\tVấn đề\tb\t
4.\tThực hiện nhiệm vụ Ủy ban nhân dân thành phố, Chủ tịch Ủy ban nhân dân thành phố giao\t\t\t

STT\tChỉ tiêu thống kê (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)\tKết quả thống kê\t\tGhi chú
\t\tĐơn vị tính\tSố liệu\t
4.1.\tTổng số nhiệm vụ được giao\tNhiệm vụ\t38\t
4.1.1.\tSố nhiệm vụ đã hoàn thành đúng hạn\tNhiệm vụ\t28\t
4.1.2.\tSố nhiệm vụ đã hoàn thành nhưng quá hạn\tNhiệm vụ\t0\t
4.1.3.\tSố nhiệm vụ quá hạn nhưng chưa hoàn thành\tNhiệm vụ\t0\t
4.2.\tSố lượng phiếu khảo sát\tSố lượng\t9.500\t
4.3.\tHình thức khảo sát\tTrực tuyến = 0 Phát phiếu = 1 Kết hợp = 2\t1\t
5.\tTổ chức đối thoại của lãnh đạo với người dân, cộng đồng doanh nghiệp\tKhông = 0 Có = 1\t0\t

Biểu mẫu 2 Cải
cách thể chế

STT\tChỉ tiêu thống kê (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)\tKết quả thống kê\t\tGhi chú
\t\tĐơn vị tính\tSố liệu\t
1.\tTổng số VBQPPL¹ do địa phương ban hành\tVăn bản\t=a+b\t
\tSố VBQPPL do cấp xã ban hành\tVăn bản\t0\t

¹ Văn bản quy phạm pháp luật.

Biểu mẫu 3

Cải cách thủ tục hành chính

STT\tChỉ tiêu thống kê (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)\tKết quả thống kê\t\tGhi chú
\t\tĐơn vị tính\tSố liệu\t
1.\tThực hiện cơ chế một cửa, một cửa liên thông\t\t\t
1.1.\tTỷ lệ thủ tục hành chính (TTHC) thực hiện việc tiếp nhận, trả kết quả tại Bộ phận Một cửa\t100%\t100\t
1.2.\tSố TTHC đang thực hiện tiếp nhận và giải quyết không phục thuộc vào địa giới hành chính\tThủ tục\t2.060\t
2.\tKết quả giải quyết TTHC\t\t\t
2.1.\tTỷ lệ hồ sơ TTHC do UBND cấp xã tiếp nhận được giải quyết đúng hạn\t100%\t= 9.275/9.275*100\t
2.1.1.\tTổng số hồ sơ TTHC đã giải quyết xong\tHồ sơ\t9.275\t
2.1.2.\tSố hồ sơ TTHC giải quyết đúng hạn\tHồ sơ\t9.275\t
2.2.\tTỷ lệ giải quyết phản ánh, kiến nghị (PAKN) về quy định TTHC\t100%\t= 2/2*100\t
2.2.1.\tTổng số PAKN đã tiếp nhận (trực tiếp hoặc do cơ quan có thẩm quyền chuyển đến)\tPAKN\t2\t
2.2.2.\tSố PAKN đã giải quyết xong\tPAKN\t2\t

Biểu mẫu 4

Cải cách tổ chức bộ máy

STT\tChỉ tiêu thống kê (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)\tKết quả thống kê\t\tGhi chú
\t\tĐơn vị tính\tSố liệu\t
1.\tSố liệu về biên chế công chức\t\t\t
1.1.\tTổng số biên chế được giao trong năm\tNgười\t52\t
1.2.\tTổng số biên chế có mặt tại thời điểm báo cáo\tNgười\t43\t
1.3.\tSố hợp đồng lao động làm việc tại các cơ quan, tổ chức hành chính\tNgười\t01\t
1.4.\tSố biên chế đã tinh giản trong kỳ báo cáo\tNgười\t0\t
2.\tSố người làm việc hưởng lương từ ngân sách nhà nước tại các đơn vị sự nghiệp công lập\t\t\t
2.1.\tTổng số người làm việc được giao\tNgười\t586\t
2.2.\tTổng số người làm việc có mặt tại thời điểm báo cáo\tNgười\t573\t
2.3.\tSố người đã tinh giản trong kỳ báo cáo\tNgười\t0\t
2.4.\tTỷ lệ % đã tinh giản so với năm 2015\t%\t0\t

Biểu mẫu 5

Cải cách chế độ công vụ

STT\tChỉ tiêu thống kê (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)\tKết quả thống kê\t\tGhi chú
\t\tĐơn vị tính\tSố liệu\t
1.\tVị trí việc làm của công chức, viên chức\t\t\t
1.1.\tSố cơ quan, tổ chức hành chính đã được phê duyệt vị trí việc làm theo quy định\tCơ quan, đơn vị\t4\t
1.2.\tSố đơn vị sự nghiệp đã được phê duyệt vị trí việc làm theo quy định\tCơ quan, đơn vị\t19\t
1.3.\tSố cơ quan, tổ chức có vi phạm trong thực hiện vị trí việc làm phát hiện qua thanh tra\tCơ quan, đơn vị\t0\t
2.\tTuyển dụng công chức, viên chức\t\t\t
2.1.\tSố công chức được tuyển dụng (thi tuyển, xét tuyển)\tNgười\t0\t
2.2.\tSố viên chức được tuyển dụng (thi tuyển, xét tuyển).\tNgười\t10\t
3.\tSố lượng lãnh đạo quản lý được tuyển chọn, bổ nhiệm thông qua thi tuyển (Lũy kế từ đầu năm)\tNgười\t0\t
4.\tSố lượng cán bộ, công chức, viên chức bị kỷ luật (cả về Đảng và chính quyền).\t\t=a+b+c+d\t
4.1.\tSố lãnh đạo Ủy ban nhân dân cấp xã bị kỷ luật.\tNgười\t0\t
4.2.\tSố lãnh đạo cấp phòng Ủy ban nhân dân cấp xã bị kỷ luật.\tNgười\t0\t
4.3.\tSố người làm việc hưởng lương từ ngân sách nhà nước tại các đơn vị sự nghiệp công lập bị kỷ luật.\tNgười\t0\t

Biểu mẫu 6

Cải cách tài chính công

STT\tChỉ tiêu thống kê (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)\tKết quả thống kê\t\tGhi chú
\t\tĐơn vị tính\tSố liệu\t
1.\tTỷ lệ thực hiện Kế hoạch giải ngân vốn đầu tư công\t50,0%\t= b/a*100\t
1.1.\tKế hoạch được giao\tTriệu đồng\t42,809\t
1.2.\tĐã thực hiện\tTriệu đồng\t21.406\t
2.\tThực hiện tự chủ tài chính của đơn vị sự nghiệp (ĐVSN) tại địa phương (lũy kế đến thời điểm báo cáo)\t\t\t
2.1.\tTổng số ĐVSN công lập tại địa phương\tĐơn vị\t19\t
2.2.\tSố ĐVSN tự bảo đảm chi thường xuyên và chi đầu tư\tĐơn vị\t0\t
2.3.\tSố ĐVSN tự bảo đảm chi thường xuyên\tĐơn vị\t0\t
2.4.\tSố ĐVSN tự bảo đảm một phần chi thường xuyên\tĐơn vị\t19\t
2.4.1.\tSố ĐVSN tự bảo đảm từ 70% - dưới 100% chi thường xuyên\tĐơn vị\t0\t
2.4.2.\tSố ĐVSN tự bảo đảm từ 30% - dưới 70% chi thường xuyên\tĐơn vị\t0\t
2.4.3.\tSố ĐVSN tự bảo đảm từ 10% - dưới 30% chi thường xuyên\tĐơn vị\t0\t
2.5.\tSố ĐVSN do Nhà nước bảo đảm chi thường xuyên\tĐơn vị\t19\t
2.6.\tSố lượng ĐVSN đã chuyển đổi thành công ty cổ phần (lũy kế đến thời điểm báo cáo)\tĐơn vị\t0\t

Biểu mẫu 7

Xây dựng và phát triển Chính quyền điện tử, Chính quyền số

STT\tChỉ tiêu thống kê (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)\tKết quả thống kê\t\tGhi chú
\t\tĐơn vị tính\tSố liệu\t
1.\tCung cấp dịch vụ công trực tuyến (DVCTT)\t\t\t
1.1.\tTỷ lệ DVCTT toàn trình đủ điều kiện\t100%\t= b/a*100\t
1.1.1.\tTổng số DVC đủ điều kiện lên trực tuyến toàn trình\tThủ tục\t219\t
1.1.2.\tSố lượng DVCTT toàn trình\tThủ tục\t219\t
1.2.\tTỷ lệ DVC có phát sinh hồ sơ nộp trực tuyến (toàn trình + một phần)\t100%\t= b/a*100\t
1.2.1.\tTổng số DVCTT có phát sinh hồ sơ (gồm các DVCTT có phát sinh hồ sơ trực tuyến hoặc trực tiếp hoặc cả 2 hình thức)\tThủ tục\t39\t
1.2.2.\tSố DVCTT có phát sinh hồ sơ trực tuyến\tThủ tục\t39\t
1.3.\tTỷ lệ hồ sơ trực tuyến toàn trình\t100%\t= b/a*100\t
1.3.1.\tTổng số hồ sơ của DVCTT toàn trình (gồm hồ sơ nộp trực tuyến + trực tiếp)\tThủ tục\t752\t
1.3.2.\tSố hồ sơ nộp trực tuyến của các DVCTT toàn trình\tThủ tục\t752\t
1.4.\tTỷ lệ hồ sơ trực tuyến một phần\t100%\t= b/a*100\t
1.4.1.\tTổng số hồ sơ của DVCTT một phần (gồm hồ sơ nộp trực tuyến + trực tiếp)\tHồ sơ\t8.523\t
1.4.2.\tSố hồ sơ nộp trực tuyến của các DVCTT một phần\tHồ sơ\t8.523\t
1.5.\tTỷ lệ TTHC được tích hợp, triển khai thanh toán trực tuyến\t100%\t= b/a*100\t
1.5.1.\tTổng số TTHC có yêu cầu nghĩa vụ tài chính (tất cả các TTHC có phát sinh phí, lệ phí,...)\tThủ tục\t43\t
1.5.2.\tSố TTHC đã được tích hợp, triển khai thanh toán trực tuyến trên Cổng DVC quốc gia\tThủ tục\t43\t`;

/** Options for laying a pasted appendix out on a sheet. */
export interface PasteOptions {
  sheetName?: string;
  /** column where Word's paste starts (1 = A) */
  firstColumn?: number;
  /** store cells that read as plain whole numbers ("52", "0") as numbers, as Excel does on a plain paste; default: everything stays text */
  numbersAsNumbers?: boolean;
}

/**
 * Lays text out the way Word pastes into Excel: one row per paragraph (text
 * in the first column), one row per table row with a cell per tab-separated
 * column, a blank row for each run of blank lines. A two-row table header
 * keeps Word's merged cells: a heading with nothing under it spans both rows
 * ("STT", "Chỉ tiêu thống kê", "Ghi chú"), a heading with nothing beside it
 * spans the columns under it ("Kết quả thống kê" over Đơn vị tính | Số liệu).
 */
export function pasteText(ws: ExcelJS.Worksheet, text: string, options: PasteOptions = {}): void {
  const c0 = options.firstColumn ?? 1;
  const lines = text.split("\n");
  let r = 0;
  let blank = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === "") {
      if (r > 0 && !blank) r++;
      blank = true;
      continue;
    }
    blank = false;
    r++;
    if (!line.includes("\t")) {
      ws.getCell(r, c0).value = line.trim();
      continue;
    }
    const cells = line.split("\t");
    cells.forEach((v, j) => {
      const t = v.trim();
      if (t === "") return;
      ws.getCell(r, c0 + j).value = options.numbersAsNumbers && /^(0|[1-9]\d*)$/.test(t) ? Number(t) : t;
    });
    const next = lines[i + 1] ?? "";
    if (cells[0].trim() === "STT" && next.startsWith("\t")) {
      const below = next.split("\t");
      cells.forEach((v, j) => {
        if (v.trim() === "") return;
        if ((below[j] ?? "").trim() === "") ws.mergeCells(r, c0 + j, r + 1, c0 + j);
        else if ((cells[j + 1] ?? "x").trim() === "" && (below[j + 1] ?? "").trim() !== "") ws.mergeCells(r, c0 + j, r, c0 + j + 1);
      });
    }
  }
}

/** The seed's appendix pasted into a fresh workbook's one sheet, as .xlsx bytes. */
export async function pastedSeedWorkbook(options: PasteOptions = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(options.sheetName ?? "Sheet1");
  pasteText(ws, SEED_APPENDIX, options);
  ws.getColumn(options.firstColumn ?? 1).width = 8;
  ws.getColumn((options.firstColumn ?? 1) + 1).width = 60;
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
