/**
 * Excel on the web refuses a request or a response over 5 MB with
 * RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded
 * (learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins;
 * codes: learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
 * A request's size is the calls, the objects they act on and the values they
 * carry, so the add-in estimates each call's bytes before queueing it and
 * syncs whenever the next call would take the batch past PAYLOAD_BUDGET_BYTES:
 * the number of syncs grows with the bytes written, not with rows or forms.
 */
export const PAYLOAD_BUDGET_BYTES = 4_000_000;

/**
 * What one call costs beyond its arguments: the action and the object path it
 * acts on, as Office serialises them (about 100–150 bytes each; rounded up so
 * that the estimate never falls short).
 */
export const CALL_OVERHEAD_BYTES = 200;

/** UTF-8 bytes of a string, without encoding it. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00) {
      // A surrogate pair is one four-byte character.
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** UTF-8 bytes of a value's JSON, as Office sends it; 0 for undefined (nothing is sent). */
export function jsonBytes(value: unknown): number {
  return value === undefined ? 0 : utf8Bytes(JSON.stringify(value) ?? "");
}

/**
 * Counts what is queued on a request context and syncs before a call that
 * would take the batch over the budget. A single call over the budget is the
 * caller's to split; it goes alone in its batch.
 */
export class PayloadBudget {
  private queued = 0;
  /** context.sync() calls this budget made */
  syncs = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    readonly limit: number = PAYLOAD_BUDGET_BYTES,
  ) {}

  /** Call before queueing calls worth `bytes`. */
  async reserve(bytes: number): Promise<void> {
    if (this.queued > 0 && this.queued + bytes > this.limit) await this.flush();
    this.queued += bytes;
  }

  /** Sends what is queued (nothing when nothing is). */
  async flush(): Promise<void> {
    if (this.queued === 0) return;
    this.queued = 0;
    this.syncs++;
    await this.context.sync();
  }
}
