import type { Rng } from "./prng";

/**
 * Mutations of a workbook's bytes as they travel (a flaky e-mail gateway, a
 * half-finished download, a USB stick pulled out): bits flipped, bytes
 * inserted, deleted or cut off, aimed at the zip's local headers, its central
 * directory, its end record, the compressed data, or the header fields that
 * say how large, where and how compressed a part is.
 */

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;

/** Where the zip's records are. */
interface ZipMap {
  locals: number[];
  centrals: number[];
  end: number | undefined;
}

const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;

function mapZip(bytes: Uint8Array): ZipMap {
  const map: ZipMap = { locals: [], centrals: [], end: undefined };
  for (let i = 0; i + 4 <= bytes.length; i++) {
    if (bytes[i] !== 0x50 || bytes[i + 1] !== 0x4b) continue;
    const sig = u32(bytes, i);
    if (sig === SIG_LOCAL) map.locals.push(i);
    else if (sig === SIG_CENTRAL) map.centrals.push(i);
    else if (sig === SIG_END) map.end = i;
  }
  return map;
}

function put(bytes: Uint8Array, at: number, value: number, width: 2 | 4): void {
  for (let k = 0; k < width && at + k < bytes.length; k++) bytes[at + k] = (value >>> (8 * k)) & 0xff;
}

function splice(bytes: Uint8Array, at: number, remove: number, insert: Uint8Array = new Uint8Array(0)): Uint8Array {
  at = Math.max(0, Math.min(at, bytes.length));
  remove = Math.max(0, Math.min(remove, bytes.length - at));
  const out = new Uint8Array(bytes.length - remove + insert.length);
  out.set(bytes.subarray(0, at), 0);
  out.set(insert, at);
  out.set(bytes.subarray(at + remove), at + insert.length);
  return out;
}

function randomBytes(rng: Rng, n: number): Uint8Array {
  const out = new Uint8Array(n);
  const flavour = rng.int(4);
  for (let i = 0; i < n; i++) out[i] = flavour === 0 ? 0 : flavour === 1 ? 0xff : flavour === 2 ? 0x50 + rng.int(2) * 0xfb /* P or K-ish */ : rng.int(256);
  return out;
}

/** Interesting values for a 16- or 32-bit header field. */
function fieldValue(rng: Rng, width: 2 | 4, current: number): number {
  const max = width === 2 ? 0xffff : 0xffffffff;
  const value = rng.pick([
    0,
    1,
    max,
    max - 1,
    0x7fff,
    0x7fffffff & max,
    current + 1,
    current - 1,
    current * 2,
    current >>> 1,
    rng.int(max + 1),
    22,
    30,
    46,
    1 << 20,
    60 * 1024 * 1024,
  ]);
  return (value & max) >>> 0;
}

/** Header fields worth lying in: [offset within the record, width, label]. */
const LOCAL_FIELDS: [number, 2 | 4, string][] = [
  [4, 2, "version"],
  [6, 2, "flags"],
  [8, 2, "method"],
  [14, 4, "crc"],
  [18, 4, "compressed size"],
  [22, 4, "size"],
  [26, 2, "name length"],
  [28, 2, "extra length"],
];
const CENTRAL_FIELDS: [number, 2 | 4, string][] = [
  [8, 2, "flags"],
  [10, 2, "method"],
  [16, 4, "crc"],
  [20, 4, "compressed size"],
  [24, 4, "size"],
  [28, 2, "name length"],
  [30, 2, "extra length"],
  [32, 2, "comment length"],
  [42, 4, "local offset"],
];
const END_FIELDS: [number, 2 | 4, string][] = [
  [4, 2, "disk"],
  [8, 2, "entries on disk"],
  [10, 2, "entries"],
  [12, 4, "directory size"],
  [16, 4, "directory offset"],
  [20, 2, "comment length"],
];

/** A position inside one of the zip's regions, and the region's name. */
function aim(rng: Rng, bytes: Uint8Array, map: ZipMap): { at: number; where: string } {
  const region = rng.weighted([
    ["local", 3],
    ["central", 3],
    ["end", 1],
    ["data", 4],
    ["anywhere", 2],
  ] as const);
  if (region === "local" && map.locals.length > 0) return { at: rng.pick(map.locals) + rng.int(40), where: "local header" };
  if (region === "central" && map.centrals.length > 0) return { at: rng.pick(map.centrals) + rng.int(56), where: "central directory" };
  if (region === "end" && map.end !== undefined) return { at: map.end + rng.int(22), where: "end record" };
  if (region === "data" && map.locals.length > 0) {
    // Past a local header and its name: the compressed bytes of a part.
    const i = rng.int(map.locals.length);
    const start = map.locals[i] + 30 + 20;
    const stop = i + 1 < map.locals.length ? map.locals[i + 1] : (map.centrals[0] ?? bytes.length);
    if (stop > start) return { at: start + rng.int(stop - start), where: "compressed data" };
  }
  return { at: rng.int(Math.max(1, bytes.length)), where: "anywhere" };
}

