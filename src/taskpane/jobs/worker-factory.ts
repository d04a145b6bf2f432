/**
 * Starts the file worker (Kiểm tra, its conversion, and Tổng hợp). Its own module because `import.meta.url` is
 * how webpack 5 finds and bundles a worker, and jest (CommonJS) cannot load
 * it: runner.ts imports this only when a Worker is to be created.
 */
export function createFileWorker(): Worker {
  // webpack recognises only this exact shape: `new Worker(new URL("…", import.meta.url))`.
  return new Worker(
    // The chunk keeps the name it was first given: the end-to-end tests and the build report look for it.
    /* webpackChunkName: "aggregate-worker" */
    // @ts-expect-error TS1343: tsconfig says CommonJS (for jest); webpack compiles this file as an ES module.
    new URL("./file.worker.ts", import.meta.url),
    { name: "cchc-tong-hop" },
  );
}
