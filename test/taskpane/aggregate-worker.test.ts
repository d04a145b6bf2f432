/**
 * The aggregation worker's message handler, called directly (as the worker's
 * onmessage would), and the runner that talks to a worker.
 */
import { planToXlsx } from "../../src/adapters/xlsx/write-plan";
import { buildWorkbookPlan } from "../../src/core/layout/workbook-plan";
import { SAMPLE_UNITS } from "../../src/core/sample/demo-units";
import { createMessageHandler } from "../../src/taskpane/jobs/file.worker";
import type { AggregateJob, JobFile, WorkerReply, WorkerRequest } from "../../src/taskpane/jobs/protocol";
import { createInProcessRunner, createWorkerRunner } from "../../src/taskpane/jobs/runner";
import { windowFor } from "../../src/taskpane/jobs/preview";
import { loopbackWorker } from "../support/loopback-worker";
import { period } from "../support/plans";
import { fileUseDetail } from "../../src/core/messages/file-use";
import { toFinding } from "../../src/core/messages/word";

const toArrayBuffer = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer as ArrayBuffer;

let FILES: JobFile[];

beforeAll(async () => {
  FILES = [];
  for (const unit of SAMPLE_UNITS) {
    const plan = buildWorkbookPlan({ unit: unit.name, period: period(), forms: unit.forms, figures: unit.figures, createdAt: "2026-06-20T08:00:00.000Z" });
    const bytes = await planToXlsx(plan);
    FILES.push({ name: `${unit.code}.xlsx`, modified: 1_780_000_000_000, size: bytes.length, bytes: toArrayBuffer(bytes) });
  }
  const csv = new TextEncoder().encode("a;b\n1;2\n");
  FILES.push({ name: "bang-tinh.xlsx", size: csv.length, bytes: toArrayBuffer(csv) });
  FILES.push({ name: "qua-lon.xlsx", size: 21 * 1024 * 1024 });
}, 60_000);

const job = (extra: Partial<AggregateJob> = {}): AggregateJob => ({ files: FILES.map((f) => ({ ...f })), lang: "vi", ...extra });

function collect() {
  const replies: WorkerReply[] = [];
  return { replies, handle: createMessageHandler((r) => replies.push(r)) };
}

