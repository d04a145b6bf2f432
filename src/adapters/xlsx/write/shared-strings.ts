import { Distinct } from "./distinct";
import { cellTextXml, needsPreserve, XML_HEADER } from "./xml-text";

/** The workbook's table of cell texts: each distinct text stored once, cells refer to it by index. */
export class SharedStrings {
  private readonly texts = new Distinct();
  private uses = 0;

  indexOf(text: string): number {
    this.uses++;
    return this.texts.idOf(text);
  }

  toXml(): string {
    const out = [
      `${XML_HEADER}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.uses}" uniqueCount="${this.texts.items.length}">`,
    ];
    for (const text of this.texts.items)
      out.push(needsPreserve(text) ? `<si><t xml:space="preserve">${cellTextXml(text)}</t></si>` : `<si><t>${cellTextXml(text)}</t></si>`);
    out.push("</sst>");
    return out.join("");
  }
}
