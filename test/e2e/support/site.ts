/**
 * The built task pane, served the way an officer serves it (`npm run serve`):
 * one production build shared by every end-to-end test file of a run. The
 * tests serve a private copy, never dist/ itself, so that another build of
 * dist/ (test/build, a developer) cannot pull chunks out from under a page
 * that is still loading them; and when they must build, they build into their
 * own folder and leave dist/ alone.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import { isMainThread } from "node:worker_threads";
import { BUILD_INPUTS, newestMtime } from "../../../scripts/pane-site";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const DIST = path.join(ROOT, "dist");
const WORK = path.join(ROOT, "test-output", "e2e");
const STAMP = path.join(WORK, "site.json");
const LOCK = path.join(WORK, "build.lock");
const LOCK_STALE_MS = 10 * 60_000;
const SITE_KEEP_MS = 30 * 60_000;

/** The site the e2e tests served last: which run chose it, and (when they built it) when its build started. */
interface Stamp {
  run: string;
  site: string;
  builtAt?: number;
}

function readStamp(): Stamp | undefined {
  try {
    return JSON.parse(fs.readFileSync(STAMP, "utf8")) as Stamp;
  } catch {
    return undefined;
  }
}

const ready = (site: string | undefined): site is string => site !== undefined && fs.existsSync(path.join(site, "ready"));

/**
 * The jest process of this run, the same in every test file: the parent of a
 * forked worker, the process itself for a worker thread or a run in band.
 * Its start time (Linux) tells a reused pid from the same process.
 */
function runId(): string {
  const pid = isMainThread && typeof process.send === "function" ? process.ppid : process.pid;
  let started = "";
  try {
    started = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")[19];
  } catch {
    // not Linux: the pid alone
  }
  return `${pid}:${started}`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work` while holding a lock folder, so that parallel test files build once between them. */
async function withLock<T>(work: () => Promise<T>): Promise<T> {
  fs.mkdirSync(WORK, { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      try {
        if (Date.now() - fs.statSync(LOCK).mtimeMs > LOCK_STALE_MS) fs.rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // released meanwhile
      }
      await sleep(500);
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

/** `webpack --mode production` (what `npm run build` runs) into `out` instead of dist/. */
function build(out: string): Promise<void> {
  const cli = require.resolve("webpack-cli/bin/cli.js");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "--mode", "production", "--output-path", out], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`the production build failed (exit ${code}):\n${output.slice(-4000)}`))));
  });
}

/** A new site folder: dist/ (copied or built into it) beside a copy of scripts/serve.js, as in the repository. */
async function makeSite(fill: (dist: string) => Promise<void>): Promise<string> {
  const dir = fs.mkdtempSync(path.join(WORK, "site-"));
  await fill(path.join(dir, "dist"));
  fs.mkdirSync(path.join(dir, "scripts"));
  fs.copyFileSync(path.join(ROOT, "scripts", "serve.js"), path.join(dir, "scripts", "serve.js"));
  fs.writeFileSync(path.join(dir, "ready"), "");
  return dir;
}

/** Marks a site as in use now (sites unused for a while are removed). */
function touch(dir: string): void {
  const now = new Date();
  fs.utimesSync(dir, now, now);
}

/** What ensureSite did, for the test log. */
export interface Site {
  /** a folder holding dist/ and scripts/serve.js, as in the repository */
  dir: string;
  /** where it came from */
  source: "this run" | "dist/" | "earlier e2e build" | "new build";
  buildMs: number;
}

/**
 * The site this run's tests serve, chosen once per jest run (under a lock
 * shared by its e2e files; later files of the run get the same site even if
 * the sources change meanwhile): a copy of dist/ when dist/ is newer than
 * everything it is built from, else the tests' own last build if that is,
 * else a new production build.
 */
export async function ensureSite(): Promise<Site> {
  return withLock(async () => {
    const run = runId();
    const stamp = readStamp();
    let site: Site;
    const sources = newestMtime(BUILD_INPUTS);
    const distAt = fs.existsSync(path.join(DIST, "taskpane.html")) ? fs.statSync(path.join(DIST, "taskpane.html")).mtimeMs : 0;
    if (stamp?.run === run && ready(stamp.site)) {
      site = { dir: stamp.site, source: "this run", buildMs: 0 };
    } else if (stamp?.builtAt !== undefined && stamp.builtAt >= sources && ready(stamp.site)) {
      site = { dir: stamp.site, source: "earlier e2e build", buildMs: 0 };
    } else if (distAt >= sources || (process.env.E2E_REUSE_DIST && distAt > 0)) {
      // E2E_REUSE_DIST=1 (while working on the tests themselves): dist/ as it is, fresh or not.
      site = { dir: await makeSite(async (dist) => fs.cpSync(DIST, dist, { recursive: true })), source: "dist/", buildMs: 0 };
    } else {
      const startedAt = Date.now();
      const dir = await makeSite(build);
      site = { dir, source: "new build", buildMs: Date.now() - startedAt };
      fs.writeFileSync(STAMP, JSON.stringify({ run, site: dir, builtAt: startedAt } satisfies Stamp));
    }
    if (site.source !== "new build")
      fs.writeFileSync(STAMP, JSON.stringify({ ...(site.source === "dist/" ? {} : stamp), run, site: site.dir } satisfies Stamp));
    touch(site.dir);
    // Other sites are left for a while to runs that may still serve them.
    for (const name of fs.readdirSync(WORK)) {
      const old = path.join(WORK, name);
      if (name.startsWith("site-") && old !== site.dir && Date.now() - fs.statSync(old).mtimeMs > SITE_KEEP_MS) {
        fs.rmSync(old, { recursive: true, force: true });
      }
    }
    return site;
  });
}

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A running scripts/serve.js: its origin, and how to stop it. */
export interface Server {
  origin: string;
  stop: () => Promise<void>;
}

/** Starts the site's scripts/serve.js on a free port of 127.0.0.1 and waits until it listens. */
export async function startServer(site: Site): Promise<Server> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [path.join(site.dir, "scripts", "serve.js")], {
    env: { ...process.env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`scripts/serve.js did not start in 15 s:\n${output}`)), 15_000);
    const onData = (d: Buffer) => {
      output += d;
      if (output.includes(`127.0.0.1:${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (d: Buffer) => (output += d));
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`scripts/serve.js exited (${code}):\n${output}`));
    });
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.removeAllListeners("exit");
        child.once("exit", () => resolve());
        child.kill();
      }),
  };
}
