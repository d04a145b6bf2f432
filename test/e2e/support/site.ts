/**
 * The built task pane, served the way an officer serves it (`npm run serve`):
 * one production build shared by every end-to-end test file, copied aside so
 * that another build of dist/ (test/build, a developer) cannot pull chunks out
 * from under a page that is still loading them.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import { isMainThread } from "node:worker_threads";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const DIST = path.join(ROOT, "dist");
const WORK = path.join(ROOT, "test-output", "e2e");
const STAMP = path.join(WORK, "build-stamp.json");
const LOCK = path.join(WORK, "build.lock");
/** What the build reads: a change to any of these makes dist/ stale. */
const INPUTS = ["src", "assets", "webpack.config.js", "tsconfig.json", "package-lock.json"];
const LOCK_STALE_MS = 10 * 60_000;
const SNAPSHOT_KEEP_MS = 30 * 60_000;

/** The newest modification time under these paths (directories count: a deleted file changes its folder). */
function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (p: string) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      return;
    }
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name));
  };
  paths.forEach((p) => visit(path.join(ROOT, p)));
  return newest;
}

const sha1 = (bytes: Buffer | string) => createHash("sha1").update(bytes).digest("hex");

/** What the last build started here recorded. */
interface Stamp {
  startedAt: number;
  /** sha1 of the dist/taskpane.html it produced */
  html: string;
  /** the jest run that built or last checked it, and the copy it serves */
  run?: string;
  site?: string;
}

function readStamp(): Stamp | undefined {
  try {
    return JSON.parse(fs.readFileSync(STAMP, "utf8")) as Stamp;
  } catch {
    return undefined;
  }
}

/**
 * When dist/ was last built. webpack leaves an unchanged file alone (its
 * mtime stays old even after a build), so a build started here also leaves a
 * stamp naming the page it produced.
 */
function builtAt(): number {
  const html = path.join(DIST, "taskpane.html");
  if (!fs.existsSync(html)) return 0;
  const at = fs.statSync(html).mtimeMs;
  const stamp = readStamp();
  return stamp && stamp.html === sha1(fs.readFileSync(html)) ? Math.max(at, stamp.startedAt) : at;
}

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

/** `webpack --mode production` into dist/, as `npm run build` does. */
function build(): Promise<Stamp> {
  const cli = require.resolve("webpack-cli/bin/cli.js");
  const startedAt = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "--mode", "production"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`npm run build failed (exit ${code}):\n${output.slice(-4000)}`));
      resolve({ startedAt, html: sha1(fs.readFileSync(path.join(DIST, "taskpane.html"))) });
    });
  });
}

/** Marks a copy as in use now (old unused copies are removed). */
function touch(dir: string): void {
  const now = new Date();
  fs.utimesSync(dir, now, now);
}

/** What ensureSite did, for the test log. */
export interface Site {
  /** a folder holding dist/ and scripts/serve.js, as in the repository */
  dir: string;
  built: boolean;
  buildMs: number;
}

/**
 * A private copy of a fresh production build: dist/ is reused when nothing it
 * is built from changed since, else built, once per jest run (under a lock
 * shared by the run's e2e files; later files of the run serve the same copy
 * even if the sources change meanwhile). The copy sits beside its own copy of
 * scripts/serve.js, which therefore serves it exactly as `npm run serve`
 * serves dist/.
 */
export async function ensureSite(): Promise<Site> {
  return withLock(async () => {
    const run = runId();
    const stamp = readStamp();
    if (stamp?.run === run && stamp.site && fs.existsSync(path.join(stamp.site, "ready"))) {
      touch(stamp.site);
      return { dir: stamp.site, built: false, buildMs: 0 };
    }

    const started = Date.now();
    let built: Stamp | undefined;
    // E2E_REUSE_DIST=1 (while working on the tests themselves): serve dist/ as it is, fresh or not.
    if (!process.env.E2E_REUSE_DIST && builtAt() < newestMtime(INPUTS)) built = await build();
    const buildMs = Date.now() - started;
    const html = sha1(fs.readFileSync(path.join(DIST, "taskpane.html")));
    const dir = path.join(WORK, `site-${html.slice(0, 12)}`);
    if (!fs.existsSync(path.join(dir, "ready"))) {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.cpSync(DIST, path.join(dir, "dist"), { recursive: true });
      fs.mkdirSync(path.join(dir, "scripts"));
      fs.copyFileSync(path.join(ROOT, "scripts", "serve.js"), path.join(dir, "scripts", "serve.js"));
      fs.writeFileSync(path.join(dir, "ready"), "");
    }
    touch(dir);
    // The build's start time is kept only while dist/ is what it produced.
    const startedAt = built?.startedAt ?? (stamp?.html === html ? stamp.startedAt : 0);
    fs.writeFileSync(STAMP, JSON.stringify({ startedAt, html, run, site: dir } satisfies Stamp));
    // Older copies are left for a while to runs that may still serve them.
    for (const name of fs.readdirSync(WORK)) {
      const old = path.join(WORK, name);
      if (name.startsWith("site-") && old !== dir && Date.now() - fs.statSync(old).mtimeMs > SNAPSHOT_KEEP_MS) {
        fs.rmSync(old, { recursive: true, force: true });
      }
    }
    return { dir, built: built !== undefined, buildMs };
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
