/**
 * The setup as the editor holds it while the officer edits: plain fields
 * (aliases as one line of text, leads by row rather than by code, so that a
 * unit's code can change without losing the forms it leads), and the way back
 * to the data core/units checks. The issues of that check are put next to
 * the fields they are about. No React.
 */
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
}

let nextKey = 1;
/** A key for a new row of the table. */
export const newUnitKey = (): string => `unit-${nextKey++}`;

/** A new, empty unit. */
export const emptyUnit = (): UnitDraft => ({ key: newUnitKey(), code: "", name: "", aliases: "", forms: [] });

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
};

/** The messages of a check, by the field each is about; `other` holds those of no field the editor shows. */
export interface FieldProblems {
  byField: Map<FieldKey, string[]>;
  other: string[];
  /** keys of the units with a message, in table order (their rows are opened) */
  units: string[];
}

/**
 * Puts the check's issues ("units.2.code: …", in the officer's language) next
 * to their fields. Only the issue's path is read; its words are shown as they
 * are, except for an empty name, a code of the wrong shape and an empty list,
 * which the editor says in its own, plainer words.
 */
export function placeIssues(draft: SetupDraft, issues: readonly string[], words: SetupStrings["setup"]): FieldProblems {
  const byField = new Map<FieldKey, string[]>();
  const other: string[] = [];
  const add = (key: FieldKey, message: string) => {
    const list = byField.get(key) ?? [];
    if (!list.includes(message)) list.push(message);
    byField.set(key, list);
  };
  for (const issue of issues) {
    const split = issue.indexOf(": ");
    const path = split < 0 ? "" : issue.slice(0, split);
    const message = split < 0 ? issue : issue.slice(split + 2);
    const parts = path.split(".");
    if (path === "ward") add(fieldKeys.ward, message);
    else if (path === "units") add(fieldKeys.units, draft.units.length === 0 ? words.needUnits : message);
    else if (parts[0] === "units" && draft.units[Number(parts[1])]) {
      const unit = draft.units[Number(parts[1])];
      const field = parts[2];
      if (field === "name") add(fieldKeys.unitField(unit.key, "name"), unit.name.trim() === "" ? words.needName : message);
      else if (field === "code") {
        // A code used twice has the check's own words, at every unit that has it; any other problem is its shape.
        const twins = draft.units.filter((u) => u.code.trim() === unit.code.trim());
        if (twins.length > 1) for (const twin of twins) add(fieldKeys.unitField(twin.key, "code"), message);
        else add(fieldKeys.unitField(unit.key, "code"), words.badCode);
      } else if (field === "aliases") add(fieldKeys.unitField(unit.key, "aliases"), message);
      else if (field === "forms") add(fieldKeys.unitField(unit.key, "forms"), message);
      else add(fieldKeys.unit(unit.key), message);
    } else if (parts[0] === "leads" && FORM_CHOICE_IDS.includes(parts[1])) add(fieldKeys.lead(parts[1]), message);
    else if (parts[0] === "combine" && FORM_CHOICE_IDS.includes(path.slice("combine.".length))) add(fieldKeys.mode(parts[1]), message);
    else other.push(issue);
  }
  const units = draft.units.filter((u) => [...byField.keys()].some((k) => k === fieldKeys.unit(u.key) || k.startsWith(`${fieldKeys.unit(u.key)}:`))).map((u) => u.key);
  return { byField, other, units };
}
