/**
 * A recording fake of the part of the Excel JavaScript API the add-in uses.
 *
 * Like Office.js, every call is only queued; context.sync() applies the queue
 * in order to an in-memory workbook, stops at the first operation Excel would
 * refuse (later ones are dropped, earlier ones stay applied) and makes loaded
 * properties readable. Reading a property that was neither set nor loaded and
 * synced throws PropertyNotLoaded. Formula results are not computed unless an
 * evaluator is given (referenceEvaluator / evaluateReferences computes single
 * cell references). Renaming or deleting a sheet rewrites the references to
 * it, and each sync is held to the payload limit of Excel on the web.
 * docs/testing.md lists what is modelled, with the page each rule comes from.
 */
import type { ExcelRunner } from "../../src/adapters/office/run-excel";
import { columnLetter } from "../../src/core/layout/address";

// ---------------------------------------------------------------- the model

export type Visibility = "Visible" | "Hidden" | "VeryHidden";
export type BorderEdge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal" | "DiagonalDown" | "DiagonalUp";
export type CellEdge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "DiagonalDown" | "DiagonalUp";

export interface FakeBorder {
  style: string;
  weight: string;
  color: string;
}

export interface FakeFont {
  name: string;
  size: number;
  bold: boolean;
  italic: boolean;
  color: string;
}

export interface FakeValidation {
  rule: Excel.DataValidationRule | null;
  prompt: Excel.DataValidationPrompt | null;
  errorAlert: Excel.DataValidationErrorAlert | null;
  ignoreBlanks: boolean;
}

/** One cell as Excel would hold it after the applied operations. */
export interface FakeCell {
  /** null when empty; text entered under "@" stays a string */
  value: string | number | boolean | null;
  /** "=…" when the cell holds a formula */
  formula: string | null;
  numberFormat: string;
  locked: boolean;
  formulaHidden: boolean;
  font: FakeFont;
  /** "#RRGGBB", null when there is no fill */
  fill: string | null;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  borders: Partial<Record<CellEdge, FakeBorder>>;
  validation: FakeValidation | null;
}

export interface FakePageLayout {
  paperSize?: string;
  orientation?: string;
  zoom?: Excel.PageLayoutZoomOptions;
  printTitleRows?: string;
  printArea?: string;
  leftMargin?: number;
  rightMargin?: number;
  topMargin?: number;
  bottomMargin?: number;
  headerMargin?: number;
  footerMargin?: number;
  blackAndWhite?: boolean;
  /** PageLayout.headersFooters.defaultForAllPages.centerFooter, as set (codes such as &P kept as text) */
  centerFooter?: string;
}

export interface FakeSheet {
  id: string;
  name: string;
  visibility: Visibility;
  /** only cells something was written to */
  cells: Map<string, FakeCell>;
  /** points, by column number */
  columnWidths: Map<number, number>;
  /** points, by row number */
  rowHeights: Map<number, number>;
  /** "A1:E1", in the order merged */
  merges: string[];
  /** row numbers hidden (Range.rowHidden, ExcelApi 1.2) */
  hiddenRows: Set<number>;
  /** column numbers hidden (Range.columnHidden, ExcelApi 1.2) */
  hiddenColumns: Set<number>;
  /** the address each conditional format applies to, one entry per format (only their number and place are modelled) */
  conditionalFormats: string[];
  frozenRows: number;
  frozenColumns: number;
  protection: { protected: boolean; options: Excel.WorksheetProtectionOptions | null; password: string | null };
  pageLayout: FakePageLayout;
}

export interface FakeWorkbook {
  /** in tab order */
  sheets: FakeSheet[];
  /**
   * Review > Protect Workbook (structure): while on, sheets cannot be added,
   * renamed, deleted, hidden or shown (workbook.protection, ExcelApi 1.7).
   */
  protection: { protected: boolean; password: string | null };
  activeSheetId: string | null;
  /** the range last selected with range.select(), if any */
  selection?: { sheetId: string; address: string };
}

/** A cell nothing was written to, as Excel shows it in a new workbook. */
export function defaultCell(): FakeCell {
  return {
    value: null,
    formula: null,
    numberFormat: "General",
    locked: true,
    formulaHidden: false,
    font: { name: "Calibri", size: 11, bold: false, italic: false, color: "#000000" },
    fill: null,
    horizontalAlignment: "General",
    verticalAlignment: "Bottom",
    wrapText: false,
    borders: {},
    validation: null,
  };
}

// ---------------------------------------------------------------- errors

/** Shaped like OfficeExtension.Error: code, message, debugInfo. */
export class FakeOfficeError extends Error {
  override readonly name = "RichApi.Error";
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.debugInfo = { code, message, errorLocation };
  }
}

const fail = (code: string, message: string, where?: string): never => {
  throw new FakeOfficeError(code, message, where);
};

/** A misuse of the fake itself (an API it does not model), thrown at once rather than at sync. */
class FakeUnsupported extends Error {}

// ---------------------------------------------------------------- addresses

const MAX_ROW = 1048576;
/**
 * Characters one cell holds at most ("Total number of characters that a cell
 * can contain: 32,767", support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3; also its sheet size 1,048,576 × 16,384).
 */
export const MAX_CELL_TEXT = 32767;
const MAX_COL = 16384;

