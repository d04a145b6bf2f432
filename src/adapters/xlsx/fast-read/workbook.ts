import type { SheetSnapshot } from "../../../core/read/snapshot";
import { XlsxReadError } from "./errors";
import { CLOSE, END, OPEN, XmlScanner } from "./xml";

/** One sheet as the workbook lists it, with the zip part that holds its cells. */
export interface SheetEntry {
  name: string;
  /** the workbook's sheetId attribute */
  sheetId: string;
  /** the relationship id (r:id) leading to the part */
  relId: string;
  visibility: SheetSnapshot["visibility"];
  /** the worksheet part ("xl/worksheets/sheet1.xml"), or undefined when the relationship is missing or leads elsewhere (a chart sheet) */
  part: string | undefined;
}

/** What the workbook part and its relationships say: the sheets in tab order and where the other parts are. */
export interface WorkbookInfo {
  sheets: SheetEntry[];
  sharedStringsPart: string | undefined;
  stylesPart: string | undefined;
  /** dates count from 1904 (old Mac workbooks) */
  date1904: boolean;
}

interface Relationship {
  type: string;
  target: string;
}

/** The relationships part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against the part it comes from ("worksheets/sheet1.xml" from "xl/workbook.xml"). */
export function resolveTarget(source: string, target: string): string {
  const segments = target.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const seg of target.split(/[/\\]/)) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") segments.pop();
    else segments.push(seg);
  }
  return segments.join("/");
}

/** Reads a relationships part: id → type and resolved target; external targets are left out. */
export function readRelationships(bytes: Uint8Array, relsPart: string, source: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  const x = new XmlScanner(bytes, relsPart);
  for (let t = x.next(); t !== END; t = x.next()) {
    if (t !== OPEN || !x.is("Relationship")) continue;
    const id = x.attr("Id");
    const target = x.attr("Target");
    if (id === undefined || target === undefined || x.attr("TargetMode") === "External") continue;
    if (!rels.has(id)) rels.set(id, { type: x.attr("Type") ?? "", target: resolveTarget(source, target) });
  }
  return rels;
}

/** The target of the package's main document ("xl/workbook.xml") from the package relationships "_rels/.rels". */
export function officeDocumentPart(rootRels: Uint8Array): string | undefined {
  for (const rel of readRelationships(rootRels, "_rels/.rels", "").values()) if (rel.type.endsWith("/officeDocument")) return rel.target;
  return undefined;
}

const visibilityOf = (state: string | undefined): SheetSnapshot["visibility"] => (state === "hidden" || state === "veryHidden" ? state : "visible");

/** Reads the sheets (names, order, visibility, parts) and the shared strings, styles and date system of a workbook. */
export function readWorkbookInfo(workbookPart: string, workbook: Uint8Array, rels: Uint8Array): WorkbookInfo {
  const relations = readRelationships(rels, relsPathOf(workbookPart), workbookPart);
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  const x = new XmlScanner(workbook, workbookPart);
  if (x.next() === OPEN && !x.empty) {
    for (let t = x.next(); t === OPEN; t = x.next()) {
      if (x.is("workbookPr")) {
        const d = x.attr("date1904");
        date1904 = d === "1" || d === "true";
        x.skip();
      } else if (x.is("sheets") && !x.empty) {
        for (let u = x.next(); u !== CLOSE; u = x.next()) {
          if (u === END) throw new XlsxReadError("xml", `${workbookPart}: unclosed sheets`, workbookPart);
          if (x.is("sheet")) {
            const relId = x.attr("id") ?? "";
            const rel = relations.get(relId);
            sheets.push({
              name: x.attr("name") ?? "",
              sheetId: x.attr("sheetId") ?? "",
              relId,
              visibility: visibilityOf(x.attr("state")),
              part: rel && rel.type.endsWith("/worksheet") ? rel.target : undefined,
            });
          }
          x.skip();
        }
      } else {
        x.skip();
      }
    }
  }
  const partOfType = (suffix: string) => [...relations.values()].find((r) => r.type.endsWith(suffix))?.target;
  return { sheets, sharedStringsPart: partOfType("/sharedStrings"), stylesPart: partOfType("/styles"), date1904 };
}
