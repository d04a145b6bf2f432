import type { CellValue } from "./snapshot";

/**
 * How a cell's content reads as a number, in Vietnamese notation first
 * (1.234,5: dot for thousands, comma for decimals). Nothing is guessed:
 * a text that reads two ways is "ambiguous" with both readings.
 */
export type NumberReading =
  | { kind: "blank" }
  | { kind: "number"; value: number; from: "number" }
  | { kind: "number"; value: number; from: "text"; notation: TextNotation; percent: boolean }
  | { kind: "ambiguous"; readings: [number, number]; raw: string; percent: boolean }
  | { kind: "text"; raw: string };

/** Which spelling a number typed as text used; kept so messages can explain the reading. */
export type TextNotation =
  | "plain" // 9275, 01, 12
  | "vi-thousands" // 9.275, 1.234.567
  | "vi-decimal" // 12,5 · 1.234,5
  | "en-decimal" // 12.5 (a dot that cannot be a thousands separator)
  | "en-full" // 1,234.5 · 1,234,567
  | "spaced"; // 9 275

const SPACES = /[\s\u00a0\u202f]/g;

/** Reads a cell value (a number, or text as typed) without guessing. */
export function readNumber(value: CellValue): NumberReading {
  if (value === null || value === undefined) return { kind: "blank" };
  if (typeof value === "number") return Number.isFinite(value) ? { kind: "number", value, from: "number" } : { kind: "text", raw: String(value) };
  if (typeof value === "boolean") return { kind: "text", raw: String(value) };
  const raw = value;
  let s = raw.trim();
  if (s === "") return { kind: "blank" };
  const percent = s.endsWith("%");
  if (percent) s = s.slice(0, -1).trim();
  let sign = 1;
  if (/^[-+−]/.test(s)) {
    sign = s.startsWith("+") ? 1 : -1;
    s = s.slice(1).trim();
  }
  // Hundreds of digits make no number a form can hold (Number() gives Infinity): text, not a figure.
  const num = (v: number, notation: TextNotation): NumberReading =>
    Number.isFinite(v) ? { kind: "number", value: sign * v, from: "text", notation, percent } : { kind: "text", raw };
  const digits = (t: string) => Number(t.replace(/[.,\s\u00a0\u202f]/g, ""));

  if (/^\d+$/.test(s)) return num(Number(s), "plain");
  // A thousands group never starts with 0: "0.500" is not five hundred.
  if (/^[1-9]\d{0,2}([\s\u00a0\u202f]\d{3})+$/.test(s)) return num(Number(s.replace(SPACES, "")), "spaced");
  if (/^[1-9]\d{0,2}(\.\d{3})+$/.test(s)) return num(digits(s), "vi-thousands");
  if (/^[1-9]\d{0,2}(\.\d{3})+,\d+$/.test(s) || /^\d+,\d+$/.test(s)) {
    const [intPart, frac] = s.split(",");
    const vi = Number(`${intPart.replace(/\./g, "")}.${frac}`);
    // "42,809": Vietnamese 42,809 (decimal) or English 42,809 (thousands)? Only a plain 1–3 digit head with
    // exactly three decimals reads both ways.
    if (frac.length === 3 && /^[1-9]\d{0,2}$/.test(intPart)) {
      return { kind: "ambiguous", readings: [sign * vi, sign * Number(intPart + frac)], raw, percent };
    }
    return num(vi, "vi-decimal");
  }
  if (/^[1-9]\d{0,2}(,\d{3}){2,}$/.test(s)) return num(digits(s), "en-full");
  if (/^[1-9]\d{0,2}(,\d{3})+\.\d+$/.test(s)) return num(Number(s.replace(/,/g, "")), "en-full");
  if (/^\d+\.\d+$/.test(s)) return num(Number(s), "en-decimal");
  return { kind: "text", raw };
}

/** Writes a number the Vietnamese way: 1234.5 → "1.234,5" (at most `decimals` decimals, no trailing zeros). */
export function formatNumberVi(value: number, decimals = 2): string {
  const fixed = Math.abs(value).toFixed(decimals);
  // -0.001 shown with two decimals is "0", not "-0".
  const sign = value < 0 && /[1-9]/.test(fixed) ? "-" : "";
  const [intPart, frac = ""] = fixed.split(".");
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const trimmed = frac.replace(/0+$/, "");
  return `${sign}${grouped}${trimmed ? `,${trimmed}` : ""}`;
}

/** Writes a number the English way: 1234.5 → "1,234.5". */
export function formatNumberEn(value: number, decimals = 2): string {
  return formatNumberVi(value, decimals).replace(/[.,]/g, (c) => (c === "." ? "," : "."));
}
