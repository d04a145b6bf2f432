import type { Theme } from "@fluentui/react-components";

/** True for a background colour ("#RRGGBB") dark enough to need the dark theme. */
export function isDark(color: string | undefined): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color ?? "");
  if (!m) return false;
  const [r, g, b] = m.slice(1).map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

/** True for a dark Fluent theme (judged by its page background, so no theme object need be imported to compare). */
export const isDarkTheme = (theme: Theme): boolean => isDark(theme.colorNeutralBackground1);
