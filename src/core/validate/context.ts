import { finiteFigure, type Figure } from "../figures";
import type { Form, FormRow } from "../forms/schema";
import type { ResolvedValue } from "../import/resolve-values";
import type { LocatedForm, LocatedRow } from "../read/locate";
import { rawFinding, type FindingCode, type FindingParamsOf, type RawFinding } from "./finding";

export type { Figure } from "../figures";

/** What the rules of one form share: the located table and the figures resolved so far. */
export interface FormContext {
  form: Form;
  located: LocatedForm;
  sheet: string;
  /** the first sheet row of each STT (duplicates are a structure finding) */
  byStt: Map<string, LocatedRow>;
  /** figures by STT: inputs first, then ratio and total rows */
  figures: Map<string, Figure>;
  /** a pasted form's uncertain figures, decided from the rest of the form (import/resolve-values) */
  resolved?: ReadonlyMap<string, ResolvedValue>;
  /** ratio rows whose cell holds a typed figure, reported once as FORMULA_MISMATCH with what the parts give: one cause, one finding */
  typedRatios: Set<string>;
}

/** Figures by STT that never hold NaN or ±Infinity (see finiteFigure). */
class FigureMap extends Map<string, Figure> {
  override set(stt: string, figure: Figure): this {
    return super.set(stt, finiteFigure(figure));
  }
}

/** Builds the context of a located form. */
export function formContext(located: LocatedForm): FormContext {
  const byStt = new Map<string, LocatedRow>();
  for (const r of located.rows) if (!byStt.has(r.stt)) byStt.set(r.stt, r);
  return { form: located.form, located, sheet: located.sheet.name, byStt, figures: new FigureMap(), typedRatios: new Set() };
}

/** A cell of the form's sheet: 1-based row and column. */
export interface CellAt {
  row: number;
  col: number;
}

/** The Số liệu cell of an STT, or undefined when the row is missing. */
export function valueCell(ctx: FormContext, stt: string): CellAt | undefined {
  const r = ctx.byStt.get(stt);
  return r ? { row: r.row, col: ctx.located.columns.value } : undefined;
}

/** The Đơn vị tính cell of an STT. */
export function unitCell(ctx: FormContext, stt: string): CellAt | undefined {
  const r = ctx.byStt.get(stt);
  return r ? { row: r.row, col: ctx.located.columns.unit } : undefined;
}

/** What a rule gives for a finding about one of its rows; `params` must be those of `code`. */
export interface RowFindingFields<C extends FindingCode> {
  code: C;
  severity: RawFinding["severity"];
  params: FindingParamsOf<C>;
  expected: RawFinding["expected"];
  actual: RawFinding["actual"];
  /** another cell of the row (its unit column); by default its Số liệu cell */
  cell?: CellAt;
  fix?: RawFinding["fix"];
}

/** A finding about a row's Số liệu cell, with the fields every rule fills the same way. */
export function rowFinding<C extends FindingCode>(ctx: FormContext, row: FormRow, f: RowFindingFields<C>): RawFinding {
  const cell = f.cell ?? valueCell(ctx, row.stt);
  return rawFinding<C>({
    code: f.code,
    severity: f.severity,
    form: ctx.form.id,
    row: row.stt,
    at: cell ? { sheet: ctx.sheet, row: cell.row, col: cell.col } : null,
    params: f.params,
    expected: f.expected,
    actual: f.actual,
    ...(f.fix ? { fix: f.fix } : {}),
  });
}
