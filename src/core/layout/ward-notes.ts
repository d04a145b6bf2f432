import type { AggregationResult } from "../aggregate/aggregate";
import type { Lang } from "../messages/types";
import { toFinding } from "../messages/word";
import { WARD_TEXT } from "./report-texts";

/** What the ward's form sheets say beside each figure: the units' notes and the findings on it. */
export interface WardRowNotes {
  /** form id → STT → the Ghi chú text, one line per note or finding */
  notes: Record<string, Record<string, string>>;
  /** form id → STT → the worst finding on the ward's figure */
  marks: Record<string, Record<string, "error" | "warning">>;
}

/**
 * The Ghi chú of each ward row: each unit's own note, prefixed with the unit
 * ("KT: Số liệu theo QĐ giao vốn"); each finding on the ward's figure; and
 * each unit finding on a figure the ward used (a part above its whole,
 * summed in), so that it is seen where the figure is.
 */
export function wardRowNotes(result: Pick<AggregationResult, "units" | "provenance" | "files" | "findings">, lang: Lang): WardRowNotes {
  // Per row: the units' notes, then the findings on the ward's figure, then the units' findings that reach it.
  const lines = new Map<string, [string[], string[], string[]]>();
  const marks: WardRowNotes["marks"] = {};
  const add = (form: string, stt: string, line: string, kind: 0 | 1 | 2 = 0) => {
    const key = `${form} ${stt}`;
    const row = lines.get(key) ?? lines.set(key, [[], [], []]).get(key)!;
    row[kind].push(line);
  };
  const mark = (form: string, stt: string, severity: string) => {
    if (severity !== "error" && severity !== "warning") return;
    const row = (marks[form] ??= {});
    if (row[stt] !== "error") row[stt] = severity;
  };
  const label = new Map(result.units.map((u) => [u.name, u.code ?? u.name]));
  for (const [form, rows] of Object.entries(result.provenance)) {
    for (const [stt, p] of Object.entries(rows)) for (const c of p.contributions) if (c.note) add(form, stt, `${c.unitCode ?? c.unitName}: ${c.note}`);
  }
  const unitOf = new Map(result.files.map((f) => [f.file, f.unitName]));
  for (const f of result.findings) {
    if (!f.row || !f.form) continue;
    if (f.file === undefined) {
      if (!f.at) continue;
      add(f.form, f.row, `${WARD_TEXT.severity[f.severity]}: ${toFinding(f, lang).message}`, 1);
      mark(f.form, f.row, f.severity);
      continue;
    }
    const unit = unitOf.get(f.file);
    if (f.severity === "info" || unit === undefined || !result.provenance[f.form]?.[f.row]?.used.includes(unit)) continue;
    add(f.form, f.row, WARD_TEXT.unitFinding(label.get(unit) ?? unit, WARD_TEXT.severity[f.severity], toFinding(f, lang).message), 2);
    mark(f.form, f.row, f.severity);
  }
  const notes: WardRowNotes["notes"] = {};
  for (const [key, texts] of lines) {
    const [form, stt] = key.split(" ");
    (notes[form] ??= {})[stt] = texts.flat().join("\n");
  }
  return { notes, marks };
}
