import { rangeAddress, rowsAddress } from "../../../core/layout/address";
import type { SheetPlan } from "../../../core/layout/plan";
import { xmlEscape, XML_HEADER } from "./xml-text";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml";

export const sheetPart = (i: number) => `xl/worksheets/sheet${i + 1}.xml`;

/** 'BM1' with any quote doubled, as formulas and defined names refer to a sheet. */
const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;
/** "A1:E28" → "$A$1:$E$28"; "7:7" → "$7:$7". */
const absolute = (ref: string) => ref.replace(/([A-Z]*)(\d+)/g, (_, col: string, row: string) => `${col ? `$${col}` : ""}$${row}`);

export function contentTypesXml(sheetCount: number): string {
  const sheets = Array.from({ length: sheetCount }, (_, i) => `<Override PartName="/${sheetPart(i)}" ContentType="${CONTENT}.worksheet+xml"/>`);
  return (
    `${XML_HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="${CONTENT}.sheet.main+xml"/>${sheets.join("")}` +
    `<Override PartName="/xl/styles.xml" ContentType="${CONTENT}.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${CONTENT}.sharedStrings+xml"/>` +
    `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`
  );
}

export function rootRelsXml(): string {
  return (
    `${XML_HEADER}<Relationships xmlns="${PACKAGE_REL}">` +
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
    `<Relationship Id="rId2" Type="${PACKAGE_REL}/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`
  );
}

/** The author shown in the file's properties; no dates, so the same plan always gives the same bytes. */
export function corePropertiesXml(creator: string): string {
  return (
    `${XML_HEADER}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
    `<dc:creator>${xmlEscape(creator)}</dc:creator></cp:coreProperties>`
  );
}

/** Sheets are rId1…rIdN (sheet i is rId i+1), then styles and shared strings. */
export function workbookRelsXml(sheetCount: number): string {
  const rel = (id: number, type: string, target: string) => `<Relationship Id="rId${id}" Type="${REL}/${type}" Target="${target}"/>`;
  const sheets = Array.from({ length: sheetCount }, (_, i) => rel(i + 1, "worksheet", `worksheets/sheet${i + 1}.xml`));
  return `${XML_HEADER}<Relationships xmlns="${PACKAGE_REL}">${sheets.join("")}${rel(sheetCount + 1, "styles", "styles.xml")}${rel(sheetCount + 2, "sharedStrings", "sharedStrings.xml")}</Relationships>`;
}

export function workbookXml(sheets: readonly SheetPlan[], activeTab: number): string {
  const list = sheets.map(
    (s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}"${s.visibility === "visible" ? "" : ` state="${s.visibility}"`} r:id="rId${i + 1}"/>`,
  );
  const names = sheets.flatMap((s, i) =>
    s.print
      ? [
          `<definedName name="_xlnm.Print_Area" localSheetId="${i}">${xmlEscape(`${quoted(s.name)}!${absolute(rangeAddress(s.print.area))}`)}</definedName>`,
          `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlEscape(`${quoted(s.name)}!${absolute(rowsAddress(s.print.titleRows))}`)}</definedName>`,
        ]
      : [],
  );
  return (
    `${XML_HEADER}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr/>` +
    `<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="20000" windowHeight="12000" activeTab="${activeTab}"/></bookViews>` +
    `<sheets>${list.join("")}</sheets>${names.length ? `<definedNames>${names.join("")}</definedNames>` : ""}` +
    // Excel and LibreOffice compute every formula on opening: the file carries no results of its own, stale or not.
    `<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>`
  );
}
