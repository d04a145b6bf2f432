/**
 * @jest-environment jsdom
 */
import "../support/jsdom-globals";
import { READ_AHEAD, readAhead, toJobFile, withBytes } from "../../src/taskpane/jobs/job-file";
import { LIMITS } from "../../src/core/limits";

const picked = (n: number) => Array.from({ length: n }, (_, i) => new File([`tệp ${i}`], `don-vi-${i}.xlsx`, { lastModified: 1_750_000_000_000 + i }));
const text = (bytes: ArrayBuffer | undefined) => new TextDecoder().decode(bytes);

describe("picked files are read by the job, a few ahead of the one it parses", () => {
  let reads: jest.SpyInstance;
  beforeEach(() => (reads = jest.spyOn(FileReader.prototype, "readAsArrayBuffer")));
  afterEach(() => reads.mockRestore());

  it("a picked file is handed over unread, with its name, time and size", () => {
    const [file] = picked(1);
    expect(toJobFile(file)).toEqual({ name: "don-vi-0.xlsx", modified: 1_750_000_000_000, size: file.size, blob: file });
    expect(reads).not.toHaveBeenCalled();
  });

  it("a file over the size limit is never read", async () => {
    const big = new File(["x"], "qua-lon.xlsx");
    Object.defineProperty(big, "size", { value: LIMITS.maxFileBytes + 1 });
    const job = toJobFile(big);
    expect(job.blob).toBeUndefined();
    expect(await withBytes(job)).toEqual(job);
    expect(reads).not.toHaveBeenCalled();
  });

  it("reads each file once, in order, never more than READ_AHEAD past the one asked for", async () => {
    const files = picked(READ_AHEAD * 3).map(toJobFile);
    const next = readAhead(files);
    for (let i = 0; i < files.length; i++) {
      const read = await next(i);
      expect(reads.mock.calls.length).toBeLessThanOrEqual(Math.min(files.length, i + READ_AHEAD + 1));
      expect(read.blob).toBeUndefined();
      expect(text(read.bytes)).toBe(`tệp ${i}`);
    }
    expect(reads).toHaveBeenCalledTimes(files.length);
  });

  it("a file the browser cannot read is given with why, not thrown", async () => {
    reads.mockImplementation(function (this: FileReader) {
      Object.defineProperty(this, "error", { value: new DOMException("The requested file could not be read", "NotReadableError") });
      setTimeout(() => this.onerror?.(new ProgressEvent("error") as ProgressEvent<FileReader>));
    });
    const read = await readAhead(picked(2).map(toJobFile))(0);
    expect(read).toMatchObject({ name: "don-vi-0.xlsx", readError: "The requested file could not be read" });
    expect(read.bytes).toBeUndefined();
  });
});
