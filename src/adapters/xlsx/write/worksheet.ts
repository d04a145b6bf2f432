import { cellAddress, columnLetter, rangeAddress } from "../../../core/layout/address";
import type { CellPlan, PrintPlan, SheetPlan, ValidationPlan } from "../../../core/layout/plan";
import type { SharedStrings } from "./shared-strings";
import type { StyleTable } from "./style-table";
import { Utf8Chunks } from "./utf8-chunks";
import { xmlEscape, XML_HEADER } from "./xml-text";

/**
 * The plan's cells by row, each row's cells by column; a later plan for the same address wins, as a second write would.
 * The plans write each row left to right, each cell once: such a row is kept as it came, and only a row out of
 * order (or with a cell written twice) is sorted. A ward's detail sheet has a hundred thousand cells.
 */
function cellsByRow(cells: readonly CellPlan[]): Map<number, CellPlan[]> {
  const rows = new Map<number, CellPlan[]>();
  for (const plan of cells) {
    const row = rows.get(plan.row);
    if (row) row.push(plan);
    else rows.set(plan.row, [plan]);
  }
  for (const [r, row] of rows) {
    let ordered = true;
    for (let i = 1; i < row.length && ordered; i++) ordered = row[i].col > row[i - 1].col;
    if (ordered) continue;
    const byCol = new Map<number, CellPlan>();
    for (const plan of row) byCol.set(plan.col, plan);
    rows.set(
      r,
      [...byCol.values()].sort((a, b) => a.col - b.col),
    );
  }
  return rows;
}

/** One cell's XML. */
function cellXml(address: string, plan: CellPlan, s: string, strings: SharedStrings): string {
  // Only the plan's own formulas are formulas; any text, whatever it starts with, is a shared string.
  if (plan.formula !== undefined) return `<c r="${address}" s="${s}"><f>${xmlEscape(plan.formula)}</f></c>`;
  if (typeof plan.value === "string") return `<c r="${address}" s="${s}" t="s"><v>${strings.indexOf(plan.value)}</v></c>`;
  // A number that is not finite has no cell value in SpreadsheetML: left empty (the plans do not make one, this is a guard).
  if (typeof plan.value === "number" && Number.isFinite(plan.value)) return `<c r="${address}" s="${s}"><v>${plan.value}</v></c>`;
  return `<c r="${address}" s="${s}"/>`;
}

/** One <dataValidation> per distinct rule, listing every cell it covers. */
function validationsXml(validations: readonly ValidationPlan[]): string {
  const groups = new Map<string, { v: ValidationPlan; cells: string[] }>();
  for (const v of validations) {
    const { row, col, ...rule } = v;
    const key = JSON.stringify(rule);
    const address = cellAddress(row, col);
    const group = groups.get(key);
    if (group) group.cells.push(address);
    else groups.set(key, { v, cells: [address] });
  }
  if (groups.size === 0) return "";
  const items = [...groups.values()].map(({ v, cells }) => {
    const kind = v.type === "list" ? ` type="list"` : ` type="${v.type}" operator="${v.max === undefined ? "greaterThanOrEqual" : "between"}"`;
    const formulae =
      v.type === "list"
        ? `<formula1>${xmlEscape(`"${v.values.join(",")}"`)}</formula1>`
        : `<formula1>${v.min}</formula1>${v.max === undefined ? "" : `<formula2>${v.max}</formula2>`}`;
    const messages =
      ` allowBlank="1" showInputMessage="1" promptTitle="${xmlEscape(v.prompt.title)}" prompt="${xmlEscape(v.prompt.text)}"` +
      ` showErrorMessage="1" errorStyle="stop" errorTitle="${xmlEscape(v.error.title)}" error="${xmlEscape(v.error.text)}"`;
    return `<dataValidation${kind}${messages} sqref="${cells.join(" ")}">${formulae}</dataValidation>`;
  });
  return `<dataValidations count="${items.length}">${items.join("")}</dataValidations>`;
}

