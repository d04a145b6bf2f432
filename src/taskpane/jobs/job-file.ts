/** Picked files as the file worker receives them: read on the page (the browser's I/O), parsed in the worker. */
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

export async function toJobFile(file: File): Promise<JobFile> {
  const base = { name: file.name, modified: file.lastModified || undefined, size: file.size };
  if (file.size > LIMITS.maxFileBytes) return base;
  try {
    return { ...base, bytes: await read(file, "bytes") };
  } catch (error) {
    // e.g. the file was moved or deleted after it was picked
    return { ...base, readError: error instanceof Error ? error.message : String(error) };
  }
}
