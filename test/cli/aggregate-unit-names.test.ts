/**
 * `cchc aggregate` on real .xlsx files made by `cchc template`: a unit that
 * typed its name its own way ("P. Kinh tế - HT&ĐT") is still that unit of the
 * ward's setup, said with UNIT_MATCHED_BY_TEXT, and never reported missing; a
 * name that only resembles a unit is not taken for it, and the unit's
 * UNIT_MISSING says which file resembles it and how to fix it.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { SAMPLE_UNITS } from "../../src/core/sample/demo-units";
import { runCli } from "../support/cli";
import { fillTemplate } from "../support/fill";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-agg-names-"));
  fs.mkdirSync(path.join(dir, "nop"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const cchc = (...argv: string[]) => runCli("2026-06-12T08:00:00Z", argv);
const inbox = (name: string) => path.join(dir, "nop", name);
const out = () => path.join(dir, "tong-hop.xlsx");
const KT = "Phòng Kinh tế, Hạ tầng và Đô thị";
const kt = SAMPLE_UNITS.find((u) => u.code === "kt")!;
const vhxh = SAMPLE_UNITS.find((u) => u.code === "vhxh")!;

/** A template made with `cchc template --unit NAME`, filled with a sample unit's figures, in the inbox. */
async function send(file: string, unit: string, sample = kt): Promise<void> {
  const made = path.join(dir, "t.xlsx");
  const r = await cchc("template", "--unit", unit, "--period", "2026-H1", "--forms", sample.forms.join(","), "-o", made);
  if (r.code !== 0) throw new Error(r.err);
  fs.writeFileSync(inbox(file), await fillTemplate(new Uint8Array(fs.readFileSync(made)), sample.figures));
  fs.rmSync(made);
}

type FileOut = {
  file: string;
  unit: string | null;
  status: string;
  findings: { code: string; severity: string; message: string; suggestion: string; expected: string; actual: string }[];
};
type JsonOut = { files: FileOut[]; findings: { code: string; form: string; message: string; suggestion: string }[]; counts: { info: number } };

describe("cchc aggregate: unit names matched by what they mean", () => {
  it('a template made for "P. Kinh tế - HT&ĐT" is KT\'s, with an info finding; KT is not missing', async () => {
    await send("kt.xlsx", "P. Kinh tế - HT&ĐT");
    await send("vhxh.xlsx", vhxh.name, vhxh);
    const r = await cchc("aggregate", "--ward", "Phường Nhị Chiểu", "--json", "-o", out(), path.join(dir, "nop"));
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as JsonOut;
    const file = json.files.find((f) => path.basename(f.file) === "kt.xlsx")!;
    expect(file).toMatchObject({ unit: KT, status: "used" });
    const info = file.findings.filter((f) => f.code === "UNIT_MATCHED_BY_TEXT");
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({ severity: "info", expected: KT, actual: "P. Kinh tế - HT&ĐT" });
    expect(info[0].message).toBe(
      `Tên đơn vị "P. Kinh tế - HT&ĐT" không có trong danh sách đơn vị của phường nhưng gần với ${KT} (KT): tệp được tính là của ${KT}.`,
    );
    expect(info[0].suggestion).toContain('thêm "P. Kinh tế - HT&ĐT" làm tên gọi khác (aliases) của KT');
    expect(json.counts.info).toBeGreaterThanOrEqual(1);
    const everything = [...json.findings, ...json.files.flatMap((f) => f.findings)];
    expect(everything.filter((f) => f.code === "UNKNOWN_UNIT")).toEqual([]);
    expect(json.findings.filter((f) => f.code === "UNIT_MISSING" && f.message.includes(KT))).toEqual([]);

    // The summary an officer reads: the file is KT's, and KT is never said to be missing.
    const text = await cchc("aggregate", "--ward", "Phường Nhị Chiểu", "-o", out(), path.join(dir, "nop"));
    expect(text.code).toBe(0);
    expect(text.out).toContain(`  ${inbox("kt.xlsx")}: ${KT} – dùng`);
    expect(text.out).not.toContain(`${KT} chưa gửi`);
    expect(text.out).not.toContain("UNKNOWN_UNIT");
  }, 60_000);

  it("the seeds' own spellings are their units too", async () => {
    const vp = SAMPLE_UNITS.find((u) => u.code === "vp")!;
    const tt = SAMPLE_UNITS.find((u) => u.code === "tt-pvhcc")!;
    await send("vp.xlsx", "Văn phòng HĐND&UBND phường", vp);
    await send("tt.xlsx", "Trung tâm Phục vụ Hành chính công phường", tt);
    const r = await cchc("aggregate", "--ward", "Phường Nhị Chiểu", "--json", "--lang", "en", "-o", out(), path.join(dir, "nop"));
    const json = JSON.parse(r.out) as JsonOut;
    expect(json.files.map((f) => [path.basename(f.file), f.unit, f.findings.filter((x) => x.code === "UNIT_MATCHED_BY_TEXT").length])).toEqual([
      ["tt.xlsx", "Trung tâm Phục vụ hành chính công", 1],
      ["vp.xlsx", "Văn phòng HĐND và UBND", 1],
    ]);
    const info = json.files[1].findings.find((f) => f.code === "UNIT_MATCHED_BY_TEXT")!;
    expect(info.message).toContain('Unit name "Văn phòng HĐND&UBND phường" is not in the ward\'s list of units but is close to Văn phòng HĐND và UBND (VP)');
    expect(json.findings.filter((f) => f.code === "UNIT_MISSING").map((f) => f.message)).not.toContainEqual(
      expect.stringMatching(/^(Văn phòng|Trung tâm Phục vụ)/),
    );
  }, 60_000);

  it("a name that only resembles KT is not taken for it: KT is missing, and the summary says which file resembles it and how to fix it", async () => {
    await send("kt.xlsx", "Phòng Kinh tế Hạ tầng");
    const r = await cchc("aggregate", "--ward", "Phường Nhị Chiểu", "-o", out(), path.join(dir, "nop"));
    expect(r.code).toBe(0);
    expect(r.out).toContain(`  ${inbox("kt.xlsx")}: Phòng Kinh tế Hạ tầng – dùng`);
    for (const form of kt.forms) {
      expect(r.out).toContain(
        `${form}: ${KT} chưa gửi số liệu ${form}. Có tệp ghi tên đơn vị gần giống nhưng không được tính là của ${KT}: "Phòng Kinh tế Hạ tầng" (${inbox("kt.xlsx")}).`,
      );
    }
    const json = JSON.parse((await cchc("aggregate", "--ward", "Phường Nhị Chiểu", "--json", "-o", out(), path.join(dir, "nop"))).out) as JsonOut;
    const unknown = [...json.findings, ...json.files.flatMap((f) => f.findings)].filter((f) => f.code === "UNKNOWN_UNIT");
    expect(unknown.map((f) => f.message)).toEqual([
      `Không nhận ra đơn vị "Phòng Kinh tế Hạ tầng" trong danh sách đơn vị của phường; tên gần giống ${KT} (KT) nhưng chưa đủ để coi là một. Số liệu chỉ được cộng ở các dòng cộng các đơn vị, không thay số của đơn vị chủ trì.`,
    ]);
    const missing = json.findings.filter((f) => f.code === "UNIT_MISSING" && f.message.startsWith(KT));
    expect(missing).toHaveLength(kt.forms.length);
    for (const f of missing) expect(f.suggestion).toContain('thêm "Phòng Kinh tế Hạ tầng" làm tên gọi khác (aliases) của KT trong danh sách đơn vị (--units)');
  }, 60_000);
});
