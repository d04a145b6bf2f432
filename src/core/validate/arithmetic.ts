import { readNumber } from "../read/number";

/** Nesting of parentheses and signs a typed formula may have ("= ((27))/52*100" has 3). */
const MAX_DEPTH = 100;

/**
 * Evaluates a formula typed as text with its figures ("= 27/52*100",
 * "= 9.275/9.275*100"): numbers in Vietnamese notation, + - * / and
 * parentheses only. undefined for anything else (letters, cell references).
 */
export function evaluateTypedArithmetic(text: string): number | undefined {
  const src = text.trim().replace(/^=/, "");
  const tokens = src.match(/\d[\d.,]*|[-+*/()×:]|\S/g);
  if (!tokens) return undefined;
  let i = 0;
  // Parentheses and signs nest by recursion: deeper than anyone types, it is no arithmetic (and no stack overflow).
  let depth = 0;
  const peek = () => tokens[i];
  const next = () => tokens[i++];
  const primary = (): number | undefined => {
    if (++depth > MAX_DEPTH) return undefined;
    const v = primaryAt();
    depth--;
    return v;
  };
  const primaryAt = (): number | undefined => {
    const t = next();
    if (t === "(") {
      const v = sum();
      return next() === ")" ? v : undefined;
    }
    if (t === "-") {
      const v = primary();
      return v === undefined ? undefined : -v;
    }
    if (t === undefined || !/^\d/.test(t)) return undefined;
    const r = readNumber(t);
    return r.kind === "number" ? r.value : undefined;
  };
  const product = (): number | undefined => {
    let v = primary();
    while (v !== undefined && ["*", "/", "×", ":"].includes(peek() ?? "")) {
      const op = next();
      const r = primary();
      if (r === undefined) return undefined;
      v = op === "/" || op === ":" ? v / r : v * r;
    }
    return v;
  };
  const sum = (): number | undefined => {
    let v = product();
    while (v !== undefined && ["+", "-"].includes(peek() ?? "")) {
      const op = next();
      const r = product();
      if (r === undefined) return undefined;
      v = op === "+" ? v + r : v - r;
    }
    return v;
  };
  const value = sum();
  return i === tokens.length && value !== undefined && Number.isFinite(value) ? value : undefined;
}
