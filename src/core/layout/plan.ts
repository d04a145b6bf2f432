/**
 * The layout description both generators render: plain data, no Excel object.
 * The .xlsx writer and the Office.js writer each turn a WorkbookPlan into cells,
 * so the two can be compared cell by cell. Cells are placed by numbers
 * (1-based row and column); the writers turn them into Excel's "D8".
 */

import type { CellRange } from "./address";

/** How a cell looks; renderers map these fields onto their own style objects. */
export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** background colour, "RRGGBB" */
  fill?: string;
  /** font colour, "RRGGBB" */
  color?: string;
  wrap?: boolean;
  hAlign?: "left" | "center" | "right";
  vAlign?: "top" | "middle";
  /** thin border on all four sides, in BORDER_COLOR */
  border?: boolean;
}

export interface CellPlan {
  /** 1-based: row 8, col 4 is D8 */
  row: number;
  col: number;
  /** text or number; text is always written as text, never parsed as a formula */
  value?: string | number;
  /** a formula without the leading "=", e.g. "SUM(D9,D10)" */
  formula?: string;
  /** Excel number format code (invariant: "#,##0" shows 1.234 in a Vietnamese Excel) */
  numFmt: string;
  style: CellStyle;
  locked: boolean;
}

export type ValidationPlan =
  | { row: number; col: number; type: "whole" | "decimal"; min: number; max?: number; prompt: Message; error: Message }
  | { row: number; col: number; type: "list"; values: number[]; prompt: Message; error: Message };

export interface Message {
  title: string;
  text: string;
}

export interface PrintPlan {
  paper: "A4";
  orientation: "portrait" | "landscape";
  fitToWidth: true;
  /** rows repeated at the top of every printed page, e.g. { row: 7, lastRow: 7 } (Excel's "7:7") */
  titleRows: { row: number; lastRow: number };
  area: CellRange;
  /** page margins in inches */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** the footer in the middle of every page, in Excel's header/footer codes ("Trang &P/&N": page and pages) */
  footer: string;
  /** printed without colours: the yellow of the cells to fill is for the screen, not for the signed paper */
  blackAndWhite: boolean;
}

export interface SheetPlan {
  name: string;
  visibility: "visible" | "veryHidden";
  /** column widths in characters, column A first */
  columnWidths: number[];
  /** row heights in points, by row number, where the default would cut text */
  rowHeights: Record<number, number>;
  cells: CellPlan[];
  merges: CellRange[];
  validations: ValidationPlan[];
  /** sheet protection without a password: locked cells cannot be edited */
  protect: boolean;
  print?: PrintPlan;
  freezeRows?: number;
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
}
