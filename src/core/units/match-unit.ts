/**
 * Which registry unit a unit name written by hand means, when it is not one of
 * the setup's names as written: "P. Kinh tế - HT&ĐT" is the "Phòng Kinh tế, Hạ
 * tầng và Đô thị" of the setup, "Văn phòng HĐND&UBND phường" its "Văn phòng HĐND
 * và UBND". Pure, and memoised: aggregation asks once per file.
 */
import { foldText, memoText } from "../read/text";
import { matchUnitName, type RegistryUnit, type UnitRegistry } from "./registry";

/** What a unit name refers to in a registry. */
export interface UnitMatch {
  /** the unit, when exactly one is meant */
  unit?: RegistryUnit;
  /** "exact": a code, name or alias as written (accents, case, punctuation aside); "close": only once normalised (UNIT_MATCHED_BY_TEXT) */
  how?: "exact" | "close";
  /** without a unit: the units the name resembles, in registry order (two close ones: no guess is made) */
  resembles: RegistryUnit[];
}

/** Abbreviations units write for the words of their names (folded); a token of several ("KTHTĐT", "TTPVHCC") is split into them. */
const ABBREVIATIONS: Record<string, string> = {
  vp: "van phong",
  tt: "trung tam",
  ht: "ha tang",
  dt: "do thi",
  vh: "van hoa",
  xh: "xa hoi",
  kt: "kinh te",
  pvhcc: "phuc vu hanh chinh cong",
  dvsnc: "dich vu su nghiep cong",
};
const ABBREVIATION_KEYS = Object.keys(ABBREVIATIONS);

/** "kthtdt" → "kinh te ha tang do thi"; undefined unless the token is made only of known abbreviations (never a word: they have no vowel). */
function expandToken(token: string): string | undefined {
  if (token in ABBREVIATIONS) return ABBREVIATIONS[token];
  // Abbreviations are letters only: a number ("0001", "3") is no run of them, and needs no search.
  if (/[aeiouy]|[^a-z]/.test(token) || token.length > 16) return undefined;
  const split = (rest: string): string[] | undefined => {
    if (rest === "") return [];
    for (const k of ABBREVIATION_KEYS) {
      if (!rest.startsWith(k)) continue;
      const tail = split(rest.slice(k.length));
      if (tail) return [ABBREVIATIONS[k], ...tail];
    }
    return undefined;
  };
  return split(token)?.join(" ");
}

/** Words that end a name only to say where the unit is ("… phường", "… xã", "… thị trấn"). */
const PLACE_WORDS = ["phuong", "xa", "thi tran"];
/** A name that is itself a place (a city's registry lists its wards): compared only as written, never by closeness. */
const isPlace = (key: string) => PLACE_WORDS.some((w) => key.startsWith(`${w} `));

/**
 * A unit name normalised for comparison, the ward aside: folded (accents, case),
 * "&" read as "và", punctuation as spaces, "và" itself dropped (so "HĐND - UBND",
 * "HĐND&UBND" and "HĐND và UBND" are one), abbreviations written out ("P." first
 * → "phòng", "HT" → "hạ tầng", "KTHTĐT" → "kinh tế hạ tầng đô thị"), and a
 * bare trailing "phường", "xã" or "thị trấn" dropped ("Trung tâm … phường").
 */
export const normaliseUnitName = memoText((name: string): string => {
  const tokens = foldText(name)
    .replace(/&/g, " va ")
    .replace(/[^a-z0-9 ]+/g, " ")
    .split(" ")
    .filter(Boolean);
  const out: string[] = [];
  tokens.forEach((t, i) => {
    if (t === "va") return;
    if (i === 0 && t === "p" && tokens.length > 1) out.push("phong");
    else out.push(expandToken(t) ?? t);
  });
  return dropPlaceWord(out.join(" "));
});

/** "trung tam … phuong" → "trung tam …"; never the whole name, nor "hợp tác xã". */
function dropPlaceWord(key: string): string {
  for (const w of PLACE_WORDS) {
    if (!key.endsWith(` ${w}`)) continue;
    const rest = key.slice(0, -w.length - 1);
    if (w === "xa" && rest.endsWith("hop tac")) return key;
    return rest;
  }
  return key;
}

