import { CATALOGUE } from "../forms/catalogue";
import type { Catalogue } from "../forms/schema";
import { readTitle } from "../import/title";
import { locateForms, type LocatedForms } from "../read/locate";
import type { WorkbookSnapshot } from "../read/snapshot";
import type { FindingPlace, RawFinding } from "../validate/finding";
import { validateWorkbook, type ValidationResult } from "../validate/validate-workbook";
import { compareWithPrevious, type EarlierFigures, type PeriodFigures } from "./previous";

/** Who and when a checked workbook is of: what its template recorded, else what its title lines say. */
function whoAndWhen(book: WorkbookSnapshot, located: LocatedForms, result: ValidationResult): Omit<PeriodFigures, "figures"> {
  const title = result.metadata ? undefined : readTitle(book, located.found);
  return {
    unit: result.metadata?.unit || title?.unit?.value || null,
    periodId: result.metadata?.period || title?.period?.value || null,
  };
}

/** The figures of a workbook and who and when they are of, with where each figure's cell is. */
export function periodFiguresOf(book: WorkbookSnapshot, catalogue: Catalogue = CATALOGUE) {
  const located = locateForms(book, catalogue);
  const result = validateWorkbook(book, { catalogue, located });
  const place = (form: string, stt: string): FindingPlace | null => {
    const found = located.found.find((f) => f.form.id === form);
    const row = found?.rows.find((r) => r.stt === stt);
    return found && row ? { sheet: found.sheet.name, row: row.row, col: found.columns.value } : null;
  };
  return { ...whoAndWhen(book, located, result), figures: result.figures, hasForms: located.found.length > 0, place, result };
}

/** The earlier file of a unit (or ward), read for comparing: `cchc validate --previous`, `cchc aggregate --previous`, Kỳ trước in the pane. */
export function earlierFigures(book: WorkbookSnapshot, file: string, catalogue: Catalogue = CATALOGUE): EarlierFigures {
  const { unit, periodId, figures, hasForms } = periodFiguresOf(book, catalogue);
  return { file, unit, periodId, figures, hasForms };
}

/**
 * A workbook checked and, when an earlier file is given, compared with it:
 * located and validated once for both (a check with Kỳ trước is one pass
 * over the file, as one without is).
 */
export function checkAgainstEarlier(
  book: WorkbookSnapshot,
  earlier: EarlierFigures | undefined,
  catalogue: Catalogue = CATALOGUE,
): { result: ValidationResult; compared: RawFinding[] } {
  const current = periodFiguresOf(book, catalogue);
  return { result: current.result, compared: earlier ? compareWithPrevious(current, earlier, { catalogue, place: current.place }) : [] };
}

/** A unit workbook against its earlier one: the findings at the later workbook's cells. */
export function compareWorkbooks(book: WorkbookSnapshot, earlier: EarlierFigures, catalogue: Catalogue = CATALOGUE): RawFinding[] {
  return checkAgainstEarlier(book, earlier, catalogue).compared;
}
