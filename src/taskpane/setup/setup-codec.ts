/**
 * The ward's setup as text and back: core/units' loader (zod), the built-in
 * setup, and the matching of a unit's name. Fetched on demand (it brings zod
 * and the checked catalogue): never part of the pane's first load.
 */
import { checkSetup, loadSetup, setupIssueLine, setupIssueText, setupSizeIssue, setupTextTooLarge, type SetupLoad } from "../../core/units/load-setup";
import { DEFAULT_REGISTRY, matchUnitName, type RegistryUnit, type UnitRegistry } from "../../core/units/registry";

/** The built-in setup; it names no ward (the product never writes a ward name it was not given), so a ward that saved nothing names itself. */
export { DEFAULT_REGISTRY };

/** A setup, or why a text or the editor's data is not one (structured issues; the pane words them). */
export type SetupReading = SetupLoad;

/** Checks a setup given as data (what the editor built, a parsed file). */
export { checkSetup };

/** Reads a setup saved or picked as JSON text. */
export const readSetup = loadSetup;

/** Whether a file of this many bytes is too large to be read as a setup (the CLI's limit too). */
export const setupFileTooLarge = (bytes: number): boolean => setupSizeIssue(bytes) !== undefined;

/** Whether a setup's JSON text is too large to be remembered. */
export { setupTextTooLarge };

/** An issue in words, in the pane's language: alone, or as a line with its place ("units.0.name: …"). */
export { setupIssueLine, setupIssueText };

/** A setup longer than a setup file may be (the editor says so in words). Here, not in the store: only a save, after the codec is fetched, throws it. */
export class SetupTooLargeError extends Error {
  override readonly name = "SetupTooLargeError";
  constructor(length: number) {
    super(`setup of ${length} characters, over the limit of a setup file`);
  }
}

/** The setup with this ward name (none: without one). */
export function withWard(setup: UnitRegistry, ward: string | undefined): UnitRegistry {
  const { ward: _old, ...rest } = setup;
  const name = ward?.trim();
  return name ? { ...rest, ward: name } : rest;
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
