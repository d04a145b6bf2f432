import { webLightTheme, type Theme } from "@fluentui/react-components";
import { useEffect, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import type { Host } from "../adapters/host/types";
import { createBrowserHost } from "../adapters/browser/browser-host";
import { App } from "./App";
import { createLazyExcelHost } from "./shell/lazy-excel-host";
import { isDark } from "./shell/theme";
import { langFromSearch, type UiLang } from "./strings";
import { enUi } from "../core/messages/en-ui";
import { viUi } from "../core/messages/vi-ui";

// office.js answers within a second outside Office; a page that never hears back must still work.
const OFFICE_READY_TIMEOUT_MS = 10_000;

/** true in dist/bieu-mau-cchc.html's build, false in the pane's (webpack's DefinePlugin); absent under jest. */
declare const __CCHC_SINGLE_FILE__: boolean | undefined;
const SINGLE_FILE = typeof __CCHC_SINGLE_FILE__ !== "undefined" && __CCHC_SINGLE_FILE__;

/** taskpane.html's start-up watch (issue 16): told when the app is up, or that Excel is slow but there. */
const boot = () => (window as unknown as { cchcBoot?: { started(): void; wait(): void } }).cchcBoot;

/** Tells the start-up watch the app has rendered, so its "could not start" message never replaces a working pane. */
function Started({ children }: { children: ReactNode }) {
  useEffect(() => boot()?.started(), []);
  return children;
}

/**
 * office.js opened outside Office still starts Microsoft's telemetry: its ULS
 * logger adds a hidden iframe from telemetryservice.firstpartyapps.oaspapps.com
 * (100 ms to 3 s after start-up). In file mode that would be the page's only
 * request off its own origin, which closed ward networks block, so stop it there.
 */
function silenceOfficeTelemetry(): void {
  const osf = (window as unknown as { OSF?: { Logger?: { ulsEndpoint?: { loadProxyFrame?: unknown } } } }).OSF;
  const endpoint = osf?.Logger?.ulsEndpoint;
  if (endpoint && typeof endpoint.loadProxyFrame === "function") endpoint.loadProxyFrame = () => undefined;
}

/** The composition root's one look at Office: which host the pane runs in, and its theme. */
async function connect(lang: UiLang): Promise<{ host: Host; theme: Theme }> {
  const browser = { host: createBrowserHost(), theme: webLightTheme };
  // The single file carries no office.js and no Excel host: it is the browser page, opened from disk.
  if (SINGLE_FILE) return browser;
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return browser;
  const ready = Office.onReady().catch(() => null);
  let info = await Promise.race([ready, new Promise<undefined>((resolve) => setTimeout(resolve, OFFICE_READY_TIMEOUT_MS))]);
  // Office opened the pane (it adds _host_Info to the address): a slow Excel is still Excel, so wait for it.
  if (info === undefined && /[?#&]_host_Info=/.test(location.search + location.hash)) {
    const loading = document.querySelector("#root .loading");
    if (loading) {
      loading.setAttribute("role", "status");
      loading.textContent = (lang === "en" ? enUi : viUi).waitingForExcel;
    }
    boot()?.wait();
    info = await ready;
  }
  // office.js loaded in a plain browser reports host null: that is file mode too.
  if (info?.host !== Office.HostType.Excel) {
    silenceOfficeTelemetry();
    return browser;
  }
  let background: string | undefined;
  try {
    background = Office.context.officeTheme?.bodyBackgroundColor;
  } catch {
    // officeTheme is missing on some platforms; the light theme is the safe default.
  }
  return { host: createLazyExcelHost(), theme: isDark(background) ? await darkTheme() : webLightTheme };
}

/** Excel's dark theme, fetched only when Office asks for it; the light one if it cannot be fetched. */
async function darkTheme(): Promise<Theme> {
  try {
    return (await import(/* webpackChunkName: "theme-dark" */ "./shell/dark-theme")).webDarkTheme;
  } catch (error) {
    console.warn("Biểu mẫu CCHC: the dark theme could not be loaded", error);
    return webLightTheme;
  }
}

async function main(): Promise<void> {
  const lang = langFromSearch(window.location.search);
  document.documentElement.lang = lang;
  const { host, theme } = await connect(lang);
  createRoot(document.getElementById("root")!).render(
    <Started>
      <App host={host} theme={theme} lang={lang} />
    </Started>,
  );
}

void main();
