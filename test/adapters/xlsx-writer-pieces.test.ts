/**
 * The .xlsx writer's parts written as UTF-8 piece by piece (issue 17) are the
 * text's own UTF-8, and a plan's cells out of order or written twice still
 * come out as a second write would leave them.
 */
import { unzipSync } from "fflate";
import { planToXlsx } from "../../src/adapters/xlsx/write-plan";
import { Utf8Chunks } from "../../src/adapters/xlsx/write/utf8-chunks";
import { NODE_COMPRESSOR } from "../../src/cli/node-compressor";
import type { CellPlan, WorkbookPlan } from "../../src/core/layout/plan";
import { STYLES } from "../../src/core/layout/styles";

describe("Utf8Chunks", () => {
  it("gives the bytes of the whole text encoded at once", () => {
    const pieces = ['<c r="A1"/>', "Phường Bến Nghé", "😀 ", "x".repeat(40_000), "ệ".repeat(20_000), "", "𝄞end"];
    for (let round = 0; round < 3; round++) {
      const out = new Utf8Chunks();
      const all: string[] = [];
      for (let i = 0; i < 200; i++) {
        const p = pieces[(i * 7 + round) % pieces.length];
        out.add(p);
        all.push(p);
      }
      expect(Buffer.from(out.bytes()).equals(Buffer.from(new TextEncoder().encode(all.join(""))))).toBe(true);
    }
  });
});

describe("the sheet writer", () => {
  const cell = (row: number, col: number, value: string | number | undefined): CellPlan => ({
    row,
    col,
    value,
    numFmt: "General",
    style: STYLES.input,
    locked: true,
  });
  const sheetPlan = (cells: CellPlan[]): WorkbookPlan => ({
    sheets: [{ name: "S", visibility: "visible", columnWidths: [10], rowHeights: { 7: 30 }, cells, merges: [], validations: [], protect: true }],
  });
  const sheetXml = async (plan: WorkbookPlan, compressor = NODE_COMPRESSOR) =>
    new TextDecoder().decode(unzipSync(await planToXlsx(plan, compressor))["xl/worksheets/sheet1.xml"]);

  it("writes cells out of order, or written twice, as the last write left them, in column order", async () => {
    const shuffled = [cell(2, 3, 1), cell(2, 1, "a"), cell(1, 2, 5), cell(2, 3, 9), cell(2, 2, "b"), cell(1, 1, "Đơn vị")];
    const ordered = [cell(1, 1, "Đơn vị"), cell(1, 2, 5), cell(2, 1, "a"), cell(2, 2, "b"), cell(2, 3, 9)];
    const xml = await sheetXml(sheetPlan(shuffled));
    expect(xml).toBe(await sheetXml(sheetPlan(ordered)));
    expect(xml).toContain('<row r="2"><c r="A2" s="1" t="s"><v>1</v></c><c r="B2" s="1" t="s"><v>2</v></c><c r="C2" s="1"><v>9</v></c></row>');
    expect(xml).toContain('<row r="7" ht="30" customHeight="1"></row>');
  });
});