function printXml(print: PrintPlan | undefined): string {
  if (!print) return "";
  const m = print.margins;
  return (
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
    // fitToHeight 0: as many pages down as the form needs, one page across.
    `<pageSetup paperSize="9" orientation="${print.orientation}" fitToWidth="1" fitToHeight="0"${print.blackAndWhite ? ' blackAndWhite="1"' : ""}/>` +
    // &C: the footer's centre section (ECMA-376 Part 1, 18.3.1.46 headerFooter).
    `<headerFooter><oddFooter>${xmlEscape(`&C${print.footer}`)}</oddFooter></headerFooter>`
  );
}

function viewXml(plan: SheetPlan, selected: boolean): string {
  const tab = selected ? ' tabSelected="1"' : "";
  if (!plan.freezeRows) return `<sheetViews><sheetView${tab} workbookViewId="0"/></sheetViews>`;
  const topLeft = `A${plan.freezeRows + 1}`;
  return (
    `<sheetViews><sheetView${tab} workbookViewId="0">` +
    `<pane ySplit="${plan.freezeRows}" topLeftCell="${topLeft}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews>`
  );
}

/**
 * A worksheet part as UTF-8 bytes, its elements in the order the schema
 * requires (Excel refuses a file whose elements are out of order). Written
 * out as it is made (see Utf8Chunks): the same bytes as the XML text encoded.
 */
export function worksheetXml(plan: SheetPlan, selected: boolean, styles: StyleTable, strings: SharedStrings): Uint8Array {
  const rows = cellsByRow(plan.cells);
  for (const r of Object.keys(plan.rowHeights)) if (!rows.has(Number(r))) rows.set(Number(r), []);
  const rowNumbers = [...rows.keys()].sort((a, b) => a - b);
  let lastCol = 1;
  for (const cells of rows.values()) if (cells.length) lastCol = Math.max(lastCol, cells[cells.length - 1].col);
  const lastRow = rowNumbers.length ? rowNumbers[rowNumbers.length - 1] : 1;
  // The last cell's format, remembered: neighbouring cells (a row of units' figures) mostly share one.
  let lastStyle: CellPlan["style"] | undefined;
  let lastFormat = "";
  let lastLocked = false;
  let lastId = "0";
  const styleOf = (cell: CellPlan) => {
    if (cell.style !== lastStyle || cell.numFmt !== lastFormat || cell.locked !== lastLocked) {
      lastId = String(styles.idOf(cell.style, cell.numFmt, cell.locked));
      lastStyle = cell.style;
      lastFormat = cell.numFmt;
      lastLocked = cell.locked;
    }
    return lastId;
  };

  // ~40 bytes a cell (`<c r="AB12" s="3"><v>1234</v></c>`), and room for the rest of the part.
  const out = new Utf8Chunks(plan.cells.length * 40 + (1 << 14));
  out.add(
    `${XML_HEADER}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`,
  );
  out.add(plan.print ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "");
  out.add(`<dimension ref="${rangeAddress({ row: 1, col: 1, lastRow, lastCol })}"/>`);
  out.add(viewXml(plan, selected));
  out.add('<sheetFormatPr defaultRowHeight="15"/>');
  if (plan.columnWidths.length) {
    out.add("<cols>");
    plan.columnWidths.forEach((width, i) => out.add(`<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`));
    out.add("</cols>");
  }
  out.add("<sheetData>");
  for (const r of rowNumbers) {
    const height = plan.rowHeights[r];
    out.add(height === undefined ? `<row r="${r}">` : `<row r="${r}" ht="${height}" customHeight="1">`);
    // The row's number as text once, not once per cell.
    const digits = String(r);
    for (const cell of rows.get(r)!) out.add(cellXml(columnLetter(cell.col) + digits, cell, styleOf(cell), strings));
    out.add("</row>");
  }
  out.add("</sheetData>");
  // No password: the lock guards formulas against slips, it is not a secret (see the README). Column widths and row heights stay adjustable.
  if (plan.protect) out.add('<sheetProtection sheet="1" formatColumns="0" formatRows="0"/>');
  if (plan.merges.length)
    out.add(`<mergeCells count="${plan.merges.length}">${plan.merges.map((range) => `<mergeCell ref="${rangeAddress(range)}"/>`).join("")}</mergeCells>`);
  out.add(validationsXml(plan.validations));
  out.add(printXml(plan.print));
  out.add("</worksheet>");
  return out.bytes();
}
