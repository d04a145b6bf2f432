import { loopbackWorker } from "../support/loopback-worker";

// The pane's default runner starts workers through worker-factory (webpack's `new Worker(new URL(…))`, which jest cannot load).
const started: ReturnType<typeof loopbackWorker>["worker"][] = [];
jest.mock("../../src/taskpane/jobs/worker-factory", () => ({
  createFileWorker: () => {
    const { worker } = loopbackWorker();
    started.push(worker);
    return worker;
  },
}));

import { createDefaultRunner } from "../../src/taskpane/jobs/runner";

const stopped = () => ({ signal: AbortSignal.abort() });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("a worker started while the files are chosen (warm), used by the next job", () => {
  const saved = (globalThis as { Worker?: unknown }).Worker;
  beforeAll(() => ((globalThis as { Worker?: unknown }).Worker = class {}));
  afterAll(() => ((globalThis as { Worker?: unknown }).Worker = saved));
  beforeEach(() => (started.length = 0));

  it("starts one worker ahead, once however often it is asked, and the next job takes that one", async () => {
    const runner = createDefaultRunner();
    runner.warm?.();
    runner.warm?.();
    await settle();
    expect(started).toHaveLength(1);
    const result = await runner.readPrevious({ file: { name: "khong-co.xlsx", size: 0 }, lang: "vi" }, { signal: new AbortController().signal });
    expect(result.error).toMatch(/khong-co\.xlsx/);
    expect(started).toHaveLength(1);
    expect(started[0].terminated).toBe(true);
  });

  it("without warming, each job starts its own worker", async () => {
    const runner = createDefaultRunner();
    await runner.readPrevious({ file: { name: "a.xlsx", size: 0 }, lang: "vi" }, { signal: new AbortController().signal });
    await expect(runner.readPrevious({ file: { name: "b.xlsx", size: 0 }, lang: "vi" }, stopped())).rejects.toMatchObject({ name: "AbortError" });
    expect(started).toHaveLength(2);
  });
});
