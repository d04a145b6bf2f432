import type { FindingParamsOf } from "../validate/finding";
import type { FindingText, TextsByWhat } from "./types";

/** "2.2 + 2.3 + 2.4": rows of a sum or of parts that exceed a whole, as every language names them. */
export const joinParts = (stts: readonly string[]): string => stts.join(" + ");

/** "2.2: 0, 2.3: (trống)": the parts of a sum with their figures, each in the language's notation. */
export function partValues(parts: FindingParamsOf<"SUM_MISMATCH">["parts"], n: (x: unknown) => string): string {
  return parts.map((p) => `${p.stt}: ${n(p.figure)}`).join(", ");
}

/** The text of the kind `p.what` names, from a table that gives each kind its own params. */
export function textByWhat<P extends { what: string }>(p: P, table: TextsByWhat<P>): FindingText {
  // The table is typed per kind; TypeScript cannot relate p's kind to its entry, so it is looked up once, here.
  const write = table[p.what as P["what"]] as (p: P) => [string, string];
  const [message, suggestion] = write(p);
  return { message, suggestion };
}
