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
};
