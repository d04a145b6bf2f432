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
  /** files in one aggregation: a province's 3,000 communes with room to spare; 4,000 LibreOffice-saved files peaked at 223 MB in the CLI */
  maxFiles: 4000,
  /** entries in a workbook's zip directory; Excel writes a few dozen, more is not a unit's workbook */
  maxZipEntries: 10_000,
  /** bytes one zip part (a sheet, the shared strings) may inflate to; a form's sheet is ~10 KB and a full 5,000 × 50 sheet ~10 MB, so beyond this it is a zip bomb */
  maxInflatedPartBytes: 50 * 1024 * 1024,
  /** bytes all the parts read from one workbook may inflate to together, checked on the declared sizes before inflating and on the real ones while inflating */
  maxInflatedTotalBytes: 200 * 1024 * 1024,
  /** entries of the shared string table; a filled workbook has about 200 */
  maxSharedStrings: 500_000,
  /** cells and merged ranges kept from one workbook; a filled workbook has about 1,000, a million is ~150 MB of snapshot */
  maxCellsPerWorkbook: 1_000_000,
  /** a ward's setup (its units, leads, combine modes) is a few KB; a file over 1 MB is not one, in the CLI and the pane alike */
  maxSetupBytes: 1024 * 1024,
} as const;
