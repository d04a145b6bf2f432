#!/usr/bin/env node
// Draws the add-in icons (a form sheet: green header band, grid lines) and writes
// assets/icon-16.png … icon-128.png. Uses only Node's zlib, so it runs anywhere;
// the PNGs are committed, rerun this only when the drawing changes:
//   node scripts/make-icons.js
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

/** Sizes written to assets/, as icon-<size>.png; manifest.xml names each of them. */
const SIZES = [16, 32, 64, 80, 128];

const GREEN = [0x21, 0x73, 0x46, 0xff]; // Excel green #217346
const DARK_GREEN = [0x18, 0x5c, 0x37, 0xff]; // #185C37, sheet border
const GRID = [0x7f, 0xb8, 0x96, 0xff]; // light green for the grid lines
const WHITE = [0xff, 0xff, 0xff, 0xff];

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309, as PNG chunks use it) of a byte buffer. */
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes an RGBA image (width*height*4 bytes, row by row) as a PNG file. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc(height * (stride + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Draws the icon at size n: a white sheet with a green header band and a grid. */
function drawIcon(n) {
  const px = Buffer.alloc(n * n * 4); // transparent
  const fill = (x0, y0, x1, y1, color) => {
    for (let y = Math.max(0, y0); y < Math.min(n, y1); y++)
      for (let x = Math.max(0, x0); x < Math.min(n, x1); x++) {
        const i = (y * n + x) * 4;
        px[i] = color[0];
        px[i + 1] = color[1];
        px[i + 2] = color[2];
        px[i + 3] = color[3];
      }
  };

  const t = Math.max(1, Math.round(n / 32)); // line thickness
  const m = Math.max(1, Math.round(n * 0.06)); // margin around the sheet
  const x0 = m;
  const x1 = n - m;
  const y0 = m;
  const y1 = n - m;
  const w = x1 - x0;
  const h = y1 - y0;

  // Sheet: dark green border, white paper.
  fill(x0, y0, x1, y1, DARK_GREEN);
  fill(x0 + t, y0 + t, x1 - t, y1 - t, WHITE);

  // Header band (the form's title block) across the top.
  const bandBottom = y0 + Math.round(h * 0.3);
  fill(x0, y0, x1, bandBottom, GREEN);
  if (n >= 32) {
    // a white "title" line inside the band
    const ty = y0 + Math.round((bandBottom - y0) / 2) - t;
    fill(x0 + Math.round(w * 0.18), ty, x1 - Math.round(w * 0.18), ty + 2 * t, WHITE);
  }

  // Grid: rows below the band, columns STT | Chỉ tiêu | Số liệu.
  const rows = n >= 32 ? 4 : 3;
  const bodyTop = bandBottom;
  const bodyH = y1 - t - bodyTop;
  for (let r = 1; r < rows; r++) {
    const y = bodyTop + Math.round((bodyH * r) / rows);
    fill(x0 + t, y, x1 - t, y + t, GRID);
  }
  for (const f of [0.27, 0.68]) {
    const x = x0 + Math.round(w * f);
    fill(x, bodyTop, x + t, y1 - t, GRID);
  }
  return px;
}

function main() {
  const outDir = path.join(__dirname, "..", "assets");
  fs.mkdirSync(outDir, { recursive: true });
  for (const n of SIZES) {
    const file = path.join(outDir, `icon-${n}.png`);
    fs.writeFileSync(file, encodePng(n, n, drawIcon(n)));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${n}x${n})`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, drawIcon, crc32, SIZES };
