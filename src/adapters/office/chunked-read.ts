import { columnLetter } from "../../core/layout/address";
import { CALL_OVERHEAD_BYTES, PAYLOAD_BUDGET_BYTES, utf8Bytes } from "./payload-budget";

/** The properties of a range the add-in reads cell by cell. */
export type CellProperty = "values" | "formulas" | "numberFormat" | "valueTypes";

/**
 * Response bytes assumed per cell, for each property, until a read of the
 * sheet has measured more. Office sends a loaded property as a JSON array of
 * rows, so a cell costs its JSON and a comma:
 * - values 40: a text of about 25 Vietnamese characters (a name, an address:
 *   1 byte for a plain letter, 2–3 for a letter with its marks in UTF-8, about
 *   1.3 on average) in quotes; a number is at most 20 (-1.2345678901234567e-300),
 *   an empty cell 3 ("",);
 * - formulas 40: a constant's formula is its value; a form's formula
 *   ("=SUM(D9:D12)") about 16;
 * - numberFormat 12: "General", (10) or "#,##0", (8);
 * - valueTypes 10: "Boolean", (10), "String", "Double", "Empty", (8–9).
 * A cell of an officer's list or of a form is under these; a cell with a long
 * text is not, which the bytes measured on each read of a sheet correct for
 * its later reads, and a refused batch is halved and read again.
 */
export const ASSUMED_CELL_BYTES: Readonly<Record<CellProperty, number>> = { values: 40, formulas: 40, numberFormat: 12, valueTypes: 10 };

/** Bytes of each row of a loaded array beyond its cells: "[", "]", ",". */
export const ROW_OVERHEAD_BYTES = 3;

/**
 * The response to one load beyond its arrays: the object's path and property
 * names (CALL_OVERHEAD_BYTES, as for a call of a request).
 */
export const LOAD_OVERHEAD_BYTES = CALL_OVERHEAD_BYTES;

/** A call to getRange and one to load: what reading a block adds to a request. */
export const BLOCK_REQUEST_BYTES = 2 * CALL_OVERHEAD_BYTES;

/** Rows of one sheet to read, with the columns and properties to read them with; 1-based and inclusive. */
export interface Block {
  sheet: number;
  properties: readonly CellProperty[];
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** A block as read: each of its properties, row by row. */
export interface BlockRead {
  block: Block;
  data: Partial<Record<CellProperty, unknown[][]>>;
}

/** The codes Excel on the web answers a request or a response over 5 MB with. */
export const PAYLOAD_TOO_LARGE = ["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"] as const;

export function isPayloadTooLarge(error: unknown): boolean {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return (PAYLOAD_TOO_LARGE as readonly unknown[]).includes(code);
}

export const blockAddress = (b: Pick<Block, "top" | "bottom" | "left" | "right">) => `${columnLetter(b.left)}${b.top}:${columnLetter(b.right)}${b.bottom}`;
const rowsOf = (b: Block) => b.bottom - b.top + 1;

/**
 * Reads blocks of cells in as many syncs as the payload budget needs, for
 * reads that change nothing and may therefore be sent again.
 *
 * Each sync takes blocks from the queue, in order, while their estimated
 * response (rows × the row's estimated bytes, plus LOAD_OVERHEAD_BYTES per
 * block) and request (BLOCK_REQUEST_BYTES per block) stay within the budget,
 * splitting the block that does not fit at the last row that does; a row
 * alone over the budget goes alone. A row's estimate is its cells times the
 * bytes per cell of each property: the largest of ASSUMED_CELL_BYTES and
 * what earlier reads of the same sheet measured (for formulas, its values'
 * too: a constant's formula is its value).
 *
 * A size refused all the same (Excel measured more than estimated: long
 * texts) sends the batch again in two halves (by blocks, or one block by
 * rows), and so on down to one row; a row refused alone fails with Excel's
 * error. A half that the bytes measured since show to be over the budget is
 * planned again from those bytes instead. Every block is a fresh range object, so a refused batch leaves
 * nothing behind that the retry would depend on.
 */
export class BlockReader {
  /** context.sync() calls made, refused ones included */
  syncs = 0;
  private queue: Block[] = [];
  /** halves of refused batches, the next one last */
  private forced: Block[][] = [];
  private readonly measured = new Map<number, Partial<Record<CellProperty, number>>>();

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly sheets: readonly Excel.Worksheet[],
    readonly budget: number = PAYLOAD_BUDGET_BYTES,
  ) {}

  add(block: Block): void {
    if (block.top <= block.bottom && block.left <= block.right) this.queue.push(block);
  }

  /** Forgets the blocks not yet read that `keep` refuses. */
  retain(keep: (block: Block) => boolean): void {
    this.queue = this.queue.filter(keep);
    this.forced = this.forced.map((batch) => batch.filter(keep)).filter((batch) => batch.length > 0);
  }

