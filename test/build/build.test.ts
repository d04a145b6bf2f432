import { spawnSync } from "child_process";
import { existsSync, readdirSync, readFileSync } from "fs";
import { join } from "path";
import { gzipSync } from "zlib";

const ROOT = join(__dirname, "..", "..");
const DIST = join(ROOT, "dist");
/** issue 6: a first load of the pane needs at most this much JavaScript, gzipped. */
const INITIAL_BUDGET = 250 * 1024;
/** A string only ExcelJS's bundle contains (its UMD global; the project's own reader also names xl/workbook.xml). */
const EXCELJS_MARKER = ".ExcelJS=";

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const gzipSize = (file: string) => gzipSync(readFileSync(join(DIST, file))).length;
const read = (file: string) => readFileSync(join(DIST, file), "utf8");

/** Every src/href attribute value of a page, as written. */
function references(html: string): string[] {
  return [...html.matchAll(/\b(?:src|href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map((m) => m[1] ?? m[2] ?? m[3]);
}

const scripts = (html: string) =>
  [...html.matchAll(/<script\b[^>]*\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map((m) => m[1] ?? m[2] ?? m[3]);

describe("production build", () => {
  beforeAll(() => {
    const cli = require.resolve("webpack-cli/bin/cli.js");
    const run = spawnSync(process.execPath, [cli, "--mode", "production"], { cwd: ROOT, encoding: "utf8" });
    // The build's own size report, for whoever reads the test log.
    console.log(run.stdout.split("\n").filter((l) => /Bundle sizes|initial|on demand/.test(l)).join("\n"));
    if (run.status !== 0) throw new Error(`webpack failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  }, 240_000);

  it("writes both pages, office.js from the package and the add-in's icons", () => {
    for (const file of ["taskpane.html", "commands.html", "office-js/office.js", "assets/icon-32.png"]) {
      expect(existsSync(join(DIST, file))).toBe(true);
    }
  });

  it.each(["taskpane.html", "commands.html"])("%s loads nothing from another origin", (page) => {
    const html = read(page);
    const refs = references(html);
    expect(refs).toContain("office-js/office.js");
    // Relative references stay on the page's origin; a scheme or "//" would leave it.
    expect(refs.filter((r) => /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(r))).toEqual([]);
    expect(html).not.toMatch(/https?:\/\//i);
    for (const ref of refs) expect(existsSync(join(DIST, ref))).toBe(true);
  });

  it("keeps the first load small and ExcelJS in a chunk of its own", () => {
    const html = read("taskpane.html");
    const initial = scripts(html).filter((s) => s !== "office-js/office.js");
    const lazy = readdirSync(DIST).filter((f) => f.endsWith(".js") && !initial.includes(f));
    const initialGzip = initial.reduce((sum, f) => sum + gzipSize(f), 0);
    const officeJs = gzipSize("office-js/office.js");

    console.log(
      [
        `taskpane initial JS: ${kb(initialGzip)} gzip (${initial.join(", ")}), budget ${kb(INITIAL_BUDGET)}`,
        `office-js/office.js: ${kb(officeJs)} gzip; first load in total ${kb(initialGzip + officeJs)}`,
        ...lazy.map((f) => `other chunk ${f}: ${kb(gzipSize(f))} gzip`),
      ].join("\n"),
    );

    expect(initial.length).toBeGreaterThan(0);
    expect(initialGzip).toBeLessThanOrEqual(INITIAL_BUDGET);
    for (const f of initial) expect(read(f)).not.toContain(EXCELJS_MARKER);
    expect(lazy.filter((f) => read(f).includes(EXCELJS_MARKER))).toHaveLength(1);
  });
});
