/**
 * A pasted Phụ lục 3 carries no metadata sheet and no "Đơn vị báo cáo:" title
 * block: aggregation knows who sent it by what the text around its tables says
 * (readTitle), before falling back to the file name.
 */
import ExcelJS from "exceljs";
import { openWorkbook } from "../../../src/adapters/xlsx/open-workbook";
import { identifyWorkbook } from "../../../src/core/aggregate";
import type { WorkbookSnapshot } from "../../../src/core/read";
import { DEFAULT_REGISTRY, parseRegistry, type UnitRegistry } from "../../../src/core/units";
import { messyWorkbook } from "../../support/pasted-messy";
import { pasteText, pastedSeedWorkbook, SEED_APPENDIX } from "../../support/pasted-seed";
import { unitBook } from "../../support/unit-books";
import { aggregate, validateWorkbook } from "../../support/worded";

async function open(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  const opened = await openWorkbook(bytes, "x.xlsx");
  if (!opened.ok) throw new Error(opened.error.code);
  return opened.value;
}

/** The seed's appendix with its first lines replaced, pasted into one sheet. */
async function appendixWith(head: string): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  const text = SEED_APPENDIX.replace(/^[\s\S]*?(?=Biểu mẫu 1\n)/, `${head}\n\n`);
  pasteText(wb.addWorksheet("Phụ lục 3"), text);
  return open(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

const identify = (book: WorkbookSnapshot, file = "bao-cao.xlsx", registry: UnitRegistry = DEFAULT_REGISTRY) =>
  identifyWorkbook(book, validateWorkbook(book).metadata, file, registry);

/** A city's registry: its wards are its units. */
function cityRegistry(): UnitRegistry {
  const all = ["BM1", "BM2", "BM3", "BM4", "BM5", "BM6", "BM7"];
  const parsed = parseRegistry({
    ward: "Thành phố Hải Phòng",
    units: [
      { code: "NC", name: "Phường Nhị Chiểu", forms: all },
      { code: "HL", name: "Phường Hạ Lý", forms: all },
    ],
    // A city sums its wards' counts: each ward reports its own part.
    combine: Object.fromEntries(all.map((f) => [f, "sum"])),
  });
  if (!parsed.ok) throw new Error(parsed.issues.join("\n"));
  return parsed.value;
}

let seed: WorkbookSnapshot;
let messy: WorkbookSnapshot;
beforeAll(async () => {
  seed = await open(await pastedSeedWorkbook());
  messy = await open(await messyWorkbook());
}, 30_000);

describe("identifying a pasted appendix by its text", () => {
  it('the seed: "(Kèm theo Báo cáo số … của Ủy ban nhân dân phường Nhị Chiểu)", no period (only a date), whatever the file is called', () => {
    expect(identify(seed, "vhxh.xlsx")).toEqual({
      unitName: "Ủy ban nhân dân phường Nhị Chiểu",
      periodId: undefined,
      source: "appendix-title",
      unit: expect.objectContaining({ code: "VHXH" }),
    });
    expect(identify(seed, "Sheet1.xlsx")).toEqual({ unitName: "Ủy ban nhân dân phường Nhị Chiểu", periodId: undefined, source: "appendix-title" });
  });

  it("a new user's sheet: the letterhead in capitals and the period in the title, 6 THÁNG ĐẦU NĂM 2026", () => {
    expect(identify(messy)).toEqual({ unitName: "Ủy ban nhân dân phường Hạ Lý", periodId: "2026-H1", source: "appendix-title" });
  });

  it("a city's registry knows the committee by its ward's name", () => {
    const registry = cityRegistry();
    expect(identify(seed, "x.xlsx", registry).unit?.code).toBe("NC");
    expect(identify(messy, "x.xlsx", registry).unit?.code).toBe("HL");
  });

  it('"Đơn vị báo cáo: …" above the tables is a title block; the period comes from the text when the block has none', async () => {
    const id = identify(await appendixWith("Đơn vị báo cáo: Phòng Kinh tế\nBáo cáo số liệu 6 tháng đầu năm 2026"));
    expect(id).toMatchObject({ unitName: "Phòng Kinh tế", periodId: "2026-H1", source: "title" });
    expect(id.unit?.code).toBe("KT");
  });

  it.each([
    ["UBND PHƯỜNG HẠ LÝ\nSỐ LIỆU CẢI CÁCH HÀNH CHÍNH QUÝ III NĂM 2026", "UBND phường Hạ Lý", undefined, "2026-Q3"],
    ["(Kèm theo Báo cáo số 12/BC-UBND ngày 05/3/2026 của UBND xã Đường An)\nQuý I năm 2026", "UBND xã Đường An", undefined, "2026-Q1"],
  ])("%p → %p", async (head, unitName, code, periodId) => {
    const id = identify(await appendixWith(head));
    expect(id).toMatchObject({ unitName, periodId, source: "appendix-title" });
    expect(id.unit?.code).toBe(code);
  });

  it("a period only the text gives goes with a unit only the file name gives", async () => {
    const id = identify(await appendixWith("BÁO CÁO SỐ LIỆU 6 THÁNG ĐẦU NĂM 2026"), "bao-cao-vhxh.xlsx");
    expect(id).toMatchObject({ unitName: "Phòng Văn hóa - Xã hội", periodId: "2026-H1", source: "file-name" });
  });

  it("the table's own words name no unit and no period: the header's (… hàng quý, 6 tháng, năm) is not read", async () => {
    expect(identify(await appendixWith("Phụ lục 3"), "so-lieu.xlsx")).toEqual({ unitName: "so-lieu.xlsx", source: "none" });
  });

  it("what a template records still comes first, and its title block next", () => {
    const book = unitBook({ BM2: { "1.1": 3 } }, { unit: "Phòng VHXH", period: "2026-Q3" });
    expect(identify(book)).toMatchObject({ source: "metadata", periodId: "2026-Q3" });
    const made = unitBook({ BM2: { "1.1": 3 } }, { title: { unit: "Phòng KT", period: "Quý I năm 2026" } });
    expect(identify(made)).toMatchObject({ source: "title", unitName: "Phòng KT", periodId: "2026-Q1" });
  });

  it("aggregation uses it: the two wards' appendices are two units of the city, for the period the messy one gives", () => {
    const r = aggregate({
      workbooks: [
        { file: "nc.xlsx", book: seed },
        { file: "hl.xlsx", book: messy },
      ],
      registry: cityRegistry(),
    });
    expect(r.files.map((f) => [f.file, f.unitCode, f.periodId, f.status])).toEqual([
      ["nc.xlsx", "NC", undefined, "used"],
      ["hl.xlsx", "HL", "2026-H1", "used"],
    ]);
    expect(r.findings.filter((f) => f.code === "UNKNOWN_UNIT")).toEqual([]);
    // The seed says no period: used, but said so.
    expect(r.findings.filter((f) => f.code === "PERIOD_MISMATCH").map((f) => [f.file, f.actual])).toEqual([["nc.xlsx", null]]);
    expect(r.values.BM3["2.1.1"]).toBe(9275 + 6412);
  });
});
