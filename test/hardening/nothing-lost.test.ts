/**
 * Nothing lost: a `cchc` run that is killed while writing, or that runs out of
 * disk, leaves the previous output whole (never a partial file), leaves no
 * file a later run would take for an input, and says what happened in one
 * line; and no command ever opens its inputs for writing.
 *
 * The runs are the real binary (the compiled lib/). Faults are injected with a
 * module preloaded into the child (`node --require`), which wraps node:fs:
 * the product's code is the code that runs.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { openWorkbook } from "../../src/adapters/xlsx/open-workbook";
import { collectFiles } from "../../src/cli/read-files";
import { tempNameFor, writeError, writeFileAtomic, type WriteFileSystem } from "../../src/cli/write-file";
import { formatError } from "../../src/core/messages";
import { runCli } from "../support/cli";
import { goodUnitFile, hostileFiles, seededRandom } from "../support/hostile-files";
import { validateWorkbook } from "../support/worded";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin", "cchc.js");

/**
 * Preloaded into a child: CCHC_TEST_FAULT=kill|enospc makes the write of a
 * temporary ".tmp" file stop half-way, then kill the process (SIGKILL, as a
 * power cut or the task manager would) or fail as a full disk does (ENOSPC).
 * CCHC_TEST_FS_LOG=FILE records every call that could change a file.
 */
const PRELOAD = `
const fs = require("fs");
const path = require("path");
const fault = process.env.CCHC_TEST_FAULT;
const log = process.env.CCHC_TEST_FS_LOG;
const append = fs.appendFileSync;
// appendFileSync itself calls fs.writeFileSync: the log's own writes are not recorded.
let recording = false;
const record = (op, file, flags) => {
  if (!log || recording) return;
  recording = true;
  try { append(log, JSON.stringify({ op, file: path.resolve(String(file)), flags: String(flags ?? "") }) + "\\n"); } finally { recording = false; }
};
const writing = (flags) => flags !== undefined && !/^(r|rs|sr)$/.test(String(flags)) && flags !== fs.constants.O_RDONLY;

if (log) {
  const wrap = (owner, name, flagsAt) => {
    const real = owner[name];
    owner[name] = function (file, ...rest) {
      const flags = flagsAt === undefined ? "w" : rest[flagsAt - 1];
      if (flagsAt === undefined || writing(flags)) record(name, file, flags);
      if (/^(rename|copyFile)/.test(name)) record(name + " (to)", rest[0]);
      return real.call(this, file, ...rest);
    };
  };
  for (const owner of [fs, fs.promises]) {
    wrap(owner, "open", 1);
    for (const name of ["writeFile", "appendFile", "truncate", "rm", "unlink", "rename", "copyFile", "chmod", "utimes", "rmdir", "mkdir"]) if (owner[name]) wrap(owner, name);
  }
  wrap(fs, "openSync", 1);
  for (const name of ["writeFileSync", "truncateSync", "rmSync", "unlinkSync", "renameSync", "copyFileSync", "chmodSync", "utimesSync", "createWriteStream"]) wrap(fs, name);
  fs.appendFileSync = function (file, ...rest) { record("appendFileSync", file); return append.call(this, file, ...rest); };
}

if (fault) {
  const open = fs.promises.open;
  fs.promises.open = async function (file, flags, mode) {
    const handle = await open.call(this, file, flags, mode);
    if (!String(file).endsWith(".tmp")) return handle;
    return new Proxy(handle, {
      get(target, key) {
        if (key === "writeFile") {
          return async (data) => {
            await target.write(data.subarray(0, Math.floor(data.length / 2)));
            if (fault === "kill") process.kill(process.pid, "SIGKILL");
            throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", errno: -28, syscall: "write" });
          };
        }
        const value = Reflect.get(target, key, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  };
}
`;

interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
  ms: number;
}

let dir: string;
let preload: string;
let inputs: string;
let vhxh: Uint8Array;

/**
 * Runs the binary in `dir`. `killAfterMs` sends SIGKILL that long after the
 * start; `killAtTemp` that long after a temporary file appears in the folder
 * (the moment the output is being written).
 */
function cchc(
  args: string[],
  options: { env?: Record<string, string>; killAfterMs?: number; killAtTemp?: { folder: string; afterMs: number } } = {},
): Promise<ChildRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--require", preload, BIN, ...args], { cwd: dir, env: { ...process.env, ...options.env } });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const timer = options.killAfterMs === undefined ? undefined : setTimeout(() => child.kill("SIGKILL"), options.killAfterMs);
    const at = options.killAtTemp;
    const watcher = at
      ? fs.watch(at.folder, (_event, name) => {
          if (!name?.endsWith(".tmp")) return;
          watcher?.close();
          if (at.afterMs === 0) child.kill("SIGKILL");
          else setTimeout(() => child.kill("SIGKILL"), at.afterMs);
        })
      : undefined;
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      watcher?.close();
      resolve({ code, signal, out, err, ms: Date.now() - started });
    });
  });
}

