/** "2.2: 0, 2.3: (trống)": the parts of a sum with their figures, from SUM_MISMATCH's "part <stt>" params. */
export function partValues(p: Record<string, string | number | null>, n: (x: unknown) => string): string {
  return String(p.parts)
    .split(" + ")
    .map((stt) => `${stt}: ${n(p[`part ${stt}`])}`)
    .join(", ");
}
