/**
 * Findings back to each unit (Phiếu kiểm tra số liệu): what the ward found in
 * a unit's file, and in the ward's figures where the unit's figures are
 * involved, gathered per unit so the officer can send each its own list.
 */
import type { AggregationResult, FileUse } from "../aggregate/aggregate";
import { unitNameKey } from "../units/match-unit";
import type { RawFinding } from "../validate/finding";
import { vietnamDateTime } from "./submissions";

/** What one unit is sent back: its file, when it was last changed, and the findings that concern it. */
export interface UnitFeedback {
  unit: string;
  /** the unit's code in the ward's setup; absent for a unit the setup does not list */
  code?: string;
  periodId: string;
  /** the file checked, its name (never the folder it was in); null when the unit sent no file */
  file: string | null;
  /** when that file was last changed, Vietnam's local time ("2026-06-07T09:00"); null when unknown */
  modified: string | null;
  findings: RawFinding[];
}

/** "don-vi/Phòng KT.xlsx" → "Phòng KT.xlsx": a file is named to a unit by its name, not by the ward's folders. */
export const fileName = (file: string): string => file.split(/[\\/]/).pop() ?? file;

/** The feedback of one checked file: its name, time and findings (`cchc validate --report`, the pane's Kiểm tra). */
export function fileFeedback(args: { unit: string; periodId: string; file: string; modified?: number; findings: readonly RawFinding[] }): UnitFeedback {
  return {
    unit: args.unit,
    periodId: args.periodId,
    file: fileName(args.file),
    modified: args.modified === undefined ? null : vietnamDateTime(args.modified),
    findings: [...args.findings],
  };
}

/**
 * The units an aggregation finding names in what it says: by name or code
 * (`names`), and, for UNIT_MISSING, by the code of the unit that has not sent.
 */
function unitsNamed(f: RawFinding): { names: string[]; code?: string } {
  const names = [...(f.units ?? [])];
  switch (f.code) {
    case "UNIT_MISSING":
      return { names, code: f.params.code };
    case "LEAD_MISSING":
      return { names: [...names, ...(f.params.lead !== null ? [f.params.lead] : []), ...f.params.units.map((u) => u.unit)] };
    case "VALUES_CONFLICT":
      return { names: [...names, ...f.params.values.map((u) => u.unit)] };
    case "LEAD_REPEATED":
      return { names: [...names, f.params.unit, f.params.lead] };
    case "DOUBLE_COUNT_SUSPECTED":
      return { names: [...names, ...f.params.units] };
    default:
      return { names };
  }
}

/** The file a unit is answered on: the one used, else its newest (a file of another period, one without forms). */
function checkedFile(files: readonly FileUse[]): FileUse | undefined {
  const used = files.find((f) => f.status === "used");
  return used ?? [...files].sort((a, b) => (b.modified ?? 0) - (a.modified ?? 0))[0];
}

/**
 * One entry per unit that has findings, the setup's units first, then units it
 * does not list that sent files: the findings of its files (the used one's own,
 * and the aggregation's on any of them: another period, an old template, a
 * resent file), then the ward-level ones that involve its figures (a lead's
 * figure missing, figures that disagree or repeat, a suspected double count,
 * a form it did not send, a rule broken by the ward's figures it is part of).
 */
export function feedbackForUnits(result: AggregationResult): UnitFeedback[] {
  // Keyed, not compared pairwise: a thousand units' files and findings took 1.3 s compared name by name.
  const keys = new Map<string, string>();
  const keyOf = (name: string) => keys.get(name) ?? keys.set(name, unitNameKey(name)).get(name)!;
  const units: { name: string; code?: string }[] = [];
  const seen = new Set<string>();
  const add = (name: string, code?: string) => {
    if (!name) return;
    // A unit with a code is one unit whatever its name; one without, one per name.
    const id = code !== undefined ? `code:${code}` : `name:${keyOf(name)}`;
    if (seen.has(id)) return;
    seen.add(id);
    units.push(code !== undefined ? { name, code } : { name });
  };
  for (const u of result.units) if (u.code !== undefined) add(u.name, u.code);
  for (const s of result.submissions) add(s.unit, s.code);
  for (const f of result.files) add(f.unitName, f.unitCode);

  // Files of units the setup does not list, by name.
  const filesByName = new Map<string, FileUse[]>();
  for (const f of result.files) {
    if (f.unitCode !== undefined) continue;
    const key = keyOf(f.unitName);
    (filesByName.get(key) ?? filesByName.set(key, []).get(key)!).push(f);
  }
  // Findings by their place in the list (each unit's keep the list's order): a file's, or those of the ward's
  // figures that name a unit (by the name's key, or by a code: a name may be a unit's code).
  const push = (map: Map<string, number[]>, key: string, i: number) => (map.get(key) ?? map.set(key, []).get(key)!).push(i);
  const byFile = new Map<string, number[]>();
  const byName = new Map<string, number[]>();
  const byCode = new Map<string, number[]>();
  result.findings.forEach((f, i) => {
    if (f.file !== undefined) return push(byFile, f.file, i);
    const named = unitsNamed(f);
    for (const name of new Set(named.names)) {
      push(byName, keyOf(name), i);
      push(byCode, name, i);
    }
    if (named.code !== undefined) push(byCode, named.code, i);
  });

  const out: UnitFeedback[] = [];
  for (const unit of units) {
    const board = unit.code !== undefined ? result.submissions.find((s) => s.code === unit.code) : undefined;
    const names = new Set(board?.files.map((f) => f.file) ?? []);
    const mine =
      unit.code !== undefined ? result.files.filter((f) => f.unitCode === unit.code || names.has(f.file)) : (filesByName.get(keyOf(unit.name)) ?? []);
    for (const f of mine) names.add(f.file);
    const places = new Set([
      ...[...names].flatMap((file) => byFile.get(file) ?? []),
      ...(byName.get(keyOf(unit.name)) ?? []),
      ...(unit.code !== undefined ? (byCode.get(unit.code) ?? []) : []),
    ]);
    if (places.size === 0) continue;
    const findings = [...places].sort((x, y) => x - y).map((i) => result.findings[i]);
    const file = checkedFile(mine);
    out.push({
      unit: unit.name,
      ...(unit.code !== undefined ? { code: unit.code } : {}),
      periodId: result.periodId,
      file: file ? fileName(file.file) : null,
      modified: file?.modified !== undefined ? vietnamDateTime(file.modified) : null,
      findings,
    });
  }
  return out;
}
