/**
 * The reporting unit's name as the title block shows it. A module of its own,
 * with no import: the task pane's first load needs the limit for its input box
 * and must not pull in the catalogue with it.
 */

/** The unit name used when the officer gives none. */
export const DEFAULT_UNIT = "(chưa ghi đơn vị)";

/** Longest unit name kept; longer names are cut (a title line, not a document). */
export const MAX_UNIT_NAME = 200;

/** A unit name as typed, with control characters and runs of spaces folded, trimmed and bounded. */
export function cleanUnitName(name: string): string {
  return name
    .replace(/[\u0000-\u001f\u007f\s]+/g, " ")
    .trim()
    .slice(0, MAX_UNIT_NAME);
}
