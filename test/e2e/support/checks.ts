/**
 * What every end-to-end test looks at besides its own flow: axe-core's
 * verdict, a page that fits 320 px, and the screenshots the README links.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Locator, Page } from "playwright-core";
import type { AxeResults, Result } from "axe-core";

const AXE = require.resolve("axe-core/axe.min.js");
const SCREENSHOTS = path.resolve(__dirname, "..", "..", "..", "docs", "screenshots");

/** One axe violation, short enough to read in a failed expectation. */
export interface Violation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

const short = (v: Result): Violation => ({
  id: v.id,
  impact: v.impact ?? "unknown",
  help: v.help,
  targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
});

/** Every violation axe-core finds on the page (or within `include`), WCAG 2.x A/AA and best practices. */
export async function axeViolations(page: Page, include?: string): Promise<Violation[]> {
  if (!(await page.evaluate(() => "axe" in window))) {
    await page.addScriptTag({ path: AXE });
    // Colours are judged as they end up, not halfway through a Fluent fade (a button that just appeared
    // once measured below the contrast threshold mid-transition).
    await page.addStyleTag({ content: "*, *::before, *::after { transition: none !important; animation: none !important; }" });
  }
  const results = (await page.evaluate(
    (selector) =>
      (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<unknown> } }).axe.run(selector ? { include: [selector] } : document, {
        resultTypes: ["violations"],
      }),
    include ?? null,
  )) as AxeResults;
  return results.violations
    .map(withoutTabsterDummies)
    .filter((v): v is Result => v !== null)
    .map(short);
}

/**
 * Fluent v9's focus manager (tabster) puts `<i tabindex="0" aria-hidden="true"
 * data-tabster-dummy>` around arrow-key groups such as the TabList: focusable
 * on purpose (they hand focus on at once) and hidden from screen readers on
 * purpose. axe flags them as aria-hidden-focus; Fluent calls that by design
 * (microsoft/fluentui#27517, microsoft/tabster#288) and Accessibility Insights
 * suppresses exactly these nodes, so they are dropped here, and only they.
 */
function withoutTabsterDummies(v: Result): Result | null {
  if (v.id !== "aria-hidden-focus") return v;
  const nodes = v.nodes.filter((n) => !/^<i\b[^>]*\bdata-tabster-dummy\b/.test(n.html));
  return nodes.length > 0 ? { ...v, nodes } : null;
}

/** The serious and critical ones: what a test fails on (the rest goes to the report). */
export const severe = (violations: Violation[]) => violations.filter((v) => v.impact === "serious" || v.impact === "critical");

/** How far the page is wider than its viewport (0 when nothing sticks out sideways). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
}

/** Saves docs/screenshots/<name>.png: the whole pane as a user scrolls through it. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  // Caret and spinner animations are not what the picture is about.
  await page.screenshot({ path: file, fullPage: true, animations: "disabled", caret: "hide" });
  return file;
}

/** The bytes of what a click downloads, and the name the browser would save it under. */
export async function download(page: Page, trigger: Locator): Promise<{ name: string; bytes: Uint8Array }> {
  const [dl] = await Promise.all([page.waitForEvent("download"), trigger.click()]);
  const file = await dl.path();
  return { name: dl.suggestedFilename(), bytes: new Uint8Array(fs.readFileSync(file)) };
}

/**
 * Drops files on an element the way a file manager does: dragenter, dragover
 * and drop events carrying a DataTransfer with real File objects.
 */
export async function dropFiles(target: Locator, files: { name: string; bytes: Uint8Array }[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, base64: Buffer.from(f.bytes).toString("base64") }));
  await target.evaluate((el, list) => {
    const transfer = new DataTransfer();
    for (const f of list) {
      const binary = atob(f.base64);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      transfer.items.add(new File([bytes], f.name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
    }
    for (const type of ["dragenter", "dragover", "drop"]) {
      el.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }
  }, payload);
}

/**
 * Starts watching for a view going busy (aria-busy="true": a check or a run
 * in progress); the returned function waits until it is idle again and says
 * whether it was busy meanwhile, i.e. whether the action really ran.
 */
export async function watchBusy(page: Page): Promise<() => Promise<boolean>> {
  await page.evaluate(() => {
    const w = window as unknown as { __sawBusy: boolean; __busyObserver?: MutationObserver };
    w.__busyObserver?.disconnect();
    w.__sawBusy = false;
    w.__busyObserver = new MutationObserver((records) => {
      if (records.some((r) => (r.target as Element).getAttribute?.("aria-busy") === "true")) w.__sawBusy = true;
    });
    w.__busyObserver.observe(document.body, { subtree: true, attributes: true, attributeFilter: ["aria-busy"] });
  });
  return async () => {
    await page.locator('[aria-busy="true"]').waitFor({ state: "detached" });
    return page.evaluate(() => {
      const w = window as unknown as { __sawBusy: boolean; __busyObserver?: MutationObserver };
      w.__busyObserver?.disconnect();
      return w.__sawBusy;
    });
  };
}
