#!/usr/bin/env node
"use strict";
/**
 * `node scripts/bench-pane.js [--quick] [--kind libreoffice|exceljs] [--runs N] [--reuse-dist]`
 * (issue 17, parts 3 and 4; the last step of `npm run bench`): the task pane
 * measured in Chromium, served over http by scripts/serve.js (gzip, as it
 * serves a ward) like the e2e tests serve it. Prints tables and writes
 * docs/bench/pane.json (a full run only). Not a test: nothing here fails on a
 * slow machine; the targets are reported as met or not.
 *
 * Quick (100 files, one run each): --quick, or BENCH_QUICK=1 in the
 * environment, which scripts/bench.js honours too; `npm run bench -- --quick`
 * hands --quick to this script only (the last command), so for both use
 * `BENCH_QUICK=1 npm run bench`.
 *
 * The files are the CLI bench's corpus (scripts/bench/corpus.js: the template,
 * all seven forms filled, saved by LibreOffice unless --kind exceljs; cached
 * under os.tmpdir()), plus one with a planted error (scripts/bench/pane-corpus.js).
 *
 *  - Tổng hợp of 100 and 1,000 unit workbooks (all seven forms filled): time
 *    from giving the files to the input to the summary painted, against
 *    `cchc aggregate` on the same files; the page's and the worker's JS heap
 *    (CDP); how often the progress text changes (largest gap) and the main
 *    thread's longest task; Dừng pressed midway, time until "Đã dừng" shows.
 *  - Kiểm tra of one file with a planted error: time to the first finding.
 *  - First load of taskpane.html on a throttled network (1.5 Mbps down,
 *    0.75 up, 40 ms, cache disabled): first contentful paint, time to
 *    interactive, bytes transferred.
 *
 * Needs lib/ (npm run build:cli), a production build (dist/, or one made here
 * into a private folder when dist/ is older than the sources) and Chromium
 * (/usr/bin/chromium, or CHROMIUM_PATH).
 */
const { execFileSync, spawn } = require("node:child_process");
const fs = require("node:fs");
const net = require("node:net");
const os = require("node:os");
const path = require("node:path");
const zlib = require("node:zlib");
const { performance } = require("node:perf_hooks");
const { chromium } = require("playwright-core");
const { paneCorpus } = require("./bench/pane-corpus");
const { KINDS } = require("./bench/corpus");
const { pageProbe } = require("./bench/pane-page");
const { CHROMIUM, CHROMIUM_ARGS: ARGS, BUILD_INPUTS: INPUTS, newestMtime } = require("./pane-site");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const OUT = path.join(ROOT, "docs", "bench", "pane.json");
const WARD = "Phường Bench";
const THROTTLE = { offline: false, latency: 40, downloadThroughput: (1.5e6 / 8) | 0, uploadThroughput: (0.75e6 / 8) | 0 };
const TARGETS = { paneVsCli: 2, progressGapMs: 250, stopMs: 1000, firstLoadKB: 250 };

const flag = (name) => process.argv.slice(2).includes(name);
const option = (name) => {
  const argv = process.argv.slice(2);
  const i = argv.findIndex((a) => a === name || a.startsWith(name + "="));
  if (i < 0) return undefined;
  return argv[i].includes("=") ? argv[i].split("=")[1] : argv[i + 1];
};
const QUICK = flag("--quick") || process.env.BENCH_QUICK === "1";
const RUNS = Number(option("--runs")) || (QUICK ? 1 : 3);
const COUNTS = QUICK ? [100] : [100, 1000];
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => {
  const s = xs.filter((x) => typeof x === "number" && Number.isFinite(x)).sort((a, b) => a - b);
  return s.length === 0 ? null : s[Math.floor((s.length - 1) / 2)];
};
const log = (...a) => console.log(...a);
const note = (s) => process.stderr.write(s + "\n");

// ---------------------------------------------------------------- the site

