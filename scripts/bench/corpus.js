"use strict";
/**
 * The bench's corpus: unit workbooks as users make them. The product's
 * template with all seven forms filled (every input cell a number), saved
 * again (a) by LibreOffice headless (xlsx → xlsx, which rewrites styles and
 * shared strings its own way) and (b) by ExcelJS (read and written back).
 *
 * A few distinct workbooks are made per kind (figures scaled differently), each
 * with a placeholder unit name; the N files of a folder are copies of them,
 * each with a unit name of its own ("Đơn vị đo 0001"…), so aggregation gives
 * every file its own column instead of setting it aside as a resent duplicate.
 * The name is patched in the saved zip: the part holding it (the shared strings)
 * is inflated, patched and deflated again with zlib; every other part keeps the
 * producer's own compressed bytes.
 *
 * Cached under os.tmpdir() by CORPUS_VERSION: a rerun finds the folders made.
 */
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const zlib = require("node:zlib");

/** Bump when what is generated changes: the cache is keyed by it. */
const CORPUS_VERSION = 1;
const BASES = 4;
const PLACEHOLDER = "Đơn vị đo 0000";
const KINDS = ["libreoffice", "exceljs"];

const root = path.resolve(__dirname, "..", "..");
const cacheRoot = path.join(os.tmpdir(), `cchc-bench-corpus-v${CORPUS_VERSION}`);

