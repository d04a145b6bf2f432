/** Issue 16's checks of an action's result in the pane: in view and focused, and in the officer's words. */
import type { Page } from "playwright-core";

/**
 * Where the outcome sits once shown, measured as the page lays it out (the
 * test never scrolls): the top of the focused result inside the viewport.
 */
export async function resultPlacement(page: Page, name: string) {
  return page.getByRole("group", { name, exact: true }).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { focused: el === document.activeElement, topInView: r.top >= 0 && r.top < window.innerHeight - 20, width: window.innerWidth };
  });
}

/**
 * What the officer reads must not show internal codes (MISSING_VALUE, BM_…)
 * or period ids (2026-H1): file names (which carry the period on purpose,
 * "BM-Phong-Tu-phap-2025-H1.xlsx") aside.
 */
export async function internalWords(page: Page): Promise<string[]> {
  const text = (await page.locator("body").innerText()).replace(/[\w.-]+\.xlsx\b/g, "");
  return [...text.matchAll(/[A-Z]+_[A-Z_]+|20\d\d-(?:Q1|H1|Q3|Y)\b/g)].map((m) => m[0]);
}
