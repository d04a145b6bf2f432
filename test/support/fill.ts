import ExcelJS from "exceljs";

/** What to type into one row: a figure, or the Số liệu and Đơn vị tính cells as a user left them. */
export type RowEntry = number | string | null | { value?: number | string | null; unit?: string; formula?: string; note?: string };

/** Values to type into a template: form id → STT → entry. */
export type FormValues = Record<string, Record<string, RowEntry>>;

/**
 * Types values into a generated workbook, finding each row by its STT in
 * column A, as an officer would fill the form (protection does not stop a
 * file written this way, just as it does not stop a copy-paste from Word).
 */
export async function fillTemplate(bytes: Uint8Array, values: FormValues): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  for (const [form, rows] of Object.entries(values)) {
    const ws = wb.getWorksheet(form);
    if (!ws) throw new Error(`no sheet ${form}`);
    const rowOf = new Map<string, number>();
    ws.getColumn(1).eachCell((cell, r) => rowOf.set(String(cell.value), r));
    for (const [stt, entry] of Object.entries(rows)) {
      const r = rowOf.get(stt);
      if (!r) throw new Error(`no row ${form} ${stt}`);
      const e = entry !== null && typeof entry === "object" ? entry : { value: entry };
      if (e.formula !== undefined) ws.getCell(`D${r}`).value = { formula: e.formula } as ExcelJS.CellFormulaValue;
      else if ("value" in e) ws.getCell(`D${r}`).value = e.value ?? null;
      if (e.unit !== undefined) ws.getCell(`C${r}`).value = e.unit;
      if (e.note !== undefined) ws.getCell(`E${r}`).value = e.note;
    }
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
