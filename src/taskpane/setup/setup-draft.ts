/**
 * The setup as the editor holds it while the officer edits: plain fields
 * (aliases as one line of text, leads by row rather than by code, so that a
 * unit's code can change without losing the forms it leads), and the way back
 * to the data core/units checks. The issues of that check are put next to
 * the fields they are about. No React.
 */
import type { Lang } from "../../core/messages/types";
import { setupIssueLine, setupIssueText, type SetupIssue } from "../../core/units/load-setup";
import { combineModeOf, leadOf } from "../../core/units/leads";
import type { CombineMode, UnitRegistry } from "../../core/units/registry";
import type { SetupStrings } from "./setup-strings";
import { FORM_CHOICE_IDS } from "../template/form-choices";

/** One unit (one row of the table) being edited. */
export interface UnitDraft {
  /** stable while editing, never saved */
  key: string;
  code: string;
  name: string;
  /** the other names, separated by ";" */
  aliases: string;
  forms: string[];
}

/** The whole setup being edited. */
export interface SetupDraft {
  ward: string;
  units: UnitDraft[];
  /** form → key of the unit that leads it ("": none) */
  leads: Record<string, string>;
  /** form → how its counts and money rows are combined */
  combine: Record<string, CombineMode>;
  /** row settings of a setup file ("BM1 4.2" → sum), kept as they are: the editor sets whole forms */
  rows: Record<string, CombineMode>;
  /** the ward's dates per period, one row each */
  periods: PeriodDraft[];
}

/** One period's dates being edited: ISO dates as date fields give them, "" for none (the standard guidance's). */
export interface PeriodDraft {
  /** stable while editing, never saved */
  key: string;
  /** "2026-H1" */
  id: string;
  from: string;
  to: string;
  deadline: string;
  wardDeadline: string;
}

let nextKey = 1;
/** A key for a new row of the table. */
export const newUnitKey = (): string => `unit-${nextKey++}`;

/** A new, empty unit. */
export const emptyUnit = (): UnitDraft => ({ key: newUnitKey(), code: "", name: "", aliases: "", forms: [] });

/** A new period row, of this period. */
export const emptyPeriod = (id: string): PeriodDraft => ({ key: newUnitKey(), id, from: "", to: "", deadline: "", wardDeadline: "" });

/** The setup's periods as rows ("2026-01-01/2026-05-31" split into its two dates). */
function periodsToDraft(periods: UnitRegistry["periods"]): PeriodDraft[] {
  return Object.entries(periods ?? {}).map(([id, set]) => {
    const [from = "", to = ""] = set.cutoff?.split("/") ?? [];
    return { ...emptyPeriod(id), from, to, deadline: set.deadline ?? "", wardDeadline: set.wardDeadline ?? "" };
  });
}

/** The rows as the setup's `periods` (absent when there is none): a cut-off with one date typed is kept as typed, for the check to name. */
function periodsFromDraft(rows: readonly PeriodDraft[]): { periods?: Record<string, Record<string, string>> } {
  if (rows.length === 0) return {};
  const periods = Object.fromEntries(
    rows.map((p) => [
      p.id,
      {
        ...(p.from !== "" || p.to !== "" ? { cutoff: `${p.from}/${p.to}` } : {}),
        ...(p.deadline !== "" ? { deadline: p.deadline } : {}),
        ...(p.wardDeadline !== "" ? { wardDeadline: p.wardDeadline } : {}),
      },
    ]),
  );
  return { periods };
}

/** What a form's rows are when the setup says nothing about it: the product's default (BM1 summed, the others the lead's). */
const defaultMode = (formId: string): CombineMode => combineModeOf({ units: [], leads: {}, combine: {} }, formId, "");

/** The setup as the editor shows it: every form's lead (the setup's, else the default one it has) and mode spelled out. */
export function toDraft(setup: UnitRegistry): SetupDraft {
  const units = setup.units.map((u) => ({ key: newUnitKey(), code: u.code, name: u.name, aliases: u.aliases.join("; "), forms: [...u.forms] }));
  const keyOf = (code: string | undefined) => units.find((u) => u.code === code)?.key ?? "";
  const rows = Object.fromEntries(Object.entries(setup.combine).filter(([key]) => key.includes(" ")));
  return {
    ward: setup.ward ?? "",
    units,
    leads: Object.fromEntries(FORM_CHOICE_IDS.map((id) => [id, keyOf(leadOf(setup, id)?.code)])),
    combine: Object.fromEntries(FORM_CHOICE_IDS.map((id) => [id, setup.combine[id] ?? defaultMode(id)])),
    rows,
    periods: periodsToDraft(setup.periods),
  };
}

/** "A; B;; a" → ["A", "B"]: trimmed, empty and repeated names left out. */
export function splitAliases(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(/[;\n]/)
    .map((a) => a.trim())
    .filter((a) => a !== "" && !seen.has(a.toLowerCase()) && seen.add(a.toLowerCase()));
}