interface Rect {
  kind: "cells" | "columns" | "rows";
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "D8", "A1:E5", "A:C", "7:7" (with or without $) into a rectangle; undefined if not an address. */
export function parseRange(address: string): Rect | undefined {
  const a = address.replace(/\$/g, "").toUpperCase();
  let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(a);
  if (m) {
    const [r1, c1] = [Number(m[2]), colNumber(m[1])];
    const [r2, c2] = m[3] ? [Number(m[4]), colNumber(m[3])] : [r1, c1];
    const rect: Rect = { kind: "cells", r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
    return rect.r1 >= 1 && rect.r2 <= MAX_ROW && rect.c1 >= 1 && rect.c2 <= MAX_COL ? rect : undefined;
  }
  m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(a);
  if (m) {
    const [c1, c2] = [colNumber(m[1]), colNumber(m[2])];
    return { kind: "columns", r1: 1, r2: MAX_ROW, c1: Math.min(c1, c2), c2: Math.max(c1, c2) };
  }
  m = /^(\d+):(\d+)$/.exec(a);
  if (m) {
    const [r1, r2] = [Number(m[1]), Number(m[2])];
    if (Math.min(r1, r2) < 1 || Math.max(r1, r2) > MAX_ROW) return undefined;
    return { kind: "rows", c1: 1, c2: MAX_COL, r1: Math.min(r1, r2), r2: Math.max(r1, r2) };
  }
  return undefined;
}

function rectAddress(rect: Rect): string {
  if (rect.kind === "columns") return `${columnLetter(rect.c1)}:${columnLetter(rect.c2)}`;
  if (rect.kind === "rows") return `${rect.r1}:${rect.r2}`;
  const a = `${columnLetter(rect.c1)}${rect.r1}`;
  const b = `${columnLetter(rect.c2)}${rect.r2}`;
  return a === b ? a : `${a}:${b}`;
}

/** The whole sheet, as Worksheet.getRange() with no address gives it (A:XFD). */
const WHOLE_SHEET: Rect = { kind: "columns", r1: 1, r2: MAX_ROW, c1: 1, c2: MAX_COL };

const overlaps = (a: Rect, b: Rect) => a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

// ---------------------------------------------------------------- the fake

export interface FakeExcelOptions {
  /** the ExcelApi requirement set the host supports; newer APIs fail with ApiNotFound at sync */
  apiVersion?: string;
  /** sheets of the workbook at start; default one empty "Sheet1" */
  sheets?: SheetSeed[];
  /** computes the value of a formula cell when values are read; default "" */
  evaluate?: Evaluate;
  /**
   * Evaluate formulas that are a single cell reference (=D8, =BM1!D8,
   * ='Kết quả'!$D$8, =#REF!D8) to the referenced cell's value, as
   * referenceEvaluator does; other formulas go to `evaluate` (or read "").
   */
  evaluateReferences?: boolean;
  /** the workbook's structure protected at start (Review > Protect Workbook), with an optional password */
  protectStructure?: boolean | { password?: string };
  /**
   * Bytes one request or one response may hold; a sync over it fails with
   * RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded.
   * Default 5,000,000: Excel on the web ("Requests and responses are limited
   * to 5MB"); a test of desktop Excel may pass Infinity. See FakeExcel.batches.
   */
  payloadLimitBytes?: number;
}

/**
 * The payload limit of Excel on the web, 5 MB for a request and for a response
 * ("Excel on the web has a payload size limit for requests and responses of
 * 5MB"; learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 */
export const EXCEL_WEB_PAYLOAD_LIMIT_BYTES = 5_000_000;
/** What the fake counts for one queued call beyond the UTF-8 bytes of its label (the label carries its arguments' JSON). */
export const FAKE_CALL_OVERHEAD_BYTES = 100;
/** What the fake counts for one load in a response beyond the JSON of the loaded values. */
export const FAKE_LOAD_OVERHEAD_BYTES = 50;

/** The bytes the fake counts for one context.sync(): see FakeExcel.batches. */
export interface FakeBatch {
  /** Σ over the queued calls of (UTF-8 bytes of the call's label + FAKE_CALL_OVERHEAD_BYTES) */
  requestBytes: number;
  /** Σ over the applied loads of (UTF-8 bytes of the JSON of the loaded values + FAKE_LOAD_OVERHEAD_BYTES) */
  responseBytes: number;
}

/** UTF-8 bytes of a string, without encoding it. */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
      // a surrogate pair: two UTF-16 units, four bytes
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/** Computes the value of the formula in one cell (sheet, its address as "D8", the formula "=…"). */
export type Evaluate = (sheet: FakeSheet, address: string, formula: string) => string | number | boolean;

/** A sheet of the starting workbook. */
export interface SheetSeed {
  name: string;
  visibility?: Visibility;
  /** address → constant, or "=…" for a formula; entered as if typed under "General" */
  cells?: Record<string, string | number | boolean>;
  protect?: boolean;
  /** protected with this password (as an officer would in Review > Protect Sheet); implies protect */
  password?: string;
  /** the protection options; default none allowed ({}) */
  protectOptions?: Excel.WorksheetProtectionOptions;
  /** conditional formats at start, by the address each applies to */
  conditionalFormats?: string[];
}

/** A failure the k-th sync will report, after applying its first afterOps operations. */
export interface InjectedFailure {
  code?: string;
  message?: string;
  afterOps?: number;
}

/** What a load answers: its bytes in the response, and making the loaded values readable (only when the sync succeeds). */
interface Loaded {
  bytes: number;
  commit: () => void;
}

interface Op {
  label: string;
  minApi?: string;
  apply: () => void | Loaded;
}

const versionAtLeast = (have: string, need: string) => {
  const [a, b] = have.split(".").map(Number);
  const [c, d] = need.split(".").map(Number);
  return a !== c ? a > c : b >= d;
};

/** A recording fake of Excel: hand `fake.run` to code that takes an ExcelRunner. */
export class FakeExcel {
  readonly workbook: FakeWorkbook = { sheets: [], activeSheetId: null, protection: { protected: false, password: null } };
  /** context.sync() calls so far, across runs */
  syncCount = 0;
  /** every queued call, applied or not, in order */
  readonly calls: string[] = [];
  /** calls applied to the workbook, in order */
  readonly applied: string[] = [];
  readonly apiVersion: string;
  /** bytes one request or response may hold (option payloadLimitBytes) */
  readonly payloadLimitBytes: number;
  /** one entry per context.sync(), in order, also for syncs that failed */
  readonly batches: { requestBytes: number; responseBytes: number }[] = [];
  private readonly failures = new Map<number, InjectedFailure>();
  private nextId = 1;

  constructor(readonly options: FakeExcelOptions = {}) {
    this.apiVersion = options.apiVersion ?? "1.9";
    this.payloadLimitBytes = options.payloadLimitBytes ?? EXCEL_WEB_PAYLOAD_LIMIT_BYTES;
    for (const seed of options.sheets ?? [{ name: "Sheet1" }]) {
      const sheet = this.addSheet(seed.name);
      for (const [address, input] of Object.entries(seed.cells ?? {})) enter(this.touch(sheet, address), input);
      sheet.conditionalFormats = [...(seed.conditionalFormats ?? [])];
      if (seed.protect || seed.password !== undefined)
        sheet.protection = { protected: true, options: { ...(seed.protectOptions ?? {}) }, password: seed.password ?? null };
      sheet.visibility = seed.visibility ?? "Visible";
    }
    const structure = options.protectStructure;
    if (structure) this.workbook.protection = { protected: true, password: (typeof structure === "object" ? structure.password : undefined) ?? null };
    this.workbook.activeSheetId = this.workbook.sheets.find((s) => s.visibility === "Visible")?.id ?? null;
  }

  /** Excel.run: a fresh context per batch; what is still queued when the batch ends is synced. */
  readonly run: ExcelRunner = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = new FakeContext(this);
    try {
      const result = await batch(context as unknown as Excel.RequestContext);
      if (context.pending > 0) await context.sync();
      return result;
    } finally {
      context.closed = true;
    }
  };

  /** Makes the k-th context.sync() (counting from 1 over the fake's life) fail. */
  failAtSync(k: number, failure: InjectedFailure = {}): this {
    this.failures.set(k, failure);
    return this;
  }

  /** @internal How formula cells read: the reference evaluator when asked for, else the given one, else none (""). */
  evaluator(): Evaluate | undefined {
    if (!this.options.evaluateReferences) return this.options.evaluate;
    return (this.referenceEvaluate ??= referenceEvaluator(this, this.options.evaluate));
  }
  private referenceEvaluate?: Evaluate;

  sheetNames(): string[] {
    return this.workbook.sheets.map((s) => s.name);
  }

  /** The sheet of that name (as Excel compares names: ignoring case); throws if there is none. */
  sheet(name: string): FakeSheet {
    const sheet = this.findSheet(name);
    if (!sheet) throw new Error(`no sheet ${name} (have ${this.sheetNames().join(", ")})`);
    return sheet;
  }

  /** The cell as Excel shows it: the written one or a default. */
  cell(sheetName: string, address: string): FakeCell {
    return this.sheet(sheetName).cells.get(address.replace(/\$/g, "").toUpperCase()) ?? defaultCell();
  }

  activeSheet(): FakeSheet | undefined {
    return this.workbook.sheets.find((s) => s.id === this.workbook.activeSheetId);
  }

  /** A deep copy of the workbook, to compare before and after. */
  snapshot(): FakeWorkbook {
    return structuredClone(this.workbook);
  }

  // -------- applying a batch (FakeContext calls these)

  /**
   * @internal
   * Excel on the web refuses a request over its payload limit before doing
   * any of it (RequestPayloadSizeLimitExceeded), and a response over the limit
   * after doing the request (ResponsePayloadSizeLimitExceeded: the writes stay,
   * nothing loaded comes back). Limit: "Requests and responses are limited to
   * 5MB" (learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins);
   * the codes: learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling.
   * How many bytes Office serialises per call is not documented; the fake
   * counts each call's label (which carries its arguments' JSON) plus
   * FAKE_CALL_OVERHEAD_BYTES, and each load's JSON plus FAKE_LOAD_OVERHEAD_BYTES.
   */
  async applyBatch(ops: Op[]): Promise<void> {
    const n = ++this.syncCount;
    await Promise.resolve();
    const batch = { requestBytes: 0, responseBytes: 0 };
    this.batches.push(batch);
    for (const op of ops) batch.requestBytes += utf8Length(op.label) + FAKE_CALL_OVERHEAD_BYTES;
    if (batch.requestBytes > this.payloadLimitBytes) {
      fail("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit (${batch.requestBytes} bytes > ${this.payloadLimitBytes}).`);
    }
    const failure = this.failures.get(n);
    const limit = failure ? Math.min(failure.afterOps ?? 0, ops.length) : ops.length;
    const loads: Loaded[] = [];
    // Other failures keep what the fake always did: loads applied before the failure stay readable.
    const commit = () => loads.forEach((l) => l.commit());
    try {
      for (const op of ops.slice(0, limit)) {
        if (op.minApi && !versionAtLeast(this.apiVersion, op.minApi)) {
          fail("ApiNotFound", `The API you are trying to use could not be found (needs ExcelApi ${op.minApi}).`, op.label);
        }
        let loaded: void | Loaded;
        try {
          loaded = op.apply();
        } catch (error) {
          if (error instanceof FakeOfficeError && !error.debugInfo.errorLocation) error.debugInfo.errorLocation = op.label;
          throw error;
        }
        if (loaded) {
          loads.push(loaded);
          batch.responseBytes += loaded.bytes + FAKE_LOAD_OVERHEAD_BYTES;
        }
        this.applied.push(op.label);
      }
      if (failure) fail(failure.code ?? "GeneralException", failure.message ?? `injected failure at sync ${n}`);
    } catch (error) {
      commit();
      throw error;
    }
    if (batch.responseBytes > this.payloadLimitBytes) {
      fail("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${batch.responseBytes} bytes > ${this.payloadLimitBytes}).`);
    }
    commit();
  }

  /** @internal */
  record(label: string): void {
    this.calls.push(label);
  }

  // -------- workbook rules (what Excel refuses)

  /** @internal */
  findSheet(key: string): FakeSheet | undefined {
    return this.workbook.sheets.find((s) => s.id === key || s.name.toLowerCase() === key.toLowerCase());
  }

  /** @internal */
  exists(sheet: FakeSheet): boolean {
    return this.workbook.sheets.includes(sheet);
  }

  /**
   * Excel refuses every change of structure while the workbook's structure is
   * protected. Which code it answers with is not documented; AccessDenied is
   * its code for "You cannot perform the requested operation"
   * (learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling,
   * "Error codes and messages"), the one Excel documents for a protected
   * sheet ("If worksheet protection is enabled and not paused, this method
   * throws an AccessDenied error", learn.microsoft.com/javascript/api/excel/excel.alloweditrange).
   */
  private guardStructure(what: string): void {
    if (this.workbook.protection.protected)
      fail("AccessDenied", `You cannot perform the requested operation: the workbook's structure is protected (${what}).`);
  }

  private checkName(name: string, self?: FakeSheet): void {
    if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name) || name.toLowerCase() === "history") {
      fail("InvalidArgument", `The argument is invalid or missing or has an incorrect format: sheet name "${name}".`);
    }
    const other = this.findSheet(name);
    if (other && other !== self) fail("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
  }

  /** @internal */
  addSheet(name?: string): FakeSheet {
    let chosen = name;
    if (chosen === undefined) for (let i = 1; !chosen || this.findSheet(chosen); i++) chosen = `Sheet${i}`;
    this.guardStructure("add a sheet");
    this.checkName(chosen);
    const sheet: FakeSheet = {
      id: `{sheet-${this.nextId++}}`,
      name: chosen,
      visibility: "Visible",
      cells: new Map(),
      columnWidths: new Map(),
      rowHeights: new Map(),
      merges: [],
      hiddenRows: new Set(),
      hiddenColumns: new Set(),
      conditionalFormats: [],
      frozenRows: 0,
      frozenColumns: 0,
      protection: { protected: false, options: null, password: null },
      pageLayout: {},
    };
    this.workbook.sheets.push(sheet);
    return sheet;
  }

  /**
   * @internal
   * Worksheet.position (ExcelApi 1.1): "The zero-based position of the
   * worksheet within the workbook" (learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-position-member).
   * Moving a sheet is a change of structure; a position past the last sheet
   * is InvalidArgument. References do not change: they name the sheet.
   */
  moveSheet(sheet: FakeSheet, position: number): void {
    const sheets = this.workbook.sheets;
    if (!Number.isInteger(position) || position < 0 || position >= sheets.length) fail("InvalidArgument", `Bad sheet position ${position}.`);
    if (sheets.indexOf(sheet) === position) return;
    this.guardStructure("move a sheet");
    sheets.splice(sheets.indexOf(sheet), 1);
    sheets.splice(position, 0, sheet);
  }

  /** @internal */
  renameSheet(sheet: FakeSheet, name: string): void {
    this.guardStructure("rename a sheet");
    this.checkName(name, sheet);
    // Excel: formulas in every sheet that refer to the renamed sheet follow its new name.
    this.rewriteReferences(sheet.name, sheetRefName(name));
    sheet.name = name;
  }

  private visibleOthers(sheet: FakeSheet): FakeSheet[] {
    return this.workbook.sheets.filter((s) => s !== sheet && s.visibility === "Visible");
  }

  /** @internal */
  setVisibility(sheet: FakeSheet, visibility: Visibility): void {
    if (!["Visible", "Hidden", "VeryHidden"].includes(visibility)) fail("InvalidArgument", `Bad visibility ${visibility}.`);
    if (visibility !== sheet.visibility) this.guardStructure("hide or show a sheet");
    const others = this.visibleOthers(sheet);
    if (visibility !== "Visible" && others.length === 0) fail("InvalidOperation", "A workbook must keep at least one visible sheet.");
    sheet.visibility = visibility;
    if (visibility !== "Visible" && this.workbook.activeSheetId === sheet.id) this.workbook.activeSheetId = others[0].id;
  }

  /** @internal */
  deleteSheet(sheet: FakeSheet): void {
    this.guardStructure("delete a sheet");
    if (sheet.visibility === "VeryHidden") fail("InvalidOperation", "A very hidden sheet cannot be deleted; change its visibility first.");
    const others = this.visibleOthers(sheet);
    if (others.length === 0) fail("InvalidOperation", "A workbook must keep at least one visible sheet.");
    this.workbook.sheets.splice(this.workbook.sheets.indexOf(sheet), 1);
    // Excel: references to a deleted sheet in the other sheets' formulas become #REF! (=BM1!D8 → =#REF!D8).
    this.rewriteReferences(sheet.name, "#REF");
    if (this.workbook.activeSheetId === sheet.id) this.workbook.activeSheetId = others[0].id;
  }

  /**
   * Rewrites the sheet part of every reference to the sheet `from` (matched
   * ignoring case, quoted or not) in the formulas of every sheet, and in data
   * validation formulas (list sources, custom formulas, formula1/formula2
   * starting with "="): to the new name when a sheet is renamed (as Excel
   * does; renaming: support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9,
   * no page spells out the rewrite), to #REF when it is deleted
   * (support.microsoft.com/office/how-to-correct-a-ref-error-822c8e46-3cb6-4b3a-a7b1-e1d4c3a4c5f5:
   * "The #REF! error shows when a formula refers to a cell that's not valid.
   * This happens most often when cells that were referenced by formulas get
   * deleted"; Excel shows =#REF!D8). Text inside "…" string literals is left alone.
   */
  private rewriteReferences(from: string, to: string): void {
    const rewrite = (formula: string) => (formula.includes("!") ? replaceSheetRefs(formula, from, to) : formula);
    for (const sheet of this.workbook.sheets) {
      for (const cell of sheet.cells.values()) {
        if (cell.formula !== null) cell.formula = rewrite(cell.formula);
        const rule = cell.validation?.rule;
        if (!rule) continue;
        if (rule.list && typeof rule.list.source === "string" && rule.list.source.startsWith("=")) rule.list.source = rewrite(rule.list.source);
        if (rule.custom && typeof rule.custom.formula === "string") rule.custom.formula = rewrite(rule.custom.formula);
        for (const kind of ["wholeNumber", "decimal", "textLength", "date", "time"] as const) {
          const basic = rule[kind] as { formula1?: unknown; formula2?: unknown } | undefined;
          if (!basic) continue;
          if (typeof basic.formula1 === "string" && basic.formula1.startsWith("=")) basic.formula1 = rewrite(basic.formula1);
          if (typeof basic.formula2 === "string" && basic.formula2.startsWith("=")) basic.formula2 = rewrite(basic.formula2);
        }
      }
    }
  }

  /** @internal */
  activate(sheet: FakeSheet): void {
    // Excel cannot show a hidden sheet; which code it answers with is not documented: InvalidOperation,
    // "The operation attempted is invalid on the object" (error handling page).
    if (sheet.visibility !== "Visible") fail("InvalidOperation", "A hidden sheet cannot be activated.");
    this.workbook.activeSheetId = sheet.id;
  }

  /** @internal */
  touch(sheet: FakeSheet, address: string): FakeCell {
    let cell = sheet.cells.get(address);
    if (!cell) sheet.cells.set(address, (cell = defaultCell()));
    return cell;
  }
}

// ---------------------------------------------------------------- references in formulas

/** A character of an unquoted sheet name (ASCII word characters, "." and letters beyond ASCII). */
const NAME_CHAR = /[A-Za-z0-9_.\u00C0-\uFFFF]/;

/** A name Excel would read as a cell reference (A1 or R1C1 style), so has to quote as a sheet name. */
function looksLikeReference(name: string): boolean {
  const a1 = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (a1 && colNumber(a1[1].toUpperCase()) <= MAX_COL && Number(a1[2]) >= 1 && Number(a1[2]) <= MAX_ROW) return true;
  // R1C1 references (R, C, RC, R2C3…) and the logical values read as such too.
  return /^(R\d*C?\d*|C\d*|TRUE|FALSE)$/i.test(name);
}

/**
 * A sheet's name as a formula writes it: bare when it is plain ASCII letters,
 * digits, "_" and "." not starting with a digit and not readable as a cell
 * reference (A1, R1C1) or a logical value; otherwise quoted, with inner quotes doubled:
 * 'Kết quả', 'Phụ lục 3', '2026', 'It''s', 'A1'.
 */
export function sheetRefName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !looksLikeReference(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * Replaces the sheet part of the references to sheet `from` (ignoring case;
 * 'quoted' or bare, before "!") in a formula by `to` ("#REF" for a deleted
 * sheet); string literals "…" are copied unchanged.
 */
export function replaceSheetRefs(formula: string, from: string, to: string): string {
  const target = from.toLowerCase();
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === '"' && formula[j + 1] !== '"')) j += formula[j] === '"' ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === "'" && formula[j + 1] !== "'")) j += formula[j] === "'" ? 2 : 1;
      const name = formula.slice(i + 1, j).replace(/''/g, "'");
      if (formula[j + 1] === "!" && name.toLowerCase() === target) out += to;
      else out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (NAME_CHAR.test(ch) && !(i > 0 && (NAME_CHAR.test(formula[i - 1]) || formula[i - 1] === "#" || formula[i - 1] === "]"))) {
      let j = i;
      while (j < formula.length && NAME_CHAR.test(formula[j])) j++;
      const name = formula.slice(i, j);
      out += formula[j] === "!" && name.toLowerCase() === target ? to : name;
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** =D8, =BM1!$D$8, ='Kết quả tổng hợp'!D8: the sheet (quoted, bare or none) and the cell. */
const SINGLE_REFERENCE = /^=\s*(?:(?:'((?:[^']|'')+)'|([A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*))!)?(\$?[A-Za-z]{1,3}\$?\d+)\s*$/;
/** How deep references to references are followed; deeper (a circular reference) reads 0, as Excel shows one. */
const MAX_REFERENCE_DEPTH = 64;

