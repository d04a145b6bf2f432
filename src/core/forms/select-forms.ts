import { CATALOGUE } from "./catalogue";
import type { Catalogue } from "./schema";
import type { Result } from "../result";

/**
 * Parses a list such as "BM1,bm4, 7" into catalogue form ids, in catalogue
 * order and without repeats. An empty list means every form.
 */
export function selectForms(
  spec: string | readonly string[] | undefined,
  catalogue: Catalogue = CATALOGUE,
): Result<string[], { code: "UNKNOWN_FORM"; input: string; known: string }> {
  const known = catalogue.forms.map((f) => f.id);
  const parts = (typeof spec === "string" ? spec.split(/[,;\s]+/) : (spec ?? [])).map((s) => s.trim()).filter(Boolean);
  if (parts.length === 0) return { ok: true, value: known };
  const wanted = new Set<string>();
  for (const part of parts) {
    const m = /^(?:bm|biểu mẫu|bieu mau)?\s*(\d+)$/i.exec(part);
    const id = m ? `BM${Number(m[1])}` : part.toUpperCase();
    if (!known.includes(id)) return { ok: false, error: { code: "UNKNOWN_FORM", input: part, known: known.join(", ") } };
    wanted.add(id);
  }
  return { ok: true, value: known.filter((id) => wanted.has(id)) };
}
