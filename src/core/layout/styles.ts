import type { CellStyle } from "./plan";

/** The few looks a form sheet uses, named by role. */
export const STYLES = {
  formLabel: { bold: true, size: 12, hAlign: "left" },
  title: { bold: true, size: 14, hAlign: "center", wrap: true, vAlign: "middle" },
  meta: { italic: true, hAlign: "center" },
  header: { bold: true, fill: "D9E1F2", border: true, hAlign: "center", vAlign: "middle", wrap: true },
  sttHeading: { bold: true, border: true, hAlign: "center", vAlign: "top" },
  stt: { border: true, hAlign: "center", vAlign: "top" },
  indicatorHeading: { bold: true, border: true, wrap: true, vAlign: "top" },
  indicator: { border: true, wrap: true, vAlign: "top" },
  unit: { border: true, wrap: true, hAlign: "center", vAlign: "top" },
  input: { border: true, fill: "FFF9E5", vAlign: "top" },
  formula: { border: true, fill: "EDEDED", bold: true, vAlign: "top" },
  /** a ward figure with an error or a warning on it (the fills of Excel's "Bad" and "Neutral" cell styles) */
  flaggedError: { border: true, fill: "FFC7CE", bold: true, vAlign: "top" },
  flaggedWarning: { border: true, fill: "FFEB9C", bold: true, vAlign: "top" },
  none: { border: true, fill: "F2F2F2" },
  note: { border: true, wrap: true, vAlign: "top" },
  signTitle: { bold: true, hAlign: "center" },
  signHint: { italic: true, hAlign: "center" },
  plain: {},
} satisfies Record<string, CellStyle>;

/** Colour of cell borders, "RRGGBB". */
export const BORDER_COLOR = "808080";

/** The font of every cell: Vietnamese official documents are set in Times New Roman. */
export const BASE_FONT = { name: "Times New Roman", size: 12 } as const;