/**
 * An evaluator for formulas that are one cell reference, optionally on
 * another sheet: the referenced cell's value (its own formula evaluated, up
 * to MAX_REFERENCE_DEPTH), 0 for an empty cell (as Excel shows =A1 of an
 * empty A1), "#REF!" for a reference to a deleted or missing sheet (=#REF!D8;
 * an error value: valueTypes reads "Error"). Other formulas go to `fallback`,
 * or read "". Use it as FakeExcelOptions.evaluateReferences = true, or:
 *
 *   const fake: FakeExcel = new FakeExcel({ evaluate: (...args) => evaluate(...args) });
 *   const evaluate = referenceEvaluator(fake);
 */
export function referenceEvaluator(fake: FakeExcel, fallback?: Evaluate): Evaluate {
  const evaluate = (sheet: FakeSheet, address: string, formula: string, depth: number): string | number | boolean => {
    if (/^=\s*#REF!/i.test(formula)) return "#REF!";
    const m = SINGLE_REFERENCE.exec(formula);
    if (!m) return fallback ? fallback(sheet, address, formula) : "";
    const name = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
    const target = name === undefined ? sheet : fake.workbook.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    const cellAddress = m[3].replace(/\$/g, "").toUpperCase();
    if (!target || !parseRange(cellAddress)) return "#REF!";
    const cell = target.cells.get(cellAddress);
    if (!cell) return 0;
    if (cell.formula !== null) return depth >= MAX_REFERENCE_DEPTH ? 0 : evaluate(target, cellAddress, cell.formula, depth + 1);
    return cell.value ?? 0;
  };
  return (sheet, address, formula) => evaluate(sheet, address, formula, 0);
}

// ---------------------------------------------------------------- values as Excel reads them

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Excel's short date format in en-US, the one it gives a cell a date was entered into. */
export const SHORT_DATE_FORMAT = "m/d/yyyy";

/** The serial number of a date in Excel's 1900 date system (day 1 = 1900-01-01; valid from 1900-03-01 on); undefined if no such day. */
export function dateSerial(year: number, month: number, day: number): number | undefined {
  const t = Date.UTC(year, month - 1, day);
  const d = new Date(t);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86400000);
}

/**
 * Enters one input as Excel does when it is written through range.values (or
 * typed) into a cell:
 *
 * - under the text format "@" everything is text, shown exactly as entered
 *   (Excel.NumberFormatCategory "Text": "Text format cells are treated as text
 *   even when a number is in the cell. The cell is displayed exactly as
 *   entered." learn.microsoft.com/javascript/api/excel/excel.numberformatcategory);
 * - otherwise a text starting with "=", "+" or "-" is a formula ("If the
 *   returned value starts with a plus ("+"), minus ("-"), or equal sign ("="),
 *   Excel interprets this value as a formula", Range.values,
 *   learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member);
 *   "+…" and "-…" are kept as "=+…" and "=-…", as Excel shows them in the
 *   formula bar, except plain signed numerals, which are the numbers they read;
 * - numerals are numbers;
 * - TRUE and FALSE (any case) are the logical values ("You can also enter the
 *   value TRUE directly into cells", support.microsoft.com/office/true-function-7652c6e3-8987-48d0-97cd-ef223246b3fb);
 * - an ISO date (YYYY-MM-DD) is a date: its serial number, and the cell takes
 *   the short date format if it had General (Range.values: "To ensure dates
 *   are stored as dates, use ... a locale-neutral format like ISO
 *   (YYYY-MM-DD)"; "If you set the value or formula of a cell to a date,
 *   Microsoft Excel checks to see whether that cell is already formatted with
 *   one of the date or time number formats. If not, Microsoft Excel changes the
 *   number format to the default short date number format",
 *   learn.microsoft.com/previous-versions/office/developer/office-2007/bb213521(v=office.12));
 *   locale-shaped dates ("19-8-2025") stay text, as Range.values says.
 *
 * Not modelled (no Microsoft page found to pin them down): "50%" as 0.5, a
 * leading "@", thousands separators ("1,234"), en-US "4/6/2026" dates, times
 * and currency symbols. Such text stays text here; see docs/testing.md.
 */
function enter(cell: FakeCell, input: unknown): void {
  if (input === null || input === undefined) return; // Office.js leaves the cell unchanged
  if (typeof input === "number" || typeof input === "boolean") {
    cell.value = input;
    cell.formula = null;
    return;
  }
  if (typeof input !== "string") fail("InvalidArgument", `Cannot enter ${typeof input} into a cell.`);
  const text = input as string;
  // Excel's limit on what one cell holds; a longer text is refused, not cut.
  if (text.length > MAX_CELL_TEXT) fail("InvalidArgument", `A cell holds at most ${MAX_CELL_TEXT} characters (got ${text.length}).`);
  cell.formula = null;
  const trimmed = text.trim();
  const iso = ISO_DATE.exec(trimmed);
  const serial = iso ? dateSerial(Number(iso[1]), Number(iso[2]), Number(iso[3])) : undefined;
  if (text === "") cell.value = null;
  else if (cell.numberFormat === "@") cell.value = text;
  else if (NUMBER.test(trimmed)) cell.value = Number(text);
  else if (/^[=+-]/.test(text) && text.length > 1) {
    cell.formula = text.startsWith("=") ? text : `=${text}`;
    cell.value = null;
  } else if (/^(true|false)$/i.test(trimmed)) cell.value = trimmed.toLowerCase() === "true";
  else if (serial !== undefined) {
    cell.value = serial;
    if (cell.numberFormat === "General") cell.numberFormat = SHORT_DATE_FORMAT;
  } else cell.value = text;
}