/** Every script taskpane.html names exists (a build half-written by someone else fails this). */
function siteComplete(dist) {
  const page = path.join(dist, "taskpane.html");
  if (!fs.existsSync(page)) return false;
  const html = fs.readFileSync(page, "utf8");
  return [...html.matchAll(/<script\b[^>]*\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].every((m) => fs.existsSync(path.join(dist, m[1] ?? m[2] ?? m[3])));
}

/**
 * A private copy of the site (dist/ beside scripts/serve.js, as in the
 * repository), so that another build of dist/ cannot pull chunks away mid-run:
 * dist/ copied when it is newer than the sources (or --reuse-dist), else a new
 * production build into the copy.
 */
function makeSite() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-bench-pane-site-"));
  const dist = path.join(dir, "dist");
  const distAt = fs.existsSync(path.join(DIST, "taskpane.html")) ? fs.statSync(path.join(DIST, "taskpane.html")).mtimeMs : 0;
  let source;
  if ((distAt >= newestMtime(INPUTS) || (flag("--reuse-dist") && distAt > 0)) && siteComplete(DIST)) {
    fs.cpSync(DIST, dist, { recursive: true });
    source = "dist/ (copied)";
  }
  if (!source || !siteComplete(dist)) {
    note("bench-pane: dist/ is missing, older than the sources or incomplete: a production build into a private folder…");
    fs.rmSync(dist, { recursive: true, force: true });
    const t0 = now();
    execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", dist], { cwd: ROOT, stdio: "ignore" });
    source = `new production build (${((now() - t0) / 1000).toFixed(0)} s)`;
  }
  fs.mkdirSync(path.join(dir, "scripts"));
  fs.copyFileSync(path.join(ROOT, "scripts", "serve.js"), path.join(dir, "scripts", "serve.js"));
  return { dir, dist, source };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** scripts/serve.js of the site on a free port; resolves once it listens. */
async function serve(site) {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(site.dir, "scripts", "serve.js")], {
    env: { ...process.env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`scripts/serve.js did not start:\n${out}`)), 15_000);
    child.stdout.on("data", (d) => {
      out += d;
      if (out.includes(`127.0.0.1:${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) => reject(new Error(`scripts/serve.js exited (${code}):\n${out}`)));
  });
  child.removeAllListeners("exit");
  return { origin: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

/** What test/build/build.test.ts counts as the first load: taskpane.html's scripts, office.js and the script office.js fetches at start-up. */
function budgetFiles(dist) {
  const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map((m) => m[1] ?? m[2] ?? m[3]);
  const office = fs.readFileSync(path.join(dist, "office-js", "office.js"), "utf8");
  const startup = /\bO15InitHelper\s*:\s*"([^"]+)"/.exec(office);
  const files = [...scripts, ...(startup ? [`office-js/${startup[1]}`] : [])];
  const gzip = files.reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(path.join(dist, f))).length, 0);
  return { files, gzipKB: gzip / 1024 };
}

// ---------------------------------------------------------------- the CLI

function lastLine(text) {
  return (text || "").toString().trim().split("\n").slice(-1)[0];
}

/** `cchc aggregate --ward … -o tmp.xlsx <folder>` in a fresh process (as scripts/bench.js runs it): wall time. */
function cliAggregate(folder, out) {
  fs.rmSync(out, { force: true });
  const t0 = now();
  try {
    execFileSync(process.execPath, [path.join(ROOT, "bin", "cchc.js"), "aggregate", "--ward", WARD, "-o", out, folder], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "pipe"],
      maxBuffer: 64 << 20,
    });
  } catch (e) {
    // Exit 1 (no usable file, --strict…) still writes when it can; no file at all is a failure here.
    if (!fs.existsSync(out)) throw new Error(`cchc aggregate failed (exit ${e.status}): ${lastLine(e.stderr)}`);
  }
  const ms = now() - t0;
  if (!fs.existsSync(out)) throw new Error("cchc aggregate wrote nothing");
  return ms;
}

function cliValidate(file) {
  const t0 = now();
  try {
    execFileSync(process.execPath, [path.join(ROOT, "bin", "cchc.js"), "validate", file], { cwd: ROOT, stdio: "ignore" });
  } catch {
    // exit 1: the planted error was found, as it should be
  }
  return now() - t0;
}

// ---------------------------------------------------------------- the pane

/**
 * A fresh browser context (no cache, no storage) with the probe installed,
 * and a CDP session on its page that samples the page's JS heap and that of
 * every worker the page starts (attached through Target.setAutoAttach).
 */
async function openPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh", acceptDownloads: true });
  context.setDefaultTimeout(60_000);
  await context.addInitScript(pageProbe);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(`${e.name}: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  const cdp = await context.newCDPSession(page);
  const workers = new Set();
  const pending = new Map();
  let id = 1_000_000;
  cdp.on("Target.attachedToTarget", (e) => e.targetInfo.type === "worker" && workers.add(e.sessionId));
  cdp.on("Target.detachedFromTarget", (e) => workers.delete(e.sessionId));
  cdp.on("Target.receivedMessageFromTarget", (e) => {
    const m = JSON.parse(e.message);
    const done = pending.get(m.id);
    if (done) {
      pending.delete(m.id);
      done(m.result);
    }
  });
  await cdp.send("Performance.enable");
  await cdp.send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const workerHeap = async (sessionId) => {
    const mid = ++id;
    const answer = new Promise((resolve) => {
      pending.set(mid, resolve);
      setTimeout(() => resolve(undefined), 2000);
    });
    try {
      await cdp.send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify({ id: mid, method: "Runtime.getHeapUsage" }) });
    } catch {
      return 0;
    }
    const r = await answer;
    return r ? r.usedSize : 0;
  };
  /** Samples every 250 ms until stopped: the largest page and worker JS heaps seen (bytes). */
  const sampler = () => {
    const peak = { page: 0, worker: 0, sum: 0, samples: 0 };
    let running = true;
    const loop = (async () => {
      while (running) {
        try {
          const m = (await cdp.send("Performance.getMetrics")).metrics.find((x) => x.name === "JSHeapUsedSize");
          const w = (await Promise.all([...workers].map(workerHeap))).reduce((a, b) => a + b, 0);
          const p = m ? m.value : 0;
          peak.page = Math.max(peak.page, p);
          peak.worker = Math.max(peak.worker, w);
          peak.sum = Math.max(peak.sum, p + w);
          peak.samples++;
        } catch {
          // the page is closing
        }
        await sleep(250);
      }
    })();
    return async () => {
      running = false;
      await loop;
      return peak;
    };
  };
  return { context, page, cdp, sampler, errors };
}

async function gotoPane(page, origin, tab) {
  await page.goto(`${origin}/taskpane.html`);
  await page.getByRole("tab", { name: "Tạo biểu mẫu" }).waitFor();
  if (tab) await page.getByRole("tab", { name: tab, exact: true }).click();
}

const probe = (page) => page.evaluate(() => window.__bench);
const waitMark = (page, key, timeout) => page.waitForFunction((k) => window.__bench.marks[k] !== undefined, key, { timeout, polling: 50 });

/** Clicks a button where it is, with the mouse (no actionability wait): the press is the user's, stamped by the caller. */
async function press(page, locator) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  if (!box) throw new Error("the button is not on screen");
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** The ward's name typed and the files given; resolves with the probe's stamp of the change event and Node's time of giving them. */
async function prepareAggregate(origin, browser, files) {
  const o = await openPage(browser);
  await gotoPane(o.page, origin, "Tổng hợp");
  const runButton = o.page.getByRole("button", { name: "Tổng hợp", exact: true });
  await runButton.waitFor();
  await o.page.getByRole("textbox", { name: "Tên phường", exact: true }).fill(WARD);
  const given = now();
  await o.page.locator('input[type="file"][multiple]').setInputFiles(files);
  await o.page.getByText(`Đã chọn ${files.length} tệp`, { exact: true }).waitFor();
  return { ...o, given, runButton };
}

/** One Tổng hợp of `files`, to the summary (and then the download of the ward's workbook). */
async function paneAggregate(origin, browser, files) {
  const o = await prepareAggregate(origin, browser, files);
  const { page } = o;
  const stopSampler = o.sampler();
  const pressed = now();
  await press(page, o.runButton);
  await waitMark(page, "summaryFrame", 30 * 60_000);
  const heap = await stopSampler();
  const b = await probe(page);
  // From the summary's "Dùng N trong M tệp." (its list of units draws the first 100 lines only).
  const counted = /Dùng (\d+) trong (\d+) tệp/.exec(await page.locator('[data-section="summary"]').innerText());
  const used = counted ? Number(counted[1]) : NaN;
  // The ward's workbook, written and handed to the browser as a download.
  const dl = page.getByRole("button", { name: "Tải tệp tổng hợp", exact: true });
  const d0 = now();
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 10 * 60_000 }), dl.click()]);
  const downloadMs = now() - d0;
  await download.delete().catch(() => undefined);
  await o.context.close();
  const m = b.marks;
  const end = m.summaryFrame;
  // The progress text's changes while the run lasts: the press, each new text, the summary.
  const changes = b.progress.filter(([t]) => t >= m.run && t <= end);
  const stamps = [[m.run, "(press)"], ...changes, [end, "(summary)"]];
  let gap = { ms: 0, from: "", to: "" };
  for (let i = 1; i < stamps.length; i++) {
    const d = stamps[i][0] - stamps[i - 1][0];
    if (d > gap.ms) gap = { ms: d, from: stamps[i - 1][1], to: stamps[i][1] };
  }
  const numbered = changes.filter(([, t]) => /^\d+ \/ \d+ tệp$/.test(t || ""));
  let numberedGap = 0;
  for (let i = 1; i < numbered.length; i++) numberedGap = Math.max(numberedGap, numbered[i][0] - numbered[i - 1][0]);
  const combining = changes.find(([, t]) => /Đang cộng/.test(t || ""));
  const within = (a, z) => b.longtasks.filter(([s, d]) => s + d >= a && s <= z);
  const longest = (tasks) => tasks.reduce((x, [, d]) => Math.max(x, d), 0);
  const lastRead = combining ? combining[0] : changes.length ? changes[changes.length - 1][0] : m.run;
  const running = within(m.run, lastRead);
  // What the main thread did between "Đang cộng số liệu…" and the summary: [start after it, duration] of each long task.
  const afterCombining = combining ? within(combining[0], end).map(([st, d]) => [Math.round(st - combining[0]), Math.round(d)]) : [];
  return {
    files: files.length,
    used,
    errors: o.errors,
    givenToSummaryMs: end - o.given,
    filesListedMs: m.filesFrame !== undefined ? m.filesFrame - o.given : null,
    pressToSummaryMs: end - pressed,
    combineMs: combining ? m.summary - combining[0] : null,
    summaryRenderMs: m.summaryFrame - m.summary,
    downloadMs,
    progressUpdates: changes.length,
    largestGapMs: gap.ms,
    largestGapBetween: `${gap.from} → ${gap.to}`,
    largestNumberedGapMs: numberedGap,
    longestTaskWhileReadingMs: longest(running),
    longTasksAddingUpToSummary: afterCombining,
    longestTaskOverallMs: longest(within(o.given, end)),
    longTasks: within(o.given, end).length,
    peakPageHeapMB: heap.page / 2 ** 20,
    peakWorkerHeapMB: heap.worker / 2 ** 20,
    peakHeapSumMB: heap.sum / 2 ** 20,
    heapSamples: heap.samples,
  };
}

