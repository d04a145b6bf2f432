/**
 * issue 16, item 10: dist/bieu-mau-cchc.html is one self-contained page: every
 * script inlined (the file worker too), no office.js, and no reference to any
 * script, style, font or other file outside itself, so it works from disk offline.
 */
import { spawnSync } from "child_process";
import { existsSync, readFileSync } from "fs";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");
const FILE = join(ROOT, "dist", "bieu-mau-cchc.html");

let html = "";
beforeAll(() => {
  // `npm test` builds dist/ before jest; on its own, this file builds when the page is missing.
  if (process.env.CCHC_DIST_BUILT !== "1" && !existsSync(FILE)) {
    const run = spawnSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], { cwd: ROOT, encoding: "utf8" });
    if (run.status !== 0) throw new Error(`webpack failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
  html = readFileSync(FILE, "utf8");
}, 360_000);

/** The attribute values of a tag that can make the page fetch something: src, href, and url(…) in styles. */
const fetched = (page: string) => [
  ...[...page.matchAll(/<(?:script|link|img|iframe|source|embed|object)\b[^>]*\b(?:src|href|data)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map(
    (m) => m[1] ?? m[2] ?? m[3],
  ),
  ...[...page.matchAll(/<style\b[^>]*>([^]*?)<\/style>/gi)].flatMap((m) => [...m[1].matchAll(/url\(\s*['"]?([^'")]+)/gi)].map((u) => u[1])),
  ...[...page.matchAll(/@import\s+['"]([^'"]+)/gi)].map((m) => m[1]),
];

describe("dist/bieu-mau-cchc.html", () => {
  it("references no script, style, font or other file outside itself", () => {
    // Only data: URLs (the icon) are allowed: everything else would be a request from file:// or to the network.
    expect(fetched(html).filter((ref) => !ref.startsWith("data:"))).toEqual([]);
    expect(html).not.toMatch(/<script\b[^>]*\bsrc\s*=/i);
    expect(html).not.toMatch(/<link\b[^>]*\brel\s*=\s*["']?stylesheet/i);
    expect(html).not.toMatch(/\.woff2?\b|\.ttf\b|\.otf\b/i);
    expect(html).not.toContain("office-js/");
  });

  it("inlines the pane in one chunk and the file worker as a script it starts from a Blob URL", () => {
    const scripts = [...html.matchAll(/<script\b[^>]*>([^]*?)<\/script>/gi)].map((m) => m[1]);
    // The start-up watch of taskpane.html, then the pane itself.
    expect(scripts).toHaveLength(2);
    expect(scripts[0]).toContain("cchcBoot");
    // No license file left to look for beside the page.
    expect(html).not.toMatch(/please see [^ ]*\.LICENSE\.txt/);
    expect(html).toContain("createObjectURL");
    // The worker's own message handler, carried as text for the Blob.
    expect(html).toMatch(/new Blob\(\[/);
    expect(html).toContain("Licenses of the code inside this file");
  });

  it("keeps taskpane.html, the add-in's page, loading office.js and its chunks from beside it", () => {
    const pane = readFileSync(join(ROOT, "dist", "taskpane.html"), "utf8");
    expect(pane).toMatch(/<script\b[^>]*\bsrc\s*=\s*"?office-js\/office\.js/);
    expect(pane).toContain("cchcBoot");
  });
});
