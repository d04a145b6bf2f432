import type { WorkbookMetadata } from "../layout/metadata";
import { readTitle } from "../import/title";
import { FORM_TEXT } from "../layout/texts";
import { cleanUnitName, DEFAULT_UNIT } from "../layout/workbook-plan";
import { parsePeriod, periodIdFromLabel } from "../periods/period";
import { locateForms, type LocatedForm } from "../read/locate";
import type { WorkbookSnapshot } from "../read/snapshot";
import { foldText } from "../read/text";
import { CATALOGUE } from "../forms/catalogue";
import { findUnit, type UnitMatch } from "../units/match-unit";
import { matchUnitInFileName, type RegistryUnit, type UnitRegistry } from "../units/registry";

/** Who sent a workbook and for which period, and how that was found out. */
export interface WorkbookIdentity {
  /** the unit name as the workbook (or file name) gives it */
  unitName: string;
  /** the registry unit it matches, if any */
  unit?: RegistryUnit;
  periodId?: string;
  /**
   * "metadata": the _CCHC sheet; "title": a form sheet's "Đơn vị báo cáo:" line;
   * "appendix-title": the text around the tables of a pasted appendix ("(Kèm theo
   * Báo cáo số … của Ủy ban nhân dân phường Nhị Chiểu)"); "file-name": the
   * registry matched the file's name; "none": nothing did
   */
  source: "metadata" | "title" | "appendix-title" | "file-name" | "none";
  /** the unit was matched only once the name was normalised or by a slip of typing, not as the setup writes it (UNIT_MATCHED_BY_TEXT) */
  byText?: true;
  /** no unit matched: the codes of the units the name resembles (two close ones, or one near), for UNKNOWN_UNIT and UNIT_MISSING */
  resembles?: string[];
}

/** The identity's unit fields from a name's match: the unit and how, or what the name resembles; no field that says nothing. */
function fromMatch(m: UnitMatch): Pick<WorkbookIdentity, "unit" | "byText" | "resembles"> {
  if (m.unit) return m.how === "close" ? { unit: m.unit, byText: true } : { unit: m.unit };
  return m.resembles.length > 0 ? { resembles: m.resembles.map((u) => u.code) } : {};
}

/**
 * A name's unit as written, else by closeness (what the unit wrote in its own
 * workbook beats what its file is called), else the file name's, else nothing
 * but what the name resembles.
 */
function matchNamed(registry: UnitRegistry, file: string, ...names: string[]): Pick<WorkbookIdentity, "unit" | "byText" | "resembles"> {
  const matches = names.map((n) => findUnit(registry, n));
  const exact = matches.find((m) => m.how === "exact");
  if (exact) return fromMatch(exact);
  const close = matches.find((m) => m.unit);
  if (close) return fromMatch(close);
  const byFile = matchUnitInFileName(registry, file);
  if (byFile) return { unit: byFile };
  return fromMatch(matches.find((m) => m.resembles.length > 0) ?? { resembles: [] });
}

const UNIT_PREFIX = foldText(FORM_TEXT.unitLine(""));
const PERIOD_PREFIX = foldText(FORM_TEXT.periodLine(""));

/** The title-block lines ("Đơn vị báo cáo: …", "Kỳ báo cáo: …") of the first form sheet that has them. */
function titleBlock(found: readonly LocatedForm[]): { unit?: string; period?: string } {
  const out: { unit?: string; period?: string } = {};
  for (const { sheet } of found) {
    // The title block is the first twelve rows.
    sheet.rows.slice(0, 13).forEach((cells) =>
      cells.forEach((cell) => {
        if (typeof cell.value !== "string") return;
        const folded = foldText(cell.value);
        if (!out.unit && folded.startsWith(UNIT_PREFIX.replace(/:$/, ""))) out.unit = cell.value.slice(cell.value.indexOf(":") + 1).trim();
        if (!out.period && folded.startsWith(PERIOD_PREFIX.replace(/:$/, ""))) out.period = periodIdFromLabel(cell.value);
      }),
    );
    if (out.unit || out.period) break;
  }
  return out;
}

/** What the text around the tables says (readTitle: a pasted appendix's "(Kèm theo Báo cáo … của Ủy ban nhân dân phường …)", "6 tháng đầu năm 2026"). */
function appendixTitle(book: WorkbookSnapshot, found: readonly LocatedForm[]): { unit?: string; period?: string } {
  const title = readTitle(book, found);
  const unit = title.unit ? cleanUnitName(title.unit.value) : "";
  const period = title.period && parsePeriod(title.period.value).ok ? title.period.value : undefined;
  return { ...(unit && unit !== DEFAULT_UNIT ? { unit } : {}), ...(period ? { period } : {}) };
}

/**
 * The names an appendix's committee goes by: "Ủy ban nhân dân phường Nhị
 * Chiểu" is also the ward a city's registry lists as "Phường Nhị Chiểu".
 */
function committeeNames(name: string): string[] {
  const words = name.trim().split(/\s+/);
  const folded = words.map(foldText);
  const skip = folded[0] === "ubnd" ? 1 : folded.slice(0, 4).join(" ") === "uy ban nhan dan" ? 4 : 0;
  return skip > 0 && words.length > skip ? [name, words.slice(skip).join(" ")] : [name];
}

/**
 * Identifies a unit workbook: first by what `cchc template` recorded in it,
 * then by its title block, then by what the text around its tables says (a
 * pasted appendix), then by its file name against the registry.
 */
export function identifyWorkbook(
  book: WorkbookSnapshot,
  metadata: WorkbookMetadata | undefined,
  file: string,
  registry: UnitRegistry,
  /** the forms as validation located them, if it has; else located here, only when the metadata does not say who sent the file */
  located?: readonly LocatedForm[],
): WorkbookIdentity {
  // A template made without --unit records the placeholder, which names no unit.
  if (metadata?.unit && metadata.unit !== DEFAULT_UNIT) {
    return { unitName: metadata.unit, ...fromMatch(findUnit(registry, metadata.unit)), periodId: metadata.period || undefined, source: "metadata" };
  }
  const found = located ?? locateForms(book, CATALOGUE).found;
  const title = titleBlock(found);
  // Read only when still needed: it goes through every text cell of the sheets holding forms.
  const appendix = title.unit && title.unit !== DEFAULT_UNIT && (metadata?.period || title.period) ? {} : appendixTitle(book, found);
  const periodId = metadata?.period || title.period || appendix.period;
  if (title.unit && title.unit !== DEFAULT_UNIT) {
    return { unitName: title.unit, ...matchNamed(registry, file, title.unit), periodId, source: "title" };
  }
  if (appendix.unit) {
    return { unitName: appendix.unit, ...matchNamed(registry, file, ...committeeNames(appendix.unit)), periodId, source: "appendix-title" };
  }
  const byFile = matchUnitInFileName(registry, file);
  const base = file.replace(/^.*[\\/]/, "");
  return byFile ? { unitName: byFile.name, unit: byFile, periodId, source: "file-name" } : { unitName: base, periodId, source: "none" };
}
