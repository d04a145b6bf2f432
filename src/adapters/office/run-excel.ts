/** Runs one batch against the open workbook: Excel.run in the add-in, a fake in tests. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** How long and how often to wait for the officer to leave the cell being edited. */
export interface RetryOptions {
  attempts?: number;
  /** delay before the second attempt; later waits grow linearly */
  delayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** The Office.js error code Excel answers with while a cell is being typed into. */
export const CELL_EDIT_MODE = "InvalidOperationInCellEditMode";

/** True when Excel refused the batch only because a cell is being edited. */
export function isCellEditMode(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === CELL_EDIT_MODE;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Wraps a runner so that a batch refused in cell-edit mode is tried again a few
 * times; any other error, or the last refusal, is rethrown unchanged.
 */
export function retryInCellEditMode(run: ExcelRunner, options: RetryOptions = {}): ExcelRunner {
  const { attempts = 5, delayMs = 400, sleep = sleepFor } = options;
  return async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        // `return await`, not `return`: without the await the rejection escapes this try and no retry happens.
        return await run(batch);
      } catch (error) {
        if (!isCellEditMode(error) || attempt >= attempts) throw error;
        await sleep(delayMs * attempt);
      }
    }
  };
}

/** Excel.run with the cell-edit-mode retry: the one entry point of the add-in into Office.js batches. */
export const runExcel: ExcelRunner = retryInCellEditMode((batch) => Excel.run(batch));
