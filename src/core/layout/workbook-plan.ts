import { CATALOGUE } from "../forms/catalogue";
import type { Catalogue } from "../forms/schema";
import type { Period } from "../periods/period";
import { buildFormSheet, type FormFigures, type FormMarks, type FormNotes } from "./form-sheet";
import { buildMetaSheet, makeMetadata } from "./metadata";
import type { WorkbookPlan } from "./plan";
import { cleanUnitName, DEFAULT_UNIT } from "./unit-name";

export interface TemplateOptions {
  /** reporting unit, e.g. "Phòng Văn hóa - Xã hội" */
  unit: string;
  period: Period;
  /** form ids in catalogue order */
  forms: readonly string[];
  /** ISO timestamp recorded in the workbook; passed in so that generation is deterministic */
  createdAt: string;
  catalogue?: Catalogue;
  /** figures for input cells, by form and STT; ratio and total rows always get their formulas */
  figures?: Readonly<Record<string, FormFigures>>;
  /** text for the Ghi chú cells, by form and STT */
  notes?: Readonly<Record<string, FormNotes>>;
  /** Số liệu cells to mark, by form and STT (the ward's figures with findings) */
  marks?: Readonly<Record<string, FormMarks>>;
}

export { cleanUnitName, DEFAULT_UNIT, MAX_UNIT_NAME } from "./unit-name";

/** Everything a generated workbook holds: one sheet per chosen form, then the hidden metadata sheet. */
export function buildWorkbookPlan(options: TemplateOptions): WorkbookPlan {
  const catalogue = options.catalogue ?? CATALOGUE;
  const unit = cleanUnitName(options.unit) || DEFAULT_UNIT;
  const forms = catalogue.forms.filter((f) => options.forms.includes(f.id));
  const meta = makeMetadata({
    unit,
    period: options.period,
    forms: forms.map((f) => f.id),
    catalogueVersion: catalogue.version,
    createdAt: options.createdAt,
  });
  return {
    sheets: [
      ...forms.map((f) => buildFormSheet(f, unit, options.period, options.figures?.[f.id], options.notes?.[f.id], options.marks?.[f.id])),
      buildMetaSheet(meta),
    ],
  };
}
