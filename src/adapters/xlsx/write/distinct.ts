/** Distinct strings in the order first seen, each known by its position: how styles.xml and sharedStrings.xml are indexed. */
export class Distinct {
  private readonly index = new Map<string, number>();
  readonly items: string[] = [];

  constructor(initial: readonly string[] = []) {
    for (const item of initial) this.idOf(item);
  }

  idOf(item: string): number {
    let i = this.index.get(item);
    if (i === undefined) {
      i = this.items.length;
      this.index.set(item, i);
      this.items.push(item);
    }
    return i;
  }
}