  /** Bytes per cell of one property of a sheet, as estimated now. */
  cellBytes(sheet: number, property: CellProperty): number {
    const m = this.measured.get(sheet) ?? {};
    return Math.max(ASSUMED_CELL_BYTES[property], m[property] ?? 0, property === "formulas" ? (m.values ?? 0) : 0);
  }

  /** Estimated response bytes of one row of `columns` cells of a sheet. */
  rowBytes(sheet: number, properties: readonly CellProperty[], columns: number): number {
    return properties.reduce((sum, p) => sum + columns * this.cellBytes(sheet, p) + ROW_OVERHEAD_BYTES, 0);
  }

  /** Learns from what a read of a sheet returned: the bytes per cell of each property. */
  observe(sheet: number, data: Partial<Record<CellProperty, unknown[][]>>): void {
    const m = this.measured.get(sheet) ?? {};
    for (const [p, grid] of Object.entries(data) as [CellProperty, unknown[][]][]) {
      const cells = grid.reduce((n, row) => n + row.length, 0);
      if (cells > 0) m[p] = Math.max(m[p] ?? 0, Math.ceil(utf8Bytes(JSON.stringify(grid)) / cells));
    }
    this.measured.set(sheet, m);
  }

  /** Reads every block, and those `onRead` adds meanwhile; `onRead` sees each block once read, in the order read. */
  async readAll(onRead: (read: BlockRead) => void): Promise<void> {
    while (this.forced.length > 0 || this.queue.length > 0) {
      const batch = this.next();
      const ranges = batch.map((b) => this.sheets[b.sheet].getRange(blockAddress(b)).load(b.properties.join(",")));
      try {
        this.syncs++;
        await this.context.sync();
      } catch (error) {
        const halves = isPayloadTooLarge(error) ? halve(batch) : undefined;
        if (!halves) throw error;
        this.forced.push(halves[1], halves[0]);
        continue;
      }
      batch.forEach((block, i) => {
        const data: BlockRead["data"] = {};
        for (const p of block.properties) data[p] = ranges[i][p] as unknown[][];
        this.observe(block.sheet, data);
        onRead({ block, data });
      });
    }
  }

  /**
   * The next half of a refused batch, as it is while reads since have not
   * shown it to be over the budget; else the next batch planned from the queue.
   */
  private next(): Block[] {
    const half = this.forced.pop();
    if (!half) return this.plan();
    const estimate = half.reduce((n, b) => n + LOAD_OVERHEAD_BYTES + rowsOf(b) * this.rowBytes(b.sheet, b.properties, b.right - b.left + 1), 0);
    if (estimate <= this.budget || (half.length === 1 && rowsOf(half[0]) === 1)) return half;
    // Long texts measured since the refusal: planned again at what they now are known to weigh.
    this.queue.unshift(...half);
    return this.plan();
  }

  /** The next batch from the queue, within the budget both ways. */
  private plan(): Block[] {
    const batch: Block[] = [];
    let response = 0;
    let request = 0;
    while (this.queue.length > 0) {
      const block = this.queue[0];
      const row = this.rowBytes(block.sheet, block.properties, block.right - block.left + 1);
      const room = Math.min(this.budget - response - LOAD_OVERHEAD_BYTES, this.budget - request - BLOCK_REQUEST_BYTES);
      const fit = batch.length === 0 ? Math.max(1, Math.floor(room / row)) : Math.floor(room / row);
      if (fit < 1) break;
      const rows = Math.min(fit, rowsOf(block));
      batch.push({ ...block, bottom: block.top + rows - 1 });
      response += LOAD_OVERHEAD_BYTES + rows * row;
      request += BLOCK_REQUEST_BYTES;
      if (rows < rowsOf(block)) {
        this.queue[0] = { ...block, top: block.top + rows };
        break;
      }
      this.queue.shift();
    }
    return batch;
  }
}

/** A refused batch in two: its blocks in two runs, or its one block in two bands of rows; undefined for a single row. */
export function halve(batch: readonly Block[]): [Block[], Block[]] | undefined {
  if (batch.length >= 2) {
    const size = (b: Block) => rowsOf(b) * (b.right - b.left + 1) * b.properties.length;
    const total = batch.reduce((n, b) => n + size(b), 0);
    let at = 1;
    for (let sum = size(batch[0]); at < batch.length - 1 && sum < total / 2; at++) sum += size(batch[at]);
    return [batch.slice(0, at), batch.slice(at)];
  }
  const [block] = batch;
  if (!block || rowsOf(block) < 2) return undefined;
  const middle = block.top + Math.floor(rowsOf(block) / 2) - 1;
  return [[{ ...block, bottom: middle }], [{ ...block, top: middle + 1 }]];
}
