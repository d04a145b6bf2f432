#!/usr/bin/env node
"use strict";
/**
 * The floor `cchc aggregate` is measured against: what any reader of the same
 * files must do at least. For each .xlsx file in the folder: read it, find the
 * parts the product's reader needs in the zip directory (the workbook, its
 * relationships, shared strings, styles and the worksheets), inflate them and
 * walk their bytes once (counting "<"). Nothing is kept.
 *
 * `node scripts/bench/floor.js DIR [zlib|fflate]`: zlib (Node's inflater, the
 * one the CLI uses) by default; fflate's is the one the browser add-in uses.
 */
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const [dir, inflater = "zlib"] = process.argv.slice(2);
const inflate =
  inflater === "fflate"
    ? (
        (f) => (data, size) =>
          f.inflateSync(data, { out: new Uint8Array(size) })
      )(require("fflate"))
    : (data) => zlib.inflateRawSync(data);
const NEEDED = /^xl\/(?:workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/[^/]+\.xml)$/;

let tags = 0;
for (const name of fs.readdirSync(dir).sort()) {
  if (!name.endsWith(".xlsx")) continue;
  const buf = fs.readFileSync(path.join(dir, name));
  let end = buf.length - 22;
  while (end >= 0 && buf.readUInt32LE(end) !== 0x06054b50) end--;
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  for (let n = 0; n < count; n++) {
    const nameLength = buf.readUInt16LE(p + 28);
    const entry = buf.latin1Slice(p + 46, p + 46 + nameLength);
    if (NEEDED.test(entry)) {
      const local = buf.readUInt32LE(p + 42);
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + buf.readUInt32LE(p + 20));
      const bytes = buf.readUInt16LE(p + 10) === 8 ? inflate(data, buf.readUInt32LE(p + 24)) : data;
      for (let i = 0; i < bytes.length; i++) if (bytes[i] === 60) tags++;
    }
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
}
process.stdout.write(`${tags}\n`);
