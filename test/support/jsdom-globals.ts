/**
 * What browsers (and workers) have but jest's jsdom environment lacks, taken
 * from Node. Import it first in a jsdom test that reads .xlsx bytes.
 */
import { TextDecoder, TextEncoder } from "node:util";

const g = globalThis as Record<string, unknown>;
g.TextDecoder ??= TextDecoder;
g.TextEncoder ??= TextEncoder;
