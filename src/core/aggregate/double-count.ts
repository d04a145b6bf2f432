import type { Form } from "../forms/schema";
import type { RawFinding } from "../validate/finding";
import type { RowProvenance } from "./combine";
import { wardCell } from "./ward-cells";

/** One figure that several units report identically on one summed row. */
interface Shared {
  stt: string;
  value: number;
  units: string[];
  /** the units as the officer knows them: code, or name when the setup does not know the unit */
  labels: string[];
}

/** A figure this large, sent identically by two units, is rarely a coincidence (DOMAIN.md). */
const LARGE_FIGURE = 10;

/**
 * DOUBLE_COUNT_SUSPECTED: units that each copied the ward's figures into a
 * summed row make the ward count them twice. Flagged where the match is no
 * coincidence: two units with the same non-zero figures on two or more
 * summed rows of a form, or one identical figure of 10 or more. Two units
 * that each issued 2 documents are not flagged: a warning that cries wolf is
 * ignored.
 */
export function suspectedDoubleCounts(form: Form, rows: Readonly<Record<string, RowProvenance>>): RawFinding[] {
  const shared = new Map<string, Shared>();
  const itemsOf = new Map<string, string[]>();
  for (const [stt, p] of Object.entries(rows)) {
    if (p.mode !== "sum") continue;
    for (const c of p.contributions) {
      if (c.value === null || c.value === 0) continue;
      const key = `${stt}\u0000${c.value}`;
      const item = shared.get(key) ?? shared.set(key, { stt, value: c.value, units: [], labels: [] }).get(key)!;
      item.units.push(c.unitName);
      item.labels.push(c.unitCode ?? c.unitName);
      const mine = itemsOf.get(c.unitName);
      if (mine) mine.push(key);
      else itemsOf.set(c.unitName, [key]);
    }
  }
  const flagged = new Set<string>();
  for (const [key, item] of shared) if (item.units.length >= 2 && item.value >= LARGE_FIGURE) flagged.add(key);
  // Two units sharing two figures share that pair of items: counted per pair, so the work grows with the units, not their square.
  // Items shared by two or more units are numbered, and a pair counted under one number (a thousand units make ~10^5 pairs).
  const keys = [...shared.keys()].filter((k) => shared.get(k)!.units.length >= 2);
  const number = new Map(keys.map((k, i) => [k, i]));
  const pairs = new Map<number, number>();
  for (const items of itemsOf.values()) {
    const mine = items.flatMap((k) => number.get(k) ?? []);
    for (let i = 0; i < mine.length; i++) {
      for (let j = i + 1; j < mine.length; j++) {
        const pair = Math.min(mine[i], mine[j]) * keys.length + Math.max(mine[i], mine[j]);
        const seen = (pairs.get(pair) ?? 0) + 1;
        pairs.set(pair, seen);
        if (seen >= 2) flagged.add(keys[mine[i]]).add(keys[mine[j]]);
      }
    }
  }
  const out: RawFinding[] = [];
  for (const [key, item] of shared) {
    if (!flagged.has(key)) continue;
    const total = rows[item.stt].value;
    const mine = new Set(item.units);
    const others = [...flagged]
      .filter((k) => k !== key && shared.get(k)!.units.some((u) => mine.has(u)))
      .map((k) => ({ stt: shared.get(k)!.stt, value: shared.get(k)!.value }));
    out.push({
      code: "DOUBLE_COUNT_SUSPECTED",
      severity: "warning",
      form: form.id,
      row: item.stt,
      at: wardCell(form, item.stt),
      params: { units: item.labels, count: item.units.length, value: item.value, total, also: others },
      expected: null,
      actual: total,
      units: item.units,
    });
  }
  return out;
}
