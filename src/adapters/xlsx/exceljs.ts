import type ExcelJSModule from "exceljs";

/**
 * The only import of the .xlsx writer in the project. It is the library's
 * prebuilt bundle: in Node it loads several times faster than the package's
 * hundreds of modules (every `cchc template` and `aggregate` pays for it), and
 * it is what the browser build gets anyway.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ExcelJS: typeof ExcelJSModule = require("exceljs/dist/exceljs.min.js");

export { ExcelJS };
export type * from "exceljs";