const sha = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");
const lines = (text: string) => text.split("\n").filter((l) => l !== "");
/** What a killed or failed run may leave beside OUTPUT: its hidden temporary file. */
const TEMP = (output: string) => new RegExp(`^\\.${path.basename(output).replace(/[.]/g, "\\.")}\\.\\d+\\.\\d+\\.tmp$`);

/** The ward's workbook at `file` opens cleanly and holds the two units' figures: a whole file. */
async function expectWholeWard(file: string): Promise<void> {
  const opened = await openWorkbook(new Uint8Array(fs.readFileSync(file)), file);
  if (!opened.ok) throw new Error(`${file}: ${opened.error.code}`);
  const result = validateWorkbook(opened.value);
  expect(result.forms).toMatchObject({ BM1: "BM1", BM7: "BM7" });
  expect(result.figures.BM1["2.1"]).toBe(30 + 12);
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-nothing-lost-"));
  preload = path.join(dir, "faults.js");
  fs.writeFileSync(preload, PRELOAD);
  inputs = path.join(dir, "don-vi");
  fs.mkdirSync(inputs);
  vhxh = await goodUnitFile("vhxh");
  fs.writeFileSync(path.join(inputs, "vhxh-2026-H1.xlsx"), vhxh);
  fs.writeFileSync(path.join(inputs, "vp-2026-H1.xlsx"), await goodUnitFile("vp"));
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("killed while writing", () => {
  it.each([
    ["aggregate", (out: string) => ["aggregate", "--ward", "Phường Nhị Chiểu", "-o", out, "don-vi"]],
    ["template", (out: string) => ["template", "--unit", "Phòng Văn hóa - Xã hội", "--period", "2026-H1", "-o", out]],
    ["import", (out: string) => ["import", path.join("don-vi", "vhxh-2026-H1.xlsx"), "--period", "2026-H1", "-o", out]],
  ])(
    "cchc %s killed half-way through writing: the previous output stays whole, the leftover is a hidden .tmp no one reads",
    async (command, argv) => {
      const outDir = fs.mkdtempSync(path.join(dir, "ra-"));
      const output = path.join(outDir, "ket-qua.xlsx");
      // The previous output, written by the same command (in this process, which is quicker).
      const first = await runCli(
        "2026-06-20T08:00:00Z",
        argv(output).map((a) => (a.startsWith("don-vi") ? path.join(dir, a) : a)),
      );
      expect(first.code).toBe(0);
      const before = sha(output);

      const killed = await cchc(argv(output), { env: { CCHC_TEST_FAULT: "kill" } });
      expect(killed.signal).toBe("SIGKILL");
      expect(sha(output)).toBe(before);
      expect((await openWorkbook(new Uint8Array(fs.readFileSync(output)), output)).ok).toBe(true);

      // The half-written temporary file is still there (nothing can clean up after SIGKILL): hidden, not .xlsx.
      const left = fs.readdirSync(outDir).filter((n) => n !== "ket-qua.xlsx");
      expect(left).toEqual([expect.stringMatching(TEMP(output))]);
      expect(fs.statSync(path.join(outDir, left[0])).size).toBeGreaterThan(0);
      // A later run reading the folder takes only the real workbook.
      expect(await collectFiles([outDir])).toEqual([output]);
      const check = await runCli("2026-06-20T08:00:00Z", ["validate", outDir]);
      expect(check.err).toBe("");
      expect(check.out).not.toContain(".tmp");

      // Once the killed process is long gone, the next write clears its leftover away.
      if (command !== "aggregate") return;
      const old = new Date(Date.now() - 10 * 60_000);
      fs.utimesSync(path.join(outDir, left[0]), old, old);
      const again = await cchc(argv(output));
      expect(again.code).toBe(0);
      expect(fs.readdirSync(outDir)).toEqual(["ket-qua.xlsx"]);
    },
    60_000,
  );

  it("cchc aggregate over its previous output, SIGKILLed at seeded moments while writing: always the old whole file or the new whole file", async () => {
    const outDir = path.join(dir, "tong-hop");
    fs.mkdirSync(outDir);
    const output = path.join(outDir, "tong-hop-2026-H1.xlsx");
    const args = ["aggregate", "--ward", "Phường Nhị Chiểu", "-o", output, "don-vi"];
    const KILLS = 6;
    const first = await cchc(args);
    expect(first.code).toBe(0);
    const span = first.ms;
    const random = seededRandom(2026);
    let previous = sha(output);
    const outcomes = { kept: 0, replaced: 0 };
    for (let i = 0; i < KILLS; i++) {
      // Most kills aim at the write itself: 0–40 ms after its temporary file appears (before, during or
      // after the write, the flush and the rename); the others at a seeded moment of the whole run.
      const when = i % 3 === 2 ? { killAfterMs: Math.round(span * (0.3 + random())) } : { killAtTemp: { folder: outDir, afterMs: Math.floor(random() * 40) } };
      const run = await cchc(args, when);
      await expectWholeWard(output);
      const now = sha(output);
      if (now === previous) outcomes.kept++;
      else outcomes.replaced++;
      // A kill lands before the rename (old file) or after it (new file); a finished run has written the new one.
      if (run.signal === null) expect(now).not.toBe(previous);
      previous = now;
      for (const name of fs.readdirSync(outDir)) if (name !== path.basename(output)) expect(name).toMatch(TEMP(output));
      expect(await collectFiles([outDir])).toEqual([output]);
    }
    expect(outcomes.kept + outcomes.replaced).toBe(KILLS);
    process.stdout.write(
      `nothing lost: ${KILLS} runs of a ${span} ms run SIGKILLed (4 while writing): ${outcomes.kept} kept the old file, ${outcomes.replaced} left the new one; ${fs.readdirSync(outDir).length - 1} temporary files left behind\n`,
    );
  }, 120_000);
});

describe("disk full", () => {
  /** The real file system, except that writing a file stops half-way with ENOSPC, as a full disk does. */
  const fullDisk: WriteFileSystem = {
    ...fs.promises,
    open: async (file, flags) => {
      const handle = await fs.promises.open(file, flags);
      return {
        writeFile: async (data: Uint8Array) => {
          await handle.write(data.subarray(0, data.length >> 1));
          throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      };
    },
  };

  it("writeFileAtomic: the error is passed on, the previous file is untouched, the temporary file removed", async () => {
    const outDir = fs.mkdtempSync(path.join(dir, "day-"));
    const target = path.join(outDir, "bieu-mau.xlsx");
    fs.writeFileSync(target, vhxh);
    await expect(writeFileAtomic(target, new Uint8Array(100_000).fill(7), fullDisk)).rejects.toMatchObject({ code: "ENOSPC" });
    expect(Buffer.compare(fs.readFileSync(target), vhxh)).toBe(0);
    expect(fs.readdirSync(outDir)).toEqual(["bieu-mau.xlsx"]);
  });

  it("writeFileAtomic: a rename that fails (the file open in Excel on Windows) leaves the old file and no temporary file", async () => {
    const outDir = fs.mkdtempSync(path.join(dir, "ban-"));
    const target = path.join(outDir, "bieu-mau.xlsx");
    fs.writeFileSync(target, vhxh);
    const busy: WriteFileSystem = { ...fs.promises, rename: async () => Promise.reject(Object.assign(new Error("EBUSY"), { code: "EBUSY" })) };
    await expect(writeFileAtomic(target, new Uint8Array(10).fill(1), busy)).rejects.toMatchObject({ code: "EBUSY" });
    expect(Buffer.compare(fs.readFileSync(target), vhxh)).toBe(0);
    expect(fs.readdirSync(outDir)).toEqual(["bieu-mau.xlsx"]);
  });

  it("writeError: a full disk (or quota) has its own sentence", () => {
    for (const code of ["ENOSPC", "EDQUOT"]) {
      const error = writeError({ code }, "tong-hop.xlsx", "vi");
      expect(formatError(error, "vi")).toBe(
        'Hết chỗ trống trên đĩa khi ghi tệp "tong-hop.xlsx"; tệp cũ (nếu có) vẫn giữ nguyên. Hãy giải phóng chỗ trống rồi chạy lại.',
      );
      expect(formatError(error, "en")).toBe(
        'The disk is full: could not write "tong-hop.xlsx"; the previous file, if any, is unchanged. Free some space and run again.',
      );
    }
    expect(writeError({ code: "EACCES" }, "x.xlsx", "vi")).toEqual({ code: "WRITE_FAILED", path: "x.xlsx", reason: "không có quyền ghi" });
  });

  it.each([
    ["aggregate", "vi", (out: string) => ["aggregate", "--ward", "Phường Nhị Chiểu", "-o", out, "don-vi"]],
    ["template", "en", (out: string) => ["template", "--period", "2026-H1", "-o", out, "--lang", "en"]],
  ])(
    "cchc %s on a full disk: one line (%s), exit 2, the previous output intact, no temporary file left",
    async (_command, lang, argv) => {
      const outDir = fs.mkdtempSync(path.join(dir, "het-cho-"));
      const output = path.join(outDir, "ket-qua.xlsx");
      fs.writeFileSync(output, vhxh);
      const run = await cchc(argv(output), { env: { CCHC_TEST_FAULT: "enospc" } });
      expect(run.code).toBe(2);
      const expected =
        lang === "en"
          ? `Error: The disk is full: could not write "${output}"; the previous file, if any, is unchanged. Free some space and run again.`
          : `Lỗi: Hết chỗ trống trên đĩa khi ghi tệp "${output}"; tệp cũ (nếu có) vẫn giữ nguyên. Hãy giải phóng chỗ trống rồi chạy lại.`;
      expect(lines(run.err)).toEqual([expected]);
      expect(Buffer.compare(fs.readFileSync(output), vhxh)).toBe(0);
      expect(fs.readdirSync(outDir)).toEqual(["ket-qua.xlsx"]);
    },
    60_000,
  );
});

describe("inputs are only ever read", () => {
  it("validate, aggregate and import leave read-only inputs and their folder exactly as they were, and never open them for writing", async () => {
    const folder = path.join(dir, "nhan-duoc");
    fs.mkdirSync(folder);
    const outDir = path.join(dir, "ket-qua");
    fs.mkdirSync(outDir);
    fs.copyFileSync(path.join(inputs, "vhxh-2026-H1.xlsx"), path.join(folder, "vhxh-2026-H1.xlsx"));
    fs.copyFileSync(path.join(inputs, "vp-2026-H1.xlsx"), path.join(folder, "vp-2026-H1.xlsx"));
    for (const h of hostileFiles(vhxh).filter((x) => ["csv", "encrypted", "truncated", "no-form"].includes(x.id)))
      fs.writeFileSync(path.join(folder, h.name), h.bytes);
    // Read-only, as a careful officer might keep them (root ignores the mode, so it proves nothing alone).
    for (const name of fs.readdirSync(folder)) fs.chmodSync(path.join(folder, name), 0o444);
    const state = () => ({
      folder: (({ mtimeMs, ctimeMs }) => ({ mtimeMs, ctimeMs }))(fs.statSync(folder)),
      files: Object.fromEntries(
        fs
          .readdirSync(folder)
          .sort()
          .map((name) => {
            const stat = fs.statSync(path.join(folder, name));
            return [name, { sha: sha(path.join(folder, name)), size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, mode: stat.mode }];
          }),
      ),
    });
    const before = state();
    const log = path.join(dir, "fs-log.jsonl");
    const env = { CCHC_TEST_FS_LOG: log };

    const validate = await cchc(["validate", "nhan-duoc"], { env });
    expect(validate.code).toBe(2);
    const aggregate = await cchc(["aggregate", "--ward", "Phường Nhị Chiểu", "-o", path.join(outDir, "tong-hop.xlsx"), "nhan-duoc"], { env });
    expect(aggregate.code).toBe(2);
    const imported = await cchc(["import", path.join("nhan-duoc", "vp-2026-H1.xlsx"), "--period", "2026-H1", "-o", path.join(outDir, "vp-chuan.xlsx")], {
      env,
    });
    expect(imported.code).toBe(0);

    expect(state()).toEqual(before);
    // Every call that could change a file touched the output folder only.
    const calls = lines(fs.readFileSync(log, "utf8")).map((l) => JSON.parse(l) as { op: string; file: string; flags: string });
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter((c) => !c.file.startsWith(outDir + path.sep))).toEqual([]);
    expect(fs.readdirSync(outDir).sort()).toEqual(["tong-hop.xlsx", "vp-chuan.xlsx"]);
  }, 60_000);
});

describe("the temporary file's name", () => {
  it("is hidden, beside the target, and not .xlsx, so that no folder reader takes it for a workbook", () => {
    const temp = tempNameFor(path.join(dir, "tong-hop.xlsx"), 4242, 1_780_000_000_000);
    expect(temp).toBe(path.join(dir, ".tong-hop.xlsx.4242.1780000000000.tmp"));
    expect(path.basename(temp)).toMatch(TEMP("tong-hop.xlsx"));
  });
});
