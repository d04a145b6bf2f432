import type { WorkbookPlan } from "../../core/layout/plan";
import { contentTypesXml, corePropertiesXml, rootRelsXml, sheetPart, workbookRelsXml, workbookXml } from "./write/package-parts";
import { SharedStrings } from "./write/shared-strings";
import { StyleTable } from "./write/style-table";
import { worksheetXml } from "./write/worksheet";
import { FFLATE_COMPRESSOR, zipEntries, type Compressor, type ZipEntry } from "./write/zip";

export type { Compressor } from "./write/zip";

/**
 * Renders a layout plan as .xlsx bytes (no file system: the CLI or the browser
 * decides where they go). The plan is already the whole workbook, cell by cell,
 * so this only serialises it; the README's design notes say why this is not
 * done through a general spreadsheet library.
 */
export async function planToXlsx(plan: WorkbookPlan, compressor: Compressor = FFLATE_COMPRESSOR): Promise<Uint8Array> {
  const styles = new StyleTable();
  const strings = new SharedStrings();
  const activeTab = Math.max(
    plan.sheets.findIndex((s) => s.visibility === "visible"),
    0,
  );
  const encoder = new TextEncoder();
  const entries: ZipEntry[] = [];
  const add = (name: string, xml: string | Uint8Array) => {
    const data = typeof xml === "string" ? encoder.encode(xml) : xml;
    entries.push({ name, method: 8, body: compressor.deflateRaw(data), crc: compressor.crc32(data), size: data.length });
  };
  add("[Content_Types].xml", contentTypesXml(plan.sheets.length));
  add("_rels/.rels", rootRelsXml());
  add("docProps/core.xml", corePropertiesXml("Biểu mẫu CCHC"));
  add("xl/workbook.xml", workbookXml(plan.sheets, activeTab));
  add("xl/_rels/workbook.xml.rels", workbookRelsXml(plan.sheets.length));
  // Sheets first: they fill the style and string tables written after them.
  plan.sheets.forEach((sheet, i) => add(sheetPart(i), worksheetXml(sheet, i === activeTab, styles, strings)));
  add("xl/styles.xml", styles.toXml());
  add("xl/sharedStrings.xml", strings.toXml());
  return zipEntries(entries);
}
