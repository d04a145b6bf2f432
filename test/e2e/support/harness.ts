/**
 * The frame of every end-to-end test file: the shared production build, its
 * own scripts/serve.js on a free port, one Chromium, and at the end the
 * checks that hold for every session of the pane (nothing left the origin,
 * no HTTP error, no console error).
 */
import type { Browser } from "playwright-core";
import { assertChromium, launchChromium, Session, type SessionOptions } from "./browser";
import { ensureSite, startServer, type Server, type Site } from "./site";

/** Set up by `usePane()` in beforeAll; read inside tests only. */
export interface Pane {
  site: Site;
  server: Server;
  browser: Browser;
  /** every session opened through `session()`, checked when the file ends */
  sessions: Session[];
  /** a fresh browser context on the served pane, recorded from its first request */
  session: (options?: SessionOptions) => Promise<Session>;
}

/** Registers beforeAll/afterAll for a file of e2e tests and returns the pane they share. */
export function usePane(): Pane {
  const pane = {
    sessions: [] as Session[],
    session: () => Promise.reject(new Error("The e2e pane was not set up: see the first error of this file (beforeAll).")),
  } as unknown as Pane;
  beforeAll(async () => {
    // Cheap checks before the build: no browser, no point building.
    assertChromium();
    pane.site = await ensureSite();
    if (pane.site.source === "new build") console.log(`e2e: production build in ${(pane.site.buildMs / 1000).toFixed(1)} s`);
    pane.server = await startServer(pane.site);
    pane.browser = await launchChromium();
    pane.session = async (options) => {
      const s = await Session.open(pane.browser, pane.server.origin, options);
      pane.sessions.push(s);
      return s;
    };
  }, 360_000);
  afterAll(async () => {
    for (const s of pane.sessions) await s.close().catch(() => undefined);
    await pane.browser?.close().catch(() => undefined);
    await pane.server?.stop();
  }, 30_000);
  return pane;
}

/** The day the tests' pages live in: mid-June 2026, so the default period is the sample data's (6 tháng đầu năm 2026). */
export const TODAY = new Date("2026-06-12T09:00:00+07:00");

/** Asserts what must hold for every session: all requests on the page's origin, no HTTP error, no console or page error. */
export function expectCleanSessions(sessions: Session[], name: string): void {
  sessions.forEach((s, i) => s.writeLog(sessions.length > 1 ? `${name}-${i + 1}` : name));
  const all = <T>(pick: (s: Session) => T[]) => sessions.flatMap(pick);
  expect(all((s) => s.requests).length).toBeGreaterThan(0);
  expect(all((s) => s.offOrigin())).toEqual([]);
  expect(all((s) => s.httpErrors)).toEqual([]);
  expect(all((s) => s.errors)).toEqual([]);
}
