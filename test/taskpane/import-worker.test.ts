/**
 * Chuyển sang biểu mẫu chuẩn of a picked file runs in the file worker: the
 * "import" request, called directly as the worker's onmessage would, and
 * through the runner that talks to a worker.
 */
import { planToXlsx } from "../../src/adapters/xlsx/write-plan";
import { openWorkbook } from "../../src/adapters/xlsx/open-workbook";
import { windowFor } from "../../src/taskpane/jobs/preview";
import { createMessageHandler } from "../../src/taskpane/jobs/file.worker";
import type { JobFile, WorkerReply } from "../../src/taskpane/jobs/protocol";
import { createInProcessRunner, createWorkerRunner } from "../../src/taskpane/jobs/runner";
import { pastedSeedWorkbook } from "../support/pasted-seed";
import { loopbackWorker } from "../support/loopback-worker";
import { period } from "../support/plans";
import { importWorkbook } from "../../src/core/import";

const CREATED = "2026-06-20T08:00:00.000Z";
let seedBytes: Uint8Array;
beforeAll(async () => {
  seedBytes = await pastedSeedWorkbook();
}, 30_000);

const jobFile = (bytes: Uint8Array, name = "phu-luc-3.xlsx"): JobFile => ({ name, size: bytes.length, bytes: bytes.slice().buffer as ArrayBuffer });

describe('the file worker\'s "import" request', () => {
  it("reads the file as `cchc import` does: the same forms, values, findings and plan", async () => {
    const replies: WorkerReply[] = [];
    await createMessageHandler((r) => replies.push(r))({
      type: "import",
      job: { file: jobFile(seedBytes), lang: "vi", periodId: "2026-H1", createdAt: CREATED },
    });
    expect(replies.map((r) => r.type)).toEqual(["imported"]);
    const reply = replies[0];
    if (reply.type !== "imported") return;
    const opened = await openWorkbook(seedBytes, "phu-luc-3.xlsx");
    if (!opened.ok) throw new Error(opened.error.code);
    const cli = importWorkbook(opened.value, { period: period("2026-H1"), createdAt: CREATED });
    expect(reply.outcome).toEqual({ file: "phu-luc-3.xlsx", result: cli, preview: expect.any(Array) });
    // With the pasted cells around what reading found, for the sheet preview.
    expect(windowFor(reply.outcome.preview, { sheet: "Sheet1", row: 103, col: 4 })?.window.cells.A103).toEqual({ text: "1.1.", kind: "text" });
    // Plain data: it survives postMessage, and its plan writes the workbook the CLI writes (the zip's own timestamps aside).
    expect(structuredClone(reply.outcome)).toEqual(reply.outcome);
    const written = await openWorkbook(await planToXlsx(structuredClone(reply.outcome.result!.plan!)), "a.xlsx");
    const fromCli = await openWorkbook(await planToXlsx(cli.plan!), "b.xlsx");
    expect(written).toEqual(fromCli);
  }, 30_000);

  it("without a period, says what the sheet gives (its unit, its dates) and makes no plan; the chosen unit wins", async () => {
    const runner = createInProcessRunner();
    const signal = new AbortController().signal;
    const plain = await runner.importFile({ file: jobFile(seedBytes), lang: "vi", createdAt: CREATED }, { signal });
    expect(plain.result).toMatchObject({ unit: { name: "Ủy ban nhân dân phường Nhị Chiểu", from: "sheet" }, dates: ["09/6/2025"] });
    expect(plain.result!.period).toBeUndefined();
    expect(plain.result!.plan).toBeUndefined();
    const chosen = await runner.importFile(
      { file: jobFile(seedBytes), lang: "vi", unit: "Phường Nhị Chiểu", periodId: "2026-H1", createdAt: CREATED },
      { signal },
    );
    expect(chosen.result).toMatchObject({ unit: { name: "Phường Nhị Chiểu", from: "option" }, period: { id: "2026-H1", from: "option" } });
    expect(chosen.result!.plan).toBeDefined();
  }, 30_000);

  it("a file that cannot be opened is an outcome with its reason, not a failure", async () => {
    const csv = new TextEncoder().encode("a;b\n1;2\n");
    const outcome = await createInProcessRunner().importFile(
      { file: jobFile(csv, "bang.xlsx"), lang: "vi", createdAt: CREATED },
      { signal: new AbortController().signal },
    );
    expect(outcome).toEqual({ file: "bang.xlsx", error: expect.stringContaining("bang.xlsx: không phải tệp Excel .xlsx (nội dung giống tệp CSV)") });
  });

  it("runs in the worker: transfers the file's bytes, resolves with the outcome and ends the worker; a stop rejects at once", async () => {
    const { worker, transferred } = loopbackWorker();
    const file = jobFile(seedBytes);
    const outcome = await createWorkerRunner(() => worker).importFile(
      { file, lang: "vi", periodId: "2026-H1", createdAt: CREATED },
      { signal: new AbortController().signal },
    );
    expect(transferred).toEqual([[file.bytes]]);
    expect(Object.keys(outcome.result!.forms)).toEqual(["BM1", "BM2", "BM3", "BM4", "BM5", "BM6", "BM7"]);
    expect(worker.terminated).toBe(true);

    const stopped = loopbackWorker();
    const controller = new AbortController();
    const running = createWorkerRunner(() => stopped.worker).importFile(
      { file: jobFile(seedBytes), lang: "vi", createdAt: CREATED },
      { signal: controller.signal },
    );
    controller.abort();
    await expect(running).rejects.toMatchObject({ name: "AbortError" });
    expect(stopped.worker.terminated).toBe(true);
  }, 30_000);
});
