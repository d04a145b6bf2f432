import { CATALOGUE } from "../../src/core/forms";
import { formNumberOfTitle, matchRows, TEXT_MATCH_MIN, TEXT_MATCH_TIE, prepareText, textScore, type SheetSnapshot } from "../../src/core/read";
import { DEFAULT_REGISTRY } from "../../src/core/units/registry";
import { checkedFinding, listFindings, validate, withCode } from "../support/finding-checks";
import { period } from "../support/plans";
import { book, formOf, formSheet, type Entry, type FormSheetOptions } from "../support/snapshot-builder";
import { aggregate, importWorkbook } from "../support/worded";
import { deleteA1, planCellA1, rowsFromA1, setA1 } from "../support/a1";
import { eachCell, putCell } from "../../src/core/read/snapshot";

/**
 * Forms pasted into a sheet that is not named after them: found by their
 * titles, rows placed by STT or by their indicator text.
 */

/** One form as pasted: no formulas (ratio and total rows blank unless given), a title of its own. */
function pastedForm(
  id: string,
  title: (string | null)[],
  values: Record<string, Entry> = {},
  options: Omit<FormSheetOptions, "values" | "titleLines" | "sheetName"> = {},
): SheetSnapshot {
  const form = formOf(id);
  const blanks = Object.fromEntries(form.rows.filter((r) => r.kind === "ratio" || r.kind === "total").map((r) => [r.stt, { value: null } as Entry]));
  return formSheet(id, { ...options, sheetName: "Sheet1", titleLines: title, values: { ...blanks, ...values } });
}

/** Sheets laid one under another (a blank row between) as one sheet, as an appendix pastes. */
function stack(name: string, ...sheets: SheetSnapshot[]): SheetSnapshot {
  const rows: SheetSnapshot["rows"] = [];
  let offset = 0;
  let maxCol = 0;
  for (const s of sheets) {
    eachCell(s, (cell, row, col) => putCell(rows, row + offset, col, { value: cell.value }));
    offset += s.maxRow + 1;
    maxCol = Math.max(maxCol, s.maxCol);
  }
  return { name, visibility: "visible", rows, maxRow: offset - 1, maxCol, merges: [] };
}

const BM2_TITLE = ["Biểu mẫu 2", "Cải cách thể chế", null];