/** One mutation of the bytes; returns the new bytes and what was done. */
export function mutateZipBytes(rng: Rng, bytes: Uint8Array): { bytes: Uint8Array; label: string } {
  const map = mapZip(bytes);
  const op = rng.weighted([
    ["flip", 6],
    ["set", 3],
    ["insert", 3],
    ["delete", 3],
    ["truncate", 2],
    ["field", 7],
    ["duplicate", 1],
    ["swap-records", 1],
    ["prefix", 1],
    ["tiny", 1],
  ] as const);
  const out = new Uint8Array(bytes);
  switch (op) {
    case "flip": {
      const { at, where } = aim(rng, bytes, map);
      const n = rng.range(1, 8);
      for (let k = 0; k < n; k++) {
        const i = Math.min(out.length - 1, at + rng.int(4));
        out[i] ^= 1 << rng.int(8);
      }
      return { bytes: out, label: `flip ${n} bit(s) at ${at} (${where})` };
    }
    case "set": {
      const { at, where } = aim(rng, bytes, map);
      const n = rng.range(1, 16);
      const fill = randomBytes(rng, n);
      out.set(fill.subarray(0, Math.max(0, out.length - at)), Math.min(at, out.length));
      return { bytes: out, label: `overwrite ${n} byte(s) at ${at} (${where})` };
    }
    case "insert": {
      const { at, where } = aim(rng, bytes, map);
      const n = rng.pick([1, 2, 3, 4, 7, 16, 64, 1024]);
      return { bytes: splice(bytes, at, 0, randomBytes(rng, n)), label: `insert ${n} byte(s) at ${at} (${where})` };
    }
    case "delete": {
      const { at, where } = aim(rng, bytes, map);
      const n = rng.pick([1, 2, 3, 4, 8, 30, 46, 100, 1000]);
      return { bytes: splice(bytes, at, n), label: `delete ${n} byte(s) at ${at} (${where})` };
    }
    case "truncate": {
      const keep = rng.chance(0.3) ? bytes.length - rng.range(1, 30) : rng.int(bytes.length);
      return { bytes: bytes.slice(0, Math.max(0, keep)), label: `truncate to ${Math.max(0, keep)} of ${bytes.length} bytes` };
    }
    case "field": {
      const kind = rng.weighted([
        ["local", 3],
        ["central", 5],
        ["end", 2],
      ] as const);
      const starts = kind === "local" ? map.locals : kind === "central" ? map.centrals : map.end !== undefined ? [map.end] : [];
      if (starts.length === 0) return { bytes: out, label: "field (no record)" };
      const start = rng.pick(starts);
      const [offset, width, name] = rng.pick(kind === "local" ? LOCAL_FIELDS : kind === "central" ? CENTRAL_FIELDS : END_FIELDS);
      const current = width === 2 ? out[start + offset] | (out[start + offset + 1] << 8) : u32(out, start + offset);
      let value = fieldValue(rng, width, current);
      if (name === "flags" && rng.chance(0.5)) value = current | rng.pick([1, 8, 0x800, 0x40]); // encrypted, data descriptor, UTF-8, strong encryption
      if (name === "method" && rng.chance(0.6)) value = rng.pick([0, 1, 6, 9, 12, 14, 93, 99]);
      put(out, start + offset, value, width);
      return { bytes: out, label: `${kind} ${name} at ${start + offset}: ${current} → ${value}` };
    }
    case "duplicate": {
      const a = rng.int(bytes.length);
      const n = rng.range(1, 2048);
      const at = rng.int(bytes.length);
      return { bytes: splice(bytes, at, 0, bytes.slice(a, a + n)), label: `copy ${n} byte(s) from ${a} to ${at}` };
    }
    case "swap-records": {
      // Two central directory entries' local offsets exchanged: parts read from each other's data.
      if (map.centrals.length < 2) return { bytes: out, label: "swap (no records)" };
      const [a, b] = rng.shuffle(map.centrals).slice(0, 2);
      const oa = u32(out, a + 42);
      put(out, a + 42, u32(out, b + 42), 4);
      put(out, b + 42, oa, 4);
      return { bytes: out, label: `swap local offsets of directory entries at ${a} and ${b}` };
    }
    case "prefix": {
      const junk = rng.pick([
        new TextEncoder().encode("From: nguoi-gui@example.vn\r\n\r\n"),
        new Uint8Array([0xef, 0xbb, 0xbf]),
        new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        new Uint8Array([0x50, 0x4b, 0x05, 0x06]),
        new TextEncoder().encode("%PDF-1.7\n"),
        new TextEncoder().encode("<html><table><tr><td>1</td></tr></table></html>"),
        randomBytes(rng, rng.range(1, 64)),
      ]);
      const replace = rng.chance(0.5) ? junk.length : 0;
      return { bytes: splice(bytes, 0, replace, junk), label: `${replace ? "overwrite" : "prefix"} ${junk.length} byte(s) at the start` };
    }
    case "tiny": {
      const n = rng.pick([0, 1, 4, 21, 22, 30]);
      const from = rng.chance(0.5) ? 0 : Math.max(0, bytes.length - n);
      return { bytes: bytes.slice(from, from + n), label: `keep only ${n} byte(s) from ${from}` };
    }
  }
}
