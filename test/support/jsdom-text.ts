/**
 * jsdom has no TextDecoder/TextEncoder, which browsers (and Node) have; the
 * .xlsx reader needs them. Import this first in a jsdom test that opens files.
 */
import { TextDecoder, TextEncoder } from "util";

const g = globalThis as unknown as Record<string, unknown>;
g.TextDecoder ??= TextDecoder;
g.TextEncoder ??= TextEncoder;
