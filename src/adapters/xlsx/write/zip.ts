import { deflateSync } from "fflate";

/** How part bytes are compressed: fflate by default (browser and worker), Node's zlib in the CLI (several times faster). */
export interface Compressor {
  /** raw DEFLATE data, no zlib header */
  deflateRaw(data: Uint8Array): Uint8Array;
  crc32(data: Uint8Array): number;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 as zip stores it. */
export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Level 1: a city's ward workbook is mostly its detail sheet, and harder compression cost far more time than it saved bytes. */
export const FFLATE_COMPRESSOR: Compressor = { deflateRaw: (data) => deflateSync(data, { level: 1 }), crc32 };

/** One entry exactly as it goes into the archive. */
export interface ZipEntry {
  name: string;
  /** the bytes stored: raw DEFLATE data (method 8) or the data itself (method 0) */
  body: Uint8Array;
  method: 0 | 8;
  crc: number;
  /** the uncompressed size */
  size: number;
}

// Every entry is dated 1 January 2026, 00:00 (MS-DOS format): the same content always gives the same bytes.
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;
const UTF8_NAMES = 0x800;

/** A zip archive of the entries, in order, names in UTF-8. */
export function zipEntries(entries: readonly ZipEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = new TextEncoder().encode(entry.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, UTF8_NAMES, true);
    lv.setUint16(8, entry.method, true);
    lv.setUint16(12, DOS_DATE, true);
    lv.setUint32(14, entry.crc, true);
    lv.setUint32(18, entry.body.length, true);
    lv.setUint32(22, entry.size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const record = new Uint8Array(46 + name.length);
    const cv = new DataView(record.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, UTF8_NAMES, true);
    cv.setUint16(10, entry.method, true);
    cv.setUint16(14, DOS_DATE, true);
    cv.setUint32(16, entry.crc, true);
    cv.setUint32(20, entry.body.length, true);
    cv.setUint32(24, entry.size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    record.set(name, 46);
    chunks.push(local, entry.body);
    central.push(record);
    offset += local.length + entry.body.length;
  }
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  const all = [...chunks, ...central, end];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
