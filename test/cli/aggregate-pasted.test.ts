/**
 * `cchc aggregate` over a mix of files made from the template and Phụ lục 3
 * pasted from Word: each pasted file is known by what its text says, and its
 * figures count like a template's.
 */
import ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readXlsx } from "../support/exceljs-reader";
import { CATALOGUE } from "../../src/core/forms";
import { formatNumberVi } from "../../src/core/read/number";
import { SAMPLE_UNITS } from "../../src/core/sample/demo-units";
import { CLEAN_VALUES } from "../support/clean-values";
import { runCli } from "../support/cli";
import { fillTemplate } from "../support/fill";
import { messyWorkbook } from "../support/pasted-messy";
import { pasteText, pastedSeedWorkbook } from "../support/pasted-seed";
import { validateWorkbook } from "../support/worded";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-agg-pasted-"));
  fs.mkdirSync(path.join(dir, "nop"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const cchc = (...argv: string[]) => runCli("2026-06-12T08:00:00Z", argv);
const inbox = (name: string) => path.join(dir, "nop", name);
const out = () => path.join(dir, "tong-hop.xlsx");

async function template(unit: string, forms: string[]): Promise<Uint8Array> {
  const file = path.join(dir, "t.xlsx");
  const r = await cchc("template", "--unit", unit, "--period", "2026-H1", "--forms", forms.join(","), "-o", file);
  if (r.code !== 0) throw new Error(r.err);
  const bytes = new Uint8Array(fs.readFileSync(file));
  fs.rmSync(file);
  return bytes;
}

/** A unit's figures typed as Phụ lục 3 in Word and pasted into one sheet: its own lines above, figures as text in Vietnamese notation. */
async function pastedAppendix(head: string[], figures: Record<string, Record<string, number>>): Promise<Uint8Array> {
  const lines = [...head, ""];
  for (const [id, values] of Object.entries(figures)) {
    const form = CATALOGUE.forms.find((f) => f.id === id)!;
    lines.push(`Biểu mẫu ${form.number}`, "", form.title, "", "STT\tChỉ tiêu thống kê\tĐơn vị tính\tSố liệu\tGhi chú");
    for (const row of form.rows) {
      const v = values[row.stt];
      lines.push(`${row.stt}.\t${row.indicator}\t${row.unit}\t${v === undefined ? "" : formatNumberVi(v, 2)}\t`);
    }
    lines.push("");
  }
  const wb = new ExcelJS.Workbook();
  pasteText(wb.addWorksheet("Sheet1"), lines.join("\n"));
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const figuresOf = async (file: string) => validateWorkbook(await readXlsx(new Uint8Array(fs.readFileSync(file)))).figures;

describe("cchc aggregate, template files and pasted appendices together", () => {
  it("a unit that pasted its appendix counts as if it had filled the template", async () => {
    const vp = SAMPLE_UNITS.find((u) => u.code === "vp")!;
    const others = SAMPLE_UNITS.filter((u) => u !== vp && u.code !== "tt-pvhcc");
    for (const u of others) fs.writeFileSync(inbox(`${u.code}.xlsx`), await fillTemplate(await template(u.name, u.forms), u.figures));

    fs.writeFileSync(inbox("vp.xlsx"), await fillTemplate(await template(vp.name, vp.forms), vp.figures));
    const allTemplates = await cchc("aggregate", "--ward", "Phường Nhị Chiểu", "-o", out(), path.join(dir, "nop"));
    expect(allTemplates.code).toBe(0);
    const expected = await figuresOf(out());

    // The office sends its appendix instead, under a file name that says nothing.
    fs.rmSync(inbox("vp.xlsx"));
    fs.writeFileSync(
      inbox("bao-cao-6-thang.xlsx"),
      await pastedAppendix(["Đơn vị báo cáo: Văn phòng HĐND - UBND", "Kỳ báo cáo: 6 tháng đầu năm 2026"], vp.figures),
    );
    const mixed = await cchc("aggregate", "--ward", "Phường Nhị Chiểu", "-o", out(), path.join(dir, "nop"));
    expect(mixed.code).toBe(0);
    expect(mixed.out).toContain(`  ${inbox("bao-cao-6-thang.xlsx")}: Văn phòng HĐND và UBND – dùng – 0 lỗi, 0 cảnh báo`);
    expect(mixed.out).not.toContain("UNKNOWN_UNIT");
    expect(mixed.out).not.toContain("PERIOD_MISMATCH");
    expect(await figuresOf(out())).toEqual(expected);
  }, 60_000);

  it("a city: the seed's and a new user's appendices (wards named in their text) with a ward's template, each ward known", async () => {
    const all = CATALOGUE.forms.map((f) => f.id);
    const registry = path.join(dir, "thanh-pho.json");
    fs.writeFileSync(
      registry,
      JSON.stringify({
        ward: "Thành phố Hải Phòng",
        units: [
          { code: "NC", name: "Phường Nhị Chiểu", forms: all },
          { code: "HL", name: "Phường Hạ Lý", forms: all },
          { code: "AQ", name: "Phường Ái Quốc", forms: all },
        ],
        // A city sums its wards' counts: each ward reports its own part.
        combine: Object.fromEntries(all.map((f) => [f, "sum"])),
      }),
    );
    fs.writeFileSync(inbox("Sheet1.xlsx"), await pastedSeedWorkbook());
    fs.writeFileSync(inbox("bao-cao.xlsx"), await messyWorkbook());
    fs.writeFileSync(inbox("aq.xlsx"), await fillTemplate(await template("Phường Ái Quốc", all), CLEAN_VALUES));

    const r = await cchc("aggregate", "--units", registry, "--json", "-o", out(), path.join(dir, "nop"));
    expect(r.code).toBe(0);
    type FileOut = { file: string; unit: string | null; period: string | null; status: string; findings: { code: string }[] };
    const json = JSON.parse(r.out) as { files: FileOut[]; findings: { code: string; message: string }[] };
    const files = Object.fromEntries(json.files.map((f) => [path.basename(f.file), [f.unit, f.period, f.status]]));
    expect(files).toEqual({
      "Sheet1.xlsx": ["Phường Nhị Chiểu", null, "used"],
      "bao-cao.xlsx": ["Phường Hạ Lý", "2026-H1", "used"],
      "aq.xlsx": ["Phường Ái Quốc", "2026-H1", "used"],
    });
    const codes = (name: string) => json.files.find((f) => path.basename(f.file) === name)!.findings.map((f) => f.code);
    for (const name of Object.keys(files)) expect(codes(name)).not.toContain("UNKNOWN_UNIT");
    // What the appendices really leave out: the new user's sheet has no BM4. The seed's unnumbered BM2 row is 1.1, its figure taken (DOMAIN.md, Biểu mẫu 2).
    expect(json.findings.filter((f) => f.code === "UNIT_MISSING").map((f) => f.message)).toEqual(["Phường Hạ Lý chưa gửi số liệu BM4."]);
    // The seed's appendix names no period (only the date 09/6/2025): used, and said so.
    expect(codes("Sheet1.xlsx")).toContain("PERIOD_MISMATCH");
    expect(codes("bao-cao.xlsx")).not.toContain("PERIOD_MISMATCH");
    const city = await figuresOf(out());
    expect(city.BM3["2.1.1"]).toBe(9275 + 6412 + 9275);
    expect(city.BM6["1.1"]).toBe(42809 + 17330.4 + 42809);
    expect(city.BM2["1.1"]).toBe(0 + 3 + 7); // the seed's 0, the new user's 3, the template's 7
  }, 60_000);
});
