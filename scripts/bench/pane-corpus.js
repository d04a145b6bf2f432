"use strict";
/**
 * The pane bench's files: the CLI bench's corpus (scripts/bench/corpus.js,
 * the same folders `npm run bench` aggregates), and the one thing the pane
 * bench adds, a file with a planted error for Kiểm tra: the corpus's first
 * file with BM7 1.3.2 raised above 1.3.1 (a part larger than its whole),
 * patched in its zip like the corpus patches unit names (only the BM7 sheet
 * is inflated, patched and deflated again; the producer's other parts as
 * saved).
 */
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");
const { corpusFolder, zipEntries, writeZip } = require("./corpus.js");

/** The `.xlsx` files of a corpus folder, in name order. */
function folderFiles(folder) {
  return fs
    .readdirSync(folder)
    .filter((n) => n.endsWith(".xlsx"))
    .sort()
    .map((n) => path.join(folder, n));
}

const inflated = (e) => (e.method === 8 ? zlib.inflateRawSync(e.data) : e.method === 0 ? Buffer.from(e.data) : undefined);
const xmlText = (s) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** `book` with BM7's 1.3.2 set above its 1.3.1 (the Số liệu column, D). */
function plantBm7Error(book) {
  const entries = zipEntries(book);
  const text = (name) => {
    const e = entries.find((x) => x.nameBytes.toString() === name);
    if (!e) throw new Error(`bench-pane: ${name} is not in the corpus file`);
    return inflated(e).toString("utf8");
  };
  // BM7's sheet part, through the workbook and its relationships.
  const rid = /<sheet\b[^>]*\bname="BM7"[^>]*\br:id="([^"]+)"/.exec(text("xl/workbook.xml"));
  const rel = rid && new RegExp(`<Relationship\\b[^>]*\\bId="${rid[1]}"[^>]*\\bTarget="([^"]+)"`).exec(text("xl/_rels/workbook.xml.rels"));
  if (!rel) throw new Error("bench-pane: no BM7 sheet in the corpus file");
  const sheetName = rel[1].startsWith("/") ? rel[1].slice(1) : `xl/${rel[1]}`;
  const strings = [...text("xl/sharedStrings.xml").matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => xmlText(m[1].replace(/<[^>]+>/g, "")));
  const sheet = text(sheetName);
  /** The row whose STT (column A) is `stt`, and its Số liệu cell (column D): the cell's text and value. */
  const figure = (stt) => {
    for (const m of sheet.matchAll(/<c r="A(\d+)"[^>]*?t="s"[^>]*><v>(\d+)<\/v><\/c>/g)) {
      if (strings[Number(m[2])] !== stt) continue;
      const d = new RegExp(`<c r="D${m[1]}"[^>]*><v>([^<]*)</v></c>`).exec(sheet);
      if (d) return { cell: d[0], value: Number(d[1]) };
    }
    throw new Error(`bench-pane: no figure for BM7 ${stt} in the corpus file`);
  };
  const whole = figure("1.3.1");
  const part = figure("1.3.2");
  const patched = Buffer.from(sheet.replace(part.cell, part.cell.replace(/<v>[^<]*<\/v>/, `<v>${whole.value + 100}</v>`)), "utf8");
  return writeZip(
    entries.map((e) =>
      e.nameBytes.toString() === sheetName ? { ...e, method: 8, crc: zlib.crc32(patched), size: patched.length, data: zlib.deflateRawSync(patched) } : e,
    ),
  );
}

/**
 * The corpus folders of `kind` for each of `counts` (made and cached by
 * corpus.js on first use) and the planted file, written into `tmp`.
 */
async function paneCorpus(kind, counts, tmp) {
  const folders = {};
  for (const n of counts) {
    const folder = await corpusFolder(kind, n);
    folders[n] = { folder, files: folderFiles(folder) };
  }
  const first = folders[counts[0]].files[0];
  const planted = path.join(tmp, "loi-bm7.xlsx");
  fs.writeFileSync(planted, plantBm7Error(fs.readFileSync(first)));
  return { folders, planted, plantedFrom: first };
}

module.exports = { paneCorpus };
