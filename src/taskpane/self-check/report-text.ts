import type { SelfCheckReport, SelfCheckStep } from "../../adapters/host/types";
import type { SelfCheckStrings } from "./self-check-strings";

/** What the page can tell about the browser (or Office's web view) it runs in. */
export interface BrowserFacts {
  userAgent: string;
  language: string;
  /** "1920 × 1080", or "" when unknown */
  screen: string;
  online: boolean;
}

/** The browser's facts, read from navigator and screen. */
export function browserFacts(): BrowserFacts {
  const nav = typeof navigator === "undefined" ? undefined : navigator;
  const scr = typeof screen === "undefined" ? undefined : screen;
  return {
    userAgent: nav?.userAgent ?? "",
    language: nav?.language ?? "",
    screen: scr && scr.width > 0 ? `${scr.width} × ${scr.height}` : "",
    online: nav?.onLine ?? true,
  };
}

/** "1.1–1.9" for a run of versions, each run of ExcelApi versions joined with ", "; `none` when there is none. */
export function versionRuns(versions: readonly string[], all: readonly string[], none: string): string {
  if (versions.length === 0) return none;
  const runs: string[][] = [];
  for (const v of all) {
    if (!versions.includes(v)) continue;
    const last = runs[runs.length - 1];
    if (last && all.indexOf(last[last.length - 1]) === all.indexOf(v) - 1) last.push(v);
    else runs.push([v]);
  }
  return runs.map((r) => (r.length === 1 ? r[0] : `${r[0]}–${r[r.length - 1]}`)).join(", ");
}

/** The requirement sets as two phrases: supported, and not supported. */
export function requirementSummary(report: SelfCheckReport, s: SelfCheckStrings): { supported: string; missing: string } {
  const all = report.requirementSets.map((r) => r.version);
  return {
    supported: versionRuns(
      report.requirementSets.filter((r) => r.supported).map((r) => r.version),
      all,
      s.none,
    ),
    missing: versionRuns(
      report.requirementSets.filter((r) => !r.supported).map((r) => r.version),
      all,
      s.none,
    ),
  };
}

/** What a step found beyond its status: why it was skipped, Excel's code and message, what was read back, what it covered. */
export function stepDetail(step: SelfCheckStep, s: SelfCheckStrings): string {
  if (step.skip) {
    const k = step.skip;
    return k.reason === "notSupported" ? s.skip.notSupported(k.needs) : k.reason === "blocked" ? s.skip.blocked(s.steps[k.by]) : s.skip[k.reason];
  }
  if (step.error) {
    const where = step.error.location ? ` (${s.at(step.error.location)})` : "";
    return `${s.errorCode(step.error.code)}: ${step.error.message}${where}`;
  }
  if (step.mismatch) {
    const m = step.mismatch;
    return s.mismatch(m.address ? `${m.sheet}!${m.address}` : m.sheet, m.expected, m.actual);
  }
  const c = step.counts ?? {};
  const parts = [
    c.bytes !== undefined ? s.counts.bytes(c.bytes) : undefined,
    c.cells !== undefined ? s.counts.cells(c.cells) : undefined,
    c.validations !== undefined ? s.counts.validations(c.validations) : undefined,
    c.removed ? s.counts.removed(c.removed) : undefined,
  ];
  return parts.filter(Boolean).join(", ");
}

/** How many steps passed, failed and were skipped. */
export const countSteps = (report: SelfCheckReport) => ({
  passed: report.steps.filter((x) => x.status === "passed").length,
  failed: report.steps.filter((x) => x.status === "failed").length,
  skipped: report.steps.filter((x) => x.status === "skipped").length,
});

/**
 * The plain-text report "Sao chép kết quả" copies, for a ward's IT staff:
 * Excel's platform and version, the requirement sets, each step with its
 * status, time, and Excel's error code and message. Without a report (outside
 * Excel), the browser's facts alone.
 */
export function reportText(report: SelfCheckReport | null, browser: BrowserFacts, s: SelfCheckStrings): string {
  const r = s.report;
  const lines = [r.heading];
  if (!report) {
    lines.push(`${r.time}: ${new Date().toISOString()}`, r.browserOnly);
  } else {
    const { supported, missing } = requirementSummary(report, s);
    const excel = report.excel;
    const t = countSteps(report);
    lines.push(
      `${r.time}: ${report.startedAt}`,
      `${r.excel}: ${excel ? `${s.host} ${excel.host}, ${s.platform} ${excel.platform}, ${s.version} ${excel.version}` : s.unknown}`,
      `${s.apiSupported}: ${supported}`,
      `${s.apiMissing}: ${missing}`,
      `${r.structure}: ${report.structureProtected ? s.yes : s.no}`,
      `${r.result}: ${r.tally(t.passed, t.failed, t.skipped, report.totalMs)}`,
      "",
      ...report.steps.map((step, i) => {
        const detail = stepDetail(step, s);
        const time = step.status === "skipped" ? "" : ` (${s.ms(step.ms)})`;
        return `${i + 1}. ${s.steps[step.id]}: ${s.status[step.status].toUpperCase()}${time}${detail ? ` – ${detail}` : ""}`;
      }),
    );
    if (report.leftovers.length > 0) lines.push("", `${r.leftovers}: ${report.leftovers.join(", ")}`);
  }
  lines.push(
    "",
    `${r.browser}: ${browser.userAgent || s.unknown}`,
    `${s.language}: ${browser.language}; ${s.screen}: ${browser.screen || "?"}; ${s.online}: ${browser.online ? s.yes : s.no}`,
  );
  return lines.join("\n");
}
