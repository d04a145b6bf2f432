import { makeBases, type Base } from "../support/fuzz/bases";
import { aggregationInputs, mutate, openAndValidate, pickKind, runAggregation } from "../support/fuzz/cases";
import { caseSeed, hex, Rng, seedFromEnv } from "../support/fuzz/prng";

/*
 * Seeded fuzzing of the path every received file takes (cchc validate,
 * cchc aggregate, the pane's worker): openWorkbook → validateWorkbook, and
 * aggregate() over a few files every AGGREGATE_EVERY cases. The files start
 * as good workbooks made by the product (test/support/fuzz/bases.ts) and are
 * mutated at three levels: the zip's bytes, the XML of its parts, the cells'
 * values and types (test/support/fuzz/). Whatever comes in, the outcome is a
 * typed FileError with a one-line Vietnamese message or well-formed findings,
 * within a time and memory bound.
 *
 * Reproduce a failing case: the failure names it, e.g.
 *   FUZZ_SEED=0x20260612 FUZZ_ONLY=1234 npx jest test/hardening/fuzz.test.ts
 * Longer runs: FUZZ_CASES=50000 (and another FUZZ_SEED) explore further.
 * Known beyond the bound: one pasted appendix listed ~100 times in
 * workbook.xml validates in ~4–6 s (the pasted-table matching, ~50 ms a
 * sheet, times LIMITS.maxSheets): FUZZ_SEED=0x0badc0de FUZZ_ONLY=15139.
 */

const RUN_SEED = seedFromEnv(process.env.FUZZ_SEED) ?? 0x20260612;
const MIN_CASES = 2000;
const CASES = Math.max(MIN_CASES, Math.floor(Number(process.env.FUZZ_CASES) || 0));
const ONLY = process.env.FUZZ_ONLY?.trim() ? process.env.FUZZ_ONLY.split(",").map((s) => Number(s.trim())) : undefined;
/** Every this many cases, several mutated unit workbooks are aggregated instead of one being validated. */
const AGGREGATE_EVERY = 16;
/** A case (one file opened and validated, or an aggregation of a few) must finish within this. */
const CASE_MS = 2000;
/**
 * Resident memory may grow by at most this over the run. Growth, not the
 * total: under `npm test` this jest worker has already run other suites, and
 * V8 collects lazily on a machine with plenty of memory.
 */
const RSS_GROWTH_LIMIT = 1024 * 1024 * 1024;
const MB = 1024 * 1024;

let bases: Base[];
beforeAll(async () => {
  bases = await makeBases();
}, 60_000);

it(
  `${ONLY ? ONLY.length : CASES} mutated workbooks: a typed FileError or well-formed findings, never an exception, a hang or a runaway`,
  async () => {
    const indices = ONLY ?? Array.from({ length: CASES }, (_, i) => i);
    const kinds = new Map<string, number>();
    const failures: string[] = [];
    let ran = 0;
    let aggregations = 0;
    let worst = { ms: 0, index: -1 };
    const rss0 = process.memoryUsage().rss;
    let peakRss = { bytes: rss0, index: -1 };
    let peakHeap = 0;
    const spent = { making: 0, checking: 0 };
    const t0 = process.hrtime.bigint();
    const cpu0 = process.cpuUsage();

    for (const index of indices) {
      const seed = caseSeed(RUN_SEED, index);
      const rng = new Rng(seed);
      const id = `case ${index} (FUZZ_SEED=${hex(RUN_SEED)} FUZZ_ONLY=${index}; case seed ${hex(seed)})`;
      let ms: number;
      let problems: string[];
      let what: string;
      if (index % AGGREGATE_EVERY === AGGREGATE_EVERY - 1) {
        const made = process.hrtime.bigint();
        const files = aggregationInputs(rng, bases);
        spent.making += Number(process.hrtime.bigint() - made) / 1e6;
        what = `aggregation of ${files.map((f) => `${f.base} [${f.kind}: ${f.mutations.join("; ")}]`).join(", ")}`;
        const start = process.hrtime.bigint();
        problems = await runAggregation(files);
        ms = Number(process.hrtime.bigint() - start) / 1e6;
        aggregations++;
        kinds.set("aggregation", (kinds.get("aggregation") ?? 0) + 1);
      } else {
        const made = process.hrtime.bigint();
        const base = rng.weighted(bases.map((b) => [b, b.weight] as const));
        const mutant = mutate(rng, base, pickKind(rng));
        spent.making += Number(process.hrtime.bigint() - made) / 1e6;
        what = `${mutant.base} [${mutant.kind}: ${mutant.mutations.join("; ")}]`;
        const start = process.hrtime.bigint();
        const outcome = await openAndValidate(mutant.bytes, "don-vi.xlsx");
        ms = Number(process.hrtime.bigint() - start) / 1e6;
        problems = outcome.problems;
        kinds.set(outcome.kind, (kinds.get(outcome.kind) ?? 0) + 1);
      }
      ran++;
      spent.checking += ms;
      if (ms > worst.ms) worst = { ms, index };
      if (ms > CASE_MS) problems.push(`took ${Math.round(ms)} ms (bound ${CASE_MS} ms)`);
      if (ONLY) console.log(`${id}: ${what}\n  → ${problems.length === 0 ? "fine" : problems.join("\n  → ")} (${ms.toFixed(1)} ms)`);
      // process.memoryUsage() walks the heap's spaces (~0.4 ms): every few cases, and after every slow one.
      if (index % 4 === 0 || ms > 50) {
        const memory = process.memoryUsage();
        if (memory.rss > peakRss.bytes) peakRss = { bytes: memory.rss, index };
        peakHeap = Math.max(peakHeap, memory.heapUsed);
      }
      if (problems.length > 0) failures.push(`${id}: ${what.length > 600 ? `${what.slice(0, 600)}…` : what}\n    → ${problems.slice(0, 6).join("\n    → ")}`);
    }

    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const byKind = [...kinds.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${n}`)
      .join(", ");
    console.log(
      `fuzz: seed ${hex(RUN_SEED)}, ${ran} cases (${aggregations} aggregations) in ${seconds.toFixed(1)} s (${cpuSeconds.toFixed(1)} s CPU; making the files ${(spent.making / 1000).toFixed(1)} s, the pipeline ${(spent.checking / 1000).toFixed(1)} s); outcomes: ${byKind}; ` +
        `worst case ${worst.ms.toFixed(1)} ms (#${worst.index}); peak rss ${Math.round(peakRss.bytes / MB)} MB (#${peakRss.index}; ${Math.round(rss0 / MB)} MB at the start), peak heap ${Math.round(peakHeap / MB)} MB; ${failures.length} failing`,
    );

    expect(failures.length === 0 ? [] : [`${failures.length} failing case(s), first ones:`, ...failures.slice(0, 20)]).toEqual([]);
    expect(ran).toBe(indices.length);
    if (!ONLY) expect(ran).toBeGreaterThanOrEqual(MIN_CASES);
    expect(worst.ms).toBeLessThan(CASE_MS);
    expect(peakRss.bytes - rss0).toBeLessThan(RSS_GROWTH_LIMIT);
  },
  Math.max(90_000, CASES * 45),
);
