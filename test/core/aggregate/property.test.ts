import { examineWorkbook, type ExaminedWorkbook, type UnitWorkbook } from "../../../src/core/aggregate";
import { CATALOGUE, type Form, type FormRow } from "../../../src/core/forms";
import { buildWardPlan } from "../../../src/core/layout/ward-sheets";
import { combineModeOf, DEFAULT_REGISTRY, isCombinable, leadOf, parseRegistry, type UnitRegistry } from "../../../src/core/units";
import type { Finding } from "../../../src/core/validate";
import { openWorkbook } from "../../../src/adapters/xlsx/open-workbook";
import { planToXlsx } from "../../../src/adapters/xlsx/write-plan";
import { period } from "../../support/plans";
import { caseSeed, hex, Rng, seedFromEnv } from "../../support/fuzz/prng";
import { isInput, randomUnits, snapshotOfPlan, unitWorkbook, type RandomUnit } from "../../support/fuzz/random-units";
import { aggregate, type AggregationResult } from "../../support/worded";

/*
 * Properties of the ward's figures over random units of the default registry
 * (test/support/fuzz/random-units.ts), each checked against values computed
 * here from the units' figures, independently of core/aggregate/ward-figures.ts:
 * summed rows are sums, lead rows the lead's figure, blanks stay blank,
 * ratios are the ward's numerator / the ward's denominator,
 * the order of the files and a resent copy change nothing, and the ward's
 * own workbook aggregates back to the same figures.
 *
 * A failure names its run: PROPERTY_SEED=0x… PROPERTY_ONLY=17 replays it;
 * PROPERTY_RUNS=5000 looks further.
 */

const RUN_SEED = seedFromEnv(process.env.PROPERTY_SEED) ?? 0x5eed0003;
const RUNS = Math.max(300, Math.floor(Number(process.env.PROPERTY_RUNS) || 0));
const ONLY = process.env.PROPERTY_ONLY?.trim() ? process.env.PROPERTY_ONLY.split(",").map((s) => Number(s.trim())) : undefined;
const INDICES = ONLY ?? Array.from({ length: RUNS }, (_, i) => i);
/** Runs whose ward workbook is written as .xlsx by the product and read back (slower: ExcelJS). */
const XLSX_RUNS = ONLY ?? [0, 1, 2, 3, 4];

interface Run {
  index: number;
  id: string;
  units: RandomUnit[];
  workbooks: UnitWorkbook[];
  /** the same workbooks validated and identified once, as aggregate() does file by file: re-aggregating them in another order or with a copy costs little */
  examined: ExaminedWorkbook[];
  result: AggregationResult;
}

const runs = new Map<number, Run>();

const WARD = "Phường Mẫu";
/** A city's setup to aggregate ward workbooks: each ward reports its own part of every count, and leads its own percents. */
const CITY: UnitRegistry = (() => {
  const forms = CATALOGUE.forms.map((f) => f.id);
  const parsed = parseRegistry({
    units: [{ code: "PM", name: WARD, forms }],
    leads: Object.fromEntries(forms.map((f) => [f, "PM"])),
    combine: Object.fromEntries(forms.map((f) => [f, "sum"])),
  });
  if (!parsed.ok) throw new Error(parsed.issues.join("; "));
  return parsed.value;
})();

/** Run `index`: its units, their workbooks and their aggregation, made once and shared by the properties. */
function run(index: number): Run {
  let r = runs.get(index);
  if (!r) {
    const seed = caseSeed(RUN_SEED, index);
    const units = randomUnits(new Rng(seed));
    const workbooks = units.map(unitWorkbook);
    const examined = workbooks.map((wb) => examineWorkbook(wb, { registry: DEFAULT_REGISTRY }));
    const id = `run ${index} (PROPERTY_SEED=${hex(RUN_SEED)} PROPERTY_ONLY=${index}; ${units.map((u) => `${u.code ?? u.name}: ${Object.keys(u.figures).join("+")}`).join(", ")})`;
    r = { index, id, units, workbooks, examined, result: aggregate({ workbooks: examined, registry: DEFAULT_REGISTRY, ward: WARD }) };
    runs.set(index, r);
  }
  return r;
}

/** Equal as figures: both blank, or numbers equal up to the rounding of adding in another order. */
const same = (a: number | null | undefined, b: number | null | undefined) =>
  a === null || a === undefined || b === null || b === undefined
    ? (a ?? null) === (b ?? null)
    : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Registry order, then units it does not know by name: the ward's column order, whatever the order of the files. */
