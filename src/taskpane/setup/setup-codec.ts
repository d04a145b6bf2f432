/**
 * The ward's setup as text and back: the checks of core/units (zod), the
 * built-in setup, and the matching of a unit's name. Fetched on demand (it
 * brings zod and the checked catalogue): never part of the pane's first load.
 */
import { LIMITS } from "../../core/limits";
import type { Lang } from "../../core/messages/types";
import { DEFAULT_REGISTRY, matchUnitName, parseRegistry, type RegistryUnit, type UnitRegistry } from "../../core/units/registry";

/** A setup file larger than this is not a list of a ward's units (the CLI's limit too). */
export const SETUP_MAX_CHARS = LIMITS.maxSetupBytes;

/** The built-in setup; it names no ward (the product never writes a ward name it was not given), so a ward that saved nothing names itself. */
export { DEFAULT_REGISTRY };

/** The setup with this ward name (none: without one). */
export function withWard(setup: UnitRegistry, ward: string | undefined): UnitRegistry {
  const { ward: _old, ...rest } = setup;
  const name = ward?.trim();
  return name ? { ...rest, ward: name } : rest;
}

/** Why a text is not a setup: its issues, as lines in the officer's language ("units.0.name: …"). */
export type SetupReading = { ok: true; setup: UnitRegistry } | { ok: false; reason: "not-json" | "too-large" | "invalid"; issues: string[] };

/** Checks a setup given as data (what the editor built, a parsed file). */
export function checkSetup(input: unknown, lang: Lang): SetupReading {
  const parsed = parseRegistry(input, lang);
  return parsed.ok ? { ok: true, setup: parsed.value } : { ok: false, reason: "invalid", issues: parsed.issues };
}

/** Reads a setup saved or picked as JSON text. */
export function readSetup(text: string, lang: Lang): SetupReading {
  if (text.length > SETUP_MAX_CHARS) return { ok: false, reason: "too-large", issues: [] };
  let json: unknown;
  try {
    // Notepad on Windows saves UTF-8 with a byte-order mark, which JSON.parse refuses.
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return { ok: false, reason: "not-json", issues: [] };
  }
  return checkSetup(json, lang);
}

/** The setup as the JSON text the host remembers: compact (one line). */
export function setupJson(setup: UnitRegistry): string {
  return JSON.stringify(setup);
}

/** The setup as an exported file, laid out to be read (`cchc aggregate --units` takes the same file). */
export function setupFile(setup: UnitRegistry): string {
  return `${JSON.stringify(setup, null, 2)}\n`;
}

/** The setup's unit a typed name refers to (its name, code or another name; accents and case aside). */
export function findUnit(setup: UnitRegistry, name: string): RegistryUnit | undefined {
  return matchUnitName(setup, name);
}
