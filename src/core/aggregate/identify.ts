import type { WorkbookMetadata } from "../layout/metadata";
import { FORM_TEXT } from "../layout/texts";
import { DEFAULT_UNIT } from "../layout/workbook-plan";
import { periodIdFromLabel } from "../periods/period";
import { locateForms } from "../read/locate";
import type { WorkbookSnapshot } from "../read/snapshot";
import { foldText } from "../read/text";
import { CATALOGUE } from "../forms/catalogue";
import { matchUnitInFileName, matchUnitName, type RegistryUnit, type UnitRegistry } from "../units/registry";

/** Who sent a workbook and for which period, and how that was found out. */
export interface WorkbookIdentity {
  /** the unit name as the workbook (or file name) gives it */
  unitName: string;
  /** the registry unit it matches, if any */
  unit?: RegistryUnit;
  periodId?: string;
  source: "metadata" | "title" | "file-name" | "none";
}

const UNIT_PREFIX = foldText(FORM_TEXT.unitLine(""));
const PERIOD_PREFIX = foldText(FORM_TEXT.periodLine(""));

/** The title-block lines ("Đơn vị báo cáo: …", "Kỳ báo cáo: …") of the first form sheet that has them. */
function titleBlock(book: WorkbookSnapshot): { unit?: string; period?: string } {
  const out: { unit?: string; period?: string } = {};
  for (const { sheet } of locateForms(book, CATALOGUE).found) {
    for (const [address, cell] of Object.entries(sheet.cells)) {
      if (typeof cell.value !== "string" || Number(address.replace(/\D/g, "")) > 12) continue;
      const folded = foldText(cell.value);
      const after = (prefix: string) => cell.value!.toString().slice(cell.value!.toString().indexOf(":") + 1).trim();
      if (!out.unit && folded.startsWith(UNIT_PREFIX.replace(/:$/, ""))) out.unit = after(UNIT_PREFIX);
      if (!out.period && folded.startsWith(PERIOD_PREFIX.replace(/:$/, ""))) out.period = periodIdFromLabel(cell.value);
    }
    if (out.unit || out.period) break;
  }
  return out;
}

/**
 * Identifies a unit workbook: first by what `cchc template` recorded in it,
 * then by its title block, then by its file name against the registry.
 */
export function identifyWorkbook(book: WorkbookSnapshot, metadata: WorkbookMetadata | undefined, file: string, registry: UnitRegistry): WorkbookIdentity {
  // A template made without --unit records the placeholder, which names no unit.
  if (metadata?.unit && metadata.unit !== DEFAULT_UNIT) {
    return { unitName: metadata.unit, unit: matchUnitName(registry, metadata.unit), periodId: metadata.period || undefined, source: "metadata" };
  }
  const title = titleBlock(book);
  const periodId = metadata?.period || title.period;
  if (title.unit && title.unit !== DEFAULT_UNIT) {
    const unit = matchUnitName(registry, title.unit) ?? matchUnitInFileName(registry, file);
    return { unitName: title.unit, unit, periodId, source: "title" };
  }
  const byFile = matchUnitInFileName(registry, file);
  const base = file.replace(/^.*[\\/]/, "");
  return byFile
    ? { unitName: byFile.name, unit: byFile, periodId, source: "file-name" }
    : { unitName: base, periodId, source: "none" };
}
