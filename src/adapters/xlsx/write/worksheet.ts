import { cellAddress, rangeAddress } from "../../../core/layout/address";
import type { CellPlan, PrintPlan, SheetPlan, ValidationPlan } from "../../../core/layout/plan";
import type { SharedStrings } from "./shared-strings";
import type { StyleTable } from "./style-table";
import { xmlEscape, XML_HEADER } from "./xml-text";

interface PlacedCell {
  col: number;
  plan: CellPlan;
}

/** The plan's cells by row, each row's cells by column; a later plan for the same address wins, as a second write would. */
function cellsByRow(cells: readonly CellPlan[]): Map<number, PlacedCell[]> {
  const rows = new Map<number, Map<number, CellPlan>>();
  for (const plan of cells) {
    let row = rows.get(plan.row);
    if (!row) rows.set(plan.row, (row = new Map()));
    row.set(plan.col, plan);
  }
  const sorted = new Map<number, PlacedCell[]>();
  for (const [r, row] of rows)
    sorted.set(
      r,
      [...row].map(([col, plan]) => ({ col, plan })).sort((a, b) => a.col - b.col),
    );
  return sorted;
}

function cellXml(address: string, plan: CellPlan, styles: StyleTable, strings: SharedStrings): string {
  const s = styles.idOf(plan.style, plan.numFmt, plan.locked);
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
 * A worksheet part, its elements in the order the schema requires (Excel
 * refuses a file whose elements are out of order).
 */
export function worksheetXml(plan: SheetPlan, selected: boolean, styles: StyleTable, strings: SharedStrings): string {
  const rows = cellsByRow(plan.cells);
  for (const r of Object.keys(plan.rowHeights)) if (!rows.has(Number(r))) rows.set(Number(r), []);
  const rowNumbers = [...rows.keys()].sort((a, b) => a - b);
  let lastCol = 1;
  for (const cells of rows.values()) if (cells.length) lastCol = Math.max(lastCol, cells[cells.length - 1].col);
  const lastRow = rowNumbers.length ? rowNumbers[rowNumbers.length - 1] : 1;

  const out: string[] = [
    `${XML_HEADER}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`,
    plan.print ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "",
    `<dimension ref="${rangeAddress({ row: 1, col: 1, lastRow, lastCol })}"/>`,
    viewXml(plan, selected),
    '<sheetFormatPr defaultRowHeight="15"/>',
  ];
  if (plan.columnWidths.length) {
    out.push("<cols>");
    plan.columnWidths.forEach((width, i) => out.push(`<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`));
    out.push("</cols>");
  }
  out.push("<sheetData>");
  for (const r of rowNumbers) {
    const height = plan.rowHeights[r];
    out.push(height === undefined ? `<row r="${r}">` : `<row r="${r}" ht="${height}" customHeight="1">`);
    for (const { col, plan: cell } of rows.get(r)!) out.push(cellXml(cellAddress(r, col), cell, styles, strings));
    out.push("</row>");
  }
  out.push("</sheetData>");
  // No password: the lock guards formulas against slips, it is not a secret (see the README). Column widths and row heights stay adjustable.
  if (plan.protect) out.push('<sheetProtection sheet="1" formatColumns="0" formatRows="0"/>');
  if (plan.merges.length)
    out.push(`<mergeCells count="${plan.merges.length}">${plan.merges.map((range) => `<mergeCell ref="${rangeAddress(range)}"/>`).join("")}</mergeCells>`);
  out.push(validationsXml(plan.validations), printXml(plan.print), "</worksheet>");
  return out.join("");
}
