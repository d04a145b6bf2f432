import * as fs from "node:fs";
import * as path from "node:path";

const CORE = path.resolve(__dirname, "../../src/core");

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** What the core may import: its own files, zod (and its message locales), and JSON data beside it. */
function allowed(file: string, spec: string): boolean {
  if (spec === "zod" || /^zod\/v4\/locales\/[a-z]+\.cjs$/.test(spec)) return true;
  if (!spec.startsWith(".")) return false;
  return path.resolve(path.dirname(file), spec).startsWith(CORE);
}

describe("the core stays pure", () => {
  const files = sources(CORE);

  it("finds the core's files", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [path.relative(CORE, f), f]))("%s imports nothing of Office.js, the DOM, Node or the edges", (_name, file) => {
    const text = fs.readFileSync(file, "utf8");
    const specs = [...text.matchAll(/(?:import|export)[^'"]*?from\s*["']([^"']+)["']|require\(\s*["']([^"']+)["']\s*\)|import\(\s*["']([^"']+)["']\s*\)/g)].map(
      (m) => m[1] ?? m[2] ?? m[3],
    );
    const bad = specs.filter((s) => !allowed(file, s));
    expect(bad).toEqual([]);
    // Globals of the edges, used without an import.
    expect(text).not.toMatch(/\b(Excel|Office)\.(run|context|onReady)\b|(?<![.\w])(document|window)\.|\bprocess\.(argv|stdout|exit)|\bBuffer\./);
  });

  it("the check itself catches an impure import", () => {
    expect(allowed(path.join(CORE, "x.ts"), "node:fs")).toBe(false);
    expect(allowed(path.join(CORE, "x.ts"), "../adapters/xlsx/exceljs")).toBe(false);
    expect(allowed(path.join(CORE, "forms/x.ts"), "../periods/period")).toBe(true);
  });
});
