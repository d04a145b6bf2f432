import { type UnitWorkbook } from "../../../src/core/aggregate";
import type { FileError } from "../../../src/core/errors";
import type { WorkbookSnapshot } from "../../../src/core/read/snapshot";
import { DEFAULT_REGISTRY } from "../../../src/core/units";
import { openWorkbook } from "../../../src/adapters/xlsx/open-workbook";
import type { Base } from "./bases";
import { mutateCells } from "./cell-values";
import { checkAggregation, checkFileError, checkSnapshot, checkValidation } from "./check";
import { rezip } from "./parts";
import type { Rng } from "./prng";
import { mutateXmlParts } from "./xml-parts";
import { mutateZipBytes } from "./zip-bytes";
import { aggregate, validateWorkbook } from "../worded";

export type MutationKind = "bytes" | "xml" | "cells";

/** A mutated workbook and how it was made from its base, for the failure message. */
export interface Mutant {
  base: string;
  kind: MutationKind;
  mutations: string[];
  bytes: Uint8Array;
}

/** One workbook mutated from `base`: its zip bytes, the XML of its parts, or its cells' values and types (then, sometimes, its bytes too). */
export function mutate(rng: Rng, base: Base, kind: MutationKind): Mutant {
  const mutations: string[] = [];
  let bytes: Uint8Array;
  if (kind === "bytes") {
    bytes = base.bytes;
  } else {
    // The base's parts are never changed: mutators replace entries of this copy.
    const parts = { ...base.parts };
    mutations.push(...(kind === "xml" ? mutateXmlParts(rng, parts) : mutateCells(rng, parts)));
    const zipped = rezip(rng, parts);
    mutations.push(zipped.label);
    bytes = zipped.bytes;
  }
  if (kind === "bytes" || rng.chance(0.05)) {
    const n =
      kind === "bytes"
        ? rng.weighted([
            [1, 6],
            [2, 3],
            [3, 1],
          ] as const)
        : 1;
    for (let i = 0; i < n; i++) {
      const m = mutateZipBytes(rng, bytes);
      bytes = m.bytes;
      mutations.push(`bytes: ${m.label}`);
    }
  }
  return { base: base.name, kind, mutations, bytes };
}

export const pickKind = (rng: Rng): MutationKind =>
  rng.weighted([
    ["bytes", 30],
    ["xml", 35],
    ["cells", 35],
  ] as const);

/** What the pipeline made of one file: the outcome's kind (a FileError code, "opened", or "findings" once validated) and every problem seen. */
export interface Outcome {
  kind: string;
  problems: string[];
  book?: WorkbookSnapshot;
  error?: FileError;
  /** how many findings validation gave */
  findings: number;
}

const thrown = (what: string, e: unknown) => `${what} threw: ${e instanceof Error ? (e.stack ?? e.message).split("\n").slice(0, 4).join(" | ") : String(e)}`;

/** Opens the bytes as the CLI and the pane do (openWorkbook never throws), checking the FileError or the snapshot. */
export async function open(bytes: Uint8Array, file: string): Promise<Outcome> {
  let opened: Awaited<ReturnType<typeof openWorkbook>>;
  try {
    opened = await openWorkbook(bytes, file);
  } catch (e) {
    return { kind: "exception", problems: [thrown("openWorkbook", e)], findings: 0 };
  }
  if (!opened.ok) return { kind: opened.error.code, problems: checkFileError(opened.error, file), error: opened.error, findings: 0 };
  return { kind: "opened", problems: checkSnapshot(opened.value), book: opened.value, findings: 0 };
}

/** The CLI's and the pane's path for one file: open the bytes, then validate the snapshot. */
export async function openAndValidate(bytes: Uint8Array, file: string): Promise<Outcome> {
  const opened = await open(bytes, file);
  if (!opened.book) return opened;
  const problems = opened.problems;
  try {
    const result = validateWorkbook(opened.book, { lang: "vi" });
    problems.push(...checkValidation(result));
    return { kind: "findings", problems, book: opened.book, findings: result.findings.length };
  } catch (e) {
    return { kind: "exception", problems: [...problems, thrown("validateWorkbook", e)], book: opened.book, findings: 0 };
  }
}

/** An aggregation case: a few units' workbooks, mutated, with sometimes a pristine one, a resent copy or a stranger. */
export function aggregationInputs(rng: Rng, bases: Base[]): Mutant[] {
  const units = rng.shuffle(bases.filter((b) => b.unit));
  const count = rng.range(2, units.length);
  const out: Mutant[] = [];
  for (const base of units.slice(0, count)) {
    if (rng.chance(0.2)) out.push({ base: base.name, kind: "cells", mutations: ["pristine"], bytes: base.bytes });
    else
      out.push(
        mutate(
          rng,
          base,
          rng.weighted([
            ["cells", 6],
            ["xml", 3],
            ["bytes", 1],
          ] as const),
        ),
      );
  }
  if (rng.chance(0.25)) out.push({ ...rng.pick(out), mutations: ["resent copy"] });
  if (rng.chance(0.15)) {
    const stranger = rng.pick(bases.filter((b) => !b.unit));
    out.push(mutate(rng, stranger, rng.pick(["cells", "xml"] as const)));
  }
  return out;
}

/** Opens the files and aggregates them as `cchc aggregate` does (aggregate() validates each file itself), checking every step; the problems seen. */
export async function runAggregation(files: Mutant[]): Promise<string[]> {
  const problems: string[] = [];
  const workbooks: UnitWorkbook[] = [];
  const unreadable: { file: string; error: FileError }[] = [];
  for (const [i, f] of files.entries()) {
    const file = `${i}-${f.base}.xlsx`;
    const outcome = await open(f.bytes, file);
    problems.push(...outcome.problems.map((p) => `${file}: ${p}`));
    // Some files equally new: the later one given wins, as the CLI does with files of the same time.
    if (outcome.book) workbooks.push({ file, modified: 1000 + (i % 3), book: outcome.book });
    else if (outcome.error) unreadable.push({ file, error: outcome.error });
  }
  try {
    const result = aggregate({ workbooks, unreadable, registry: DEFAULT_REGISTRY, lang: "vi" });
    problems.push(...checkAggregation(result, workbooks.length + unreadable.length, unreadable.length));
  } catch (e) {
    problems.push(thrown("aggregate", e));
  }
  return problems;
}
