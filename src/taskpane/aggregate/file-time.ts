import type { UiLang } from "../strings";

const two = (n: number) => String(n).padStart(2, "0");

/**
 * When a file was last changed, as the officer reads a time (the computer's
 * clock): "01/07/2026 07:00" in Vietnamese (dd/mm/yyyy HH:mm), "2026-07-01
 * 07:00" in English; undefined when the browser gave no time.
 */
export function fileTime(ms: number | undefined, lang: UiLang): string | undefined {
  if (!ms) return undefined;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return undefined;
  const clock = `${two(d.getHours())}:${two(d.getMinutes())}`;
  return lang === "en"
    ? `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${clock}`
    : `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()} ${clock}`;
}
