/**
 * A part's XML made into UTF-8 as it is written, a few tens of thousands of
 * characters at a time. A ward's detail sheet is ~100,000 cells: kept as that
 * many strings until one join at the end, they all outlive several young
 * collections and are copied by each, which cost more than writing them did.
 * Text encoded piece by piece gives the same bytes as the whole text encoded
 * at once, as long as no piece ends inside a surrogate pair: every piece
 * written is whole XML (markup, numbers, or text passed through xmlEscape or
 * cellTextXml, which leave no lone surrogate), so none does.
 */
const PIECE = 1 << 15;
const encoder = new TextEncoder();

export class Utf8Chunks {
  private text = "";
  private buffer: Uint8Array;
  private size = 0;

  /** `expected`: about how many bytes will be written, so that a big part is not copied each time the buffer doubles. */
  constructor(expected = 1 << 16) {
    this.buffer = new Uint8Array(Math.max(1 << 12, expected));
  }

  add(text: string): void {
    this.text += text;
    if (this.text.length >= PIECE) this.flush();
  }

  /** All that was added, as UTF-8. */
  bytes(): Uint8Array {
    this.flush();
    return this.buffer.subarray(0, this.size);
  }

  private flush(): void {
    if (this.text === "") return;
    // Encoded straight into the buffer (no array per piece to copy again); a UTF-16 unit is at most 3 bytes of UTF-8.
    const room = this.text.length * 3;
    if (this.buffer.length - this.size < room) this.grow(room);
    this.size += encoder.encodeInto(this.text, this.buffer.subarray(this.size)).written;
    this.text = "";
  }

  /** Room for `bytes` more: the buffer doubled (or more), what is written kept. */
  private grow(bytes: number): void {
    const larger = new Uint8Array(Math.max(this.buffer.length * 2, this.size + bytes));
    larger.set(this.buffer.subarray(0, this.size));
    this.buffer = larger;
  }
}
