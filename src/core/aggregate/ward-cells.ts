import type { Form } from "../forms/schema";
import { FORM_LAYOUT } from "../layout/form-layout";
import { formSheetName, rowNumbers } from "../layout/form-sheet";
import type { FindingPlace } from "../validate/finding";

const rowsOf = new WeakMap<Form, Map<string, number>>();

/** The Số liệu cell of a row on the ward's own form sheet (the standard layout, which the ward workbook always has). */
export function wardCell(form: Form, stt: string): FindingPlace | null {
  let rows = rowsOf.get(form);
  if (!rows) rowsOf.set(form, (rows = rowNumbers(form)));
  const r = rows.get(stt);
  return r === undefined ? null : { sheet: formSheetName(form), row: r, col: FORM_LAYOUT.col.value };
}
