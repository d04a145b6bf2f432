import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { runCli } from "../support/cli";
import { readXlsx } from "../support/exceljs-reader";
import { DETAIL_SHEET, META_SHEET, RESULT_SHEET, SUBMISSIONS_SHEET } from "../../src/core/layout";
import { SAMPLE_UNITS } from "../../src/core/sample/demo-units";
import { fillTemplate } from "../support/fill";
import { validateWorkbook } from "../support/worded";
import { cellsA1 } from "../support/a1";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-agg-"));
  fs.mkdirSync(path.join(dir, "tong-hop"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The ward these tests aggregate for: given as `--ward` where no setup (--units) names it, since the product makes up none. */
const WARD = "Phường Nhị Chiểu";

/** Runs the CLI in-process with captured output and a fixed clock. */
const cchc = (...argv: string[]) =>
  runCli("2026-06-12T08:00:00Z", argv[0] === "aggregate" && !argv.includes("--ward") && !argv.includes("--units") ? [...argv, "--ward", WARD] : argv);

/**
 * The demo's KT with its own figures: not the VHXH plan tasks it copies in the demo (a likely double count), and
 * 19 staff under autonomy like VHXH's BM5 1.2 (the demo's 10 breaks a cross-form rule on the ward's figures).
 * Those two plants are tested in aggregate-ward.test.ts; here the ward is clean but for the planted BM7 mistake.
 */
const KT_OWN_FIGURES = (() => {
  const kt = SAMPLE_UNITS.find((u) => u.code === "kt")!;
  return { ...kt.figures, BM1: { ...kt.figures.BM1, "2.1": 4, "2.2": 2 }, BM6: { ...kt.figures.BM6, "2.1": 19, "2.4.3": 19 } };
})();

/** The demo units' filled workbooks, made once with `cchc template --unit … --forms …` and copied into each test's folder. */
const made: Record<string, Uint8Array> = {};
/** The same with the demo's planted mistake (BM7 1.3.2 > 1.3.1) put right. */
let cleanTtPvhcc: Uint8Array;

async function template(unit: string, forms: string[], periodId: string): Promise<Uint8Array> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-tpl-"));
  try {
    const file = path.join(tmp, "t.xlsx");
    const r = await cchc("template", "--unit", unit, "--period", periodId, "--forms", forms.join(","), "-o", file);
    if (r.code !== 0) throw new Error(r.err);
    return new Uint8Array(fs.readFileSync(file));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  for (const u of SAMPLE_UNITS) made[u.code] = await fillTemplate(await template(u.name, u.forms, "2026-H1"), u.code === "kt" ? KT_OWN_FIGURES : u.figures);
  const tt = SAMPLE_UNITS.find((u) => u.code === "tt-pvhcc")!;
  cleanTtPvhcc = await fillTemplate(await template(tt.name, tt.forms, "2026-H1"), { ...tt.figures, BM7: { ...tt.figures.BM7, "1.3.2": 340 } });
}, 120_000);

/** Writes the demo units into a folder (by default don-vi/ in this test's own), clean unless asked for the planted mistake. */
function units(folder = unitFolder(), options: { plantedMistake?: boolean; only?: string[] } = {}): string[] {
  fs.mkdirSync(folder, { recursive: true });
  return SAMPLE_UNITS.filter((u) => !options.only || options.only.includes(u.code)).map((u) => {
    const file = path.join(folder, `${u.code}-2026-H1.xlsx`);
    fs.writeFileSync(file, u.code === "tt-pvhcc" && !options.plantedMistake ? cleanTtPvhcc : made[u.code]);
    return file;
  });
}

/** The ward workbook, outside the folder of unit files (inside, a second run would find it among the inputs). */
const out = () => path.join(dir, "tong-hop", "phuong.xlsx");
const wardBook = async (file = out()) => readXlsx(new Uint8Array(fs.readFileSync(file)));
const unitFolder = () => path.join(dir, "don-vi");
const listing = (folder = dir) => fs.readdirSync(folder).sort();

const U = (code: string) => path.join(unitFolder(), `${code}-2026-H1.xlsx`);

describe("cchc aggregate", () => {
  it("writes the ward workbook from a folder of unit files, exits 0 and prints who sent what", async () => {
    units();
    const r = await cchc("aggregate", "-o", out(), unitFolder());
    expect(r).toMatchObject({ code: 0, err: "" });
    const lines = r.out.split("\n");
    expect(lines[0]).toBe("Tổng hợp Phường Nhị Chiểu, 6 tháng đầu năm 2026:");
    expect(lines.slice(1, 5)).toEqual([
      `  ${U("kt")}: Phòng Kinh tế, Hạ tầng và Đô thị – dùng – 0 lỗi, 0 cảnh báo`,
      `  ${U("tt-pvhcc")}: Trung tâm Phục vụ hành chính công – dùng – 0 lỗi, 0 cảnh báo`,
      `  ${U("vhxh")}: Phòng Văn hóa - Xã hội – dùng – 0 lỗi, 0 cảnh báo`,
      `  ${U("vp")}: Văn phòng HĐND và UBND – dùng – 0 lỗi, 0 cảnh báo`,
    ]);
    expect(r.out).toContain("Cảnh báo  BM1: Trung tâm Dịch vụ sự nghiệp công chưa gửi số liệu BM1. [UNIT_MISSING]");
    expect(lines[lines.length - 1]).toBe(`Đã ghi ${out()} (0 lỗi, 1 cảnh báo, 0 lưu ý; xem trang "Kết quả tổng hợp").`);

    const book = await wardBook();
    expect(book.sheets.map((s) => s.name)).toEqual([
      "BM1",
      "BM2",
      "BM3",
      "BM4",
      "BM5",
      "BM6",
      "BM7",
      DETAIL_SHEET,
      RESULT_SHEET,
      SUBMISSIONS_SHEET,
      META_SHEET,
    ]);
    const check = validateWorkbook(book);
    expect(check.findings).toEqual([]);
    expect(check.metadata).toMatchObject({ unit: "Phường Nhị Chiểu", period: "2026-H1", createdAt: "2026-06-12T08:00:00.000Z" });
    expect(check.figures.BM1).toMatchObject({ "1": 7, "2.1": 52, "2.2": 27, "4.3": 2, "5": 1 });
    expect(listing(path.join(dir, "tong-hop"))).toEqual(["phuong.xlsx"]); // no temporary file left behind
    // Run again: the result is replaced, the units untouched.
    expect((await cchc("aggregate", "-o", out(), unitFolder())).code).toBe(0);
    expect(listing(path.join(dir, "tong-hop"))).toEqual(["phuong.xlsx"]);
    expect(listing(unitFolder())).toEqual(["kt-2026-H1.xlsx", "tt-pvhcc-2026-H1.xlsx", "vhxh-2026-H1.xlsx", "vp-2026-H1.xlsx"]);
  });

  it("names the duplicate: the newer file by modified time is used, the older one said to be replaced", async () => {
    units();
    const resent = path.join(unitFolder(), "vhxh-gui-lai.xlsx");
    fs.copyFileSync(U("vhxh"), resent);
    fs.utimesSync(U("vhxh"), new Date("2026-06-20T00:00:00Z"), new Date("2026-06-20T00:00:00Z"));
    fs.utimesSync(resent, new Date("2026-06-10T00:00:00Z"), new Date("2026-06-10T00:00:00Z"));
    const r = await cchc("aggregate", "-o", out(), unitFolder());
    expect(r.code).toBe(0);
    expect(r.out).toContain(`  ${resent}: Phòng Văn hóa - Xã hội – không dùng, đã có tệp mới hơn ${U("vhxh")} – 0 lỗi, 0 cảnh báo`);
    expect(r.out).toContain(`Cảnh báo  Phòng Văn hóa - Xã hội gửi 2 tệp: ${U("vhxh")}, ${resent}. Dùng tệp mới nhất ${U("vhxh")}. [UNIT_DUPLICATE]`);
    const results = (await wardBook()).sheets.find((s) => s.name === RESULT_SHEET)!;
    const texts = Object.values(cellsA1(results)).map((c) => c.value);
    expect(texts).toContain("Không dùng: đã có tệp mới hơn");
    // File names only: the officer's folders are not written into the ward's report (issue 16).
    expect(texts).toContain(path.basename(U("vhxh")));
    expect(texts.some((t) => typeof t === "string" && t.includes(unitFolder()))).toBe(false);
  });

  it("--json gives every file with its unit, period, status and findings, then the ward, the files used and the counts", async () => {
    units(unitFolder(), { plantedMistake: true });
    fs.writeFileSync(path.join(unitFolder(), "quy3.xlsx"), await fillTemplate(await template("Phòng Tư pháp", ["BM2"], "2026-Q3"), { BM2: { "1.1": 1 } }));
    const r = await cchc("aggregate", "--json", "-o", out(), unitFolder());
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(["files", "ward", "period", "output", "used", "forms", "submissions", "unplacedFiles", "findings", "counts"]);
    expect(
      json.files.map((f: Record<string, unknown>) => [
        path.basename(f.file as string),
        f.unit,
        f.period,
        f.status,
        (f.findings as { code: string }[]).map((x) => x.code),
      ]),
    ).toEqual([
      ["kt-2026-H1.xlsx", "Phòng Kinh tế, Hạ tầng và Đô thị", "2026-H1", "used", []],
      ["quy3.xlsx", "Phòng Tư pháp", "2026-Q3", "wrong-period", ["PERIOD_MISMATCH"]],
      ["tt-pvhcc-2026-H1.xlsx", "Trung tâm Phục vụ hành chính công", "2026-H1", "used", ["PART_EXCEEDS_WHOLE"]],
      ["vhxh-2026-H1.xlsx", "Phòng Văn hóa - Xã hội", "2026-H1", "used", []],
      ["vp-2026-H1.xlsx", "Văn phòng HĐND và UBND", "2026-H1", "used", []],
    ]);
    for (const f of json.files) expect(Object.keys(f)).toEqual(["file", "unit", "period", "status", "findings"]);
    const planted = json.files[2].findings[0];
    expect(planted).toMatchObject({ code: "PART_EXCEEDS_WHOLE", severity: "error", form: "BM7", row: "1.3.2", cell: "BM7!D17", file: json.files[2].file });
    expect(planted.message).toBe("Dòng 1.3.2 (372) lớn hơn dòng 1.3.1 (352).");
    expect(json.files[1].findings[0]).toMatchObject({ severity: "warning", expected: "2026-H1", actual: "2026-Q3" });
    // Two errors: the centre's own, and the same part above its whole on the ward's BM7, which takes the centre's figures.
    expect(json).toMatchObject({ ward: "Phường Nhị Chiểu", period: "2026-H1", output: out(), counts: { error: 2, warning: 2, info: 0 } });
    expect(json.used.map((f: string) => path.basename(f))).toEqual(["kt-2026-H1.xlsx", "tt-pvhcc-2026-H1.xlsx", "vhxh-2026-H1.xlsx", "vp-2026-H1.xlsx"]);
    expect(json.findings.map((f: { code: string; form: string; cell: string | null }) => [f.code, f.form, f.cell])).toEqual([
      ["UNIT_MISSING", "BM1", null],
      ["PART_EXCEEDS_WHOLE", "BM7", "BM7!D17"],
    ]);
    expect(json.findings[0]).not.toHaveProperty("file");
  });

  it("--strict exits 1 when a unit file has an error, after writing the workbook; without it the error is listed and the exit is 0", async () => {
    units(unitFolder(), { plantedMistake: true });
    const strict = await cchc("aggregate", "--strict", "-o", out(), unitFolder());
    expect(strict.code).toBe(1);
    expect(fs.existsSync(out())).toBe(true);
    expect(strict.out).toContain(`${U("tt-pvhcc")}: Trung tâm Phục vụ hành chính công – dùng – 1 lỗi, 0 cảnh báo`);
    const lenient = await cchc("aggregate", "-o", out(), unitFolder());
    expect(lenient.code).toBe(0);
    // The unit's own error, and the same part above its whole in the ward's BM7, which takes the centre's figures.
    expect(lenient.out).toContain("(2 lỗi, 1 cảnh báo, 0 lưu ý;");
    // Warnings alone do not fail --strict.
    fs.writeFileSync(U("tt-pvhcc"), cleanTtPvhcc);
    expect((await cchc("aggregate", "--strict", "-o", out(), unitFolder())).code).toBe(0);
  });

  it("--strict passes when the file with the error was replaced by a corrected one", async () => {
    units(unitFolder(), { plantedMistake: true });
    const corrected = path.join(unitFolder(), "tt-pvhcc-sua.xlsx");
    fs.writeFileSync(corrected, cleanTtPvhcc);
    fs.utimesSync(U("tt-pvhcc"), new Date("2026-06-01T00:00:00Z"), new Date("2026-06-01T00:00:00Z"));
    const r = await cchc("aggregate", "--strict", "--json", "-o", out(), unitFolder());
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.counts.error).toBe(0);
    expect(json.files.find((f: { file: string }) => f.file === U("tt-pvhcc"))).toMatchObject({ status: "replaced", findings: [] });
  });

  it("exits 1 and writes nothing when no file is usable (every file for another period)", async () => {
    units();
    const r = await cchc("aggregate", "--period", "2026-Q3", "-o", out(), unitFolder());
    expect(r.code).toBe(1);
    expect(r.err).toBe("Lỗi: Không có tệp nào của đơn vị dùng được để tổng hợp.");
    expect(fs.existsSync(out())).toBe(false);
  });

  it("the officer's view (issue 16): an example of aggregate itself without -o; other-period files named; a unit's errors in words", async () => {
    const missing = await cchc("aggregate", unitFolder());
    expect(missing).toMatchObject({ code: 2, err: "Lỗi: Cần chỉ ra tệp kết quả bằng -o, ví dụ: cchc aggregate -o tong-hop.xlsx thu-muc-cac-phong/" });
    units(unitFolder(), { plantedMistake: true });
    const r = await cchc("aggregate", "-o", out(), unitFolder());
    // The planted BM7 mistake under its file's line, in words, not only "1 lỗi".
    expect(r.out).toMatch(
      /tt-pvhcc-2026-H1\.xlsx: Trung tâm Phục vụ hành chính công – dùng – 1 lỗi, 0 cảnh báo\n {6}BM7!D17: Dòng 1\.3\.2 \(372\) lớn hơn dòng 1\.3\.1 \(352\)\./,
    );
    expect((await cchc("template", "--unit", "Văn phòng HĐND và UBND", "--period", "2026-Q3", "-o", path.join(unitFolder(), "vp-quy-3.xlsx"))).code).toBe(0);
    const mixed = await cchc("aggregate", "-o", path.join(dir, "lan-2.xlsx"), unitFolder());
    // A file of another period is named on its line, the periods in words.
    expect(mixed.out).toContain(
      "vp-quy-3.xlsx: Tệp ghi kỳ báo cáo Quý III năm 2026, khác kỳ đang tổng hợp (6 tháng đầu năm 2026); tệp không được dùng. [PERIOD_MISMATCH]",
    );
  });

  it("cchc with no command prints its help on stderr and exits 2", async () => {
    const r = await runCli("2026-06-12T08:00:00Z", []);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain("cchc aggregate -o PHUONG.xlsx");
  });

  it("an empty folder has no usable file: exit 1", async () => {
    fs.mkdirSync(unitFolder());
    const r = await cchc("aggregate", "-o", out(), unitFolder());
    expect(r).toMatchObject({ code: 1, err: "Lỗi: Không có tệp nào của đơn vị dùng được để tổng hợp." });
    expect(fs.existsSync(out())).toBe(false);
  });

  it.each([
    [
      "a CSV renamed .xlsx",
      "so-lieu.xlsx",
      Buffer.from("STT,Chỉ tiêu,Số liệu\n1,Văn bản,7\n2,Nhiệm vụ,3\n"),
      "so-lieu.xlsx: không phải tệp Excel .xlsx (nội dung giống tệp CSV).",
    ],
    [
      "a damaged file",
      "hong.xlsx",
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
      "hong.xlsx: tệp .xlsx bị hỏng, không đọc được: phần nén (zip)",
    ],
    ["an empty file", "rong.xlsx", Buffer.alloc(0), "rong.xlsx: tệp rỗng (0 byte)."],
    ["an old .xls renamed", "cu.xlsx", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), "cu.xlsx: đây là tệp Excel cũ (.xls)"],
  ])("with %s among good ones, aggregates the good ones, names the bad one with its reason and exits 2", async (_what, name, bytes, reason) => {
    units();
    const bad = path.join(unitFolder(), name);
    fs.writeFileSync(bad, bytes);
    const r = await cchc("aggregate", "-o", out(), unitFolder());
    expect(r.code).toBe(2);
    expect(r.err.split("\n")).toHaveLength(1);
    expect(r.err.startsWith(`Lỗi: ${path.join(unitFolder(), reason)}`)).toBe(true);
    // Said once, with its reason, on the error stream; the summary lists it without a unit or a repeat (issue 16).
    expect(r.out).toContain(`  ${bad}: không đọc được\n`);
    expect(r.out).not.toContain(reason);
    expect(r.out).toContain("(1 lỗi, 1 cảnh báo");
    const ward = validateWorkbook(await wardBook());
    expect(ward.figures.BM1["1"]).toBe(7);
    const results = (await wardBook()).sheets.find((s) => s.name === RESULT_SHEET)!;
    const texts = Object.values(cellsA1(results)).map((c) => c.value);
    expect(texts).toContain(name);
    expect(texts).toContain("Không đọc được");
    expect(texts.some((t) => typeof t === "string" && t.startsWith(reason.slice(name.length + 2)))).toBe(true);
  });

  it("--json names the unreadable file with its reason", async () => {
    units(unitFolder(), { only: ["vp"] });
    fs.writeFileSync(path.join(unitFolder(), "so-lieu.xlsx"), "a;b\n1;2\n");
    const r = await cchc("aggregate", "--json", "-o", out(), unitFolder());
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out);
    // Files that could not be read come after the ones that could.
    expect(json.files[1]).toEqual({
      file: path.join(unitFolder(), "so-lieu.xlsx"),
      unit: null,
      period: null,
      status: "unreadable",
      detail: `${path.join(unitFolder(), "so-lieu.xlsx")}: không phải tệp Excel .xlsx (nội dung giống tệp CSV).`,
      findings: [],
    });
    expect(json.used).toEqual([U("vp")]);
    expect(json.counts.error).toBe(1);
  });

  it("an unwritable output exits 2 with one line and leaves no partial file", async () => {
    units();
    const missing = await cchc("aggregate", "-o", path.join(dir, "khong-co", "phuong.xlsx"), unitFolder());
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^Lỗi: Không ghi được tệp ".*phuong\.xlsx": thư mục không tồn tại\./);
    expect(missing.err.split("\n")).toHaveLength(1);
    // The target is a folder: the bytes are written beside it, then the rename fails and they are removed.
    fs.mkdirSync(out());
    const blocked = await cchc("aggregate", "-o", out(), unitFolder());
    expect(blocked.code).toBe(2);
    expect(blocked.err).toMatch(/^Lỗi: Không ghi được tệp/);
    expect(blocked.err.split("\n")).toHaveLength(1);
    expect(fs.statSync(out()).isDirectory()).toBe(true);
    expect(listing(out())).toEqual([]);
    expect(listing(path.join(dir, "tong-hop"))).toEqual(["phuong.xlsx"]);
    expect(listing()).toEqual(["don-vi", "tong-hop"]);
  });

  it("refuses -o naming one of the inputs (given directly, by another spelling, or inside a folder), exit 2, the input untouched", async () => {
    units();
    const before = fs.readFileSync(U("vhxh"));
    const mtime = fs.statSync(U("vhxh")).mtimeMs;
    for (const args of [[U("vhxh"), U("vp")], [unitFolder()]]) {
      const r = await cchc("aggregate", "-o", path.relative(process.cwd(), U("vhxh")), ...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^Lỗi: Tệp kết quả ".*vhxh-2026-H1\.xlsx" cũng là một tệp đầu vào; chọn tên khác/);
      expect(r.err.split("\n")).toHaveLength(1);
      expect(r.out).toBe("");
    }
    expect(fs.readFileSync(U("vhxh")).equals(before)).toBe(true);
    expect(fs.statSync(U("vhxh")).mtimeMs).toBe(mtime);
    expect(listing(unitFolder())).toEqual(["kt-2026-H1.xlsx", "tt-pvhcc-2026-H1.xlsx", "vhxh-2026-H1.xlsx", "vp-2026-H1.xlsx"]);
  });

  it.each([
    ["not JSON", "{ ward: Phường Nhị Chiểu", /^Lỗi: Danh sách đơn vị ".*don-vi\.json" không hợp lệ: tệp không phải JSON hợp lệ$/],
    ["a bad shape", JSON.stringify({ ward: "Phường A", units: [{ code: "VHXH", name: "Phòng VHXH", forms: "BM1" }] }), /không hợp lệ: units\.0\.forms: /],
    [
      "an alias naming two units",
      JSON.stringify({
        ward: "Phường A",
        units: [
          { code: "A", name: "Phòng A", aliases: ["VP"], forms: ["BM1"] },
          { code: "VP", name: "Văn phòng", forms: ["BM2"] },
        ],
      }),
      /"VP" chỉ cả A lẫn VP/,
    ],
  ])("--units with a registry that is %s exits 2 with one line, writing nothing", async (_what, text, message) => {
    units();
    fs.writeFileSync(path.join(dir, "don-vi.json"), text);
    const r = await cchc("aggregate", "--units", path.join(dir, "don-vi.json"), "-o", out(), unitFolder());
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.split("\n")).toHaveLength(1);
    expect(r.out).toBe("");
    expect(fs.existsSync(out())).toBe(false);
  });

  it("--units that does not exist exits 2 with one line", async () => {
    units();
    const r = await cchc("aggregate", "--units", path.join(dir, "khong-co.json"), "-o", out(), unitFolder());
    expect(r.code).toBe(2);
    expect(r.err).toBe(`Lỗi: ${path.join(dir, "khong-co.json")}: không tìm thấy tệp.`);
    expect(r.err.split("\n")).toHaveLength(1);
  });

  it("--units replaces the default registry (a file saved by Notepad, with a byte-order mark, included)", async () => {
    units(unitFolder(), { only: ["vhxh", "vp"] });
    const registry = {
      ward: "Phường Ái Quốc",
      units: [
        { code: "VHXH", name: "Phòng Văn hóa - Xã hội", aliases: ["vhxh"], forms: ["BM1", "BM4", "BM5"] },
        { code: "VP", name: "Văn phòng HĐND và UBND", forms: ["BM1", "BM2"] },
        { code: "TP", name: "Phòng Tư pháp", forms: ["BM2"] },
      ],
    };
    const file = path.join(dir, "units.json");
    fs.writeFileSync(file, `\uFEFF${JSON.stringify(registry, null, 2)}`);
    const r = await cchc("aggregate", "--units", file, "--json", "-o", out(), unitFolder());
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.ward).toBe("Phường Ái Quốc");
    expect(json.findings.map((f: { code: string; message: string }) => f.message)).toEqual(["Phòng Tư pháp chưa gửi số liệu BM2."]);
  });

  it("reads folders for .xlsx files in any case, skipping Excel's ~$ lock files and other files", async () => {
    units(unitFolder(), { only: ["vhxh", "vp"] });
    fs.renameSync(U("vp"), path.join(unitFolder(), "VP-2026-H1.XLSX"));
    fs.writeFileSync(path.join(unitFolder(), "~$vhxh-2026-H1.xlsx"), Buffer.from([0, 1, 2, 3]));
    fs.writeFileSync(path.join(unitFolder(), "ghi-chu.txt"), "không phải biểu mẫu");
    fs.writeFileSync(path.join(unitFolder(), "bao-cao.xls"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    const r = await cchc("aggregate", "--json", "-o", out(), unitFolder());
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(JSON.parse(r.out).files.map((f: { file: string }) => path.basename(f.file))).toEqual(["VP-2026-H1.XLSX", "vhxh-2026-H1.xlsx"]);
  });

  it("takes folders and files together", async () => {
    units(path.join(dir, "a"), { only: ["vhxh", "vp"] });
    const [kt] = units(path.join(dir, "b"), { only: ["kt"] });
    const r = await cchc("aggregate", "--json", "-o", out(), path.join(dir, "a"), kt);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).used.map((f: string) => path.relative(dir, f))).toEqual([
      path.join("a", "vhxh-2026-H1.xlsx"),
      path.join("a", "vp-2026-H1.xlsx"),
      path.join("b", "kt-2026-H1.xlsx"),
    ]);
  });

  it("a file named twice (inside its folder and on its own, in another spelling) is read once, not taken for a resent file", async () => {
    units(unitFolder(), { only: ["vhxh", "vp"] });
    const again = path.relative(process.cwd(), U("vp"));
    const r = await cchc("aggregate", "--json", "-o", out(), unitFolder(), again, U("vp"));
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.files.map((f: { file: string; status: string }) => [f.file, f.status])).toEqual([
      [U("vhxh"), "used"],
      [U("vp"), "used"],
    ]);
    expect(json.findings.map((f: { code: string }) => f.code)).not.toContain("UNIT_DUPLICATE");
  });

  it("--period aggregates that period; the files of the other are left out and named", async () => {
    units(unitFolder(), { only: ["vhxh", "vp"] });
    fs.writeFileSync(
      path.join(unitFolder(), "kt-quy3.xlsx"),
      await fillTemplate(await template("Phòng KT", ["BM6"], "2026-Q3"), { BM6: SAMPLE_UNITS[3].figures.BM6 }),
    );
    const byDefault = JSON.parse((await cchc("aggregate", "--json", "-o", out(), unitFolder())).out);
    expect(byDefault.period).toBe("2026-H1");
    expect(byDefault.used.map((f: string) => path.basename(f))).toEqual(["vhxh-2026-H1.xlsx", "vp-2026-H1.xlsx"]);
    const r = await cchc("aggregate", "--period", "2026-q3", "--json", "-o", out(), unitFolder());
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.period).toBe("2026-Q3");
    expect(json.used.map((f: string) => path.basename(f))).toEqual(["kt-quy3.xlsx"]);
    expect(json.files.filter((f: { status: string }) => f.status === "wrong-period").map((f: { file: string }) => path.basename(f.file))).toEqual([
      "vhxh-2026-H1.xlsx",
      "vp-2026-H1.xlsx",
    ]);
    const book = validateWorkbook(await wardBook());
    expect(book.metadata).toMatchObject({ period: "2026-Q3" });
    expect(book.figures.BM6["1.1"]).toBe(42809);
    expect(book.figures.BM1["1"]).toBeNull();
  });

  it("refuses a period it does not understand", async () => {
    units();
    const r = await cchc("aggregate", "--period", "2026-H3", "-o", out(), unitFolder());
    expect(r).toMatchObject({ code: 2, err: expect.stringMatching(/^Lỗi: Kỳ báo cáo "2026-H3" không hợp lệ/) });
    expect(fs.existsSync(out())).toBe(false);
  });

  it("--ward names the report", async () => {
    units(unitFolder(), { only: ["vp"] });
    const r = await cchc("aggregate", "--ward", "Phường Ái Quốc", "-o", out(), unitFolder());
    expect(r.code).toBe(0);
    expect(r.out.split("\n")[0]).toBe("Tổng hợp Phường Ái Quốc, 6 tháng đầu năm 2026:");
    const book = await wardBook();
    expect(cellsA1(book.sheets.find((s) => s.name === "BM1")!).A3.value).toBe("Đơn vị báo cáo: Phường Ái Quốc");
    expect(validateWorkbook(book).metadata?.unit).toBe("Phường Ái Quốc");
  });

  it("--lang en prints the summary and the errors in English", async () => {
    units(unitFolder(), { plantedMistake: true });
    fs.writeFileSync(path.join(unitFolder(), "bad.xlsx"), "a,b\n1,2\n");
    const r = await cchc("aggregate", "--lang", "en", "-o", out(), unitFolder());
    expect(r.code).toBe(2);
    expect(r.err).toBe(`Error: ${path.join(unitFolder(), "bad.xlsx")}: not an Excel .xlsx file (it looks like CSV).`);
    const lines = r.out.split("\n");
    expect(lines[0]).toBe("Aggregating Phường Nhị Chiểu, First half of 2026:");
    expect(r.out).toContain(`${U("tt-pvhcc")}: Trung tâm Phục vụ hành chính công – used – 1 errors, 0 warnings`);
    expect(r.out).toContain(`${path.join(unitFolder(), "bad.xlsx")}: cannot be read\n`);
    expect(r.out).toContain("Warning   BM1: Trung tâm Dịch vụ sự nghiệp công has not sent BM1. [UNIT_MISSING]");
    expect(lines[lines.length - 1]).toBe(`Wrote ${out()} (3 errors, 1 warnings, 0 notes; see the "Kết quả tổng hợp" sheet).`);
    const json = JSON.parse((await cchc("aggregate", "--lang", "en", "--json", "-o", out(), U("vp"))).out);
    expect(json.findings[0].message).toBe("Phòng Văn hóa - Xã hội has not sent BM1.");
  });

  it("needs -o, an .xlsx output and at least one input", async () => {
    expect(await cchc("aggregate", unitFolder())).toMatchObject({ code: 2, err: expect.stringMatching(/^Lỗi: Cần chỉ ra tệp kết quả bằng -o/) });
    expect(await cchc("aggregate", "-o", path.join(dir, "x.xls"), unitFolder())).toMatchObject({ code: 2, err: expect.stringMatching(/phải có đuôi \.xlsx/) });
    expect(await cchc("aggregate", "-o", out())).toMatchObject({ code: 2, err: expect.stringMatching(/^Lỗi: Cần chỉ ra ít nhất một tệp/) });
    expect(await cchc("aggregate", "--bogus", "-o", out(), unitFolder())).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^Lỗi: Không có tùy chọn "--bogus"/),
    });
  });
});

describe("the cchc binary, aggregating", () => {
  const run = promisify(execFile);
  const bin = path.resolve(__dirname, "../..", "bin", "cchc.js");

  it("names a file that does not exist, aggregates the others and exits 2, one line on stderr", async () => {
    units(unitFolder(), { only: ["vhxh", "vp"] });
    const gone = path.join(dir, "khong-co.xlsx");
    const r = await run(process.execPath, [bin, "aggregate", "--ward", WARD, "-o", out(), U("vhxh"), gone, U("vp")]).catch((e) => e);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`Lỗi: ${gone}: không tìm thấy tệp.\n`);
    // The reason once, on stderr; the summary lists the file (issue 16).
    expect(r.stdout).toContain(`  ${gone}: không đọc được\n`);
    expect(fs.existsSync(out())).toBe(true);
  });

  it("exits 0 on the demo's clean units", async () => {
    units();
    const r = await run(process.execPath, [bin, "aggregate", "--ward", WARD, "-o", out(), unitFolder()]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^Tổng hợp Phường Nhị Chiểu, 6 tháng đầu năm 2026:/);
  });
});
