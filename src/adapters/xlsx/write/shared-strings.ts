import { Distinct } from "./distinct";
import { Utf8Chunks } from "./utf8-chunks";
import { cellTextXml, needsPreserve, XML_HEADER } from "./xml-text";

/** The workbook's table of cell texts: each distinct text stored once, cells refer to it by index. */
export class SharedStrings {
  private readonly texts = new Distinct();
  private uses = 0;

  indexOf(text: string): number {
    this.uses++;
    return this.texts.idOf(text);
  }

  /** sharedStrings.xml as UTF-8, written out as it is made (see Utf8Chunks): cell texts pass through cellTextXml, which leaves no lone surrogate. */
  toXml(): Uint8Array {
    const out = new Utf8Chunks(this.texts.items.length * 48 + (1 << 12));
    out.add(
      `${XML_HEADER}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.uses}" uniqueCount="${this.texts.items.length}">`,
    );
    for (const text of this.texts.items)
      out.add(needsPreserve(text) ? `<si><t xml:space="preserve">${cellTextXml(text)}</t></si>` : `<si><t>${cellTextXml(text)}</t></si>`);
    out.add("</sst>");
    return out.bytes();
  }
}
