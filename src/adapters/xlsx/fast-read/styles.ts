import { XlsxReadError } from "./errors";
import { CLOSE, END, OPEN, XmlScanner } from "./xml";

/** What a cell's style (its `s`, an index into cellXfs) says that the snapshot keeps. */
export interface CellStyle {
  /** the number format code; undefined for General */
  numFmt: string | undefined;
  /** Excel's default is locked; only `<protection locked="0">` unlocks */
  locked: boolean;
  /** the format shows a date, so a number in the cell is a date serial */
  isDate: boolean;
}

/** A cell without a style, or with one the workbook does not define. */
export const NO_STYLE: CellStyle = { numFmt: undefined, locked: true, isDate: false };

/** The built-in number formats (ECMA-376 18.8.30) that have a locale-independent code; the others read as General, as in ExcelJS. */
const BUILT_IN: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** A format shows a date when, outside [colour/locale] brackets and "quoted text", it has y, m, d, h, s or b (ExcelJS's test). */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

const isFalse = (v: string | undefined) => v === "0" || v === "false";

/** Reads cellXfs from the styles part: one CellStyle per `s` index, with custom numFmts resolved. */
export function readStyles(bytes: Uint8Array, part: string): CellStyle[] {
  const custom = new Map<number, string>();
  const xfs: { numFmtId: number; locked: boolean }[] = [];
  const x = new XmlScanner(bytes, part);
  const unclosed = (): never => {
    throw new XlsxReadError("xml", `${part}: unclosed element`, part);
  };
  if (x.next() === OPEN && !x.empty) {
    // Only numFmts and cellXfs matter; fonts, fills, borders and the rest are jumped over.
    for (let t = x.next(); t === OPEN; t = x.next()) {
      if (x.is("numFmts") && !x.empty) {
        for (let u = x.next(); u !== CLOSE; u = x.next()) {
          if (u === END) unclosed();
          if (x.is("numFmt")) {
            const id = parseInt(x.attr("numFmtId") ?? "", 10);
            const code = x.attr("formatCode");
            if (!Number.isNaN(id) && code !== undefined) custom.set(id, code);
          }
          x.skip();
        }
      } else if (x.is("cellXfs") && !x.empty) {
        for (let u = x.next(); u !== CLOSE; u = x.next()) {
          if (u === END) unclosed();
          if (!x.is("xf")) {
            x.skip();
            continue;
          }
          const xf = { numFmtId: parseInt(x.attr("numFmtId") ?? "0", 10), locked: true };
          xfs.push(xf);
          if (x.empty) continue;
          for (let v = x.next(); v !== CLOSE; v = x.next()) {
            if (v === END) unclosed();
            if (x.is("protection")) xf.locked = !isFalse(x.attr("locked"));
            x.skip();
          }
        }
      } else {
        x.skip();
      }
    }
  }
  return xfs.map(({ numFmtId, locked }) => {
    const code = numFmtId ? (custom.get(numFmtId) ?? BUILT_IN[numFmtId]) : undefined;
    const numFmt = code === undefined || code.toLowerCase() === "general" ? undefined : code;
    return { numFmt, locked, isDate: isDateFormat(numFmt) };
  });
}
