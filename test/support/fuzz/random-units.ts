import type { UnitWorkbook } from "../../../src/core/aggregate";
import { CATALOGUE } from "../../../src/core/forms";
import type { FormRow } from "../../../src/core/forms";
import { DEFAULT_REGISTRY } from "../../../src/core/units";
import { unitBook } from "../unit-books";
import type { Rng } from "./prng";

/**
 * Random units of a ward with random figures over the whole catalogue, for
 * the aggregation's property tests: which units send, which forms each sends,
 * which rows are left blank (some by every unit), counts from 0 to a million,
 * money with two decimals, percents that agree or not, codes from their lists.
 */

/** One unit's workbook as generated: who, and its figures by form and STT (null: left blank). */
export interface RandomUnit {
  /** the registry code, or undefined for a unit the registry does not know */
  code?: string;
  name: string;
  file: string;
  modified: number;
  figures: Record<string, Record<string, number | null>>;
}

const INPUT_KINDS = new Set(["count", "money", "percent", "code"]);
export const isInput = (row: FormRow) => INPUT_KINDS.has(row.kind);

const UNKNOWN_UNITS = ["Tổ dân phố số 3", "Công an phường", "Ban Chỉ huy Quân sự phường"];

function figure(rng: Rng, row: FormRow, shared: Map<string, number>): number {
  switch (row.kind) {
    case "count":
      return rng.weighted([
        [0, 2],
        [rng.range(1, 50), 5],
        [rng.range(51, 1_000_000), 3],
      ] as const);
    case "money":
      return rng.chance(0.2) ? 0 : Math.round(rng.float() * 100_000_000) / 100;
    case "percent": {
      // Half the time the units agree on the ward's percent, as they should.
      const key = row.stt;
      if (!shared.has(key)) shared.set(key, Math.round(rng.float() * 1000) / 10);
      return rng.chance(0.5) ? shared.get(key)! : Math.round(rng.float() * 1000) / 10;
    }
    case "code":
      return rng.pick(row.codes!.map((c) => c.value));
    default:
      throw new Error(`no figure for a ${row.kind} row`);
  }
}

/** The units of one random run: 1–5 of the registry's, sometimes one or two it does not know, each with its forms and figures. */
export function randomUnits(rng: Rng): RandomUnit[] {
  const forms = CATALOGUE.forms;
  // Rows no unit fills this run: a blank must stay blank ("not reported"), never become 0.
  const blankForAll = new Set(forms.flatMap((f) => f.rows.filter((r) => isInput(r) && rng.chance(0.1)).map((r) => `${f.id} ${r.stt}`)));
  const sharedPercents = new Map<string, number>();
  const known = rng.shuffle(DEFAULT_REGISTRY.units).slice(0, rng.range(1, DEFAULT_REGISTRY.units.length));
  const strangers = rng.chance(0.25) ? rng.shuffle(UNKNOWN_UNITS).slice(0, rng.range(1, 2)) : [];
  const who = [
    ...known.map((u) => ({ code: u.code as string | undefined, name: u.name, own: u.forms })),
    ...strangers.map((name) => ({ code: undefined, name, own: [] as string[] })),
  ];
  return rng.shuffle(who).map((u, i) => {
    // Mostly the forms the unit answers for; sometimes others too, or only some.
    const ids = rng.chance(0.7) && u.own.length > 0 ? u.own : forms.filter(() => rng.chance(0.4)).map((f) => f.id);
    const chosen = ids.length > 0 ? ids : [rng.pick(forms).id];
    const figures: RandomUnit["figures"] = {};
    for (const id of chosen) {
      const form = forms.find((f) => f.id === id)!;
      const empty = rng.chance(0.05);
      figures[id] = {};
      for (const row of form.rows.filter(isInput)) {
        const blank = empty || blankForAll.has(`${id} ${row.stt}`) || rng.chance(0.15);
        figures[id][row.stt] = blank ? null : figure(rng, row, sharedPercents);
      }
    }
    return { code: u.code, name: u.name, file: `${u.code ?? `don-vi-${i}`}.xlsx`, modified: 1_780_000_000_000 + i * 1000, figures };
  });
}

/** The unit's workbook as plain data, laid out like the template, its unit and period recorded as `cchc template` does. */
export function unitWorkbook(u: RandomUnit): UnitWorkbook {
  return { file: u.file, modified: u.modified, book: unitBook(u.figures, { unit: u.name }) };
}

export { snapshotOfPlan } from "../plans";