/**
 * Tổng hợp of `files`, Dừng pressed once half the files are read: time until
 * "Đã dừng" is painted. A run that ends before the press (few files, a fast
 * machine) is returned as not measured (pressToStoppedMs null).
 */
async function paneStop(origin, browser, files) {
  const o = await prepareAggregate(origin, browser, files);
  const { page } = o;
  await press(page, o.runButton);
  const stop = page.getByRole("button", { name: "Dừng", exact: true });
  await page.waitForFunction(
    () => {
      const p = window.__bench.progress;
      const m = /^(\d+) \/ (\d+) tệp$/.exec((p[p.length - 1] || [])[1] || "");
      return m !== null && Number(m[1]) >= Number(m[2]) / 2;
    },
    undefined,
    { timeout: 30 * 60_000, polling: 50 },
  );
  const b0 = await probe(page);
  const at = (b0.progress[b0.progress.length - 1] || [])[1];
  const pressed = now();
  try {
    await press(page, stop);
  } catch {
    await o.context.close();
    return { files: files.length, stoppedAt: at, pressToStoppedMs: null, finishedFirst: true, errors: o.errors };
  }
  const finished = await Promise.race([waitMark(page, "stoppedFrame", 60_000).then(() => false), waitMark(page, "summaryFrame", 60_000).then(() => true)]);
  if (finished) {
    await o.context.close();
    return { files: files.length, stoppedAt: at, pressToStoppedMs: null, finishedFirst: true, errors: o.errors };
  }
  const b = await probe(page);
  // Once stopped, Tổng hợp is offered again and the worker is gone.
  await o.runButton.waitFor();
  await o.context.close();
  return {
    files: files.length,
    stoppedAt: at,
    pressToStoppedMs: b.marks.stoppedFrame - pressed,
    clickEventToStoppedMs: b.marks.stop !== undefined ? b.marks.stoppedFrame - b.marks.stop : null,
    inputDelayMs: b.marks.stop !== undefined ? b.marks.stop - pressed : null,
    errors: o.errors,
  };
}