describe("a form's title starts a pasted form", () => {
  it.each([
    [["Biểu mẫu 3"], 3],
    [["BIỂU MẪU 3"], 3],
    [["Biểu mẫu 3 Cải cách thủ tục hành chính"], 3],
    [["Biểu mẫu 3 Cải", "cách thủ tục hành chính"], 3],
    [["Phụ lục 3 – Biểu mẫu 3"], 3],
    [["Bieu mau so 3:"], 3],
    [["BM3 - Cải cách TTHC"], undefined], // "BM3" is a form id in a list, not a title
    [["Biểu mẫu 9"], undefined], // no such form
    [["BIỂU MẪU THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH ĐỊNH KỲ"], undefined],
  ])("%j → Biểu mẫu %p", (title, number) => {
    const result = validate(book(pastedForm("BM3", [...title, null], { "1.1": "100" })));
    expect(Object.keys(result.forms)).toEqual(number ? [`BM${number}`] : []);
  });

  it("in a sheet known to hold pasted forms, a form's own title alone on its line starts it too", () => {
    const sheet = stack("Sheet1", pastedForm("BM2", BM2_TITLE, { "1.1": "1" }), pastedForm("BM3", ["Cải cách thủ tục hành chính", null], { "1.1": "100" }));
    expect(Object.keys(validate(book(sheet)).forms)).toEqual(["BM2", "BM3"]);
    // alone in a sheet, without any "Biểu mẫu N", a line of text is not taken for a form's title
    expect(validate(book(pastedForm("BM3", ["Cải cách thủ tục hành chính", null], { "1.1": "100" }))).forms).toEqual({});
  });

  it("reads the number of a title cell", () => {
    expect(formNumberOfTitle("Biểu mẫu 2 Cải\ncách thể chế")).toBe(2);
    expect(formNumberOfTitle("Biểu mẫu 1.2")).toBeUndefined();
    expect(formNumberOfTitle(`Biểu mẫu 1 ${"x".repeat(300)}`)).toBeUndefined();
  });

  it("finds forms in any order, some missing, each with its own rows", () => {
    const sheet = stack("Phụ lục", pastedForm("BM5", ["Biểu mẫu 5", null], { "1.1": "4" }), pastedForm("BM2", BM2_TITLE, { "1.1": "3" }));
    const result = validate(book(sheet));
    expect(result.forms).toEqual({ BM2: "Phụ lục", BM5: "Phụ lục" });
    expect(result.figures.BM2).toEqual({ "1": 3, "1.1": 3 });
    expect(result.figures.BM5["1.1"]).toBe(4);
  });

  it("a form's own sheet wins over a pasted copy, which is a duplicate at its title", () => {
    const b = book(pastedForm("BM2", BM2_TITLE, { "1.1": "1" }), formSheet("BM2", { values: { "1.1": 5 } }));
    const result = validate(b);
    expect(result.forms).toEqual({ BM2: "BM2" });
    expect(checkedFinding(b, "STRUCTURE_CHANGED", "Sheet1!A1")).toMatchObject({ severity: "warning", form: "BM2" });
  });

  it("a form that goes on without a header of its own reads the previous form's columns; a title with no table at all is reported", () => {
    const bm3 = pastedForm("BM3", ["Biểu mẫu 3", null], { "1.1": "100" }, { firstColumn: 2 });
    const headless = pastedForm("BM4", ["Biểu mẫu 4", null], { "1.1": "52" }, { firstColumn: 2 });
    deleteA1(headless, "B3"); // the header row of BM4 is gone (B3:F3)
    for (const c of ["C3", "D3", "E3", "F3"]) deleteA1(headless, c);
    const result = validate(book(stack("Sheet1", bm3, headless)));
    expect(result.figures.BM4["1.1"]).toBe(52);
    const first = pastedForm("BM2", BM2_TITLE, { "1.1": "1" });
    const empty: SheetSnapshot = { ...first, rows: rowsFromA1({ A1: { value: "Biểu mẫu 6" }, A3: { value: "Không có số liệu" } }), maxRow: 3 };
    const noTable = validate(book(stack("Sheet1", first, empty)));
    expect(withCode(noTable, "STRUCTURE_CHANGED").map((f) => [f.form, f.cell])).toEqual([["BM6", `Sheet1!A${first.maxRow + 2}`]]);
    // a sheet where no title has a table is no appendix: a note that mentions "Biểu mẫu 6" is not a form
    expect(validate(book(empty)).findings.map((f) => f.code)).toEqual(["STRUCTURE_CHANGED"]); // "no form sheet found", as for any workbook without forms
  });

  it("leaves very hidden sheets alone (the metadata sheet)", () => {
    const hidden = { ...pastedForm("BM2", BM2_TITLE, { "1.1": "1" }), visibility: "veryHidden" as const };
    expect(validate(book(hidden)).forms).toEqual({});
  });
});