const registryOrder = (units: RandomUnit[]) => {
  const at = (u: RandomUnit) => (u.code ? DEFAULT_REGISTRY.units.findIndex((x) => x.code === u.code) : DEFAULT_REGISTRY.units.length);
  return [...units].sort((a, b) => at(a) - at(b) || (a.code ? 0 : a.name.localeCompare(b.name, "vi")));
};

/** The figures the units reported for a row (blank left out), in the ward's column order. */
function reported(units: RandomUnit[], form: string, stt: string): { unit: RandomUnit; value: number }[] {
  return registryOrder(units)
    .map((unit) => ({ unit, value: unit.figures[form]?.[stt] }))
    .filter((p): p is { unit: RandomUnit; value: number } => typeof p.value === "number");
}

/** The lead unit of a form among the units, when it sent that form (DOMAIN.md: otherwise no one stands in for it). */
function leadUnit(units: RandomUnit[], form: Form): RandomUnit | undefined {
  const lead = leadOf(DEFAULT_REGISTRY, form.id);
  return lead && units.find((u) => u.code === lead.code && u.figures[form.id] !== undefined);
}

/** What the ward's figure of an input row must be: Σ over units for a summed row, the lead's for a lead row or a percent, blank when none. */
function expectedInput(units: RandomUnit[], form: Form, row: FormRow): number | null {
  if (isCombinable(row) && combineModeOf(DEFAULT_REGISTRY, form.id, row.stt) === "sum") {
    const values = reported(units, form.id, row.stt).map((p) => p.value);
    return values.length === 0 ? null : values.reduce((a, b) => a + b, 0);
  }
  return leadUnit(units, form)?.figures[form.id]?.[row.stt] ?? null;
}

/** The ward's figure of any non-code row: inputs as above, totals from the ward's parts, ratios from the ward's numerator and denominator. */
function expectedFigure(units: RandomUnit[], form: Form, stt: string): number | null {
  const row = form.rows.find((r) => r.stt === stt)!;
  if (isInput(row)) return expectedInput(units, form, row);
  if (row.kind === "total") {
    const parts = row.sumOf!.map((s) => expectedFigure(units, form, s)).filter((v): v is number => v !== null);
    return parts.length === 0 ? null : parts.reduce((a, b) => a + b, 0);
  }
  const n = expectedFigure(units, form, row.numerator!);
  const d = expectedFigure(units, form, row.denominator!);
  return n === null || d === null || d === 0 ? null : (n / d) * 100;
}

/** Mismatches between the ward's figures and what the units' figures say they must be (DOMAIN.md, "How a ward aggregates"). */
function wardMismatches(units: RandomUnit[], result: AggregationResult): string[] {
  const out: string[] = [];
  const say = (form: string, row: FormRow, got: number | null | undefined, want: string) =>
    out.push(`${form} ${row.stt} (${row.kind}): ward ${got}, expected ${want}`);
  for (const form of CATALOGUE.forms) {
    const ward = result.values[form.id] ?? {};
    for (const row of form.rows) {
      if (row.kind === "header") continue;
      const got = ward[row.stt];
      if (row.kind === "code") {
        const codes = new Set(reported(units, form.id, row.stt).map((p) => p.value));
        const want = codes.size === 0 ? null : row.combine === "any" ? (codes.has(1) ? 1 : 0) : codes.size === 1 ? [...codes][0] : 2;
        if (!same(got, want)) say(form.id, row, got, `${want} from codes ${[...codes].join(", ")}`);
        continue;
      }
      const want = expectedFigure(units, form, row.stt);
      if (!same(got, want))
        say(
          form.id,
          row,
          got,
          `${want} (${row.kind === "ratio" ? "the ward's numerator / denominator" : isInput(row) ? combineModeOf(DEFAULT_REGISTRY, form.id, row.stt) : "Σ parts"})`,
        );
      if (row.kind === "percent") {
        // A percent is never summed or averaged: the lead's, and any other unit's different value is flagged.
        const lead = leadUnit(units, form);
        const others = reported(units, form.id, row.stt)
          .filter((p) => p.unit !== lead)
          .map((p) => p.value);
        const conflict = result.findings.some((f) => f.code === "VALUES_CONFLICT" && f.form === form.id && f.row === row.stt);
        const wanted = want !== null && others.some((v) => v !== want);
        if (conflict !== wanted)
          out.push(`${form.id} ${row.stt}: VALUES_CONFLICT ${conflict ? "raised" : "missing"} for the lead's ${want} and ${others.join(", ")}`);
      }
    }
  }
  return out;
}

