import { CATALOGUE } from "../../src/core/forms";
import { periodOfText, readTitle } from "../../src/core/import";
import { locateForms } from "../../src/core/read";
import { book, formSheet, metaSheet } from "../support/snapshot-builder";
import { a1, at } from "../support/a1";

/** The unit, period and dates the text around the tables gives (cchc import). */
describe("periodOfText", () => {
  it.each([
    ["BÁO CÁO SỐ LIỆU CẢI CÁCH HÀNH CHÍNH 6 THÁNG ĐẦU NĂM 2026", "2026-H1"],
    ["Kỳ báo cáo: 6 tháng đầu năm 2026", "2026-H1"],
    ["Báo cáo 6 tháng năm 2025", "2025-H1"],
    ["Báo cáo kết quả CCHC Quý I năm 2026", "2026-Q1"],
    ["Quý I/2026", "2026-Q1"],
    ["Báo cáo quý III năm 2026", "2026-Q3"],
    ["Quý 3 - 2026", "2026-Q3"],
    ["Kỳ báo cáo: Năm 2026", "2026-Y"],
    ["Báo cáo kết quả cải cách hành chính năm 2026", "2026-Y"],
    // not a period
    ["Chỉ tiêu thống kê (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)", undefined],
    ["Kèm theo Báo cáo số: 329/BC-UBND ngày 09/6/2025 của Ủy ban nhân dân phường Nhị Chiểu", undefined],
    ["Nhị Chiểu, ngày 16 tháng 6 năm 2026", undefined],
    ["Báo cáo quý II năm 2026", undefined], // no Q2 report
    ["Kế hoạch cải cách hành chính", undefined],
  ])("%p → %p", (text, id) => {
    expect(periodOfText(text)).toBe(id);
  });
});

describe("readTitle", () => {
  const read = (lines: (string | null)[]) => {
    const b = book(formSheet("BM3", { sheetName: "Sheet1", titleLines: ["Biểu mẫu 3", ...lines, null], values: { "1.1": "100" } }));
    return readTitle(b, locateForms(b, CATALOGUE).found);
  };

  it.each([
    ["(Kèm theo Báo cáo số: 329/BC-UBND ngày 09/6/2025 của Ủy ban nhân dân phường Nhị Chiểu)", "Ủy ban nhân dân phường Nhị Chiểu"],
    ["ỦY BAN NHÂN DÂN PHƯỜNG HẠ LÝ", "Ủy ban nhân dân phường Hạ Lý"],
    ["UBND XÃ ĐƯỜNG AN", "UBND xã Đường An"],
    ["Uỷ ban nhân dân phường Vị Khê báo cáo kết quả như sau", "Uỷ ban nhân dân phường Vị Khê"],
    ["Đơn vị báo cáo: Phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội"],
    ["Cải cách thủ tục hành chính", undefined],
  ])("the unit of %p is %p", (line, unit) => {
    expect(read([line]).unit?.value).toBe(unit);
  });

  it("gives the dates, where they are, and never reads the table", () => {
    const info = read(["Nhị Chiểu, ngày 09 tháng 6 năm 2026", "(Kèm theo Báo cáo số 1/BC-UBND ngày 5/6/2026)"]);
    expect(info.dates.map((d) => [d.value, d.text, a1(d)])).toEqual([
      ["2026-06-09", "09 tháng 6 năm 2026", "A2"],
      ["2026-06-05", "5/6/2026", "A3"],
    ]);
    // the header "(Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)" and the indicators are table text
    expect(info.period).toBeUndefined();
  });

  it("reads a template's title block too", () => {
    const b = book(formSheet("BM3", { values: { "1.1": 100 } }), metaSheet(["BM3"]));
    const info = readTitle(b, locateForms(b, CATALOGUE).found);
    expect(info.unit).toMatchObject({ value: "Phòng Văn hóa - Xã hội", ...at("A3") });
    expect(info.period).toMatchObject({ value: "2026-H1", ...at("A4") });
  });
});