/** Kiểm tra of one file with a planted error: from giving it to the first finding painted. */
async function paneValidate(origin, browser, file) {
  const o = await openPage(browser);
  const { page } = o;
  await gotoPane(page, origin, "Kiểm tra");
  await page.getByRole("button", { name: "Kiểm tra", exact: true }).waitFor();
  const given = now();
  await page.locator('input[type="file"][multiple]').setInputFiles(file);
  await waitMark(page, "findingFrame", 120_000);
  const b = await probe(page);
  const code = await page.locator("button[data-finding-code]").first().getAttribute("data-finding-code");
  await o.context.close();
  return { givenToFindingMs: b.marks.findingFrame - given, changeToFindingMs: b.marks.findingFrame - b.marks.files, code, errors: o.errors };
}

/**
 * First load of taskpane.html in a fresh context, cache disabled, network
 * throttled through CDP (or not, `throttle` false). Time to interactive here:
 * the Tạo biểu mẫu view's main button on screen and enabled, then no long
 * task for 500 ms; TTI is the later of the button and the end of the last
 * long task before that quiet window.
 */
async function paneFirstLoad(origin, browser, dist, throttle) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "vi-VN" });
  await context.addInitScript(pageProbe);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (throttle) await cdp.send("Network.emulateNetworkConditions", THROTTLE);
  const urls = new Map();
  let bytes = 0;
  cdp.on("Network.responseReceived", (e) => urls.set(e.requestId, e.response.url));
  cdp.on("Network.loadingFinished", (e) => (bytes += e.encodedDataLength));
  const t0 = now();
  await page.goto(`${origin}/taskpane.html`, { waitUntil: "commit", timeout: 120_000 });
  await waitMark(page, "readyFrame", 120_000);
  // Quiet: 500 ms without a long task after the button is ready.
  let b;
  for (;;) {
    b = await probe(page);
    const lastEnd = b.longtasks.reduce((x, [s, d]) => Math.max(x, s + d), 0);
    const since = Math.max(b.marks.ready, lastEnd);
    const pageNow = await page.evaluate(() => performance.timeOrigin + performance.now());
    if (pageNow - since >= 500) break;
    await sleep(100);
  }
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType("navigation")[0];
    const fcp = performance.getEntriesByName("first-contentful-paint")[0];
    return { fcp: fcp ? fcp.startTime : null, dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd, origin: performance.timeOrigin };
  });
  const lastEnd = b.longtasks.filter(([s]) => s <= b.marks.ready + 500).reduce((x, [s, d]) => Math.max(x, s + d), 0);
  await sleep(200);
  const requested = [...new Set(urls.values())];
  const local = requested.filter((u) => u.startsWith(origin + "/")).map((u) => new URL(u).pathname.slice(1));
  const raw = local.reduce((sum, p) => {
    const f = path.join(dist, decodeURIComponent(p));
    return fs.existsSync(f) && fs.statSync(f).isFile() ? sum + fs.statSync(f).size : sum;
  }, 0);
  await context.close();
  const o = nav.origin;
  return {
    throttled: throttle,
    fcpMs: nav.fcp,
    domContentLoadedMs: nav.dcl,
    loadMs: nav.load,
    buttonReadyMs: b.marks.readyFrame - o,
    ttiMs: Math.max(b.marks.ready, lastEnd) - o,
    longestTaskMs: b.longtasks.reduce((x, [, d]) => Math.max(x, d), 0),
    wallMs: b.marks.readyFrame - t0,
    requests: requested.length,
    offOrigin: requested.filter((u) => !u.startsWith(origin + "/") && !/^(data|blob):/.test(u)),
    transferredKB: bytes / 1024,
    filesKB: raw / 1024,
    files: local,
  };
}

