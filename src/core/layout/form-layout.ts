/**
 * Where things sit on a generated form sheet. Readers must not rely on these
 * (they find the header and STT rows), but the writers share them. A module of
 * its own: the pane's first view needs the header row, not the sheet builder.
 */
export const FORM_LAYOUT = {
  headerRow: 7,
  firstDataRow: 8,
  col: { stt: 1, indicator: 2, unit: 3, value: 4, note: 5 },
  columnWidths: [8, 62, 18, 14, 22],
  /** characters of column B per printed line, to size wrapped rows */
  indicatorCharsPerLine: 70,
  lineHeight: 15,
  /** Excel's largest row height in points ("Excel specifications and limits"): a taller row is refused */
  maxRowHeight: 409,
} as const;