/** "Phường Nhị Chiểu" → "phuong nhi chieu": the ward's own name, dropped from the end of a unit's ("Văn phòng … phường Nhị Chiểu"). */
function wardKey(ward: string | undefined): string | undefined {
  if (!ward) return undefined;
  const key = foldText(ward)
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return isPlace(key) ? key : undefined;
}

/** How far two normalised names may be apart and still be one: one edit from 15 characters, two from 30, at most three. */
const closeBound = (length: number) => Math.min(3, Math.floor(length / 15));

/** Two rows of the distance table, reused: names are short, and this runs for every key of every new name. */
let rows = [new Int32Array(256), new Int32Array(256)];
const FAR = 1 << 20;

/** Levenshtein distance, or bound + 1 as soon as it is sure to exceed bound (only the band |i − j| ≤ bound is computed). */
export function editDistance(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  if (rows[0].length <= b.length + 1) rows = [new Int32Array(b.length + 2), new Int32Array(b.length + 2)];
  let [prev, row] = rows;
  for (let j = 0; j <= b.length; j++) prev[j] = j <= bound ? j : FAR;
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - bound);
    const hi = Math.min(b.length, i + bound);
    row[lo - 1] = lo === 1 ? i : FAR;
    let least = row[lo - 1];
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      row[j] = v;
      if (v < least) least = v;
    }
    if (hi < b.length) row[hi + 1] = FAR;
    if (least > bound) return bound + 1;
    const done = prev;
    prev = row;
    row = done;
  }
  return Math.min(prev[b.length], bound + 1);
}

/** How often each letter, digit and space occurs: half the difference of two is at most their edit distance, a cheap test first. */
function letterCounts(key: string): Int16Array {
  const counts = new Int16Array(37);
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    counts[c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? c - 22 : 36]++;
  }
  return counts;
}

/** The least edit distance two names' letter counts allow. */
function leastDistance(a: Int16Array, b: Int16Array): number {
  let diff = 0;
  for (let i = 0; i < 37; i++) diff += Math.abs(a[i] - b[i]);
  return Math.ceil(diff / 2);
}

/** The numbers in a name: "Tổ dân phố số 3" is never "Tổ dân phố số 4". */
const numbersOf = (key: string) => (key.match(/\d+/g) ?? []).join(" ");

/**
 * Two names share most of their words, never matched on that alone: every
 * word of the shorter (two at least: "Trung tâm" and both of the setup's
 * centres), or three in five of the longer's ("Phòng Kinh tế Hạ tầng").
 */
function wordsResemble(a: Set<string>, b: Set<string>): boolean {
  const [short, long] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const w of short) if (long.has(w)) shared++;
  return shared >= 2 && (shared === short.size || shared * 5 >= long.size * 3);
}

/** A registry name normalised for comparison, with what closest() tests it by, worked out once per registry. */
interface PreparedKey {
  unit: RegistryUnit;
  key: string;
  counts: Int16Array;
  words: Set<string>;
  /** isPlace(key): never matched by closeness */
  place: boolean;
  /** numbersOf(key) */
  numbers: string;
}

interface Prepared {
  ward?: string;
  keys: PreparedKey[];
  /** the keys by their text, for the names equal once normalised */
  byKey: Map<string, PreparedKey[]>;
  answers: Map<string, UnitMatch>;
}
const prepared = new WeakMap<UnitRegistry, Prepared>();
const MAX_ANSWERS = 5_000;

