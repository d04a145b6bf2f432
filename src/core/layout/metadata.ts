import type { Period } from "../periods/period";
import type { SheetPlan } from "./plan";
import { STYLES } from "./styles";
import { FORM_TEXT, TEXT_FORMAT } from "./texts";

/** Name of the hidden sheet that records who reports what, for validation and aggregation to read back. */
export const META_SHEET = "_CCHC";
/** Value of the "format" key: marks a workbook made by this product. */
export const META_FORMAT = "bieu-mau-cchc";
export const META_FORMAT_VERSION = "1";

/** What a generated workbook records about itself. */
export interface WorkbookMetadata {
  format: string;
  formatVersion: string;
  catalogueVersion: string;
  unit: string;
  period: string;
  windowFrom: string;
  windowTo: string;
  unitDeadline: string;
  forms: string[];
  createdAt: string;
}

const KEYS: readonly (keyof WorkbookMetadata)[] = [
  "format",
  "formatVersion",
  "catalogueVersion",
  "unit",
  "period",
  "windowFrom",
  "windowTo",
  "unitDeadline",
  "forms",
  "createdAt",
];

/** The metadata of a workbook generated for this unit, period and forms. */
export function makeMetadata(args: { unit: string; period: Period; forms: readonly string[]; catalogueVersion: string; createdAt: string }): WorkbookMetadata {
  return {
    format: META_FORMAT,
    formatVersion: META_FORMAT_VERSION,
    catalogueVersion: args.catalogueVersion,
    unit: args.unit,
    period: args.period.id,
    windowFrom: args.period.window.from,
    windowTo: args.period.window.to,
    unitDeadline: args.period.unitDeadline,
    forms: [...args.forms],
    createdAt: args.createdAt,
  };
}

/** The hidden sheet: a title line, then one "key | value" row per field, all text. */
export function buildMetaSheet(meta: WorkbookMetadata): SheetPlan {
  const cells: SheetPlan["cells"] = [{ row: 1, col: 1, value: FORM_TEXT.metaTitle, numFmt: TEXT_FORMAT, style: STYLES.formLabel, locked: true }];
  KEYS.forEach((key, i) => {
    const value = meta[key];
    cells.push({ row: i + 2, col: 1, value: key, numFmt: TEXT_FORMAT, style: STYLES.plain, locked: true });
    cells.push({
      row: i + 2,
      col: 2,
      value: Array.isArray(value) ? value.join(",") : value,
      numFmt: TEXT_FORMAT,
      style: STYLES.plain,
      locked: true,
    });
  });
  return {
    name: META_SHEET,
    visibility: "veryHidden",
    columnWidths: [20, 60],
    rowHeights: {},
    cells,
    merges: [],
    validations: [],
    protect: true,
  };
}

/**
 * Reads the "key | value" rows of the hidden sheet back. Unknown keys are
 * ignored; undefined when the sheet is not ours.
 */
export function readMetadata(rows: ReadonlyArray<readonly unknown[]>): WorkbookMetadata | undefined {
  const found = new Map<string, string>();
  for (const row of rows) {
    const [k, v] = row;
    if (typeof k === "string" && (KEYS as readonly string[]).includes(k)) found.set(k, v == null ? "" : String(v));
  }
  if (found.get("format") !== META_FORMAT) return undefined;
  const get = (k: keyof WorkbookMetadata) => found.get(k) ?? "";
  return {
    format: get("format"),
    formatVersion: get("formatVersion"),
    catalogueVersion: get("catalogueVersion"),
    unit: get("unit"),
    period: get("period"),
    windowFrom: get("windowFrom"),
    windowTo: get("windowTo"),
    unitDeadline: get("unitDeadline"),
    forms: get("forms").split(",").filter(Boolean),
    createdAt: get("createdAt"),
  };
}
