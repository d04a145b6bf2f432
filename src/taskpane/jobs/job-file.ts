/** Picked files as the file worker receives them, and read there: the browser's I/O goes on while the worker parses. */
import { LIMITS } from "../../core/limits";
import type { JobFile } from "./protocol";

/**
 * A picked file's content. FileReader rather than Blob.arrayBuffer(): the
 * webview of Excel 2019 (EdgeHTML) lacks the latter.
 */
export function read<T extends "bytes" | "text">(file: Blob, as: T): Promise<T extends "bytes" ? ArrayBuffer : string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as T extends "bytes" ? ArrayBuffer : string);
    reader.onerror = () => reject(reader.error ?? new Error("FileReader failed"));
    if (as === "bytes") reader.readAsArrayBuffer(file);
    else reader.readAsText(file);
  });
}

/**
 * A picked file as a job takes it: the file itself, read by the job where it
 * runs (the worker), not here. Reading a thousand files on the page before
 * the job started took ~0.5 s in which the progress never moved; the worker
 * now reads each a few files ahead of the one it parses (readAhead).
 */
export function toJobFile(file: File): JobFile {
  const base = { name: file.name, modified: file.lastModified || undefined, size: file.size };
  return file.size > LIMITS.maxFileBytes ? base : { ...base, blob: file };
}

/** A job's file with its content read, or with why it could not be (e.g. the file was moved or deleted after it was picked). */
export async function withBytes(file: JobFile): Promise<JobFile> {
  if (file.bytes || !file.blob) return file;
  const { blob, ...rest } = file;
  try {
    return { ...rest, bytes: await read(blob, "bytes") };
  } catch (error) {
    return { ...rest, readError: error instanceof Error ? error.message : String(error) };
  }
}

/** Files read at most this many ahead of the one being parsed: enough to keep the browser's I/O busy, few enough to hold little memory. */
export const READ_AHEAD = 16;

/**
 * The files of a job, each read once the job is within READ_AHEAD files of
 * it, so reading goes on while earlier files are parsed. `next(i)` must be
 * asked in order; it never rejects.
 */
export function readAhead(files: readonly JobFile[], ahead = READ_AHEAD): (i: number) => Promise<JobFile> {
  const pending = new Map<number, Promise<JobFile>>();
  let started = 0;
  return (i) => {
    for (; started < files.length && started <= i + ahead; started++) pending.set(started, withBytes(files[started]));
    const file = pending.get(i) ?? withBytes(files[i]);
    pending.delete(i);
    return file;
  };
}