/** Findings as comparable keys: what, where, about which file. */
const findingKeys = (findings: Finding[]) => findings.map((f) => [f.code, f.severity, f.form, f.row, f.cell, f.file ?? ""].join("|")).sort();

/** Differences between two ward figure tables. */
function valueDifferences(a: AggregationResult["values"], b: AggregationResult["values"]): string[] {
  const out: string[] = [];
  for (const form of CATALOGUE.forms) {
    for (const row of form.rows) {
      if (row.kind === "header") continue;
      const x = a[form.id]?.[row.stt];
      const y = b[form.id]?.[row.stt];
      if (!same(x, y)) out.push(`${form.id} ${row.stt}: ${x} ≠ ${y}`);
    }
  }
  return out;
}

/** Checks a property on every run; the failures, each with its run, as one list. */
function everyRun(check: (r: Run) => string[]): string[] {
  const failures: string[] = [];
  for (const index of INDICES) {
    const r = run(index);
    const problems = check(r);
    if (problems.length > 0) failures.push(`${r.id}:\n    ${problems.slice(0, 8).join("\n    ")}`);
  }
  return failures.slice(0, 10);
}

describe(`aggregation properties over ${INDICES.length} random wards (seed ${hex(RUN_SEED)})`, () => {
  it("every file is used, and the generator covers what the properties are about", () => {
    let blanks = 0;
    let conflicts = 0;
    let zeroDenominators = 0;
    let strangers = 0;
    let meansApart = 0;
    const failures = everyRun((r) => {
      // Ratios where the mean of the units' own ratios is not the ward's: the case DOMAIN.md warns about.
      for (const form of CATALOGUE.forms) {
        for (const row of form.rows.filter((x) => x.kind === "ratio")) {
          const own = r.units
            .map((u) => [u.figures[form.id]?.[row.numerator!], u.figures[form.id]?.[row.denominator!]])
            .filter((p): p is [number, number] => typeof p[0] === "number" && typeof p[1] === "number" && p[1] !== 0);
          const ward = r.result.values[form.id]?.[row.stt];
          const mean = own.reduce((a, [n, d]) => a + (n / d) * 100, 0) / own.length;
          if (own.length > 1 && typeof ward === "number" && !same(ward, mean)) meansApart++;
        }
      }
      blanks += CATALOGUE.forms.reduce((n, f) => n + f.rows.filter((row) => isInput(row) && r.result.values[f.id]?.[row.stt] === null).length, 0);
      conflicts += r.result.findings.filter((f) => f.code === "VALUES_CONFLICT").length;
      zeroDenominators += CATALOGUE.forms.reduce(
        (n, f) => n + f.rows.filter((row) => row.kind === "ratio" && r.result.values[f.id]?.[row.denominator!] === 0).length,
        0,
      );
      strangers += r.units.filter((u) => !u.code).length;
      return r.result.files.filter((f) => f.status !== "used").map((f) => `${f.file} is ${f.status}`);
    });
    expect(failures).toEqual([]);
    if (!ONLY) {
      // The runs reach blank rows, disagreeing percents, zero denominators and units the registry does not know.
      expect(blanks).toBeGreaterThan(100);
      expect(conflicts).toBeGreaterThan(20);
      expect(zeroDenominators).toBeGreaterThan(5);
      expect(strangers).toBeGreaterThan(20);
      expect(meansApart).toBeGreaterThan(100);
    }
  });

  it("summed rows are the sum of the units' figures, lead rows and percents the lead's (blank when none reported, never another unit's); totals and ratios come from the ward's own figures, never a mean of the units' ratios; codes combine as DOMAIN.md says", () => {
    expect(everyRun((r) => wardMismatches(r.units, r.result))).toEqual([]);
  });

  it("the order of the files changes neither the ward's figures nor its findings", () => {
    const failures = everyRun((r) => {
      const rng = new Rng(caseSeed(RUN_SEED ^ 0x0dde7, r.index));
      const keys = findingKeys(r.result.findings);
      const out: string[] = [];
      const orders: [string, (UnitWorkbook | ExaminedWorkbook)[]][] = [
        ["shuffled", rng.shuffle(r.examined)],
        ["reversed", [...r.examined].reverse()],
      ];
      // Now and then from the snapshots, as `cchc aggregate` gives them (each validated inside aggregate()).
      if (r.index % 10 === 0) orders.push(["snapshots reversed", [...r.workbooks].reverse()]);
      for (const [how, workbooks] of orders) {
        const again = aggregate({ workbooks, registry: DEFAULT_REGISTRY, ward: WARD });
        out.push(...valueDifferences(r.result.values, again.values).map((d) => `${how}: ${d}`));
        const found = findingKeys(again.findings);
        if (found.join("\n") !== keys.join("\n"))
          out.push(
            `${how}: findings differ: ${found
              .filter((k) => !keys.includes(k))
              .concat(keys.filter((k) => !found.includes(k)))
              .slice(0, 3)
              .join("; ")}`,
          );
      }
      return out;
    });
    expect(failures).toEqual([]);
  });

  it("a unit's file sent twice is flagged UNIT_DUPLICATE and counted once", () => {
    const failures = everyRun((r) => {
      const rng = new Rng(caseSeed(RUN_SEED ^ 0xd0b1e, r.index));
      const original = rng.pick(r.examined);
      const copy: ExaminedWorkbook = { ...original, file: `ban-sao-${original.file}`, modified: (original.modified ?? 0) + rng.pick([-1, 1]) * 500 };
      const workbooks = [...r.examined];
      workbooks.splice(rng.int(workbooks.length + 1), 0, copy);
      const twice = aggregate({ workbooks, registry: DEFAULT_REGISTRY, ward: WARD });
      const out = valueDifferences(r.result.values, twice.values);
      const dups = twice.findings.filter((f) => f.code === "UNIT_DUPLICATE");
      if (dups.length !== 1) out.push(`${dups.length} UNIT_DUPLICATE findings`);
      else if (!dups[0].message.includes(original.file) || !dups[0].message.includes(copy.file))
        out.push(`UNIT_DUPLICATE does not name both files: ${dups[0].message}`);
      const newer = (copy.modified ?? 0) > (original.modified ?? 0) ? copy.file : original.file;
      const statuses = twice.files
        .filter((f) => f.file === original.file || f.file === copy.file)
        .map((f) => `${f.file}:${f.status}`)
        .sort();
      const want = [`${original.file}:${newer === original.file ? "used" : "replaced"}`, `${copy.file}:${newer === copy.file ? "used" : "replaced"}`].sort();
      if (statuses.join() !== want.join()) out.push(`files ${statuses.join(", ")}, expected ${want.join(", ")}`);
      return out;
    });
    expect(failures).toEqual([]);
  });

  it("the ward's own workbook, aggregated as the one input (a city aggregating its wards), gives the ward's figures back; given twice, it is flagged UNIT_DUPLICATE and counted once", () => {
    const failures = everyRun((r) => {
      const plan = buildWardPlan(r.result, period(r.result.periodId), "2026-06-12T08:00:00.000Z");
      const ward = examineWorkbook({ file: "phuong.xlsx", modified: 2_000, book: snapshotOfPlan(plan) }, { registry: CITY });
      const once = aggregate({ workbooks: [ward], registry: CITY, ward: "Thành phố" });
      const twice = aggregate({ workbooks: [ward, { ...ward, file: "phuong-gui-lai.xlsx", modified: 1_000 }], registry: CITY, ward: "Thành phố" });
      const out = [...valueDifferences(r.result.values, once.values), ...valueDifferences(r.result.values, twice.values).map((d) => `twice: ${d}`)];
      const dups = twice.findings.filter((f) => f.code === "UNIT_DUPLICATE");
      if (dups.length !== 1 || dups[0].file !== "phuong.xlsx") out.push(`given twice: ${dups.length} UNIT_DUPLICATE ${dups.map((f) => f.message).join(" ")}`);
      if (once.findings.some((f) => f.code === "UNIT_DUPLICATE")) out.push("given once: UNIT_DUPLICATE");
      return out;
    });
    expect(failures).toEqual([]);
  });

  it("…and so does the ward workbook written as .xlsx by the product and read back", async () => {
    const failures: string[] = [];
    for (const index of XLSX_RUNS) {
      const r = run(index);
      const bytes = await planToXlsx(buildWardPlan(r.result, period(r.result.periodId), "2026-06-12T08:00:00.000Z"));
      const opened = await openWorkbook(bytes, "phuong.xlsx");
      if (!opened.ok) {
        failures.push(`${r.id}: the ward workbook does not open: ${opened.error.code}`);
        continue;
      }
      const again = aggregate({ workbooks: [{ file: "phuong.xlsx", book: opened.value }], registry: CITY, ward: "Thành phố" });
      const problems = valueDifferences(r.result.values, again.values);
      if (problems.length > 0) failures.push(`${r.id}:\n    ${problems.slice(0, 8).join("\n    ")}`);
    }
    expect(failures).toEqual([]);
  }, 60_000);
});
