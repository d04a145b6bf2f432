/** A Blob's content, read as the pane reads picked files (jsdom's Blob has neither text() nor arrayBuffer()). */
function readBlob<T extends "text" | "bytes">(blob: Blob, as: T): Promise<T extends "text" ? string : Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      resolve((as === "text" ? String(reader.result) : new Uint8Array(reader.result as ArrayBuffer)) as T extends "text" ? string : Uint8Array);
    reader.onerror = () => reject(reader.error);
    if (as === "text") reader.readAsText(blob);
    else reader.readAsArrayBuffer(blob);
  });
}

/** A Blob's text. */
export const textOf = (blob: Blob): Promise<string> => readBlob(blob, "text");

/** A Blob's bytes. */
export const bytesOf = (blob: Blob): Promise<Uint8Array> => readBlob(blob, "bytes");
