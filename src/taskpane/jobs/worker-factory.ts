/**
 * Starts the file worker (Kiểm tra, its conversion, and Tổng hợp). Its own module because `import.meta.url` is
 * how webpack 5 finds and bundles a worker, and jest (CommonJS) cannot load
 * it: runner.ts imports this only when a Worker is to be created.
 */

/** Set by webpack's DefinePlugin: true only in dist/bieu-mau-cchc.html's build (scripts/single-file.js). */
declare const __CCHC_SINGLE_FILE__: boolean;
/** The file worker's whole script, built first; defined only in the single file's build. */
declare const __CCHC_WORKER_SOURCE__: string;

const WORKER_NAME = "cchc-tong-hop";

/** The single file's worker script as a Blob URL, made once and kept for the page's life (one worker per job). */
let inlineWorkerUrl: string | undefined;

export function createFileWorker(): Worker {
  if (__CCHC_SINGLE_FILE__) {
    // issue 16: a page opened from disk (file://) may not start a worker from a file beside it (Chromium refuses
    // any file:// script URL as cross-origin), but a worker from a Blob URL the page made itself is its own: this
    // works from file:// in Chromium (the e2e test runs it there). Where a browser refuses it anyway, the
    // constructor throws and createDefaultRunner (runner.ts) runs the job in-process instead, as it does for
    // any page that may not start workers; the same bytes, the same results, only less smooth.
    inlineWorkerUrl ??= URL.createObjectURL(new Blob([__CCHC_WORKER_SOURCE__], { type: "text/javascript" }));
    return new Worker(inlineWorkerUrl, { name: WORKER_NAME });
  }
  // webpack recognises only this exact shape: `new Worker(new URL("…", import.meta.url))`.
  return new Worker(
    // The chunk keeps the name it was first given: the end-to-end tests and the build report look for it.
    /* webpackChunkName: "aggregate-worker" */
    // @ts-expect-error TS1343: tsconfig says CommonJS (for jest); webpack compiles this file as an ES module.
    new URL("./file.worker.ts", import.meta.url),
    // A literal, as before: webpack reads this object when it bundles the worker.
    { name: "cchc-tong-hop" },
  );
}