function sofficePath() {
  for (const p of ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"]) if (fs.existsSync(p)) return p;
  return "soffice";
}

/** The sample figures of every form, count and money rows scaled by `scale` (a part stays within its whole, sums stay sums). */
function filledFigures(core, SAMPLE_UNITS, scale) {
  const base = Object.assign({}, ...SAMPLE_UNITS.map((u) => u.figures));
  const figures = {};
  for (const id of core.FORM_IDS) {
    const form = core.findForm(id);
    figures[id] = {};
    for (const row of form.rows) {
      const v = base[id]?.[row.stt];
      if (!["count", "money", "percent", "code"].includes(row.kind)) continue;
      if (v === undefined) throw new Error(`bench corpus: no sample figure for ${id} ${row.stt}`);
      figures[id][row.stt] = row.kind === "count" || row.kind === "money" ? v * scale : v;
    }
  }
  // The sample's two planted mistakes put right: the files are clean, as most units' are.
  figures.BM7["1.3.2"] = Math.min(figures.BM7["1.3.2"], figures.BM7["1.3.1"]);
  figures.BM5["1.2"] = Math.min(figures.BM5["1.2"], figures.BM6["2.1"]);
  return figures;
}

/** The product's workbooks with all seven forms filled, the unit name a placeholder. */
async function templateBooks() {
  const lib = (p) => require(path.join(root, "lib", p));
  const core = lib("core/index.js");
  const { planToXlsx } = lib("adapters/xlsx/write-plan.js");
  const { readXlsxFast } = lib("adapters/xlsx/fast-read/index.js");
  const { SAMPLE_UNITS, SAMPLE_PERIOD } = lib("core/sample/demo-units.js");
  const period = core.parsePeriod(SAMPLE_PERIOD).value;
  const books = [];
  for (let k = 0; k < BASES; k++) {
    const figures = filledFigures(core, SAMPLE_UNITS, k + 1);
    const plan = core.buildWorkbookPlan({ unit: PLACEHOLDER, period, forms: core.FORM_IDS, figures, createdAt: "2026-06-01T00:00:00Z" });
    const bytes = await planToXlsx(plan);
    const errors = core.validateWorkbook(readXlsxFast(bytes)).findings.filter((f) => f.severity === "error");
    if (errors.length > 0) throw new Error(`bench corpus: the filled workbook has errors: ${errors.map((f) => f.code).join(", ")}`);
    books.push(Buffer.from(bytes));
  }
  return books;
}

function saveWithLibreOffice(books, dir) {
  const inDir = path.join(dir, "in");
  const outDir = path.join(dir, "out");
  fs.mkdirSync(inDir, { recursive: true });
  const inputs = books.map((b, k) => {
    const file = path.join(inDir, `base-${k}.xlsx`);
    fs.writeFileSync(file, b);
    return file;
  });
  const profile = `file://${path.join(dir, "profile")}`;
  execFileSync(
    sofficePath(),
    [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--calc", "--convert-to", "xlsx", "--outdir", outDir, ...inputs],
    {
      stdio: "ignore",
      timeout: 300_000,
    },
  );
  return books.map((_, k) => fs.readFileSync(path.join(outDir, `base-${k}.xlsx`)));
}

async function saveWithExcelJS(books) {
  const ExcelJS = require(require.resolve("exceljs", { paths: [root] }));
  const out = [];
  for (const b of books) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(b);
    out.push(Buffer.from(await wb.xlsx.writeBuffer()));
  }
  return out;
}

/** The entries of a zip: name, method, time, date and the compressed data as stored, from the central directory. */
function zipEntries(buf) {
  let end = buf.length - 22;
  while (end >= 0 && buf.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error("bench corpus: not a zip");
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const compressedSize = buf.readUInt32LE(p + 20);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    entries.push({
      nameBytes: buf.subarray(p + 46, p + 46 + nameLength),
      flags: buf.readUInt16LE(p + 8) & 0x800,
      method: buf.readUInt16LE(p + 10),
      time: buf.readUInt16LE(p + 12),
      date: buf.readUInt16LE(p + 14),
      crc: buf.readUInt32LE(p + 16),
      size: buf.readUInt32LE(p + 24),
      data: buf.subarray(start, start + compressedSize),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function writeZip(entries) {
  const chunks = [];
  const central = [];
  let offset = 0;
  for (const e of entries) {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(e.flags, 6);
    h.writeUInt16LE(e.method, 8);
    h.writeUInt16LE(e.time, 10);
    h.writeUInt16LE(e.date, 12);
    h.writeUInt32LE(e.crc, 14);
    h.writeUInt32LE(e.data.length, 18);
    h.writeUInt32LE(e.size, 22);
    h.writeUInt16LE(e.nameBytes.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    h.copy(c, 8, 6, 30);
    c.writeUInt32LE(offset, 42);
    central.push(c, e.nameBytes);
    chunks.push(h, e.nameBytes, e.data);
    offset += 30 + e.nameBytes.length + e.data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, dir, end]);
}

/** A template for copies: the zip's entries, the ones naming the unit inflated. */
function patchable(book) {
  const needle = Buffer.from(PLACEHOLDER, "utf8");
  const entries = zipEntries(book).map((e) => {
    const text = e.method === 8 ? zlib.inflateRawSync(e.data) : e.method === 0 ? e.data : undefined;
    return text && text.includes(needle) ? { ...e, text } : e;
  });
  if (!entries.some((e) => e.text)) throw new Error("bench corpus: the unit name is not in the saved workbook");
  return entries;
}

/** A copy naming unit `i`: the placeholder's digits replaced (same length), those parts deflated again. */
function copyFor(entries, i) {
  const name = Buffer.from(`${PLACEHOLDER.slice(0, -4)}${String(i).padStart(4, "0")}`, "utf8");
  const needle = Buffer.from(PLACEHOLDER, "utf8");
  return writeZip(
    entries.map((e) => {
      if (!e.text) return e;
      const text = Buffer.from(e.text);
      for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) name.copy(text, at);
      return { ...e, method: 8, crc: zlib.crc32(text), size: text.length, data: zlib.deflateRawSync(text) };
    }),
  );
}

/**
 * The folder of `n` unit files of `kind` ("libreoffice" or "exceljs"), made
 * (and cached) on first use; the path.
 */
async function corpusFolder(kind, n) {
  if (!KINDS.includes(kind)) throw new Error(`bench corpus: unknown kind ${kind}`);
  const folder = path.join(cacheRoot, kind, `n-${n}`);
  const done = path.join(folder, ".complete");
  if (fs.existsSync(done)) return folder;
  const baseDir = path.join(cacheRoot, kind, "bases");
  const baseFiles = Array.from({ length: BASES }, (_, k) => path.join(baseDir, `base-${k}.xlsx`));
  if (!baseFiles.every((f) => fs.existsSync(f))) {
    fs.mkdirSync(baseDir, { recursive: true });
    const books = await templateBooks();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-bench-lo-"));
    try {
      const saved = kind === "libreoffice" ? saveWithLibreOffice(books, tmp) : await saveWithExcelJS(books);
      saved.forEach((b, k) => fs.writeFileSync(baseFiles[k], b));
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
  const bases = baseFiles.map((f) => patchable(fs.readFileSync(f)));
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  for (let i = 0; i < n; i++) fs.writeFileSync(path.join(folder, `don-vi-${String(i + 1).padStart(4, "0")}.xlsx`), copyFor(bases[i % BASES], i + 1));
  fs.writeFileSync(done, "");
  return folder;
}

module.exports = { corpusFolder, KINDS, CORPUS_VERSION, cacheRoot, zipEntries, writeZip };
