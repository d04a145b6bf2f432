import * as fs from "node:fs";
import * as path from "node:path";
import { FINDING_CODES } from "../../src/core/validate";

describe("the README documents every finding code", () => {
  const readme = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
  // Each code has a row of its own in one of the README's code tables: "| `CODE` | severity | meaning |".
  it.each([...FINDING_CODES])("%s has a row in a code table", (code) => {
    expect(readme).toMatch(new RegExp(`^\\| \`${code}\` \\| `, "m"));
  });
});
