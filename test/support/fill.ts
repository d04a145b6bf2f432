import ExcelJS from "exceljs";

/** Values to type into a template: form id → STT → value (a number, or text as a user might type it). */
export type FormValues = Record<string, Record<string, number | string | null>>;

/**
 * Types values into the Số liệu column of a generated workbook, finding each
 * row by its STT in column A, as an officer would fill the form.
 */
export async function fillTemplate(bytes: Uint8Array, values: FormValues): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  for (const [form, rows] of Object.entries(values)) {
    const ws = wb.getWorksheet(form);
    if (!ws) throw new Error(`no sheet ${form}`);
    const rowOf = new Map<string, number>();
    ws.getColumn(1).eachCell((cell, r) => rowOf.set(String(cell.value), r));
    for (const [stt, value] of Object.entries(rows)) {
      const r = rowOf.get(stt);
      if (!r) throw new Error(`no row ${form} ${stt}`);
      ws.getCell(`D${r}`).value = value;
    }
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