describe("the aggregation worker's message handler", () => {
  it("opens every file, reports progress after each, then posts the ward's result", async () => {
    const { replies, handle } = collect();
    // The pane always gives the ward's name (the built-in setup has none).
    await handle({ type: "start", job: job({ ward: "Phường Nhị Chiểu" }) });

    const progress = replies.filter((r) => r.type === "progress");
    expect(progress).toEqual(FILES.map((f, i) => ({ type: "progress", done: i + 1, total: FILES.length, file: f.name })));
    const last = replies[replies.length - 1];
    expect(last.type).toBe("result");
    if (last.type !== "result") return;
    const { result } = last;
    expect(result.ward).toBe("Phường Nhị Chiểu");
    expect(result.periodId).toBe("2026-H1");
    expect(result.files.filter((f) => f.status === "used").map((f) => f.unitCode)).toEqual(["VHXH", "VP", "TTPVHCC", "KT"]);
    // BM7 1.1.1 is its lead's figure (TTPVHCC, 99), never added to another unit's.
    expect(result.values.BM7["1.1.1"]).toBe(99);
    expect(result.findings.filter((f) => f.code === "UNIT_MISSING").map((f) => toFinding(f, "vi").message)).toEqual([
      "Trung tâm Dịch vụ sự nghiệp công chưa gửi số liệu BM1.",
    ]);
    const unreadable = result.files.filter((f) => f.status === "unreadable");
    expect(unreadable.map((f) => fileUseDetail(f, "vi"))).toEqual([
      expect.stringContaining("bang-tinh.xlsx: không phải tệp Excel .xlsx (nội dung giống tệp CSV)"),
      expect.stringContaining("qua-lon.xlsx: tệp quá lớn (21 MB, tối đa 20 MB)"),
    ]);
    // Plain data: it survives postMessage.
    expect(structuredClone(result)).toEqual(result);
  });

  it("stops between two files when told to cancel", async () => {
    const replies: WorkerReply[] = [];
    // The handler cancels its own run from inside its reply callback, which runs after it is assigned.
    const handle: (request: WorkerRequest) => Promise<void> = createMessageHandler((r) => {
      replies.push(r);
      if (r.type === "progress" && r.done === 1) void handle({ type: "cancel" });
    });
    await handle({ type: "start", job: job() });
    expect(replies.filter((r) => r.type === "progress")).toHaveLength(1);
    expect(replies[replies.length - 1]).toEqual({ type: "cancelled" });
  });

  it.each([
    ["an empty list of units", "vi", { ward: "Phường A", units: [] }, 'Danh sách đơn vị "don-vi.json" không hợp lệ: sai hoặc thiếu các mục "units"'],
    [
      "wrong entries",
      "vi",
      { ward: "", units: [{ code: "a b", name: 3 }] },
      'không hợp lệ: sai hoặc thiếu các mục "ward", "units.0.code", "units.0.name", "units.0.forms"',
    ],
    ["a value that is no setup", "vi", "danh sách", 'không hợp lệ: nội dung không phải một danh sách đơn vị (cần có "ward" và "units")'],
    ["an empty list of units, in English", "en", { ward: "Phường A", units: [] }, 'wrong or missing entries "units"'],
  ] as const)("names what is wrong in a setup in the job's language, never the checker's English: %s", async (_label, lang, value, said) => {
    const { replies, handle } = collect();
    await handle({ type: "start", job: job({ setup: { name: "don-vi.json", value: value as never }, lang }) });
    const last = replies[replies.length - 1];
    if (last.type !== "failed") throw new Error(last.type);
    expect(last.failure.code).toBe("REGISTRY_INVALID");
    expect(last.failure.message).toContain(said);
    expect(last.failure.message).not.toMatch(/Invalid|Too small|expected|received/);
  });

  it("takes the ward's setup from the pane's store as data, and checks it again", async () => {
    const units = [{ code: "VP", name: "Văn phòng HĐND và UBND", aliases: [], forms: ["BM1", "BM2"] }];
    const { replies, handle } = collect();
    await handle({
      type: "start",
      job: job({ files: FILES.slice(1, 2), setup: { name: "Đơn vị của phường", value: { units, leads: { BM2: "VP" }, combine: {} } }, ward: "Phường Ái Quốc" }),
    });
    expect(replies[replies.length - 1]).toMatchObject({
      type: "result",
      result: { ward: "Phường Ái Quốc", units: [{ code: "VP" }], forms: { BM2: { lead: { code: "VP" } } } },
    });

    const bad = collect();
    await bad.handle({ type: "start", job: job({ setup: { name: "Đơn vị của phường", value: { units: [], leads: {}, combine: {} } } }) });
    expect(bad.replies).toEqual([
      { type: "failed", failure: { code: "REGISTRY_INVALID", message: 'Danh sách đơn vị "Đơn vị của phường" không hợp lệ: sai hoặc thiếu các mục "units"' } },
    ]);
  });

  it("uses the setup and ward name given", async () => {
    const setup = {
      ward: "Phường Ái Quốc",
      units: [{ code: "VP", name: "Văn phòng HĐND và UBND", aliases: [], forms: ["BM1", "BM2"] }],
      leads: {},
      combine: {},
    };
    const { replies, handle } = collect();
    await handle({ type: "start", job: job({ files: FILES.slice(1, 2), setup: { name: "u.json", value: setup }, ward: "Phường Ái Quốc" }) });
    const last = replies[replies.length - 1];
    expect(last).toMatchObject({ type: "result", result: { ward: "Phường Ái Quốc", units: [{ code: "VP" }] } });
  });
});

