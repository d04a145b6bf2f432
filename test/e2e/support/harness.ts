/**
 * The frame of every end-to-end test file: the shared production build, its
 * own scripts/serve.js on a free port, one Chromium, and at the end the
 * checks that hold for every session of the pane (nothing left the origin,
 * no HTTP error, no console error).
 */
import type { Browser } from "playwright-core";
import { launchChromium, Session } from "./browser";
import { ensureSite, startServer, type Server, type Site } from "./site";

/** Set up by `usePane()` in beforeAll; read inside tests only. */
export interface Pane {
  site: Site;
  server: Server;
  browser: Browser;
  /** every session opened through `session()`, checked when the file ends */
  sessions: Session[];
  /** a fresh browser context on the served pane, recorded from its first request */
  session: (viewport?: { width: number; height: number }) => Promise<Session>;
}

/** Registers beforeAll/afterAll for a file of e2e tests and returns the pane they share. */
export function usePane(): Pane {
  const pane = { sessions: [] as Session[] } as Pane;
  beforeAll(async () => {
    // The build first: if it fails there is no point starting a browser.
    pane.site = await ensureSite();
    if (pane.site.built) console.log(`e2e: built dist/ in ${(pane.site.buildMs / 1000).toFixed(1)} s`);
    pane.server = await startServer(pane.site);
    pane.browser = await launchChromium();
    pane.session = async (viewport) => {
      const s = await Session.open(pane.browser, pane.server.origin, viewport);
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

/** Asserts what must hold for every session: all requests on the page's origin, no HTTP error, no console or page error. */
export function expectCleanSessions(sessions: Session[], name: string): void {
  sessions.forEach((s, i) => s.writeLog(sessions.length > 1 ? `${name}-${i + 1}` : name));
  const all = <T>(pick: (s: Session) => T[]) => sessions.flatMap(pick);
  expect(all((s) => s.requests).length).toBeGreaterThan(0);
  expect(all((s) => s.offOrigin())).toEqual([]);
  expect(all((s) => s.httpErrors)).toEqual([]);
  expect(all((s) => s.errors)).toEqual([]);
}
