/**
 * `cchc template --unit NAME --units SETUP.json`: the template is always
 * written, but a name the ward's setup does not list gets one warning line on
 * stderr, saying which unit aggregation will read it as, or that it will be an
 * unknown unit.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readMetadata, META_SHEET } from "../../src/core/layout";
import type { WorkbookSnapshot } from "../../src/core/read";
import { DEFAULT_REGISTRY } from "../../src/core/units/registry";
import { readXlsx } from "../support/exceljs-reader";
import { runCli } from "../support/cli";
import { cellsA1 } from "../support/a1";

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-tpl-setup-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const cchc = (...argv: string[]) => runCli("2026-06-12T08:00:00Z", argv);
const KT = "Phòng Kinh tế, Hạ tầng và Đô thị";

/** The ward's setup file, as `cchc aggregate --units` takes it (saved by Notepad: with a byte-order mark). */
function setupFile(): string {
  const file = path.join(dir, "don-vi.json");
  fs.writeFileSync(file, `\uFEFF${JSON.stringify({ ward: "Phường Nhị Chiểu", units: DEFAULT_REGISTRY.units })}`);
  return file;
}

function unitRecorded(book: WorkbookSnapshot): string | undefined {
  const meta = book.sheets.find((s) => s.name === META_SHEET)!;
  return readMetadata(Array.from({ length: meta.maxRow }, (_, i) => [cellsA1(meta)[`A${i + 1}`]?.value, cellsA1(meta)[`B${i + 1}`]?.value]))?.unit;
}

async function template(unit: string | undefined, ...more: string[]) {
  const out = path.join(dir, "t.xlsx");
  const r = await cchc("template", ...(unit === undefined ? [] : ["--unit", unit]), "--period", "2026-H1", "--forms", "BM1,BM6", "-o", out, ...more);
  const written = fs.existsSync(out) ? await readXlsx(new Uint8Array(fs.readFileSync(out))) : undefined;
  if (fs.existsSync(out)) fs.rmSync(out);
  return { ...r, written };
}

describe("cchc template --units", () => {
  it.each([[KT], ["Phòng KT"], ["kt"], ["phong kinh te, ha tang va do thi"]])("%p is a name of the setup: no warning", async (unit) => {
    const r = await template(unit, "--units", setupFile());
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.written).toBeDefined();
  });

  it('a name only close to a unit ("P. Kinh tế - HT&ĐT"): one line saying which unit it will be read as; the file is written with the name as given', async () => {
    const r = await template("P. Kinh tế - HT&ĐT", "--units", setupFile());
    expect(r.code).toBe(0);
    expect(r.err).toBe(
      `Cảnh báo: "P. Kinh tế - HT&ĐT" không có trong danh sách đơn vị của phường; khi tổng hợp, tệp sẽ được tính là của ${KT} (KT). Nên ghi đúng tên trong danh sách, hoặc thêm tên này làm tên gọi khác (aliases).`,
    );
    expect(r.out).toContain("Đã tạo");
    expect(unitRecorded(r.written!)).toBe("P. Kinh tế - HT&ĐT");
  });

  it("a name not in the list at all: one line, the file still written, exit 0", async () => {
    const r = await template("Phòng Tư pháp", "--units", setupFile());
    expect(r.code).toBe(0);
    expect(r.err).toBe(
      'Cảnh báo: "Phòng Tư pháp" không có trong danh sách đơn vị của phường; khi tổng hợp, tệp sẽ được báo là đơn vị không có trong danh sách (UNKNOWN_UNIT).',
    );
    expect(r.err.split("\n")).toHaveLength(1);
    expect(unitRecorded(r.written!)).toBe("Phòng Tư pháp");
  });

  it("a name that fits two units names both, and is read as neither", async () => {
    const r = await template("Trung tâm", "--units", setupFile());
    expect(r.code).toBe(0);
    expect(r.err).toBe(
      'Cảnh báo: "Trung tâm" không có trong danh sách đơn vị của phường, chỉ gần giống Trung tâm Phục vụ hành chính công (TTPVHCC); Trung tâm Dịch vụ sự nghiệp công (TTDVSNC); khi tổng hợp, tệp sẽ được báo là đơn vị không có trong danh sách (UNKNOWN_UNIT).',
    );
    expect(r.written).toBeDefined();
  });

  it("in English with --lang en", async () => {
    const close = await template("P. Kinh tế - HT&ĐT", "--units", setupFile(), "--lang", "en");
    expect(close.err).toBe(
      `Warning: "P. Kinh tế - HT&ĐT" is not in the ward's list of units; aggregation will read it as ${KT} (KT). Use the name in the list, or add this one as an alias.`,
    );
    const unknown = await template("Phòng Tư pháp", "--units", setupFile(), "--lang", "en");
    expect(unknown.err).toBe(
      'Warning: "Phòng Tư pháp" is not in the ward\'s list of units; aggregation will report the file as an unknown unit (UNKNOWN_UNIT).',
    );
    expect([close.code, unknown.code]).toEqual([0, 0]);
  });

  it("no warning without a setup, nor without --unit", async () => {
    expect(await template("Phòng Tư pháp")).toMatchObject({ code: 0, err: "" });
    expect(await template(undefined, "--units", setupFile())).toMatchObject({ code: 0, err: "" });
  });

  it("a setup that cannot be used fails as cchc aggregate does, before writing anything", async () => {
    const missing = await template(KT, "--units", path.join(dir, "khong-co.json"));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("khong-co.json");
    expect(missing.written).toBeUndefined();
    const bad = path.join(dir, "sai.json");
    fs.writeFileSync(bad, JSON.stringify({ units: [] }));
    const invalid = await template(KT, "--units", bad);
    expect(invalid.code).toBe(2);
    expect(invalid.err).toMatch(/^Lỗi: .*units/);
    expect(invalid.written).toBeUndefined();
  });

  it("is in the help, in both languages", async () => {
    expect((await cchc("--help")).out).toContain("[--units don-vi.json] -o TỆP.xlsx");
    expect((await cchc("--help", "--lang", "en")).out).toContain("[--units units.json] -o FILE.xlsx");
  });
});
