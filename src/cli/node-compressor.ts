import * as zlib from "node:zlib";
import { crc32 } from "../adapters/xlsx/write/zip";
import type { Compressor } from "../adapters/xlsx/write-plan";

/**
 * Node's zlib for the files the CLI writes: native deflate is several times
 * faster than fflate's (the ward workbook of a thousand units is 3 MB of XML).
 * zlib.crc32 is there from Node 20.15; before that, the writer's own.
 */
export const NODE_COMPRESSOR: Compressor = {
  deflateRaw: (data) => zlib.deflateRawSync(data, { level: 1 }),
  crc32: typeof zlib.crc32 === "function" ? (data) => zlib.crc32(data) : crc32,
  // In the thread pool, so the main thread writes the next part meanwhile. The output buffer is made big enough for
  // the whole result (deflate never grows data by more than ~0.1 % plus a few bytes): with the default 16 kB the
  // pool would hand each 16 kB back to the main thread, which is busy writing, and wait for it.
  deflateRawAsync: (data) =>
    new Promise((resolve, reject) =>
      zlib.deflateRaw(data, { level: 1, chunkSize: Math.max(zlib.constants.Z_MIN_CHUNK, data.length + (data.length >> 8) + 1024) }, (error, out) =>
        error ? reject(error) : resolve(out),
      ),
    ),
};
