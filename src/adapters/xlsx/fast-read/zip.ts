import { Inflate, inflateSync } from "fflate";
import { LIMITS } from "../../../core/limits";
import { XlsxReadError } from "./errors";

/*
 * Why not fflate's unzipSync: it inflates each part into a buffer of the size
 * the zip *declares*, and a part that inflates to more keeps running to the
 * end of its data while the surplus is silently dropped. So it can neither
 * tell a lying part from an honest one nor stop a bomb early: a 20 MB file
 * declaring 1 KB parts costs ~20 GB of inflation work. Here the directory is
 * read first and declared sizes are checked before anything is inflated; a
 * part too small to inflate past the limit even if it lies is inflated in one
 * call (and its true size checked), a larger one in slices with a counter that
 * stops at the limit.
 */

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_END64_LOCATOR = 0x07064b50;
/**
 * Compressed bytes pushed into the inflater at a time: at most ~1,032× this
 * (66 MB) comes out before the counter looks; smaller slices cost more in
 * fflate's per-push copying than they save.
 */
const SLICE = 64 * 1024;
/** DEFLATE's densest code, a 258-byte match in 2 bits, makes at most 1,032 bytes per compressed byte; a margin on top */
const MAX_RATIO = 1100;
const MB = 1024 * 1024;

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;
const u64 = (b: Uint8Array, i: number) => u32(b, i) + u32(b, i + 4) * 0x100000000;

const utf8 = new TextDecoder("utf-8");
const latin1 = new TextDecoder("latin1");

/** Part names compare without a leading "/" and without case, as OPC says. */
export const partKey = (name: string) => (name.charCodeAt(0) === 47 ? name.slice(1) : name).toLowerCase();

const damaged = (detail: string, part?: string) => new XlsxReadError("zip", detail, part);
const tooLarge = (detail: string, part?: string) => new XlsxReadError("too-large", detail, part);

function findEnd(bytes: Uint8Array): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) if (u32(bytes, i) === SIG_END) return i;
  throw damaged("not a zip (no end of central directory)");
}

/** The sizes and offset of a zip64 entry: the 0xFFFFFFFF fields are in the extra field 0x0001, in this order. */
function zip64Fields(bytes: Uint8Array, extra: number, extraEnd: number, entry: Entry): void {
  for (let i = extra; i + 4 <= extraEnd; i += 4 + u16(bytes, i + 2)) {
    if (u16(bytes, i) !== 1) continue;
    let p = i + 4;
    if (entry.size === 0xffffffff) {
      entry.size = u64(bytes, p);
      p += 8;
    }
    if (entry.compressedSize === 0xffffffff) {
      entry.compressedSize = u64(bytes, p);
      p += 8;
    }
    if (entry.localOffset === 0xffffffff) entry.localOffset = u64(bytes, p);
    return;
  }
}

function readDirectory(bytes: Uint8Array): Map<string, Entry> {
  const end = findEnd(bytes);
  let count = u16(bytes, end + 10);
  let offset = u32(bytes, end + 16);
  if ((count === 0xffff || offset === 0xffffffff) && end >= 20 && u32(bytes, end - 20) === SIG_END64_LOCATOR) {
    const end64 = u64(bytes, end - 12);
    if (end64 + 56 > bytes.length || u32(bytes, end64) !== SIG_END64) throw damaged("zip64 end of directory out of place");
    count = u64(bytes, end64 + 32);
    offset = u64(bytes, end64 + 48);
  }
  if (count > LIMITS.maxZipEntries) throw tooLarge(`${count} zip entries (at most ${LIMITS.maxZipEntries})`);
  const entries = new Map<string, Entry>();
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== SIG_CENTRAL) throw damaged("central directory damaged");
    const flags = u16(bytes, p + 8);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    const nameEnd = p + 46 + nameLength;
    if (nameEnd + extraLength > bytes.length) throw damaged("central directory damaged");
    const name = (flags & 0x800 ? utf8 : latin1).decode(bytes.subarray(p + 46, nameEnd));
    const entry: Entry = { name, method: u16(bytes, p + 10), compressedSize: u32(bytes, p + 20), size: u32(bytes, p + 24), localOffset: u32(bytes, p + 42) };
    zip64Fields(bytes, nameEnd, nameEnd + extraLength, entry);
    if (flags & 1) entry.method = -1; // encrypted: refused when read
    const key = partKey(name);
    if (!entries.has(key)) entries.set(key, entry);
    p = nameEnd + extraLength + commentLength;
  }
  return entries;
}

/**
 * Inflates raw DEFLATE data in one call, producing at most `room` bytes: more
 * is either dropped or thrown as a RangeError. fflate by default (it runs in
 * the browser); Node's own zlib, twice as fast, is plugged in by the CLI.
 */
export type RawInflate = (data: Uint8Array, room: number) => Uint8Array;

const fflateInflate: RawInflate = (data, room) => inflateSync(data, { out: new Uint8Array(room) });

/**
 * Inflates a part that cannot physically inflate beyond the cap, in one call
 * into room one byte larger than declared: what does not fit is dropped or
 * refused, so a result longer than declared (or shorter) gives the lie away.
 */
