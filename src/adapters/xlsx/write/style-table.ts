import type { CellStyle } from "../../../core/layout/plan";
import { BASE_FONT, BORDER_COLOR } from "../../../core/layout/styles";
import { Distinct } from "./distinct";
import { xmlEscape, XML_HEADER } from "./xml-text";

/** Number formats Excel knows by id; any other code gets an id from 164 on, as the format requires. */
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };
const FIRST_CUSTOM_FORMAT = 164;

const VERTICAL = { top: "top", middle: "center" } as const;

/**
 * styles.xml, built as cells ask for looks: each distinct (look, number
 * format, locked) is one cell format (xf), and the index is what a cell's
 * s="…" names. Looks are plan objects shared by many cells, so the key of
 * each is computed once per object.
 */
export class StyleTable {
  // Index 0 of each list is what Excel expects there: the workbook's default font, no fill and gray125 (both reserved), no border, the plain format.
  private readonly fonts = new Distinct(['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>']);
  private readonly fills = new Distinct(['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>']);
  private readonly borders = new Distinct(["<border><left/><right/><top/><bottom/><diagonal/></border>"]);
  private readonly formats = new Distinct(['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']);
  private readonly customFormats = new Map<string, number>();
  /** per look object: the format id by number format, for locked [0] and unlocked [1] cells (a hundred thousand cells ask, a dozen looks answer) */
  private readonly byStyle = new WeakMap<CellStyle, [Map<string, number>, Map<string, number>]>();

  /** The s="…" index of a cell with this look. */
  idOf(style: CellStyle, numFmt: string, locked: boolean): number {
    let known = this.byStyle.get(style);
    if (!known) this.byStyle.set(style, (known = [new Map(), new Map()]));
    const byFormat = known[locked ? 0 : 1];
    let id = byFormat.get(numFmt);
    if (id === undefined) {
      // Two equal looks in different objects share one format: Distinct compares the XML.
      id = this.formats.idOf(this.xf(style, numFmt, locked));
      byFormat.set(numFmt, id);
    }
    return id;
  }

  private numFmtId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.customFormats.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM_FORMAT + this.customFormats.size;
      this.customFormats.set(code, id);
    }
    return id;
  }

  private xf(style: CellStyle, numFmt: string, locked: boolean): string {
    const font = this.fonts.idOf(
      `<font>${style.bold ? "<b/>" : ""}${style.italic ? "<i/>" : ""}<sz val="${style.size ?? BASE_FONT.size}"/>${style.color ? `<color rgb="FF${style.color}"/>` : ""}<name val="${BASE_FONT.name}"/></font>`,
    );
    const fill = style.fill ? this.fills.idOf(`<fill><patternFill patternType="solid"><fgColor rgb="FF${style.fill}"/></patternFill></fill>`) : 0;
    const border = style.border
      ? this.borders.idOf(
          `<border>${["left", "right", "top", "bottom"].map((side) => `<${side} style="thin"><color rgb="FF${BORDER_COLOR}"/></${side}>`).join("")}<diagonal/></border>`,
        )
      : 0;
    const alignment = [
      style.hAlign ? ` horizontal="${style.hAlign}"` : "",
      style.vAlign ? ` vertical="${VERTICAL[style.vAlign]}"` : "",
      style.wrap ? ' wrapText="1"' : "",
    ].join("");
    const applies = `applyNumberFormat="1" applyFont="1"${fill ? ' applyFill="1"' : ""}${border ? ' applyBorder="1"' : ""}${alignment ? ' applyAlignment="1"' : ""} applyProtection="1"`;
    // A cell format without a protection record is locked: only the unlocked ones say so.
    const children = `${alignment ? `<alignment${alignment}/>` : ""}${locked ? "" : '<protection locked="0"/>'}`;
    const open = `<xf numFmtId="${this.numFmtId(numFmt)}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0" ${applies}`;
    return children ? `${open}>${children}</xf>` : `${open}/>`;
  }

  toXml(): string {
    const list = (tag: string, items: string[]) => `<${tag} count="${items.length}">${items.join("")}</${tag}>`;
    const custom = [...this.customFormats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlEscape(code)}"/>`);
    return [
      `${XML_HEADER}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`,
      custom.length ? list("numFmts", custom) : "",
      list("fonts", this.fonts.items),
      list("fills", this.fills.items),
      list("borders", this.borders.items),
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
      list("cellXfs", this.formats.items),
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
      '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>',
      "</styleSheet>",
    ].join("");
  }
}
