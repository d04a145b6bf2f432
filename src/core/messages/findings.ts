import { formatNumberEn, formatNumberVi } from "../read/number";
import type { FindingCode, RawFindingOf } from "../validate/finding";
import { messages } from "./index";
import type { FindingText, FindingWriters, Lang } from "./types";

/** Decimals needed to show a typed figure exactly (42.809 → 3), else 2 for computed ones (51.923… → 51,92). */
function decimalsOf(x: number): number {
  for (let d = 0; d <= 4; d++) if (Math.abs(Number(x.toFixed(d)) - x) < 1e-9) return d;
  return 2;
}

/** A number in the language's notation; other values as text. */
export function numberText(lang: Lang): (x: unknown) => string {
  return (x) => {
    if (x === null || x === undefined) return messages(lang).blank;
    if (typeof x !== "number") return String(x);
    return lang === "en" ? formatNumberEn(x, decimalsOf(x)) : formatNumberVi(x, decimalsOf(x));
  };
}

/** A raw finding in words: message, suggestion, and expected/actual written in the language's notation. */
export function describeFinding<C extends FindingCode>(f: RawFindingOf<C>, lang: Lang): FindingText & { expected: string | null; actual: string | null } {
  const n = numberText(lang);
  const writers: FindingWriters = messages(lang).findings;
  const text = writers[f.code](f.params, n, f);
  const show = (x: number | string | null) => (x === null ? null : n(x));
  // Expected bounds come as "≤ 9275" from the rules; their number is written in the language's notation too
  // (actual values may be the user's own text, left as typed).
  const bound = (x: number | string | null) =>
    typeof x === "string" ? x.replace(/^([≤≥]\s*)(-?\d+(?:\.\d+)?)$/, (_, op: string, v: string) => op + n(Number(v))) : show(x);
  return { ...text, expected: bound(f.expected), actual: show(f.actual) };
}
