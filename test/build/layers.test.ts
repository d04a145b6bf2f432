/**
 * The layers of ARCHITECTURE.md are ESLint rules (eslint.config.mjs); `npm test`
 * lints the tree. These cases show the rules bite: a file placed in each layer
 * that imports what that layer may not is an error, and a clean one is not.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const ESLINT = path.join(ROOT, "node_modules", "eslint", "bin", "eslint.js");

/** Lints `code` as if it were the file at `file`; the rule ids it breaks. */
function brokenRules(file: string, code: string): string[] {
  const run = spawnSync(process.execPath, [ESLINT, "--stdin", "--stdin-filename", file, "--format", "json"], { cwd: ROOT, input: code, encoding: "utf8" });
  if (run.status !== 0 && run.status !== 1) throw new Error(`eslint failed: ${run.stderr}`);
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null }[] }[];
  return result.messages.map((m) => m.ruleId ?? "fatal");
}

describe("the layers, as lint rules", () => {
  it.each([
    ["src/core/rules/x.ts", 'import * as fs from "node:fs";\nexport const x = fs;\n'],
    ["src/core/rules/x.ts", 'import { createExcelHost } from "../../adapters/office/excel-host";\nexport const x = createExcelHost;\n'],
    ["src/core/rules/x.ts", 'import { App } from "../../taskpane/App";\nexport const x = App;\n'],
    ["src/core/rules/x.ts", 'import { useState } from "react";\nexport const x = useState;\n'],
    ["src/adapters/office/x.ts", 'import { App } from "../../taskpane/App";\nexport const x = App;\n'],
    ["src/adapters/xlsx/x.ts", 'import { main } from "../../cli/main";\nexport const x = main;\n'],
    ["src/taskpane/x.ts", 'import { main } from "../cli/main";\nexport const x = main;\n'],
    ["src/cli/x.ts", 'import { App } from "../taskpane/App";\nexport const x = App;\n'],
  ])(
    "%s may not: %s",
    (file, code) => {
      expect(brokenRules(file, code)).toContain("no-restricted-imports");
    },
    30_000,
  );

  it("the core sees no host globals", () => {
    expect(brokenRules("src/core/rules/x.ts", "export const x = () => document.title;\n")).toContain("no-restricted-globals");
    expect(brokenRules("src/core/rules/x.ts", "export const x = () => Excel.run;\n")).toContain("no-restricted-globals");
  }, 30_000);

  it("allows what each layer is for", () => {
    expect(brokenRules("src/core/rules/x.ts", 'import { z } from "zod";\nimport { LIMITS } from "../limits";\nexport const x = [z, LIMITS];\n')).toEqual([]);
    expect(brokenRules("src/adapters/office/x.ts", 'import { LIMITS } from "../../core/limits";\nexport const x = LIMITS;\n')).toEqual([]);
    expect(brokenRules("src/cli/x.ts", 'import * as fs from "node:fs";\nimport { LIMITS } from "../core/limits";\nexport const x = [fs, LIMITS];\n')).toEqual(
      [],
    );
  }, 30_000);
});

describe("the core's allowlist", () => {
  it("refuses any package but zod, and allows zod's locales", () => {
    expect(brokenRules("src/core/rules/x.ts", 'import { unzipSync } from "fflate";\nexport const x = unzipSync;\n')).toContain("no-restricted-imports");
    expect(brokenRules("src/core/rules/x.ts", 'import * as lodash from "lodash";\nexport const x = lodash;\n')).toContain("no-restricted-imports");
    expect(brokenRules("src/core/messages/x.ts", 'import vi from "zod/v4/locales/vi.cjs";\nexport const x = vi;\n')).toEqual([]);
  }, 30_000);
});