describe("rows are placed by STT, or by their indicator text", () => {
  it('STT as Excel leaves them: 2.1 the number, "2.1.", " 2.1 "', () => {
    const result = validate(
      book(pastedForm("BM1", ["Biểu mẫu 1", null], { "2.1": { stt: 2.1, value: "52" }, "2.2": { stt: "2.2.", value: "27" }, "1": { stt: " 1 ", value: "7" } })),
    );
    expect(result.figures.BM1).toMatchObject({ "1": 7, "2.1": 52, "2.2": 27 });
    expect(withCode(result, "ROW_MATCHED_BY_TEXT")).toEqual([]);
  });

  it('no STT, or "a)", "I": by text, with typos, accents, spacing, footnote marks and trailing dots ignored, and said', () => {
    const b = book(
      pastedForm("BM5", ["Biểu mẫu 5", null], {
        "4": { stt: null, indicator: "SỐ LƯỢNG CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC BỊ KỶ LUẬT¹  (cả về Đảng và chính quyền).", value: "=a+b+c+d" },
        "4.1": { stt: "a)", indicator: "So lanh dao Uy ban nhan dan cap xa bi ky luat", value: "1" },
        "4.2": { stt: "I", indicator: "Số lãnh đạo cấp phòng Ủy ban nhân dân cấp xã bị kỷ luậc", value: "2" },
      }),
    );
    const result = validate(b);
    expect(result.figures.BM5).toMatchObject({ "4.1": 1, "4.2": 2 });
    expect(withCode(result, "ROW_MATCHED_BY_TEXT").map((f) => [f.row, f.actual])).toEqual([
      ["4", null],
      ["4.1", "a)"],
      ["4.2", "I"],
    ]);
    const f = checkedFinding(b, "ROW_MATCHED_BY_TEXT", "Sheet1!B13");
    expect(f).toMatchObject({ severity: "info", form: "BM5", row: "4.1", expected: "4.1", actual: "a)" });
  });

  it('the seed\'s BM2: its one unnumbered component row is 1.1, placed by its text; the "=a+b" above it is a placeholder, not a missing row', () => {
    const b = book(pastedForm("BM2", BM2_TITLE, { "1": { value: "=a+b" }, "1.1": { stt: null, indicator: "Số VBQPPL do cấp xã ban hành", value: "0" } }));
    const result = validate(b);
    expect(withCode(result, "STRUCTURE_CHANGED")).toEqual([]);
    expect(checkedFinding(b, "ROW_MATCHED_BY_TEXT", "Sheet1!B6")).toMatchObject({ severity: "info", form: "BM2", row: "1.1", expected: "1.1", actual: null });
    expect(result.figures.BM2).toEqual({ "1.1": 0 });
    expect(withCode(result, "FORMULA_MISMATCH").map((x) => [x.cell, x.actual])).toEqual([["Sheet1!D5", "=a+b"]]);
  });

  // BM7 1.3.2 and 1.4.2 differ only in their last words ("toàn trình", "một phần"): a row cut short before them fits both.
  const BM7_CUT = "Số hồ sơ nộp trực tuyến của các DVCTT";

  it("a row that fits two rows equally well is left unmatched, never picked; the rows stay missing", () => {
    const rows = formOf("BM7")
      .rows.map((r) => r.stt)
      .filter((x) => x !== "1.4.2");
    const b = book(pastedForm("BM7", ["Biểu mẫu 7", null], { "1.3.2": { stt: null, indicator: BM7_CUT, value: "5" } }, { rows }));
    const result = validate(b);
    const f = checkedFinding(b, "STRUCTURE_CHANGED", "Sheet1!B13");
    expect(f).toMatchObject({ severity: "warning", row: null, actual: BM7_CUT });
    expect(String(f.expected).split(", ").sort()).toEqual(["1.3.2", "1.4.2"]);
    expect(Object.keys(result.figures.BM7)).not.toContain("1.3.2");
    expect(Object.keys(result.figures.BM7)).not.toContain("1.4.2");
    expect(
      withCode(result, "STRUCTURE_CHANGED")
        .filter((x) => x.cell === null)
        .map((x) => x.row),
    ).toEqual(["1.3.2", "1.4.2"]);
  });

  it("…and an import writes it into neither: both rows blank in the standard form, each one's Ghi chú saying why", () => {
    const rows = formOf("BM7")
      .rows.map((r) => r.stt)
      .filter((x) => x !== "1.4.2");
    const imported = importWorkbook(book(pastedForm("BM7", ["Biểu mẫu 7", null], { "1.3.2": { stt: null, indicator: BM7_CUT, value: "5" } }, { rows })), {
      period: period("2026-H1"),
      createdAt: "2026-06-20T08:00:00.000Z",
    });
    for (const stt of ["1.3.2", "1.4.2"])
      expect(imported.values.find((v) => v.form === "BM7" && v.stt === stt)).toMatchObject({ cell: null, value: null, source: "missing" });
    const bm7 = imported.plan!.sheets.find((sheet) => sheet.name === "BM7")!;
    const note = (address: string) => planCellA1(bm7.cells, address)?.value;
    // the candidates as the reader ranks them (the cut text is a little closer to 1.4.2)
    const because = `Bản gốc có dòng "${BM7_CUT}" = 5, không rõ là dòng 1.4.2 hay 1.3.2`;
    expect(note("E17")).toBe(because); // 1.3.2
    expect(note("E20")).toBe(because); // 1.4.2
    expect(note("D17") ?? null).toBeNull();
    expect(note("D20") ?? null).toBeNull();
  });

  it("…but once one of the two is taken by a row that names it, the other is the only one left", () => {
    const result = validate(
      book(
        // the cut row scores a little higher for 1.4.2, which the row below names in full: it is 1.3.2
        pastedForm("BM7", ["Biểu mẫu 7", null], { "1.3.2": { stt: null, indicator: BM7_CUT, value: "1" }, "1.4.2": { stt: null, value: "2" } }),
      ),
    );
    expect(result.figures.BM7).toMatchObject({ "1.3.2": 1, "1.4.2": 2 });
  });

  it("an STT that names one row over the text of another is overruled by the text, and an STT copied twice is placed by its text", () => {
    const order = formOf("BM4")
      .rows.map((r) => r.stt)
      .filter((s) => s !== "2.4");
    const result = validate(
      book(
        pastedForm(
          "BM4",
          ["Biểu mẫu 4", null],
          { "1.4": { stt: "1.3", value: "0" }, "2.3": { value: "0" }, "1.1": { stt: "1.1", value: "52" }, "1.2": { value: "43" }, "1.3": { value: "1" } },
          { rows: [...order, "2.4"] },
        ),
      ),
    );
    expect(withCode(result, "ROW_MATCHED_BY_TEXT").map((f) => [f.row, f.actual])).toEqual([["1.4", "1.3"]]);
    expect(result.figures.BM4).toMatchObject({ "1.3": 1, "1.4": 0 });
    expect(listFindings(result)).not.toMatch(/row-duplicate|bị lặp/);
  });

  it("a row of the ward's own, with a figure, matching nothing: unmatched and said; without a figure it is left alone", () => {
    const sheet = pastedForm("BM2", BM2_TITLE, { "1.1": "3" });
    setA1(sheet, "B9", { value: "Số cuộc họp giao ban do phường tự theo dõi" });
    setA1(sheet, "D9", { value: "12" });
    setA1(sheet, "B10", { value: "Người lập biểu" });
    sheet.maxRow = 10;
    const b = book(sheet);
    expect(checkedFinding(b, "STRUCTURE_CHANGED", "Sheet1!B9")).toMatchObject({
      severity: "warning",
      form: "BM2",
      actual: "Số cuộc họp giao ban do phường tự theo dõi",
    });
    expect(withCode(validate(b), "STRUCTURE_CHANGED")).toHaveLength(1);
  });

  it("says in both languages where the form was read from and what was decided", () => {
    const b = book(pastedForm("BM6", ["Biểu mẫu 6", null], { "1": { value: "= b/a*100", unit: "50,0%" }, "1.1": "42,809", "1.2": "21.406" }));
    expect(checkedFinding(b, "PASTED_LAYOUT", "Sheet1!A1")).toMatchObject({ severity: "info", form: "BM6", row: null });
    expect(checkedFinding(b, "VALUE_RESOLVED", "Sheet1!D5")).toMatchObject({ severity: "warning", row: "1.1", expected: "42.809", actual: "42,809" });
  });
});

