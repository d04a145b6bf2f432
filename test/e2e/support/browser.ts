/**
 * Debian's Chromium driven by playwright-core (Playwright's own browser
 * download is not available here), and a recorder of everything a session
 * of the pane sends and logs.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../../../scripts/pane-site";

export { CHROMIUM } from "../../../scripts/pane-site";

/** Throws (the tests fail, never skip) naming the Debian package when there is no Chromium to drive. */
export function assertChromium(): void {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed (${CHROMIUM} is missing). The end-to-end tests need Debian's chromium package: ` +
        `apt-get install chromium (.ci/run installs it), or set CHROMIUM_PATH to a Chromium binary.`,
    );
  }
}

/** Starts Chromium, or fails with the Debian package to install. */
export async function launchChromium(): Promise<Browser> {
  assertChromium();
  try {
    return await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS], timeout: 60_000 });
  } catch (error) {
    throw new Error(`Chromium at ${CHROMIUM} did not start (reinstall the Debian package chromium): ${(error as Error).message}`);
  }
}

/** One console message or page error, with the page address it came from. */
export interface Logged {
  type: string;
  text: string;
  url: string;
}

/** How a session's pages are shown. */
export interface SessionOptions {
  viewport?: { width: number; height: number };
  today?: Date;
}

/**
 * A fresh browser context (its own profile: no cache, no storage) that records
 * every request, every HTTP error, console message and uncaught page error of
 * its pages and workers from the first request on.
 */
export class Session {
  readonly requests: { url: string; resourceType: string }[] = [];
  readonly httpErrors: string[] = [];
  readonly errors: Logged[] = [];
  readonly warnings: Logged[] = [];
  readonly logs: Logged[] = [];
  readonly workers: string[] = [];

  private constructor(
    readonly context: BrowserContext,
    readonly origin: string,
  ) {
    context.on("request", (r) => this.requests.push({ url: r.url(), resourceType: r.resourceType() }));
    context.on("response", (r) => {
      if (r.status() >= 400) this.httpErrors.push(`${r.status()} ${r.url()}`);
    });
    context.on("page", (page) => this.watch(page));
  }

  /**
   * `today` pins the page's clock (Date only; timers run normally), so that what
   * depends on the day (the periods offered) is the same on every run.
   */
  static async open(browser: Browser, origin: string, options: SessionOptions = {}): Promise<Session> {
    const viewport = options.viewport ?? { width: 1280, height: 800 };
    const context = await browser.newContext({ viewport, acceptDownloads: true, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
    context.setDefaultTimeout(20_000);
    if (options.today) await context.clock.setFixedTime(options.today);
    return new Session(context, origin);
  }

  private watch(page: Page): void {
    page.on("console", (m) => {
      const entry = { type: m.type(), text: m.text(), url: page.url() };
      if (m.type() === "error") this.errors.push(entry);
      else if (m.type() === "warning") this.warnings.push(entry);
      else this.logs.push(entry);
    });
    page.on("pageerror", (e) => this.errors.push({ type: "pageerror", text: `${e.name}: ${e.message}`, url: page.url() }));
    page.on("worker", (w) => {
      this.workers.push(w.url());
      w.on("console", (m) => {
        const entry = { type: `worker ${m.type()}`, text: m.text(), url: w.url() };
        if (m.type() === "error") this.errors.push(entry);
        else if (m.type() === "warning") this.warnings.push(entry);
      });
    });
  }

  /** A new page of this session showing the pane in file mode (no Office host), once its tabs are there. */
  async openPane(): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(`${this.origin}/taskpane.html`);
    await page.getByRole("tab", { name: "Tạo biểu mẫu" }).waitFor();
    return page;
  }

  /** Requests that left the page's origin (office.js telemetry, a CDN, a web font…). */
  offOrigin(): string[] {
    return this.requests.map((r) => r.url).filter((u) => !u.startsWith(`${this.origin}/`) && !/^(blob|data):/.test(u));
  }

  /**
   * Everything but errors, written to test-output/e2e/<name>-console.txt for
   * whoever reads the run (the known office.js notice is among them).
   */
  writeLog(name: string): string {
    const file = path.resolve(__dirname, "..", "..", "..", "test-output", "e2e", `${name}-console.txt`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const line = (l: Logged) => `${l.type}\t${l.text}\t${l.url}`;
    fs.writeFileSync(
      file,
      [
        "# warnings",
        ...this.warnings.map(line),
        "# other console messages",
        ...this.logs.map(line),
        "# errors",
        ...this.errors.map(line),
        "# workers",
        ...this.workers,
        "# requests",
        ...this.requests.map((r) => `${r.resourceType}\t${r.url}`),
      ].join("\n") + "\n",
    );
    return file;
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
