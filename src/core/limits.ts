/**
 * What the product agrees to read. Files come by e-mail and chat apps from
 * many hands; every limit is checked before the work it guards.
 */
export const LIMITS = {
  /** a unit workbook is a few tens of KB; 20 MB leaves room for pictures and history */
  maxFileBytes: 20 * 1024 * 1024,
  /** rows and columns read per sheet; the forms use about 30 rows and 5 columns */
  maxRowsPerSheet: 5000,
  maxColsPerSheet: 50,
  /** sheets read per workbook */
  maxSheets: 100,
  /** files in one aggregation */
  maxFiles: 2000,
} as const;