// ---------------------------------------------------------------- the request context

class FakeContext {
  readonly workbook: WorkbookProxy;
  closed = false;
  private ops: Op[] = [];

  constructor(readonly excel: FakeExcel) {
    this.workbook = new WorkbookProxy(this);
  }

  get pending(): number {
    return this.ops.length;
  }

  /** @internal */
  enqueue(label: string, apply: () => void | Loaded, minApi?: string): void {
    if (this.closed) fail("InvalidRequestContext", "Cannot use the object across different request contexts.", label);
    this.excel.record(label);
    this.ops.push({ label, apply, minApi });
  }

  async sync(): Promise<void> {
    const ops = this.ops;
    this.ops = [];
    await this.excel.applyBatch(ops);
  }
}

const show = (v: unknown) => (typeof v === "string" ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v)));

function propertyNames(props: string | string[] | { select?: string } | undefined, all: readonly string[]): string[] {
  const list = props === undefined ? [...all] : typeof props === "string" ? props.split(",") : Array.isArray(props) ? props : (props.select ?? "").split(",");
  return list.map((p) => p.trim()).filter(Boolean);
}

/** Queue-and-load behaviour shared by every fake API object. */
abstract class ClientObject {
  protected readonly known = new Map<string, unknown>();
  protected abstract readonly loadable: readonly string[];

  constructor(
    protected readonly ctx: FakeContext,
    readonly path: string,
  ) {}

  get context(): FakeContext {
    return this.ctx;
  }

  protected read<T>(prop: string): T {
    if (!this.known.has(prop)) {
      fail(
        "PropertyNotLoaded",
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
        `${this.path}.${prop}`,
      );
    }
    return this.known.get(prop) as T;
  }

  protected assign(prop: string, value: unknown, apply: () => void, minApi?: string): void {
    this.known.set(prop, value);
    this.ctx.enqueue(`${this.path}.${prop}=${show(value)}`, apply, minApi);
  }

  protected invoke(method: string, args: unknown[], apply: () => void, minApi?: string): void {
    this.ctx.enqueue(`${this.path}.${method}(${args.map(show).join(", ")})`, apply, minApi);
  }

  /** Reads a property from the model at sync time. */
  protected abstract current(prop: string): unknown;

  protected minApi(): string | undefined {
    return undefined;
  }

  /** The requirement set one property needs, when newer than the object's own. */
  protected propertyMinApi(_prop: string): string | undefined {
    return undefined;
  }

  load(props?: string | string[] | { select?: string }): this {
    const names = propertyNames(props, this.loadable);
    const needs = [this.minApi(), ...names.map((n) => this.propertyMinApi(n))].filter((v): v is string => v !== undefined);
    const minApi = needs.reduce<string | undefined>((a, b) => (a === undefined || versionAtLeast(b, a) ? b : a), undefined);
    this.ctx.enqueue(
      `${this.path}.load(${names.join(",")})`,
      () => {
        for (const name of names) {
          // Neither Excel.ErrorCodes nor OfficeExtension.ErrorCodes has a "PropertyNotFound"; a name the
          // object does not have is an argument "invalid or missing or has an incorrect format"
          // (learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
          if (!this.loadable.includes(name)) fail("InvalidArgument", `Property ${name} not found on ${this.path}.`);
        }
        // A null object (getItemOrNullObject, getIntersectionOrNullObject) loads nothing but isNullObject.
        if (this.known.get("isNullObject") === true) return;
        const values = names.map((name) => copy(this.current(name)));
        return {
          bytes: values.reduce<number>((sum, v) => sum + jsonBytes(v), 0),
          commit: () => names.forEach((name, i) => this.known.set(name, values[i])),
        };
      },
      minApi,
    );
    return this;
  }
}

/** UTF-8 bytes of a loaded value's JSON, as the response would carry it. */
const jsonBytes = (v: unknown) => utf8Length(JSON.stringify(v) ?? "null");

/** Loaded values are a snapshot of that sync, not live views of the model. */
const copy = <T>(v: T): T => (typeof v === "object" && v !== null ? structuredClone(v) : v);

// ---------------------------------------------------------------- workbook and sheets

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly protection: WorkbookProtectionProxy;
  constructor(ctx: FakeContext) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.protection = new WorkbookProtectionProxy(ctx);
  }
}

/**
 * workbook.protection (ExcelApi 1.7): `protected`, protect(password?) and
 * unprotect(password?). protect() fails on a workbook already protected, as
 * the documentation says ("Fails if the workbook has been protected",
 * learn.microsoft.com/javascript/api/excel/excel.workbookprotection); a
 * missing or wrong password to unprotect() is refused with InvalidArgument,
 * as for a sheet (see WorksheetProtectionProxy.unprotect).
 */
class WorkbookProtectionProxy extends ClientObject {
  protected readonly loadable: readonly string[] = ["protected"];
  constructor(ctx: FakeContext) {
    super(ctx, "workbook.protection");
  }
  protected override minApi(): string {
    return "1.7";
  }
  protected current(): unknown {
    return this.ctx.excel.workbook.protection.protected;
  }
  get protected(): boolean {
    return this.read("protected");
  }
  protect(password?: string): void {
    this.invoke(
      "protect",
      [password],
      () => {
        const model = this.ctx.excel.workbook;
        if (model.protection.protected) fail("InvalidOperation", "The workbook is already protected.");
        model.protection = { protected: true, password: password ?? null };
      },
      "1.7",
    );
  }
  unprotect(password?: string): void {
    this.invoke(
      "unprotect",
      [password],
      () => {
        const model = this.ctx.excel.workbook;
        if (model.protection.password !== null && model.protection.password !== password) {
          fail("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
        }
        model.protection = { protected: false, password: null };
      },
      "1.7",
    );
  }
}

const SHEET_PROPS = ["id", "name", "visibility", "position"] as const;

class WorksheetCollectionProxy extends ClientObject {
  protected readonly loadable: readonly string[] = ["items"];

  constructor(ctx: FakeContext) {
    super(ctx, "worksheets");
  }

  get items(): WorksheetProxy[] {
    return this.read("items");
  }

  protected current(): unknown {
    return undefined;
  }

  override load(props?: string | string[] | { select?: string }): this {
    const names = propertyNames(props, ["items"]);
    const itemProps = names.flatMap((n) => (n === "items" ? [...SHEET_PROPS] : n.startsWith("items/") ? [n.slice(6)] : []));
    this.ctx.enqueue(`worksheets.load(${names.join(",")})`, () => {
      const items = this.ctx.excel.workbook.sheets.map((sheet, i) => {
        const ws = new WorksheetProxy(this.ctx, `worksheets.items[${i}]`);
        ws.bind(sheet);
        ws.fill(itemProps);
        return ws;
      });
      return { bytes: jsonBytes(items.map((ws) => ws.loadedJson(itemProps))), commit: () => this.known.set("items", items) };
    });
    return this;
  }

  add(name?: string): WorksheetProxy {
    const ws = new WorksheetProxy(this.ctx, `worksheets.add(${show(name)})`);
    this.ctx.enqueue(ws.path, () => ws.bind(this.ctx.excel.addSheet(name)));
    return ws;
  }

  getItem(key: string): WorksheetProxy {
    const ws = new WorksheetProxy(this.ctx, `worksheets.getItem(${show(key)})`);
    this.ctx.enqueue(ws.path, () => ws.bind(this.ctx.excel.findSheet(key) ?? fail("ItemNotFound", `The requested resource doesn't exist: sheet ${key}.`)));
    return ws;
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    const ws = new WorksheetProxy(this.ctx, `worksheets.getItemOrNullObject(${show(key)})`);
    this.ctx.enqueue(ws.path, () => ws.bind(this.ctx.excel.findSheet(key) ?? null));
    return ws;
  }

  getActiveWorksheet(): WorksheetProxy {
    const ws = new WorksheetProxy(this.ctx, "worksheets.getActiveWorksheet()");
    this.ctx.enqueue(ws.path, () => ws.bind(this.ctx.excel.activeSheet() ?? fail("ItemNotFound", "No active sheet.")));
    return ws;
  }
}

class WorksheetProxy extends ClientObject {
  protected readonly loadable: readonly string[] = [...SHEET_PROPS];
  /** undefined until the call that finds it is applied; null for a null object */
  private target: FakeSheet | null | undefined;
  private pageLayoutProxy?: PageLayoutProxy;

  bind(sheet: FakeSheet | null): void {
    this.target = sheet;
    this.known.set("isNullObject", sheet === null);
  }

  /** Fills loaded properties straight from the model (for collection items). */
  fill(props: readonly string[]): void {
    for (const p of props) {
      if (!this.loadable.includes(p)) fail("InvalidArgument", `Property ${p} not found on a worksheet.`);
      this.known.set(p, this.current(p));
    }
  }

  /** @internal What a collection load answers for this item. */
  loadedJson(props: readonly string[]): Record<string, unknown> {
    return Object.fromEntries(props.map((p) => [p, this.known.get(p)]));
  }

  /** @internal The sheet this proxy stands for, as of the operation being applied. */
  model(): FakeSheet {
    if (this.target === undefined) fail("InvalidObjectPath", "The object path isn't working for what you're trying to do.", this.path);
    if (this.target === null) fail("ItemNotFound", "The operation is not valid on a null object.", this.path);
    const sheet = this.target as FakeSheet;
    if (!this.ctx.excel.exists(sheet)) fail("ItemNotFound", "The worksheet has been deleted.", this.path);
    return sheet;
  }

  protected current(prop: string): unknown {
    const sheet = this.model();
    switch (prop) {
      case "id":
        return sheet.id;
      case "name":
        return sheet.name;
      case "visibility":
        return sheet.visibility;
      case "position":
        return this.ctx.excel.workbook.sheets.indexOf(sheet);
    }
    return undefined;
  }

  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get id(): string {
    return this.read("id");
  }
  get position(): number {
    return this.read("position");
  }
  set position(position: number) {
    this.assign("position", position, () => this.ctx.excel.moveSheet(this.model(), position));
  }
  get name(): string {
    return this.read("name");
  }
  set name(name: string) {
    this.assign("name", name, () => this.ctx.excel.renameSheet(this.model(), name));
  }
  get visibility(): Visibility {
    return this.read("visibility");
  }
  set visibility(visibility: Visibility) {
    this.assign("visibility", visibility, () => this.ctx.excel.setVisibility(this.model(), visibility));
  }