function prepare(registry: UnitRegistry): Prepared {
  let p = prepared.get(registry);
  if (!p) {
    const ward = wardKey(registry.ward);
    const keys: PreparedKey[] = [];
    const byKey = new Map<string, PreparedKey[]>();
    for (const unit of registry.units) {
      const seen = new Set<string>();
      for (const n of [unit.code, unit.name, ...unit.aliases]) {
        const key = withoutWard(normaliseUnitName(n), ward);
        if (!key || seen.has(key)) continue;
        const k = { unit, key, counts: letterCounts(key), words: new Set(key.split(" ")), place: isPlace(key), numbers: numbersOf(key) };
        keys.push(k);
        (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(k);
        seen.add(key);
      }
    }
    p = { ward, keys, byKey, answers: new Map() };
    prepared.set(registry, p);
  }
  return p;
}

/** "van phong … phuong nhi chieu" → "van phong …" when the setup's ward is phường Nhị Chiểu; never the whole name. */
function withoutWard(key: string, ward: string | undefined): string {
  return ward && key.endsWith(` ${ward}`) && key.length > ward.length + 1 ? key.slice(0, -ward.length - 1) : key;
}

/** The distinct units of some keys, in registry order. */
function unitsOf(registry: UnitRegistry, hits: readonly PreparedKey[]): RegistryUnit[] {
  // Most names hit nothing: no walk through the registry for them.
  if (hits.length === 0) return [];
  const codes = new Set(hits.map((h) => h.unit.code));
  return registry.units.filter((u) => codes.has(u.code));
}

/**
 * The registry unit a name means: as written (code, name or alias, accents,
 * case and punctuation aside), else the one unit equal to it once normalised
 * (normaliseUnitName, the ward's name dropped) or a few typing slips from it
 * (edit distance, about one per 15 characters, same numbers, not for place
 * names). A name that fits two units fits none: they are given as `resembles`,
 * as is a single unit the name is near without being close enough.
 */
export function findUnit(registry: UnitRegistry, name: string): UnitMatch {
  const exact = matchUnitName(registry, name);
  if (exact) return { unit: exact, how: "exact", resembles: [] };
  const p = prepare(registry);
  const known = p.answers.get(name);
  if (known) return known;
  const answer = closest(registry, p, withoutWard(normaliseUnitName(name), p.ward));
  if (name.length <= 500) {
    if (p.answers.size >= MAX_ANSWERS) p.answers.clear();
    p.answers.set(name, answer);
  }
  return answer;
}

function closest(registry: UnitRegistry, p: Prepared, key: string): UnitMatch {
  if (!key) return { resembles: [] };
  const same = unitsOf(registry, p.byKey.get(key) ?? []);
  if (same.length === 1) return { unit: same[0], how: "close", resembles: [] };
  if (same.length > 1) return { resembles: same };
  // Closeness is for words; a place name one letter off is another place.
  if (isPlace(key) || key.length > 200) return { resembles: [] };
  const numbers = numbersOf(key);
  const counts = letterCounts(key);
  const words = new Set(key.split(" "));
  const close: PreparedKey[] = [];
  const near: PreparedKey[] = [];
  for (const k of p.keys) {
    if (k.place || k.numbers !== numbers) continue;
    const bound = closeBound(Math.min(key.length, k.key.length));
    // The cheap tests first: lengths, then letter counts, then the distance itself.
    if (bound > 0 && Math.abs(key.length - k.key.length) <= bound && leastDistance(counts, k.counts) <= bound && editDistance(key, k.key, bound) <= bound)
      close.push(k);
    else if (wordsResemble(words, k.words)) near.push(k);
  }
  const closeUnits = unitsOf(registry, close);
  if (closeUnits.length === 1) return { unit: closeUnits[0], how: "close", resembles: [] };
  return { resembles: closeUnits.length > 1 ? closeUnits : unitsOf(registry, near) };
}

/** A unit's name as sameUnitName compares it: folded, without a leading "Ủy ban nhân dân"/"UBND"; to key units by name. */
export const unitNameKey = (name: string): string => foldText(name).replace(/^(?:uy ban nhan dan|ubnd)\s+/, "");

/** "Ủy ban nhân dân phường Nhị Chiểu", "UBND phường Nhị Chiểu" and "Phường Nhị Chiểu" name the same ward; accents and case aside. */
export function sameUnitName(a: string, b: string): boolean {
  return unitNameKey(a) === unitNameKey(b);
}