describe("the worker's Kiểm tra jobs", () => {
  it("validates each file in turn, posting each file's outcome as it is known, then all of them", async () => {
    const { replies, handle } = collect();
    await handle({ type: "validate", job: { files: FILES.map((f) => ({ ...f })), lang: "en" } });
    const checked = replies.filter((r) => r.type === "checked");
    expect(checked.map((r) => r.type === "checked" && [r.done, r.total, r.file])).toEqual(FILES.map((f, i) => [i + 1, FILES.length, f.name]));
    const last = replies[replies.length - 1];
    expect(last.type).toBe("validated");
    if (last.type !== "validated") return;
    expect(last.checks.map((c) => c.file)).toEqual(FILES.map((f) => f.name));
    expect(last.checks.slice(0, SAMPLE_UNITS.length).every((c) => c.result && !c.error)).toBe(true);
    expect(last.checks[SAMPLE_UNITS.length].error).toMatch(/bang-tinh\.xlsx/);
    expect(last.checks[SAMPLE_UNITS.length + 1].error).toMatch(/qua-lon\.xlsx/);
    // Plain data: it survives postMessage.
    expect(structuredClone(last.checks)).toEqual(last.checks);
  });

  it("names a file the browser could not read in the job's language, never with the browser's English reason", async () => {
    const gone: JobFile = { name: "da-xoa.xlsx", size: 1234, readError: "The requested file could not be read, typically due to permission problems" };
    for (const [lang, reason] of [
      ["vi", "da-xoa.xlsx: không đọc được tệp (tệp đã bị chuyển đi, xóa hoặc bị khóa sau khi chọn; hãy chọn lại tệp)."],
      ["en", "the file was moved, deleted or locked after it was chosen; choose it again"],
    ] as const) {
      const { replies, handle } = collect();
      await handle({ type: "validate", job: { files: [{ ...gone }], lang } });
      const last = replies[replies.length - 1];
      if (last.type !== "validated") throw new Error(last.type);
      expect(last.checks[0].error).toContain(reason);
      expect(last.checks[0].error).not.toMatch(/requested file|permission/);
    }
  });

  it("sends each checked file's preview cells with its findings, bounded, as plain data", async () => {
    const wrong = SAMPLE_UNITS.find((u) => u.code === "tt-pvhcc")!;
    const plan = buildWorkbookPlan({
      unit: wrong.name,
      period: period(),
      forms: ["BM7"],
      figures: { BM7: { ...wrong.figures.BM7, "1.3.1": 352, "1.3.2": 372 } },
      createdAt: "2026-06-20T08:00:00.000Z",
    });
    const bytes = await planToXlsx(plan);
    const { replies, handle } = collect();
    await handle({
      type: "validate",
      job: { files: [{ name: "loi.xlsx", size: bytes.length, bytes: toArrayBuffer(bytes) }, ...FILES.slice(0, 1).map((f) => ({ ...f }))], lang: "vi" },
    });
    const last = replies[replies.length - 1];
    if (last.type !== "validated") throw new Error(last.type);
    const [check, clean] = last.checks;
    const finding = check.result!.findings.find((f) => f.code === "PART_EXCEEDS_WHOLE")!;
    expect(toFinding(finding, "vi").cell).toBe("BM7!D17");
    const place = windowFor(check.preview, finding.at)!;
    expect(place.window.cells.D17).toEqual({ text: "372", kind: "number" });
    expect(place.window.cells.D16).toEqual({ text: "352", kind: "number" });
    // Only the sheets with findings, and only their cells.
    expect(check.preview!.map((w) => w.sheet)).toEqual(["BM7"]);
    expect(clean.preview).toBeUndefined();
    expect(structuredClone(last.checks)).toEqual(last.checks);
  });

  it("stops between two files when told to cancel", async () => {
    const replies: WorkerReply[] = [];
    // The handler cancels its own run from inside its reply callback, which runs after it is assigned.
    const handle: (request: WorkerRequest) => Promise<void> = createMessageHandler((r) => {
      replies.push(r);
      if (r.type === "checked" && r.done === 1) void handle({ type: "cancel" });
    });
    await handle({ type: "validate", job: { files: FILES.map((f) => ({ ...f })), lang: "vi" } });
    expect(replies.filter((r) => r.type === "checked")).toHaveLength(1);
    expect(replies[replies.length - 1]).toEqual({ type: "cancelled" });
  });
});