// ---------------------------------------------------------------- report

const f0 = (x) => (x === null || x === undefined ? "–" : x.toFixed(0));
const f1 = (x) => (x === null || x === undefined ? "–" : x.toFixed(1));
const f2 = (x) => (x === null || x === undefined ? "–" : x.toFixed(2));
const s = (ms) => (ms === null || ms === undefined ? "–" : (ms / 1000).toFixed(2));
const row = (cells, widths) => "  " + cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(" ");
const met = (ok) => (ok ? "met" : "NOT met");

/** The median run of `runs` by `key`, with every run's `key` alongside. */
function medianRun(runs, key) {
  const sorted = [...runs].sort((a, b) => a[key] - b[key]);
  return { ...sorted[Math.floor((sorted.length - 1) / 2)], runs: runs.map((r) => Math.round(r[key])) };
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, "lib", "cli", "main.js"))) {
    note("bench-pane: compiling the CLI (lib/)…");
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: "inherit" });
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium is not installed (${CHROMIUM}); apt-get install chromium, or set CHROMIUM_PATH.`);
  const kind = option("--kind") || "libreoffice";
  if (!KINDS.includes(kind)) throw new Error(`--kind: one of ${KINDS.join(", ")}`);
  const max = Math.max(...COUNTS);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-bench-pane-"));
  note(`bench-pane: unit workbooks (scripts/bench/corpus.js, ${kind})…`);
  const c = await paneCorpus(kind, COUNTS, tmp);
  const unitKB = fs.statSync(c.folders[max].files[0]).size / 1024;
  const load = [os.loadavg()];

  const site = makeSite();
  const server = await serve(site);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 60_000 });
  const version = browser.version();
  const cpus = os.cpus();
  const result = {
    date: new Date().toISOString(),
    chromium: version,
    node: process.version,
    cpus: cpus.length,
    cpuModel: cpus[0] ? cpus[0].model : "",
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    quick: QUICK,
    runs: RUNS,
    site: site.source,
    corpus: {
      kind,
      unitFileKB: Math.round(unitKB * 10) / 10,
      forms: "BM1–BM7 filled",
      folders: Object.values(c.folders).map((x) => x.folder),
      planted: `${path.basename(c.plantedFrom)} with BM7 1.3.2 > 1.3.1 (scripts/bench/pane-corpus.js)`,
    },
    memoryMethod:
      "CDP, sampled every 250 ms: Performance.getMetrics JSHeapUsedSize for the page; Runtime.getHeapUsage usedSize for each worker (Target.setAutoAttach, messages through Target.sendMessageToTarget). Not cross-origin isolated, so no measureUserAgentSpecificMemory.",
    targets: TARGETS,
    aggregate: [],
    stop: null,
    validate: null,
    firstLoad: {},
  };

  try {
    log(`Biểu mẫu CCHC – the task pane in Chromium ${version} (${cpus.length} CPU, ${result.cpuModel}; Node ${process.version})`);
    log(`Served by scripts/serve.js from ${site.source}; ${RUNS === 1 ? "one run each" : `median of ${RUNS} runs`}.`);
    log(
      `Unit workbooks: scripts/bench/corpus.js (the CLI bench's), BM1–BM7 filled, saved by ${kind === "libreoffice" ? "LibreOffice" : "ExcelJS"}, ${f1(unitKB)} KB each.`,
    );
    log(`Load average at the start (1, 5, 15 min): ${load[0].map(f2).join(", ")} on ${cpus.length} CPU.\n`);

    // ---- Tổng hợp
    for (const n of COUNTS) {
      const { folder, files } = c.folders[n];
      const out = path.join(tmp, `ward-${n}.xlsx`);
      cliAggregate(folder, out); // warm the disk cache, as the pane's files are
      const cli = [];
      for (let i = 0; i < RUNS; i++) cli.push(cliAggregate(folder, out));
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        note(`bench-pane: Tổng hợp of ${n} files in the pane, run ${i + 1} / ${RUNS}…`);
        runs.push(await paneAggregate(server.origin, browser, files));
      }
      const pane = medianRun(runs, "givenToSummaryMs");
      const cliMs = median(cli);
      result.aggregate.push({
        files: n,
        cliMs,
        cliRuns: cli.map(Math.round),
        pane,
        ratio: pane.givenToSummaryMs / cliMs,
        ratioWithDownload: (pane.givenToSummaryMs + pane.downloadMs) / cliMs,
        worstGapMs: Math.max(...runs.map((r) => r.largestGapMs)),
        worstLongTaskMs: Math.max(...runs.map((r) => r.longestTaskOverallMs)),
      });
    }
    const w = [26, 10, 10, 10, 10, 10, 8];
    log("Tổng hợp: pane (files given → summary painted) against `cchc aggregate -o` (whole process, workbook written)");
    log(row(["", "files", "pane s", "+dl s", "CLI s", "× CLI", "target"], w));
    for (const a of result.aggregate) {
      log(
        row([`  ${a.files} unit workbooks`, a.files, s(a.pane.givenToSummaryMs), s(a.pane.downloadMs), s(a.cliMs), f2(a.ratio), `≤ ${TARGETS.paneVsCli}×`], w),
      );
    }
    log("  (pane s: from setInputFiles to the frame that paints the summary, read in the Web Worker; +dl s: then Tải tệp tổng hợp to the download;");
    log("   CLI s: node bin/cchc.js aggregate --ward … -o tmp.xlsx <the same files' folder>, Node start-up and writing included)\n");

    const w2 = [34, 10, 10];
    log("Tổng hợp in the pane, details (median run)");
    log(row(["", ...result.aggregate.map((a) => `${a.files} files`)], w2));
    const detail = (label, pick) => log(row([label, ...result.aggregate.map((a) => pick(a))], w2));
    detail("files listed (given → painted) s", (a) => s(a.pane.filesListedMs));
    detail("press Tổng hợp → summary s", (a) => s(a.pane.pressToSummaryMs));
    detail("adding up (last file → summary) s", (a) => s(a.pane.combineMs));
    detail("summary commit → painted frame ms", (a) => f0(a.pane.summaryRenderMs));
    detail("progress text updates", (a) => a.pane.progressUpdates);
    detail("largest gap between updates ms", (a) => f0(a.pane.largestGapMs));
    detail("  worst run ms", (a) => f0(a.worstGapMs));
    detail("largest gap, n / N tệp only ms", (a) => f0(a.pane.largestNumberedGapMs));
    detail("longest task while reading ms", (a) => f0(a.pane.longestTaskWhileReadingMs));
    detail("longest task, whole run ms", (a) => f0(a.pane.longestTaskOverallMs));
    detail("  worst run ms", (a) => f0(a.worstLongTaskMs));
    detail("long tasks (> 50 ms)", (a) => a.pane.longTasks);
    detail("peak page JS heap MB", (a) => f1(a.pane.peakPageHeapMB));
    detail("peak worker JS heap MB", (a) => f1(a.pane.peakWorkerHeapMB));
    detail("peak page + worker MB", (a) => f1(a.pane.peakHeapSumMB));
    for (const a of result.aggregate) {
      log(
        `  ${a.files} files: largest gap ${f0(a.pane.largestGapMs)} ms between ${a.pane.largestGapBetween}; ${a.pane.used} files used; pane runs ${a.pane.runs.join(", ")} ms; CLI runs ${a.cliRuns.join(", ")} ms`,
      );
      if (a.pane.errors.length) log(`  ${a.files} files: console errors: ${a.pane.errors.slice(0, 3).join(" | ")}`);
    }
    log(`  (memory: ${result.memoryMethod})\n`);

    // ---- Dừng
    const stopFiles = c.folders[max].files;
    const stops = [];
    for (let i = 0; i < RUNS; i++) {
      note(`bench-pane: Dừng midway through ${max} files, run ${i + 1} / ${RUNS}…`);
      stops.push(await paneStop(server.origin, browser, stopFiles));
    }
    const stopped = stops.filter((x) => x.pressToStoppedMs !== null);
    result.stop = stopped.length > 0 ? medianRun(stopped, "pressToStoppedMs") : { pressToStoppedMs: null, runs: [] };
    result.stop.finishedFirst = stops.length - stopped.length;
    if (stopped.length > 0) {
      log(`Dừng pressed once half of ${max} files are read (median run, stopped at ${result.stop.stoppedAt})`);
      log(row(['press → "Đã dừng" painted ms', f0(result.stop.pressToStoppedMs)], [34, 10]));
      log(row(["  press → click event ms", f0(result.stop.inputDelayMs)], [34, 10]));
      log(row(["  runs ms", result.stop.runs.join(", ")], [34, 10]));
    }
    if (result.stop.finishedFirst > 0) log(`  ${result.stop.finishedFirst} of ${stops.length} runs finished before Dừng took effect: not measured`);
    log("");

    // ---- Kiểm tra
    const cliCheck = [];
    for (let i = 0; i < RUNS; i++) cliCheck.push(cliValidate(c.planted));
    const checks = [];
    for (let i = 0; i < RUNS; i++) {
      note(`bench-pane: Kiểm tra of one file, run ${i + 1} / ${RUNS}…`);
      checks.push(await paneValidate(server.origin, browser, c.planted));
    }
    result.validate = { ...medianRun(checks, "givenToFindingMs"), cliMs: median(cliCheck) };
    log("Kiểm tra of one file (BM1–BM7, BM7 1.3.2 > 1.3.1 planted), fresh page each run");
    log(row(["file given → first finding painted ms", f0(result.validate.givenToFindingMs)], [40, 8]));
    log(row(["  runs ms", result.validate.runs.join(", ")], [40, 8]));
    log(row([`  first finding: ${result.validate.code}`, ""], [40, 8]));
    log(row(["cchc validate (whole process) ms", f0(result.validate.cliMs)], [40, 8]));
    log("");

    // ---- First load
    for (const [key, throttle, runs] of [
      ["throttled", true, RUNS],
      ["unthrottled", false, 1],
    ]) {
      const loads = [];
      for (let i = 0; i < runs; i++) {
        note(`bench-pane: first load (${key}), run ${i + 1}…`);
        loads.push(await paneFirstLoad(server.origin, browser, site.dist, throttle));
      }
      result.firstLoad[key] = medianRun(loads, "ttiMs");
    }
    result.firstLoad.budget = budgetFiles(site.dist);
    const t = result.firstLoad.throttled;
    const u = result.firstLoad.unthrottled;
    log("First load of taskpane.html from scripts/serve.js (gzip), cache disabled (median run)");
    log(row(["", "throttled", "localhost"], [34, 10, 10]));
    const fl = (label, pick) => log(row([label, pick(t), pick(u)], [34, 10, 10]));
    fl("first contentful paint ms", (x) => f0(x.fcpMs));
    fl("DOMContentLoaded ms", (x) => f0(x.domContentLoadedMs));
    fl("load event ms", (x) => f0(x.loadMs));
    fl("Tạo biểu mẫu button usable ms", (x) => f0(x.buttonReadyMs));
    fl("time to interactive ms", (x) => f0(x.ttiMs));
    fl("longest task ms", (x) => f0(x.longestTaskMs));
    fl("requests", (x) => x.requests);
    fl("transferred KB (on the wire)", (x) => f1(x.transferredKB));
    fl("the same files uncompressed KB", (x) => f1(x.filesKB));
    log(`  TTI runs ms: throttled ${t.runs.join(", ")}; requests off the origin: ${t.offOrigin.length === 0 ? "none" : t.offOrigin.join(", ")}`);
    log(`  fetched until TTI: ${t.files.join(", ")}`);
    log(`  the budget's first load (build.test.ts: page scripts, office.js, its start-up script): ${f1(result.firstLoad.budget.gzipKB)} KB gzip`);
    log(`    = ${result.firstLoad.budget.files.join(", ")}`);
    log("  (throttled: CDP Network.emulateNetworkConditions 1.5 Mbps down, 0.75 Mbps up, 40 ms latency; Network.setCacheDisabled.");
    log("   TTI: the Tạo biểu mẫu view's main button on screen and enabled, then 500 ms without a long task;");
    log("   the budget (test/build/build.test.ts) counts the same first-load files gzipped: 250 KB)\n");

    // ---- Targets
    const big = result.aggregate[result.aggregate.length - 1];
    const gap = Math.max(...result.aggregate.map((a) => a.pane.largestGapMs));
    const targets = {
      paneWithin2xCli: { value: big.ratio, met: result.aggregate.every((a) => a.ratio <= TARGETS.paneVsCli) },
      progressGapMs: { value: gap, met: gap <= TARGETS.progressGapMs },
      stopMs: { value: result.stop.pressToStoppedMs, met: result.stop.pressToStoppedMs !== null && result.stop.pressToStoppedMs <= TARGETS.stopMs },
      firstLoadGzipKB: { value: result.firstLoad.budget.gzipKB, met: result.firstLoad.budget.gzipKB <= TARGETS.firstLoadKB },
    };
    result.targetsMet = targets;
    log("Targets");
    log(
      `  pane within ${TARGETS.paneVsCli}× the CLI: ${met(targets.paneWithin2xCli.met)} (${result.aggregate.map((a) => `${a.files}: ${f2(a.ratio)}×`).join(", ")})`,
    );
    log(`  progress gap ≤ ${TARGETS.progressGapMs} ms: ${met(targets.progressGapMs.met)} (${f0(gap)} ms, median runs)`);
    log(
      result.stop.pressToStoppedMs === null
        ? `  Dừng ≤ ${TARGETS.stopMs} ms: not measured (every run finished before the press)`
        : `  Dừng ≤ ${TARGETS.stopMs} ms: ${met(targets.stopMs.met)} (${f0(result.stop.pressToStoppedMs)} ms)`,
    );
    log(
      `  first load ≤ ${TARGETS.firstLoadKB} KB gzip: ${met(targets.firstLoadGzipKB.met)} (as build.test.ts counts it: ${f1(result.firstLoad.budget.gzipKB)} KB; all fetched until TTI: ${f1(t.transferredKB)} KB on the wire from serve.js, ${f1(t.filesKB)} KB uncompressed; throttled TTI ${s(t.ttiMs)} s)`,
    );

    load.push(os.loadavg());
    result.loadAverage = { start: load[0], end: load[1] };
    log(`\nLoad average (1, 5, 15 min): ${load[0].map(f2).join(", ")} at the start, ${load[1].map(f2).join(", ")} at the end, on ${cpus.length} CPU.`);

    // A quick or partial run would overwrite the full figures with fewer ones (as scripts/bench.js does with cli.json).
    if (!QUICK && RUNS >= 3 && kind === "libreoffice") {
      fs.mkdirSync(path.dirname(OUT), { recursive: true });
      fs.writeFileSync(OUT, JSON.stringify(result, (k, v) => (typeof v === "number" && !Number.isInteger(v) ? Math.round(v * 10) / 10 : v), 2) + "\n");
      log(`Wrote ${path.relative(ROOT, OUT)}.`);
    } else log(`Not written to ${path.relative(ROOT, OUT)}: a full run (3 runs, LibreOffice files, not quick) writes it.`);
  } finally {
    await browser.close().catch(() => undefined);
    server.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(site.dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

module.exports = { makeSite, serve, openPage, gotoPane, paneAggregate, paneStop, paneValidate, paneFirstLoad, CHROMIUM, ARGS };
