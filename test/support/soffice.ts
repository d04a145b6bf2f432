import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The LibreOffice binary; the tests fail (never skip) without it. */
export function sofficePath(): string {
  for (const p of ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"]) if (fs.existsSync(p)) return p;
  throw new Error("LibreOffice (soffice) is missing: install the Debian package libreoffice-calc-nogui (npm test does this when run as root).");
}

/**
 * Opens .xlsx bytes in LibreOffice headless, which recalculates every formula,
 * and returns the re-saved bytes with the computed results cached.
 */
export async function recalculateWithLibreOffice(bytes: Uint8Array, name = "book.xlsx"): Promise<Uint8Array> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-lo-"));
  try {
    const input = path.join(dir, "in", name);
    const outDir = path.join(dir, "out");
    fs.mkdirSync(path.dirname(input));
    fs.writeFileSync(input, bytes);
    // A profile of its own, so parallel test workers do not fight over one.
    const profile = `file://${path.join(dir, "profile")}`;
    await run(sofficePath(), [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--calc", "--convert-to", "xlsx", "--outdir", outDir, input], {
      timeout: 180_000,
    });
    return new Uint8Array(fs.readFileSync(path.join(outDir, name)));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Recalculates several workbooks in one LibreOffice run (starting LibreOffice
 * costs seconds): name → bytes in, name → re-saved bytes out. Names must be
 * distinct file names ending in .xlsx.
 */
export async function recalculateManyWithLibreOffice(books: Record<string, Uint8Array>): Promise<Record<string, Uint8Array>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-lo-"));
  try {
    const inDir = path.join(dir, "in");
    const outDir = path.join(dir, "out");
    fs.mkdirSync(inDir);
    const inputs = Object.entries(books).map(([name, bytes]) => {
      const file = path.join(inDir, name);
      fs.writeFileSync(file, bytes);
      return file;
    });
    const profile = `file://${path.join(dir, "profile")}`;
    await run(
      sofficePath(),
      [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--calc", "--convert-to", "xlsx", "--outdir", outDir, ...inputs],
      {
        timeout: 300_000,
      },
    );
    return Object.fromEntries(Object.keys(books).map((name) => [name, new Uint8Array(fs.readFileSync(path.join(outDir, name)))]));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