describe("the text score", () => {
  const score = (a: string, b: string) => textScore(prepareText(a), prepareText(b));
  it("is 1 for the same words however written, lower for a typo, far lower for another indicator", () => {
    expect(score("TỔNG SỐ VBQPPL¹ do địa phương ban hành.", "Tổng số VBQPPL (văn bản quy phạm pháp luật) do địa phương ban hành")).toBe(1);
    expect(score("Số nhiệm vu đã hòan thàn", "Số nhiệm vụ đã hoàn thành")).toBeGreaterThan(0.9);
    expect(score("Số nhiệm vụ đã hoàn thành", "Tổng số biên chế được giao trong năm")).toBeLessThan(TEXT_MATCH_MIN);
  });

  it("tells every catalogue row from its closest sibling by more than the tie margin", () => {
    for (const form of CATALOGUE.forms) {
      const m = matchRows(
        form,
        form.rows.map((r, i) => ({ row: i + 1, text: r.indicator })),
      );
      expect(m.map((x) => (x.by === "text" ? x.stt : x.by))).toEqual(form.rows.map((r) => r.stt));
    }
    expect(TEXT_MATCH_TIE).toBeGreaterThan(0);
  });
});

describe("aggregation takes pasted appendices with the templates", () => {
  it("adds a pasted sheet's figures to a template's (BM1, where each unit reports its own part)", () => {
    const pasted = book(pastedForm("BM1", ["Biểu mẫu 1", null], { "4.2": "17.330,4", "2.1": "10.000", "1": "12" }));
    const template = book(formSheet("BM1", { values: { "4.2": 100, "2.1": 50, "1": 3 } }));
    const result = aggregate({
      workbooks: [
        { file: "kt.xlsx", book: pasted },
        { file: "vhxh.xlsx", book: template },
      ],
      registry: DEFAULT_REGISTRY,
    });
    expect(result.values.BM1).toMatchObject({ "4.2": 17430.4, "2.1": 10050, "1": 15 });
  });
});
