import { spawnSync } from "child_process";
import { existsSync, readdirSync, readFileSync } from "fs";
import { join } from "path";
import { gzipSync } from "zlib";

const ROOT = join(__dirname, "..", "..");
const DIST = join(ROOT, "dist");
/**
 * issue 6: what a first load of the pane fetches, gzipped, at most: the pane's
 * initial JavaScript, office.js, and the script office.js fetches on start-up.
 */
const FIRST_LOAD_BUDGET = 250 * 1024;
const OFFICE_JS = "office-js/office.js";
/** Strings only .xlsx code holds: the workbook part every reader opens and every writer writes. */
const XLSX_MARKER = "xl/workbook.xml";

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const gzipSize = (file: string) => gzipSync(readFileSync(join(DIST, file))).length;
const read = (file: string) => readFileSync(join(DIST, file), "utf8");

/** Every src/href attribute value of a page, as written. */
function references(html: string): string[] {
  return [...html.matchAll(/\b(?:src|href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map((m) => m[1] ?? m[2] ?? m[3]);
}

const scripts = (html: string) => [...html.matchAll(/<script\b[^>]*\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map((m) => m[1] ?? m[2] ?? m[3]);

/**
 * The script office.js fetches next to itself as soon as it starts in a plain
 * browser: OSF.ConstantNames.O15InitHelper, a literal in office.js. (In Excel
 * it fetches Office's API library instead; see the build's size report.)
 */
function officeJsStartupScript(): string | undefined {
  const name = /\bO15InitHelper\s*:\s*"([^"]+)"/.exec(read(OFFICE_JS))?.[1];
  return name === undefined ? undefined : `office-js/${name}`;
}

describe("production build", () => {
  beforeAll(() => {
    // `npm test` builds dist/ once before jest (the e2e tests serve a copy of that build); on its own, this file builds.
    if (process.env.CCHC_DIST_BUILT === "1") return;
    const cli = require.resolve("webpack-cli/bin/cli.js");
    const run = spawnSync(process.execPath, [cli, "--mode", "production"], { cwd: ROOT, encoding: "utf8" });
    // The build's own size report, for whoever reads the test log.
    const report = /\nBundle sizes[^]*?\n\n/.exec(run.stdout)?.[0];
    console.log(report ?? run.stdout);
    if (run.status !== 0) throw new Error(`webpack failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  }, 240_000);

  it("writes both pages, office.js from the package and the add-in's icons", () => {
    for (const file of ["taskpane.html", "commands.html", OFFICE_JS, "assets/icon-32.png"]) {
      expect(existsSync(join(DIST, file))).toBe(true);
    }
  });

  it("writes manifest.xml: the dev server's as it is, or moved to ADDIN_URL (issue 13)", () => {
    const source = readFileSync(join(ROOT, "manifest.xml"), "utf8");
    const { rewriteManifest } = require(join(ROOT, "scripts", "manifest-url.js")) as { rewriteManifest: (xml: string, url?: string) => string };
    // `npm test` builds with the caller's environment: an ADDIN_URL there is the address dist/ was built for.
    const addinUrl = process.env.ADDIN_URL?.trim();
    expect(read("manifest.xml")).toBe(addinUrl ? rewriteManifest(source, addinUrl) : source);
  });

  it.each(["taskpane.html", "commands.html"])("%s loads nothing from another origin", (page) => {
    const html = read(page);
    const refs = references(html);
    expect(refs).toContain(OFFICE_JS);
    // Relative references stay on the page's origin; a scheme or "//" would leave it.
    expect(refs.filter((r) => /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(r))).toEqual([]);
    expect(html).not.toMatch(/https?:\/\//i);
    for (const ref of refs) expect(existsSync(join(DIST, ref))).toBe(true);
  });

  it("keeps the first load, office.js and what it fetches included, within budget", () => {
    const html = read("taskpane.html");
    // office.js first, in the head, before the pane's own script: the way Office accepts it.
    const head = html.slice(0, html.indexOf("</head>"));
    expect(scripts(head)[0]).toBe(OFFICE_JS);
    const pane = scripts(html).filter((s) => s !== OFFICE_JS);
    const startup = officeJsStartupScript();
    expect(startup).toBeDefined();
    expect(existsSync(join(DIST, startup!))).toBe(true);

    const firstLoad = [...pane, OFFICE_JS, startup!];
    const sizes = firstLoad.map((f) => gzipSize(f));
    const total = sizes.reduce((sum, n) => sum + n, 0);
    console.log(
      [...firstLoad.map((f, i) => `first load: ${f} ${kb(sizes[i])} gzip`), `first load in total: ${kb(total)} gzip, budget ${kb(FIRST_LOAD_BUDGET)}`].join(
        "\n",
      ),
    );

    expect(pane.length).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
  });

  it("leaves the .xlsx reader and writer out of the first load, in chunks fetched on demand", () => {
    const pane = scripts(read("taskpane.html")).filter((s) => s !== OFFICE_JS);
    const onDemand = readdirSync(DIST).filter((f) => f.endsWith(".js") && !pane.includes(f));
    for (const f of pane) expect(read(f)).not.toContain(XLSX_MARKER);
    expect(onDemand.filter((f) => read(f).includes(XLSX_MARKER)).length).toBeGreaterThan(0);
  });
});