function inflateSmall(data: Uint8Array, entry: Entry, inflate: RawInflate): Uint8Array {
  let out: Uint8Array;
  try {
    out = inflate(data, entry.size + 1);
  } catch (error) {
    // A stored block that does not fit the buffer throws a RangeError: more than declared.
    const detail = error instanceof RangeError ? "more than the declared size" : error instanceof Error ? error.message : "inflate failed";
    throw damaged(`${entry.name}: ${detail}`, entry.name);
  }
  if (out.length !== entry.size)
    throw damaged(`${entry.name} inflates to ${out.length > entry.size ? "more" : "less"} than the ${entry.size} bytes declared`, entry.name);
  return out;
}

/** Inflates a part in slices into a buffer of the declared size, counting what comes out and stopping at the cap. */
function inflateBounded(data: Uint8Array, entry: Entry, cap: number): Uint8Array {
  const out = new Uint8Array(entry.size);
  let total = 0;
  const inflater = new Inflate((chunk) => {
    // Past the declared size the part is refused anyway; what follows is only counted.
    if (total + chunk.length <= entry.size) out.set(chunk, total);
    total += chunk.length;
    if (total > cap) throw tooLarge(`${entry.name} inflates beyond ${Math.round(cap / MB)} MB`, entry.name);
  });
  try {
    for (let i = 0; i < data.length || i === 0; i += SLICE) inflater.push(data.subarray(i, i + SLICE), i + SLICE >= data.length);
  } catch (error) {
    if (error instanceof XlsxReadError) throw error;
    throw damaged(`${entry.name}: ${error instanceof Error ? error.message : "inflate failed"}`, entry.name);
  }
  if (total !== entry.size) throw damaged(`${entry.name} inflates to ${total} bytes, not the ${entry.size} declared`, entry.name);
  return out;
}

/**
 * The parts of a zip, inflated on demand within LIMITS: a part's declared size
 * and the running declared total are checked before it is inflated, and the
 * bytes really produced are counted while inflating.
 */
export class ZipParts {
  private declaredTotal = 0;
  private inflatedTotal = 0;
  private readonly admitted = new Set<string>();

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly entries: Map<string, Entry>,
    private readonly inflate: RawInflate,
  ) {}

  /** Reads the zip directory; throws "zip" for what is not a zip, "too-large" for too many entries. */
  static open(bytes: Uint8Array, inflate: RawInflate = fflateInflate): ZipParts {
    if (bytes.length < 22) throw damaged("not a zip (too short)");
    return new ZipParts(bytes, readDirectory(bytes), inflate);
  }

  /** The names of the zip's parts, as stored. */
  names(): string[] {
    return [...this.entries.values()].map((e) => e.name);
  }

  /** Whether the zip holds this part (name as in the package, e.g. "xl/workbook.xml"). */
  has(name: string): boolean {
    return this.entries.has(partKey(name));
  }

  /** Checks the declared sizes of the parts about to be read, before any of them is inflated. */
  admit(names: readonly string[]): void {
    for (const name of names) {
      const key = partKey(name);
      const entry = this.entries.get(key);
      if (!entry || this.admitted.has(key)) continue;
      if (entry.size > LIMITS.maxInflatedPartBytes)
        throw tooLarge(`${entry.name} declares ${Math.ceil(entry.size / MB)} MB (at most ${LIMITS.maxInflatedPartBytes / MB} MB)`, entry.name);
      if (this.declaredTotal + entry.size > LIMITS.maxInflatedTotalBytes)
        throw tooLarge(`parts declare more than ${LIMITS.maxInflatedTotalBytes / MB} MB together`);
      this.declaredTotal += entry.size;
      this.admitted.add(key);
    }
  }

  /**
   * A part as stored (its compression method, inflated size and stored
   * bytes, not inflated), or undefined when the zip has no such part: two
   * parts stored alike hold the same bytes, so what was read from one serves
   * for the other.
   */
  stored(name: string): { method: number; size: number; data: Uint8Array } | undefined {
    const entry = this.entries.get(partKey(name));
    if (!entry) return undefined;
    this.admit([name]);
    return { method: entry.method, size: entry.size, data: this.storedData(entry) };
  }

  private storedData(entry: Entry): Uint8Array {
    const { bytes } = this;
    const local = entry.localOffset;
    if (local + 30 > bytes.length || u32(bytes, local) !== SIG_LOCAL) throw damaged(`${entry.name}: local header missing`, entry.name);
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (start + entry.compressedSize > bytes.length) throw damaged(`${entry.name}: data cut short`, entry.name);
    return bytes.subarray(start, start + entry.compressedSize);
  }

  /** The inflated bytes of a part, or undefined when the zip has no such part. */
  read(name: string): Uint8Array | undefined {
    const entry = this.entries.get(partKey(name));
    if (!entry) return undefined;
    this.admit([name]);
    const data = this.storedData(entry);
    const cap = Math.min(LIMITS.maxInflatedPartBytes, LIMITS.maxInflatedTotalBytes - this.inflatedTotal);
    let out: Uint8Array;
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.size) throw damaged(`${entry.name}: stored size mismatch`, entry.name);
      out = data;
    } else if (entry.method === 8) {
      out = data.length * MAX_RATIO <= cap ? inflateSmall(data, entry, this.inflate) : inflateBounded(data, entry, cap);
    } else {
      throw damaged(entry.method === -1 ? `${entry.name} is encrypted` : `${entry.name}: compression method ${entry.method}`, entry.name);
    }
    this.inflatedTotal += out.length;
    if (this.inflatedTotal > LIMITS.maxInflatedTotalBytes) throw tooLarge(`parts inflate beyond ${LIMITS.maxInflatedTotalBytes / MB} MB together`);
    return out;
  }
}