/**
 * The draft as the data of a setup file, for core/units to check: names and
 * codes trimmed, an empty ward name left out, forms in catalogue order, every
 * form's lead and mode written out (what the officer saw is what is saved).
 */
export function fromDraft(draft: SetupDraft): unknown {
  const ward = draft.ward.trim();
  const leads: Record<string, string> = {};
  for (const id of FORM_CHOICE_IDS) {
    const lead = draft.units.find((u) => u.key === draft.leads[id]);
    if (lead) leads[id] = lead.code.trim();
  }
  return {
    ...(ward ? { ward } : {}),
    units: draft.units.map((u) => ({
      code: u.code.trim(),
      name: u.name.trim(),
      aliases: splitAliases(u.aliases),
      forms: FORM_CHOICE_IDS.filter((id) => u.forms.includes(id)),
    })),
    leads,
    combine: { ...Object.fromEntries(FORM_CHOICE_IDS.map((id) => [id, draft.combine[id]])), ...draft.rows },
    ...periodsFromDraft(draft.periods),
  };
}

/** A place in the editor a message belongs next to. */
export type FieldKey = string;
export const fieldKeys = {
  ward: "ward",
  units: "units",
  unit: (key: string) => `unit:${key}`,
  unitField: (key: string, field: "name" | "code" | "aliases" | "forms") => `unit:${key}:${field}`,
  lead: (formId: string) => `lead:${formId}`,
  mode: (formId: string) => `mode:${formId}`,
  period: (key: string, field: "cutoff" | "deadline" | "wardDeadline") => `period:${key}:${field}`,
};

/** The messages of a check, by the field each is about; `other` holds those of no field the editor shows. */
export interface FieldProblems {
  byField: Map<FieldKey, string[]>;
  other: string[];
  /** keys of the units with a message, in table order (their rows are opened) */
  units: string[];
}

/**
 * Puts the check's issues next to their fields, by their paths, worded in the
 * officer's language; an empty name, a code of the wrong shape and an empty
 * list are said in the editor's own, plainer words.
 */
export function placeIssues(draft: SetupDraft, issues: readonly SetupIssue[], words: SetupStrings["setup"], lang: Lang): FieldProblems {
  const byField = new Map<FieldKey, string[]>();
  const other: string[] = [];
  const add = (key: FieldKey, message: string) => {
    const list = byField.get(key) ?? [];
    if (!list.includes(message)) list.push(message);
    byField.set(key, list);
  };
  for (const issue of issues) {
    const message = setupIssueText(issue, lang);
    const [first, second, field] = issue.path;
    const unit = first === "units" && typeof second === "number" ? draft.units[second] : undefined;
    const period = first === "periods" ? draft.periods.find((p) => p.id === second) : undefined;
    if (first === "ward" && issue.path.length === 1) add(fieldKeys.ward, message);
    else if (first === "units" && issue.path.length === 1) add(fieldKeys.units, draft.units.length === 0 ? words.needUnits : message);
    else if (unit) {
      if (field === "name") add(fieldKeys.unitField(unit.key, "name"), unit.name.trim() === "" ? words.needName : message);
      else if (field === "code") {
        // A code used twice has the check's own words, at every unit that has it; any other problem is its shape.
        const twins = draft.units.filter((u) => u.code.trim() === unit.code.trim());
        if (twins.length > 1) for (const twin of twins) add(fieldKeys.unitField(twin.key, "code"), message);
        else add(fieldKeys.unitField(unit.key, "code"), words.badCode);
      } else if (field === "aliases" || field === "forms") add(fieldKeys.unitField(unit.key, field), message);
      else add(fieldKeys.unit(unit.key), message);
    } else if (first === "leads" && typeof second === "string" && FORM_CHOICE_IDS.includes(second) && issue.path.length === 2)
      add(fieldKeys.lead(second), message);
    else if (first === "combine" && typeof second === "string" && FORM_CHOICE_IDS.includes(second) && issue.path.length === 2)
      add(fieldKeys.mode(second), message);
    else if (period && (field === "cutoff" || field === "deadline" || field === "wardDeadline")) add(fieldKeys.period(period.key, field), message);
    else other.push(setupIssueLine(issue, lang));
  }
  const units = draft.units
    .filter((u) => [...byField.keys()].some((k) => k === fieldKeys.unit(u.key) || k.startsWith(`${fieldKeys.unit(u.key)}:`)))
    .map((u) => u.key);
  return { byField, other, units };
}

/** Why a text is no setup, short, in the officer's language: too large, not JSON, or its first few issues as lines. */
export function readingText(issues: readonly SetupIssue[], words: SetupStrings["setup"], lang: Lang): string {
  if (issues.some((issue) => issue.code === "too-large")) return words.tooLarge;
  if (issues.some((issue) => issue.code === "not-json")) return words.notJson;
  return issues
    .slice(0, 3)
    .map((issue) => setupIssueLine(issue, lang))
    .join("; ");
}
