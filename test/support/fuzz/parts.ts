import { deflateRawSync } from "node:zlib";
import { unzipSync } from "fflate";
import { crc32, zipParts } from "../hand-xlsx";
import type { Rng } from "./prng";

/** A workbook's zip parts by name, as fflate gives them. */
export type Parts = Record<string, Uint8Array>;

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8");

const decoded = new WeakMap<Uint8Array, string>();

/** A part's text (UTF-8), remembered for the base's parts that every case reads again. */
export function text(bytes: Uint8Array): string {
  let s = decoded.get(bytes);
  if (s === undefined) decoded.set(bytes, (s = decoder.decode(bytes)));
  return s;
}
export const utf8 = (s: string) => encoder.encode(s);

/** The parts of a good workbook (the fuzz bases are the product's own files, so this never fails on them). */
export function unzipParts(bytes: Uint8Array): Parts {
  return unzipSync(bytes);
}

type Level = 0 | 1 | 6;

/**
 * Compressed forms of part contents already zipped once: a case changes one
 * or two parts of a base, and deflating the others again would cost most of
 * the case's time. Keyed by the content array, which mutators replace and
 * never change in place.
 */
const compressed = new WeakMap<Uint8Array, { crc: number; byLevel: Map<Level, Uint8Array> }>();

function entryOf(data: Uint8Array, level: Level): { crc: number; body: Uint8Array } {
  let cached = compressed.get(data);
  if (!cached) compressed.set(data, (cached = { crc: crc32(data), byLevel: new Map() }));
  let body = cached.byLevel.get(level);
  if (!body) cached.byLevel.set(level, (body = level === 0 ? data : new Uint8Array(deflateRawSync(data, { level }))));
  return { crc: cached.crc, body };
}

/** A zip of the parts (stored at level 0, deflated otherwise), with true sizes and CRCs, as Excel would write it. */
export function zipOf(parts: Parts, level: Level, names = Object.keys(parts)): Uint8Array {
  return zipParts(
    names.map((name) => {
      const { crc, body } = entryOf(parts[name], level);
      return level === 0 ? { name, data: parts[name], crc, stored: true } : { name, data: parts[name], crc, deflated: body };
    }),
  );
}

/** The parts zipped again, stored or deflated (mostly at the fast level: the reader does not care, the run time does), in the original order or shuffled. */
export function rezip(rng: Rng, parts: Parts): { bytes: Uint8Array; label: string } {
  const level = rng.weighted([
    [0, 2],
    [1, 5],
    [6, 3],
  ] as const);
  const shuffled = rng.chance(0.15);
  const names = shuffled ? rng.shuffle(Object.keys(parts)) : Object.keys(parts);
  return { bytes: zipOf(parts, level, names), label: `rezip level ${level}${shuffled ? ", parts shuffled" : ""}` };
}

/** A sheet of the workbook: its name as the workbook lists it and its part. */
export interface SheetPart {
  name: string;
  part: string;
}

const attrOf = (tag: string, name: string) => new RegExp(`\\s(?:[\\w.-]+:)?${name}="([^"]*)"`).exec(tag)?.[1];

const unescapeAttr = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The sheets and their parts, read with regular expressions from a (still good) workbook.xml and its relationships. */
export function sheetParts(parts: Parts): SheetPart[] {
  const workbook = parts["xl/workbook.xml"];
  const rels = parts["xl/_rels/workbook.xml.rels"];
  if (!workbook || !rels) return [];
  const targets = new Map<string, string>();
  for (const m of text(rels).matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attrOf(m[0], "Id");
    const target = attrOf(m[0], "Target");
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const out: SheetPart[] = [];
  for (const m of text(workbook).matchAll(/<sheet\b[^>]*>/g)) {
    const part = targets.get(attrOf(m[0], "id") ?? "");
    if (part && parts[part]) out.push({ name: unescapeAttr(attrOf(m[0], "name") ?? ""), part });
  }
  return out;
}

/** XML text escaped for an element's content or an attribute value. */
export const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
