/**
 * Findings back to each unit (Phiếu kiểm tra số liệu): what the ward found in
 * a unit's file, and in the ward's figures where the unit's figures are
 * involved, gathered per unit so the officer can send each its own list.
 */
import type { AggregationResult, FileUse } from "../aggregate/aggregate";
import { sameUnitName } from "../units/match-unit";
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

/** Whether an aggregation finding names the unit (by its name or its code) in what it says. */
function namesUnit(f: RawFinding, is: (name: string) => boolean, code: string | undefined): boolean {
  if (f.units?.some(is)) return true;
  switch (f.code) {
    case "UNIT_MISSING":
      return code !== undefined && f.params.code === code;
    case "LEAD_MISSING":
      return (f.params.lead !== null && is(f.params.lead)) || f.params.units.some((u) => is(u.unit));
    case "VALUES_CONFLICT":
      return f.params.values.some((u) => is(u.unit));
    case "LEAD_REPEATED":
      return is(f.params.unit) || is(f.params.lead);
    case "DOUBLE_COUNT_SUSPECTED":
      return f.params.units.some(is);
    default:
      return false;
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
  const units: { name: string; code?: string }[] = [];
  const add = (name: string, code?: string) => {
    if (!name) return;
    if (units.some((u) => (code !== undefined ? u.code === code : u.code === undefined && sameUnitName(u.name, name)))) return;
    units.push(code !== undefined ? { name, code } : { name });
  };
  for (const u of result.units) if (u.code !== undefined) add(u.name, u.code);
  for (const s of result.submissions) add(s.unit, s.code);
  for (const f of result.files) add(f.unitName, f.unitCode);

  const out: UnitFeedback[] = [];
  for (const unit of units) {
    const board = unit.code !== undefined ? result.submissions.find((s) => s.code === unit.code) : undefined;
    const names = new Set(board?.files.map((f) => f.file) ?? []);
    const mine = result.files.filter((f) =>
      unit.code !== undefined ? f.unitCode === unit.code || names.has(f.file) : f.unitCode === undefined && sameUnitName(f.unitName, unit.name),
    );
    for (const f of mine) names.add(f.file);
    const is = (name: string) => name === unit.code || sameUnitName(name, unit.name);
    const findings = result.findings.filter((f) => (f.file !== undefined && names.has(f.file)) || (f.file === undefined && namesUnit(f, is, unit.code)));
    if (findings.length === 0) continue;
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