  delete(): void {
    this.invoke("delete", [], () => this.ctx.excel.deleteSheet(this.model()));
  }

  activate(): void {
    this.invoke("activate", [], () => this.ctx.excel.activate(this.model()));
  }

  /** getRange() without an address is the whole sheet ("If not specified, the entire worksheet range is returned", learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getrange-member(1)). */
  getRange(address?: string): RangeProxy {
    const rect = address === undefined ? WHOLE_SHEET : parseRange(address);
    const range = new RangeProxy(this.ctx, `${this.path}.getRange(${show(address)})`, () => ({
      sheet: this.model(),
      rect: rect ?? fail("InvalidArgument", `Bad address ${address}.`),
    }));
    return range;
  }

  getUsedRange(valuesOnly = false): RangeProxy {
    let found: { sheet: FakeSheet; rect: Rect } | undefined;
    const range = new RangeProxy(this.ctx, `${this.path}.getUsedRange(${valuesOnly})`, () => found ?? fail("InvalidObjectPath", "Used range not resolved."));
    this.ctx.enqueue(range.path, () => {
      const sheet = this.model();
      const rect: Rect = { kind: "cells", r1: MAX_ROW, c1: MAX_COL, r2: 1, c2: 1 };
      for (const [address, cell] of sheet.cells) {
        if (valuesOnly && cell.value === null && cell.formula === null) continue;
        const at = parseRange(address)!;
        rect.r1 = Math.min(rect.r1, at.r1);
        rect.c1 = Math.min(rect.c1, at.c1);
        rect.r2 = Math.max(rect.r2, at.r1);
        rect.c2 = Math.max(rect.c2, at.c1);
      }
      found = { sheet, rect: rect.r1 > rect.r2 ? { kind: "cells", r1: 1, c1: 1, r2: 1, c2: 1 } : rect };
    });
    return range;
  }

  get protection(): WorksheetProtectionProxy {
    return new WorksheetProtectionProxy(this.ctx, `${this.path}.protection`, () => this.model());
  }

  get freezePanes(): FreezePanesProxy {
    return new FreezePanesProxy(this.ctx, `${this.path}.freezePanes`, () => this.model());
  }

  get pageLayout(): PageLayoutProxy {
    return (this.pageLayoutProxy ??= new PageLayoutProxy(this.ctx, `${this.path}.pageLayout`, () => this.model()));
  }
}

class WorksheetProtectionProxy extends ClientObject {
  protected readonly loadable: readonly string[] = ["protected", "options"];
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx, path);
  }
  protected current(prop: string): unknown {
    const p = this.sheet().protection;
    return prop === "protected" ? p.protected : (p.options ?? {});
  }
  get protected(): boolean {
    return this.read("protected");
  }
  get options(): Excel.WorksheetProtectionOptions {
    return this.read("options");
  }
  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    this.invoke("protect", [options, password], () => {
      const sheet = this.sheet();
      if (sheet.protection.protected) fail("InvalidOperation", "The sheet is already protected.");
      sheet.protection = { protected: true, options: { ...(options ?? {}) }, password: password ?? null };
    });
  }
  /**
   * A sheet protected with a password refuses a missing or wrong one with
   * InvalidArgument ("The argument is invalid or missing or has an incorrect
   * format."): the code the documentation gives for a wrong password to
   * pauseProtection (learn.microsoft.com/javascript/api/excel/excel.worksheetprotection)
   * and the answer reported for unprotect with a wrong password
   * (github.com/microsoftgraph/microsoft-graph-docs/issues/10151).
   */
  unprotect(password?: string): void {
    this.invoke("unprotect", [password], () => {
      const sheet = this.sheet();
      if (sheet.protection.password !== null && sheet.protection.password !== password) {
        fail("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
      }
      sheet.protection = { protected: false, options: null, password: null };
    });
  }
}

class FreezePanesProxy extends ClientObject {
  protected readonly loadable: readonly string[] = [];
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx, path);
  }
  protected current(): unknown {
    return undefined;
  }
  freezeRows(count = 1): void {
    this.invoke("freezeRows", [count], () => {
      const sheet = this.sheet();
      sheet.frozenRows = count;
      sheet.frozenColumns = 0;
    });
  }
  freezeColumns(count = 1): void {
    this.invoke("freezeColumns", [count], () => {
      const sheet = this.sheet();
      sheet.frozenColumns = count;
      sheet.frozenRows = 0;
    });
  }
  unfreeze(): void {
    this.invoke("unfreeze", [], () => {
      const sheet = this.sheet();
      sheet.frozenRows = 0;
      sheet.frozenColumns = 0;
    });
  }
}

const PAPER = ["Letter", "Legal", "A3", "A4", "A5", "B4", "B5"];

/**
 * Excel.HeaderFooter (ExcelApi 1.9, learn.microsoft.com/javascript/api/excel/excel.headerfooter): a section's text
 * with Excel's codes (&P page, &N pages) kept as written; Excel caps a header or footer at 255 characters.
 */
class HeaderFooterProxy extends ClientObject {
  protected readonly loadable: readonly string[] = ["centerFooter"];
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx, path);
  }
  protected override minApi(): string {
    return "1.9";
  }
  protected current(): unknown {
    return this.sheet().pageLayout.centerFooter;
  }
  get centerFooter(): string {
    return this.read("centerFooter");
  }
  set centerFooter(text: string) {
    this.assign(
      "centerFooter",
      text,
      () => {
        if (text.length > 255) fail("InvalidArgument", "A header or footer holds at most 255 characters.");
        this.sheet().pageLayout.centerFooter = text;
      },
      "1.9",
    );
  }
}

class PageLayoutProxy extends ClientObject {
  protected readonly loadable: readonly string[] = ["paperSize", "orientation", "zoom"];
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx, path);
  }
  protected override minApi(): string {
    return "1.9";
  }
  protected current(prop: string): unknown {
    return this.sheet().pageLayout[prop as keyof FakePageLayout];
  }
  get paperSize(): string {
    return this.read("paperSize");
  }
  set paperSize(paper: string) {
    this.assign(
      "paperSize",
      paper,
      () => {
        if (!PAPER.includes(paper)) fail("InvalidArgument", `Paper ${paper} not modelled.`);
        this.sheet().pageLayout.paperSize = paper;
      },
      "1.9",
    );
  }
  get orientation(): string {
    return this.read("orientation");
  }
  set orientation(orientation: string) {
    this.assign(
      "orientation",
      orientation,
      () => {
        if (orientation !== "Portrait" && orientation !== "Landscape") fail("InvalidArgument", `Bad orientation ${orientation}.`);
        this.sheet().pageLayout.orientation = orientation;
      },
      "1.9",
    );
  }
  get zoom(): Excel.PageLayoutZoomOptions {
    return this.read("zoom");
  }
  /** ExcelApi 1.9: learn.microsoft.com/javascript/api/excel/excel.pagelayout#excel-excel-pagelayout-blackandwhite-member */
  get blackAndWhite(): boolean {
    return this.read("blackAndWhite");
  }
  set blackAndWhite(on: boolean) {
    this.assign(
      "blackAndWhite",
      on,
      () => {
        this.sheet().pageLayout.blackAndWhite = on;
      },
      "1.9",
    );
  }
  private headerFooter?: HeaderFooterProxy;
  /** ExcelApi 1.9: the same header and footer for every page (learn.microsoft.com/javascript/api/excel/excel.headerfootergroup) */
  get headersFooters(): { defaultForAllPages: HeaderFooterProxy } {
    return { defaultForAllPages: (this.headerFooter ??= new HeaderFooterProxy(this.ctx, `${this.path}.headersFooters.defaultForAllPages`, this.sheet)) };
  }
  set zoom(zoom: Excel.PageLayoutZoomOptions) {
    this.assign(
      "zoom",
      zoom,
      () => {
        const fit = zoom.horizontalFitToPages !== undefined || zoom.verticalFitToPages !== undefined;
        if (fit === (zoom.scale !== undefined)) fail("InvalidArgument", "Zoom takes either a scale or pages to fit.");
        if (zoom.scale !== undefined && (zoom.scale < 10 || zoom.scale > 400)) fail("InvalidArgument", "Scale must be 10–400.");
        this.sheet().pageLayout.zoom = { ...zoom };
      },
      "1.9",
    );
  }
  /** The six margins, in points, all alike: see the accessors defined after the class. */
  setMargin(name: MarginName, points: number): void {
    this.assign(
      name,
      points,
      () => {
        if (!(points >= 0)) fail("InvalidArgument", "Margins are non-negative points.");
        this.sheet().pageLayout[name] = points;
      },
      "1.9",
    );
  }
  setPrintTitleRows(rows: string): void {
    if (typeof rows !== "string") throw new FakeUnsupported("setPrintTitleRows takes an address string in the fake");
    this.invoke(
      "setPrintTitleRows",
      [rows],
      () => {
        if (parseRange(rows)?.kind !== "rows") fail("InvalidArgument", "Print title rows must span entire rows.");
        this.sheet().pageLayout.printTitleRows = rows;
      },
      "1.9",
    );
  }
  setPrintArea(area: string): void {
    if (typeof area !== "string") throw new FakeUnsupported("setPrintArea takes an address string in the fake");
    this.invoke(
      "setPrintArea",
      [area],
      () => {
        if (!parseRange(area)) fail("InvalidArgument", `Bad print area ${area}.`);
        this.sheet().pageLayout.printArea = area;
      },
      "1.9",
    );
  }
}

const MARGINS = ["leftMargin", "rightMargin", "topMargin", "bottomMargin", "headerMargin", "footerMargin"] as const;
type MarginName = (typeof MARGINS)[number];
// Office.js exposes each margin as a property; the fake defines them once from the list.
for (const name of MARGINS) {
  Object.defineProperty(PageLayoutProxy.prototype, name, {
    get(this: PageLayoutProxy) {
      return (this as unknown as { read(p: string): number }).read(name);
    },
    set(this: PageLayoutProxy, points: number) {
      this.setMargin(name, points);
    },
  });
}

// ---------------------------------------------------------------- ranges

type Locate = () => { sheet: FakeSheet; rect: Rect };

/** Error values a formula can show; Office.js reports them as text in values and "Error" in valueTypes. */
const ERROR_VALUE = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/** Excel.RangeValueType of a cell's value (the fake stores no integers apart from doubles). */
function valueTypeOf(value: string | number | boolean | null): string {
  if (value === null || value === "") return "Empty";
  if (typeof value === "number") return "Double";
  if (typeof value === "boolean") return "Boolean";
  return ERROR_VALUE.test(value) ? "Error" : "String";
}