describe("the worker runner", () => {
  it("transfers the files' bytes, passes progress on, resolves with the result and ends the worker", async () => {
    const { worker, transferred } = loopbackWorker();
    const seen: number[] = [];
    const input = job();
    const result = await createWorkerRunner(() => worker).run(input, { onProgress: (p) => seen.push(p.done), signal: new AbortController().signal });
    expect(transferred).toEqual([input.files.filter((f) => f.bytes).map((f) => f.bytes)]);
    expect(seen).toEqual(FILES.map((_, i) => i + 1));
    expect(result.files).toHaveLength(FILES.length);
    expect(worker.terminated).toBe(true);
  });

  it("sends the provenance as JSON text, and the page's result equals the one made in-process, provenance and all", async () => {
    const replies: WorkerReply[] = [];
    await createMessageHandler((r) => replies.push(r))({ type: "start", job: job({ ward: "Phường Nhị Chiểu" }) });
    const reply = replies[replies.length - 1];
    if (reply.type !== "result") throw new Error(reply.type);
    expect(typeof reply.provenance).toBe("string");
    expect("provenance" in reply.result).toBe(false);

    const options = { onProgress: () => undefined, signal: new AbortController().signal };
    const viaWorker = await createWorkerRunner(() => loopbackWorker().worker).run(job({ ward: "Phường Nhị Chiểu" }), options);
    const inProcess = await createInProcessRunner().run(job({ ward: "Phường Nhị Chiểu" }), options);
    expect(Object.keys(viaWorker.provenance).length).toBeGreaterThan(0);
    expect(viaWorker.provenance).toEqual(inProcess.provenance);
    expect({ ...viaWorker }).toEqual(inProcess);
  });

  it("stops at once when aborted, ending the worker", async () => {
    const { worker } = loopbackWorker();
    const controller = new AbortController();
    const running = createWorkerRunner(() => worker).run(job(), {
      onProgress: (p) => p.done === 2 && controller.abort(),
      signal: controller.signal,
    });
    await expect(running).rejects.toMatchObject({ name: "AbortError" });
    expect(worker.terminated).toBe(true);
  });

  it("runs Kiểm tra in the worker too: transfers the bytes, passes each file's outcome on, ends the worker", async () => {
    const { worker, transferred } = loopbackWorker();
    const seen: string[] = [];
    const files = FILES.map((f) => ({ ...f }));
    const checks = await createWorkerRunner(() => worker).validate(
      { files, lang: "vi" },
      { onProgress: (p) => seen.push(p.check.file), signal: new AbortController().signal },
    );
    expect(transferred).toEqual([files.filter((f) => f.bytes).map((f) => f.bytes)]);
    expect(seen).toEqual(FILES.map((f) => f.name));
    expect(checks.map((c) => c.file)).toEqual(seen);
    expect(worker.terminated).toBe(true);
  });

  it("turns a failure posted by the worker into an AggregateFailure", async () => {
    const { worker } = loopbackWorker();
    const running = createWorkerRunner(() => worker).run(job({ setup: { name: "x.json", value: {} as never } }), {
      onProgress: () => undefined,
      signal: new AbortController().signal,
    });
    await expect(running).rejects.toMatchObject({ name: "AggregateFailure", code: "REGISTRY_INVALID" });
  });
});

describe("Kỳ trước in the worker", () => {
  /** A unit's file of Quý I whose cumulative BM1 2.2 is above the sample's 6-month figure. */
  async function earlierFile(): Promise<JobFile> {
    const vhxh = SAMPLE_UNITS.find((u) => u.code === "vhxh")!;
    const figures = { ...vhxh.figures, BM1: { ...vhxh.figures.BM1, "2.1": 900, "2.2": 800 } };
    const bytes = await planToXlsx(
      buildWorkbookPlan({ unit: vhxh.name, period: period("2026-Q1"), forms: vhxh.forms, figures, createdAt: "2026-04-01T08:00:00.000Z" }),
    );
    return { name: "vhxh-2026-Q1.xlsx", size: bytes.length, bytes: toArrayBuffer(bytes) };
  }

  it("reads the earlier file's figures once, as plain data, and says why a file that is no workbook cannot be read", async () => {
    const { replies, handle } = collect();
    await handle({ type: "previous", job: { file: await earlierFile(), lang: "vi" } });
    const reply = replies[0];
    expect(reply.type).toBe("earlier");
    if (reply.type !== "earlier") return;
    expect(reply.outcome.earlier).toMatchObject({ file: "vhxh-2026-Q1.xlsx", periodId: "2026-Q1", unit: "Phòng Văn hóa - Xã hội", hasForms: true });
    expect(reply.outcome.earlier?.figures.BM1["2.2"]).toBe(800);
    // Plain data: it crosses postMessage as it is.
    expect(structuredClone(reply.outcome)).toEqual(reply.outcome);

    const csv = FILES.find((f) => f.name === "bang-tinh.xlsx")!;
    await handle({ type: "previous", job: { file: { ...csv }, lang: "vi" } });
    const failed = replies[1];
    expect(failed.type === "earlier" && failed.outcome.error).toMatch(/^bang-tinh\.xlsx: /);
  });

  it("compares each checked file with it: the findings go with the file's own, counted with them", async () => {
    const { replies, handle } = collect();
    await handle({ type: "previous", job: { file: await earlierFile(), lang: "vi" } });
    const earlier = replies[0].type === "earlier" ? replies[0].outcome.earlier : undefined;
    const vhxh = FILES.find((f) => f.name === "vhxh.xlsx")!;
    await handle({ type: "validate", job: { files: [{ ...vhxh }], lang: "vi", previous: earlier } });
    const last = replies[replies.length - 1];
    if (last.type !== "validated") throw new Error(`unexpected reply ${last.type}`);
    const result = last.checks[0].result!;
    const fell = result.findings.filter((f) => f.code === "CUMULATIVE_DECREASED");
    expect(fell.length).toBeGreaterThan(0);
    expect(fell.every((f) => f.at?.sheet === "BM1")).toBe(true);
    expect(result.counts.error).toBe(result.findings.filter((f) => f.severity === "error").length);
  });
});
