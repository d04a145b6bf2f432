import { cellTextXml, needsPreserve, XML_HEADER } from "./xml-text";

/** The workbook's table of cell texts: each distinct text stored once, cells refer to it by index. */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly texts: string[] = [];
  private uses = 0;

  indexOf(text: string): number {
    this.uses++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.texts.length;
      this.index.set(text, i);
      this.texts.push(text);
    }
    return i;
  }

  get size(): number {
    return this.texts.length;
  }

  toXml(): string {
    const out = [`${XML_HEADER}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.uses}" uniqueCount="${this.texts.length}">`];
    for (const text of this.texts) out.push(needsPreserve(text) ? `<si><t xml:space="preserve">${cellTextXml(text)}</t></si>` : `<si><t>${cellTextXml(text)}</t></si>`);
    out.push("</sst>");
    return out.join("");
  }
}