const intersect = (a: Rect, b: Rect): Rect | undefined =>
  overlaps(a, b)
    ? { kind: a.kind === b.kind ? a.kind : "cells", r1: Math.max(a.r1, b.r1), c1: Math.max(a.c1, b.c1), r2: Math.min(a.r2, b.r2), c2: Math.min(a.c2, b.c2) }
    : undefined;
type Change = "value" | "format" | "columns" | "rows" | "structure";

function cellsOf(rect: Rect, what: string): string[] {
  if (rect.kind !== "cells") throw new FakeUnsupported(`${what} on whole rows or columns is not modelled`);
  const out: string[] = [];
  for (let r = rect.r1; r <= rect.r2; r++) for (let c = rect.c1; c <= rect.c2; c++) out.push(`${columnLetter(c)}${r}`);
  return out;
}

/**
 * What a protected sheet refuses, as Excel does, with AccessDenied (the code
 * Excel documents for a change to a protected sheet, "If worksheet protection
 * is enabled and not paused, this method throws an AccessDenied error",
 * learn.microsoft.com/javascript/api/excel/excel.alloweditrange): values and
 * formulas of locked cells; formats unless allowFormatCells, column widths
 * unless allowFormatColumns, row heights unless allowFormatRows
 * (learn.microsoft.com/javascript/api/excel/excel.worksheetprotectionoptions);
 * data validation, merging and cell locking always ("structure").
 */
function guard(sheet: FakeSheet, rect: Rect, change: Change): void {
  const { protected: on, options } = sheet.protection;
  if (!on) return;
  const o = options ?? {};
  const allowed =
    change === "value"
      ? allUnlocked(sheet, rect)
      : change === "format"
        ? !!o.allowFormatCells
        : change === "columns"
          ? !!o.allowFormatColumns
          : change === "rows"
            ? !!o.allowFormatRows
            : false;
  if (!allowed) fail("AccessDenied", `The sheet ${sheet.name} is protected: ${change} change refused.`);
}

/** Cells written to so far that lie in the rectangle (whole rows, columns or sheet included), with their row and column. */
function writtenCells(sheet: FakeSheet, rect: Rect): { address: string; cell: FakeCell; row: number; col: number }[] {
  const out: { address: string; cell: FakeCell; row: number; col: number }[] = [];
  for (const [address, cell] of sheet.cells) {
    const at = parseRange(address)!;
    if (at.r1 >= rect.r1 && at.r1 <= rect.r2 && at.c1 >= rect.c1 && at.c1 <= rect.c2) out.push({ address, cell, row: at.r1, col: at.c1 });
  }
  return out;
}

/** Every cell of the rectangle unlocked (a cell nothing was written to is locked). */
function allUnlocked(sheet: FakeSheet, rect: Rect): boolean {
  const area = (rect.r2 - rect.r1 + 1) * (rect.c2 - rect.c1 + 1);
  if (rect.kind === "cells" && area <= 100_000) return cellsOf(rect, "guard").every((a) => !(sheet.cells.get(a) ?? defaultCell()).locked);
  const written = writtenCells(sheet, rect);
  return written.length === area && written.every((w) => !w.cell.locked);
}

/** Resets a cell's formats to a new workbook's: number format, font, fill, borders, alignment, wrap, locked and hidden. */
function clearFormats(cell: FakeCell): void {
  const d = defaultCell();
  cell.numberFormat = d.numberFormat;
  cell.locked = d.locked;
  cell.formulaHidden = d.formulaHidden;
  cell.font = d.font;
  cell.fill = d.fill;
  cell.horizontalAlignment = d.horizontalAlignment;
  cell.verticalAlignment = d.verticalAlignment;
  cell.wrapText = d.wrapText;
  cell.borders = d.borders;
}

export type ClearApplyTo = "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks";
const CLEAR_KINDS: readonly string[] = ["All", "Formats", "Contents", "Hyperlinks", "RemoveHyperlinks"];

class RangeProxy extends ClientObject {
  protected readonly loadable: readonly string[] = [
    "address",
    "values",
    "formulas",
    "numberFormat",
    "valueTypes",
    "rowCount",
    "columnCount",
    "rowIndex",
    "columnIndex",
    "rowHidden",
    "columnHidden",
  ];
  private located?: { sheet: FakeSheet; rect: Rect };

  protected override propertyMinApi(prop: string): string | undefined {
    return prop === "rowHidden" || prop === "columnHidden" ? "1.2" : undefined;
  }

  constructor(
    ctx: FakeContext,
    path: string,
    private readonly locate: Locate,
  ) {
    super(ctx, path);
  }

  /** @internal */
  at(): { sheet: FakeSheet; rect: Rect } {
    this.located ??= this.locate();
    if (!this.ctx.excel.exists(this.located.sheet)) fail("ItemNotFound", "The worksheet has been deleted.", this.path);
    return this.located;
  }

  /** @internal Applies fn to every cell, after the protection check. */
  eachCell(change: Change, fn: (cell: FakeCell, index: { row: number; col: number }) => void): void {
    const { sheet, rect } = this.at();
    guard(sheet, rect, change);
    cellsOf(rect, this.path);
    for (let r = rect.r1; r <= rect.r2; r++) {
      for (let c = rect.c1; c <= rect.c2; c++) fn(this.ctx.excel.touch(sheet, `${columnLetter(c)}${r}`), { row: r - rect.r1, col: c - rect.c1 });
    }
  }

  private grid<T>(read: (cell: FakeCell, address: string) => T): T[][] {
    const { sheet, rect } = this.at();
    const rows: T[][] = [];
    for (let r = rect.r1; r <= rect.r2; r++) {
      const row: T[] = [];
      for (let c = rect.c1; c <= rect.c2; c++) {
        const address = `${columnLetter(c)}${r}`;
        row.push(read(sheet.cells.get(address) ?? defaultCell(), address));
      }
      rows.push(row);
    }
    return rows;
  }

  protected current(prop: string): unknown {
    const { sheet, rect } = this.at();
    const evaluate = this.ctx.excel.evaluator();
    switch (prop) {
      case "address":
        return `${quoteSheet(sheet.name)}!${rectAddress(rect)}`;
      case "rowCount":
        return rect.r2 - rect.r1 + 1;
      case "columnCount":
        return rect.c2 - rect.c1 + 1;
      case "rowIndex":
        return rect.r1 - 1;
      case "columnIndex":
        return rect.c1 - 1;
      case "rowHidden":
        return spanState(sheet.hiddenRows, rect.r1, rect.r2);
      case "columnHidden":
        return spanState(sheet.hiddenColumns, rect.c1, rect.c2);
      case "values":
        cellsOf(rect, "values");
        return this.grid((cell, address) => (cell.formula !== null ? (evaluate ? evaluate(sheet, address, cell.formula) : "") : (cell.value ?? "")));
      case "formulas":
        cellsOf(rect, "formulas");
        return this.grid((cell) => cell.formula ?? cell.value ?? "");
      case "numberFormat":
        cellsOf(rect, "numberFormat");
        return this.grid((cell) => cell.numberFormat);
      case "valueTypes":
        cellsOf(rect, "valueTypes");
        // Typed under "@", "#N/A" is text; anywhere else Excel takes it as the error value.
        return this.grid((cell, address) =>
          cell.formula !== null
            ? valueTypeOf(evaluate ? evaluate(sheet, address, cell.formula) : "")
            : cell.numberFormat === "@" && typeof cell.value === "string"
              ? "String"
              : valueTypeOf(cell.value),
        );
    }
    return undefined;
  }

  private write(prop: "values" | "formulas" | "numberFormat", input: unknown): void {
    this.assign(prop, input, () => {
      const { rect } = this.at();
      const rows = rect.r2 - rect.r1 + 1;
      const cols = rect.c2 - rect.c1 + 1;
      const scalar = !Array.isArray(input);
      // "null isn't valid for single properties like range.values"; inside a 2-D array null leaves
      // that cell unchanged; "" clears a value and resets a number format to General
      // (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values).
      if (input === null || input === undefined) fail("InvalidArgument", `${prop} cannot be set to ${String(input)}.`);
      if (!scalar) {
        const grid = input as unknown[][];
        if (grid.length !== rows || grid.some((row) => !Array.isArray(row) || row.length !== cols)) {
          fail("InvalidArgument", `The number of rows or columns in the input array doesn't match the size of the range ${rectAddress(rect)}.`);
        }
      }
      this.eachCell(prop === "numberFormat" ? "format" : "value", (cell, { row, col }) => {
        const v = scalar ? input : (input as unknown[][])[row][col];
        if (prop === "numberFormat") {
          if (v !== null && v !== undefined) cell.numberFormat = v === "" ? "General" : String(v);
        } else enter(cell, v);
      });
    });
  }

  get address(): string {
    return this.read("address");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  set values(values: unknown[][]) {
    this.write("values", values);
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(formulas: unknown[][]) {
    this.write("formulas", formulas);
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set numberFormat(formats: unknown[][]) {
    this.write("numberFormat", formats);
  }

  get format(): RangeFormatProxy {
    return new RangeFormatProxy(this.ctx, `${this.path}.format`, this);
  }

  get dataValidation(): DataValidationProxy {
    return new DataValidationProxy(this.ctx, `${this.path}.dataValidation`, this);
  }

  merge(across = false): void {
    this.invoke("merge", [across], () => {
      const { sheet, rect } = this.at();
      guard(sheet, rect, "structure");
      cellsOf(rect, "merge");
      const parts: Rect[] = across ? Array.from({ length: rect.r2 - rect.r1 + 1 }, (_, i) => ({ ...rect, r1: rect.r1 + i, r2: rect.r1 + i })) : [rect];
      for (const part of parts) {
        if (part.r1 === part.r2 && part.c1 === part.c2) continue;
        // Excel's code here is not documented (MergedRangeConflict is documented for tables over merged
        // cells); InvalidOperation is "The operation attempted is invalid on the object" (error handling page).
        if (sheet.merges.some((m) => overlaps(parseRange(m)!, part))) fail("InvalidOperation", `${rectAddress(part)} overlaps a merged area.`);
        sheet.merges.push(rectAddress(part));
      }
    });
  }

  unmerge(): void {
    this.invoke("unmerge", [], () => {
      const { sheet, rect } = this.at();
      guard(sheet, rect, "structure");
      sheet.merges = sheet.merges.filter((m) => !overlaps(parseRange(m)!, rect));
    });
  }

  /**
   * Range.clear(applyTo = "All") (ExcelApi 1.1; "Hyperlinks" and
   * "RemoveHyperlinks" 1.7), as Excel.ClearApplyTo describes it
   * (learn.microsoft.com/javascript/api/excel/excel.clearapplyto): "Contents"
   * clears values and formulas, "leaving formatting intact"; "Formats" clears
   * "all formatting ..., leaving values intact": number format, font, fill,
   * borders, alignment, wrap, cell protection back to locked, merged areas
   * unmerged and conditional formats removed (as Excel's Clear Formats does;
   * VBA Range.ClearContents, by contrast, "leaves the cell formatting and
   * conditional formatting intact", learn.microsoft.com/office/vba/api/excel.range.clearcontents);
   * "All" both. "RemoveHyperlinks" clears formatting but "leaves content,
   * conditional formats, and data validation intact"; hyperlinks themselves
   * are not modelled, so "Hyperlinks" changes nothing. Data validation is
   * left alone (clear it with dataValidation.clear()).
   *
   * On a protected sheet it is refused (AccessDenied) as the setters are:
   * contents of locked cells; formats unless allowFormatCells; and always when
   * it would change cell locking or merged areas (as the locked setter and
   * unmerge are).
   */
  clear(applyTo?: ClearApplyTo): void {
    const kind = applyTo ?? "All";
    this.invoke(
      "clear",
      applyTo === undefined ? [] : [applyTo],
      () => {
        if (!CLEAR_KINDS.includes(kind)) fail("InvalidArgument", `Bad applyTo ${String(kind)}.`);
        if (kind === "Hyperlinks") return;
        const { sheet, rect } = this.at();
        const contents = kind === "All" || kind === "Contents";
        const formats = kind !== "Contents";
        const written = writtenCells(sheet, rect);
        if (contents) guard(sheet, rect, "value");
        if (formats) {
          guard(sheet, rect, "format");
          const relocks = written.some((w) => !w.cell.locked || w.cell.formulaHidden);
          if (relocks || sheet.merges.some((m) => overlaps(parseRange(m)!, rect))) guard(sheet, rect, "structure");
        }
        for (const { address, cell } of written) {
          if (contents) {
            cell.value = null;
            cell.formula = null;
          }
          if (formats) clearFormats(cell);
          // A cell back to a new workbook's state is no longer "written" (and leaves the used range).
          if (JSON.stringify(cell) === JSON.stringify(defaultCell())) sheet.cells.delete(address);
        }
        if (formats) {
          sheet.merges = sheet.merges.filter((m) => !overlaps(parseRange(m)!, rect));
          if (kind !== "RemoveHyperlinks") sheet.conditionalFormats = removeConditionalFormats(sheet.conditionalFormats, rect);
        }
      },
      kind === "Hyperlinks" || kind === "RemoveHyperlinks" ? "1.7" : undefined,
    );
  }

  /**
   * Range.rowHidden / columnHidden (ExcelApi 1.2; learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-rowhidden-member):
   * hide or show the rows / columns of the range. On a protected sheet they
   * need allowFormatRows / allowFormatColumns, as row heights and column
   * widths do (learn.microsoft.com/javascript/api/excel/excel.worksheetprotectionoptions).
   */
  set rowHidden(hidden: boolean) {
    this.hide("rowHidden", hidden);
  }
  get rowHidden(): boolean {
    return this.read("rowHidden");
  }
  set columnHidden(hidden: boolean) {
    this.hide("columnHidden", hidden);
  }
  private hide(prop: "rowHidden" | "columnHidden", hidden: boolean): void {
    const rows = prop === "rowHidden";
    this.assign(
      prop,
      hidden,
      () => {
        const { sheet, rect } = this.at();
        guard(sheet, rect, rows ? "rows" : "columns");
        if (rows) setSpan(sheet.hiddenRows, rect.r1, rect.r2, hidden);
        else setSpan(sheet.hiddenColumns, rect.c1, rect.c2, hidden);
      },
      "1.2",
    );
  }
  get columnHidden(): boolean {
    return this.read("columnHidden");
  }

  /** Range.conditionalFormats (ExcelApi 1.6): only clearAll() is modelled. */
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return new ConditionalFormatCollectionProxy(this.ctx, `${this.path}.conditionalFormats`, this);
  }

  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }

  get isNullObject(): boolean {
    return this.read("isNullObject");
  }

  /** ExcelApi 1.4: the cells both ranges cover, or a null object when they do not meet. */
  getIntersectionOrNullObject(other: RangeProxy | string): RangeProxy {
    let found: { sheet: FakeSheet; rect: Rect } | undefined;
    const label = typeof other === "string" ? show(other) : other.path;
    const range = new RangeProxy(
      this.ctx,
      `${this.path}.getIntersectionOrNullObject(${label})`,
      () => found ?? fail("ItemNotFound", "The operation is not valid on a null object."),
    );
    this.ctx.enqueue(
      range.path,
      () => {
        const mine = this.at();
        const theirs =
          typeof other === "string" ? { sheet: mine.sheet, rect: parseRange(other) ?? fail("InvalidArgument", `Bad address ${other}.`) } : other.at();
        if (theirs.sheet !== mine.sheet) fail("InvalidArgument", "The ranges are on different worksheets.");
        const rect = intersect(mine.rect, theirs.rect);
        found = rect && { sheet: mine.sheet, rect };
        range.known.set("isNullObject", rect === undefined);
      },
      "1.4",
    );
    return range;
  }

  /** Selects the range in the Excel UI; its sheet becomes the active one. */
  select(): void {
    this.invoke("select", [], () => {
      const { sheet, rect } = this.at();
      this.ctx.excel.activate(sheet);
      this.ctx.excel.workbook.selection = { sheetId: sheet.id, address: rectAddress(rect) };
    });
  }
}

/** true when every number first…last is in the set, false when none is, null when some are (as Range.rowHidden reads). */
function spanState(set: Set<number>, first: number, last: number): boolean | null {
  let n = 0;
  for (const i of set) if (i >= first && i <= last) n++;
  return n === 0 ? false : n === last - first + 1 ? true : null;
}

/** Adds or removes the numbers first…last (rows or columns) to or from a set. */
function setSpan(set: Set<number>, first: number, last: number, on: boolean): void {
  if (on) for (let i = first; i <= last; i++) set.add(i);
  else if (last - first + 1 > set.size) {
    for (const i of [...set]) if (i >= first && i <= last) set.delete(i);
  } else for (let i = first; i <= last; i++) set.delete(i);
}

/** The conditional formats left after clearing them from a range: the fake drops every format that meets the range (Excel trims a format's range instead; not modelled). */
const removeConditionalFormats = (formats: string[], rect: Rect) => formats.filter((f) => !overlaps(parseRange(f)!, rect));

/**
 * Range.conditionalFormats, ExcelApi 1.6. clearAll() "Clears all conditional
 * formats active on the current specified range"
 * (learn.microsoft.com/javascript/api/excel/excel.conditionalformatcollection#excel-excel-conditionalformatcollection-clearall-member(1)).
 * A protected sheet refuses it unless allowFormatCells (it is formatting).
 */
class ConditionalFormatCollectionProxy extends ClientObject {
  protected readonly loadable: readonly string[] = [];
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly range: RangeProxy,
  ) {
    super(ctx, path);
  }
  protected override minApi(): string {
    return "1.6";
  }
  protected current(): unknown {
    return undefined;
  }
  clearAll(): void {
    this.invoke(
      "clearAll",
      [],
      () => {
        const { sheet, rect } = this.range.at();
        guard(sheet, rect, "format");
        sheet.conditionalFormats = removeConditionalFormats(sheet.conditionalFormats, rect);
      },
      "1.6",
    );
  }
}

const COLOR = /^#[0-9A-Fa-f]{6}$/;
const checkColor = (color: string) => COLOR.test(color) || fail("InvalidArgument", `Colour ${color} is not #RRGGBB.`);

class RangeFormatProxy extends ClientObject {
  protected readonly loadable: readonly string[] = [];
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly range: RangeProxy,
  ) {
    super(ctx, path);
  }
  protected current(): unknown {
    return undefined;
  }
  private cellProp<K extends "horizontalAlignment" | "verticalAlignment" | "wrapText">(prop: K, value: FakeCell[K], allowed?: readonly string[]): void {
    this.assign(prop, value, () => {
      if (allowed && !allowed.includes(String(value))) fail("InvalidArgument", `Bad ${prop} ${String(value)}.`);
      this.range.eachCell("format", (cell) => (cell[prop] = value));
    });
  }
  set horizontalAlignment(value: string) {
    this.cellProp("horizontalAlignment", value, ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"]);
  }
  set verticalAlignment(value: string) {
    this.cellProp("verticalAlignment", value, ["Top", "Center", "Bottom", "Justify", "Distributed"]);
  }
  set wrapText(value: boolean) {
    this.cellProp("wrapText", value);
  }
  set columnWidth(points: number) {
    this.assign("columnWidth", points, () => {
      const { sheet, rect } = this.range.at();
      guard(sheet, rect, "columns");
      // Column width: 255 characters at most (Excel specifications and limits), about 1,792 points in Calibri 11.
      if (!(points >= 0 && points <= 1792)) fail("InvalidArgument", `Column width ${points} out of range.`);
      for (let c = rect.c1; c <= rect.c2; c++) sheet.columnWidths.set(c, points);
    });
  }
  set rowHeight(points: number) {
    this.assign("rowHeight", points, () => {
      const { sheet, rect } = this.range.at();
      guard(sheet, rect, "rows");
      // Row height: 409 points at most (support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
      if (!(points >= 0 && points <= 409)) fail("InvalidArgument", `Row height ${points} out of range.`);
      for (let r = rect.r1; r <= rect.r2; r++) sheet.rowHeights.set(r, points);
    });
  }
  /**
   * useStandardHeight / useStandardWidth = true (ExcelApi 1.7): the rows /
   * columns of the range go back to the sheet's standard height / width
   * (learn.microsoft.com/javascript/api/excel/excel.rangeformat#excel-excel-rangeformat-usestandardheight-member:
   * "This property is only intended to be set to true. Setting it to false
   * has no effect."). Guarded like rowHeight / columnWidth.
   */
  set useStandardHeight(value: boolean) {
    this.useStandard("useStandardHeight", value);
  }
  set useStandardWidth(value: boolean) {
    this.useStandard("useStandardWidth", value);
  }
  private useStandard(prop: "useStandardHeight" | "useStandardWidth", value: boolean): void {
    const rows = prop === "useStandardHeight";
    this.assign(
      prop,
      value,
      () => {
        const { sheet, rect } = this.range.at();
        guard(sheet, rect, rows ? "rows" : "columns");
        if (value !== true) return;
        const sizes = rows ? sheet.rowHeights : sheet.columnWidths;
        const [from, to] = rows ? [rect.r1, rect.r2] : [rect.c1, rect.c2];
        for (const n of [...sizes.keys()]) if (n >= from && n <= to) sizes.delete(n);
      },
      "1.7",
    );
  }
  get font(): FontProxy {
    return new FontProxy(this.ctx, `${this.path}.font`, this.range);
  }
  get fill(): FillProxy {
    return new FillProxy(this.ctx, `${this.path}.fill`, this.range);
  }
  get borders(): BordersProxy {
    return new BordersProxy(this.ctx, `${this.path}.borders`, this.range);
  }
  get protection(): FormatProtectionProxy {
    return new FormatProtectionProxy(this.ctx, `${this.path}.protection`, this.range);
  }
}

class FontProxy extends ClientObject {
  protected readonly loadable: readonly string[] = [];
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly range: RangeProxy,
  ) {
    super(ctx, path);
  }
  protected current(): unknown {
    return undefined;
  }
  private font<K extends keyof FakeFont>(prop: K, value: FakeFont[K], check?: () => void): void {
    this.assign(prop, value, () => {
      check?.();
      this.range.eachCell("format", (cell) => (cell.font[prop] = value));
    });
  }
  set name(value: string) {
    this.font("name", value);
  }
  set size(value: number) {
    this.font("size", value, () => (value >= 1 && value <= 409) || fail("InvalidArgument", `Font size ${value}.`));
  }
  set bold(value: boolean) {
    this.font("bold", value);
  }
  set italic(value: boolean) {
    this.font("italic", value);
  }
  set color(value: string) {
    this.font("color", value, () => checkColor(value));
  }
}

class FillProxy extends ClientObject {
  protected readonly loadable: readonly string[] = ["color", "tintAndShade"];
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly range: RangeProxy,
  ) {
    super(ctx, path);
  }
  protected override propertyMinApi(prop: string): string | undefined {
    return prop === "tintAndShade" ? "1.9" : undefined;
  }
  /**
   * As Excel answers: color is "#FFFFFF" for a cell with no fill (the same as
   * a white one); tintAndShade is null for no fill and a number for a fill;
   * either is null when the cells of the range differ.
   */
  protected current(prop: string): unknown {
    const { sheet, rect } = this.range.at();
    const fills = [...new Set(cellsOf(rect, this.path).map((a) => sheet.cells.get(a)?.fill ?? null))];
    if (fills.length !== 1) return null;
    if (prop === "color") return fills[0] ?? "#FFFFFF";
    return fills[0] === null ? null : 0;
  }
  get color(): string {
    return this.read("color");
  }
  get tintAndShade(): number | null {
    return this.read("tintAndShade");
  }
  set color(value: string) {
    this.assign("color", value, () => {
      checkColor(value);
      this.range.eachCell("format", (cell) => (cell.fill = value.toUpperCase()));
    });
  }
  clear(): void {
    this.invoke("clear", [], () => this.range.eachCell("format", (cell) => (cell.fill = null)));
  }
}

const BORDER_STYLES = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"];
const BORDER_WEIGHTS = ["Hairline", "Thin", "Medium", "Thick"];

class BordersProxy extends ClientObject {
  protected readonly loadable: readonly string[] = [];
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly range: RangeProxy,
  ) {
    super(ctx, path);
  }
  protected current(): unknown {
    return undefined;
  }
  getItem(edge: BorderEdge): BorderProxy {
    return new BorderProxy(this.ctx, `${this.path}.getItem(${show(edge)})`, this.range, edge);
  }
}

class BorderProxy extends ClientObject {
  protected readonly loadable: readonly string[] = [];
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly range: RangeProxy,
    private readonly edge: BorderEdge,
  ) {
    super(ctx, path);
  }
  protected current(): unknown {
    return undefined;
  }
  /** Which cells' own edges a range edge lands on. */
  private apply(change: (border: FakeBorder) => void): void {
    const { rect } = this.range.at();
    const rows = rect.r2 - rect.r1;
    const cols = rect.c2 - rect.c1;
    this.range.eachCell("format", (cell, { row, col }) => {
      const edges: CellEdge[] = [];
      switch (this.edge) {
        case "EdgeTop":
        case "EdgeBottom":
        case "EdgeLeft":
        case "EdgeRight": {
          const on = { EdgeTop: row === 0, EdgeBottom: row === rows, EdgeLeft: col === 0, EdgeRight: col === cols }[this.edge];
          if (on) edges.push(this.edge);
          break;
        }
        case "InsideHorizontal":
          if (row > 0) edges.push("EdgeTop");
          if (row < rows) edges.push("EdgeBottom");
          break;
        case "InsideVertical":
          if (col > 0) edges.push("EdgeLeft");
          if (col < cols) edges.push("EdgeRight");
          break;
        default:
          edges.push(this.edge);
      }
      for (const e of edges) change((cell.borders[e] ??= { style: "None", weight: "Thin", color: "#000000" }));
    });
  }
  set style(value: string) {
    this.assign("style", value, () => {
      if (!BORDER_STYLES.includes(value)) fail("InvalidArgument", `Bad border style ${value}.`);
      this.apply((b) => (b.style = value));
    });
  }
  set weight(value: string) {
    this.assign("weight", value, () => {
      if (!BORDER_WEIGHTS.includes(value)) fail("InvalidArgument", `Bad border weight ${value}.`);
      this.apply((b) => (b.weight = value));
    });
  }
  set color(value: string) {
    this.assign("color", value, () => {
      checkColor(value);
      this.apply((b) => (b.color = value.toUpperCase()));
    });
  }
}

class FormatProtectionProxy extends ClientObject {
  protected readonly loadable: readonly string[] = [];
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly range: RangeProxy,
  ) {
    super(ctx, path);
  }
  protected current(): unknown {
    return undefined;
  }
  set locked(value: boolean) {
    this.assign("locked", value, () => this.range.eachCell("structure", (cell) => (cell.locked = value)));
  }
  set formulaHidden(value: boolean) {
    this.assign("formulaHidden", value, () => this.range.eachCell("structure", (cell) => (cell.formulaHidden = value)));
  }
}

// ---------------------------------------------------------------- data validation (ExcelApi 1.8)

const OPERATORS = ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqualTo", "LessThanOrEqualTo"];
const RULE_KINDS = ["wholeNumber", "decimal", "textLength", "date", "time", "list", "custom"] as const;

function checkRule(rule: Excel.DataValidationRule): void {
  const kinds = RULE_KINDS.filter((k) => rule[k] !== undefined);
  if (kinds.length !== 1) fail("InvalidArgument", "A data validation rule has exactly one kind.");
  const kind = kinds[0];
  if (kind === "list") {
    const list = rule.list!;
    if (typeof list.inCellDropDown !== "boolean") fail("InvalidArgument", "list.inCellDropDown is required.");
    if (typeof list.source !== "string" || list.source === "") fail("InvalidArgument", "list.source must be a non-empty string in the fake.");
    return;
  }
  if (kind === "custom") return;
  const basic = rule[kind] as Excel.BasicDataValidation;
  if (!OPERATORS.includes(basic.operator)) fail("InvalidArgument", `Bad operator ${basic.operator}.`);
  if (basic.formula1 === undefined || basic.formula1 === "") fail("InvalidArgument", "formula1 is required.");
  const two = basic.operator === "Between" || basic.operator === "NotBetween";
  if (two !== (basic.formula2 !== undefined)) fail("InvalidArgument", "formula2 goes with Between and NotBetween only.");
}

/**
 * Excel's limits on a data validation's texts: titles at most 32 characters,
 * the input message 255, the error alert's message 225 ([MS-XLS] 2.5.37
 * DValStrings, msdn.microsoft.com/en-us/library/b8894965-c186-4bba-8a0b-8ec2a37a1cbe:
 * "the length of this string MUST be less than or equal to" 32, 225, 32, 255).
 * No Office.js page states them; the Data Validation dialog enforces the same.
 */
function checkMessage(what: string, title: string | undefined, message: string | undefined, maxMessage: number): void {
  if ((title ?? "").length > 32) fail("InvalidArgument", `${what} title longer than 32 characters: "${title}".`);
  if ((message ?? "").length > maxMessage) fail("InvalidArgument", `${what} message longer than ${maxMessage} characters.`);
}

const emptyValidation = (): FakeValidation => ({ rule: null, prompt: null, errorAlert: null, ignoreBlanks: true });

class DataValidationProxy extends ClientObject {
  protected readonly loadable: readonly string[] = ["rule", "prompt", "errorAlert", "ignoreBlanks", "type"];
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly range: RangeProxy,
  ) {
    super(ctx, path);
  }
  protected override minApi(): string {
    return "1.8";
  }
  protected current(prop: string): unknown {
    const { sheet, rect } = this.range.at();
    const first = sheet.cells.get(cellsOf(rect, "dataValidation")[0])?.validation ?? null;
    if (prop === "type") {
      const kind = first?.rule ? RULE_KINDS.find((k) => first.rule![k] !== undefined) : undefined;
      return kind ? kind[0].toUpperCase() + kind.slice(1) : "None";
    }
    return first ? first[prop as keyof FakeValidation] : prop === "ignoreBlanks" ? true : null;
  }
  private change<K extends keyof FakeValidation>(prop: K, value: FakeValidation[K], check: () => void): void {
    this.assign(
      prop,
      value,
      () => {
        check();
        this.range.eachCell("structure", (cell) => ((cell.validation ??= emptyValidation())[prop] = structuredClone(value)));
      },
      "1.8",
    );
  }
  set rule(rule: Excel.DataValidationRule) {
    this.change("rule", rule, () => checkRule(rule));
  }
  set prompt(prompt: Excel.DataValidationPrompt) {
    this.change("prompt", prompt, () => checkMessage("Prompt", prompt.title, prompt.message, 255));
  }
  set errorAlert(alert: Excel.DataValidationErrorAlert) {
    this.change("errorAlert", alert, () => {
      if (!["Stop", "Warning", "Information"].includes(alert.style)) fail("InvalidArgument", `Bad alert style ${alert.style}.`);
      checkMessage("Error alert", alert.title, alert.message, 225);
    });
  }
  set ignoreBlanks(value: boolean) {
    this.change("ignoreBlanks", value, () => undefined);
  }
  get rule(): Excel.DataValidationRule {
    return this.read("rule");
  }
  get type(): string {
    return this.read("type");
  }
  clear(): void {
    this.invoke(
      "clear",
      [],
      () => {
        // Only written cells can hold a validation, so whole rows, columns or the sheet are cleared cell by written cell.
        const { sheet, rect } = this.range.at();
        guard(sheet, rect, "structure");
        for (const { cell } of writtenCells(sheet, rect)) cell.validation = null;
      },
      "1.8",
    );
  }
}
