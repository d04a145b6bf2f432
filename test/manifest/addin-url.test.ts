// issue 13: `ADDIN_URL=https://server/path/ npm run build` writes dist/manifest.xml with every
// URL at that address (scripts/manifest-url.js, used by webpack.config.js). Checked here on the
// real manifest.xml, without a build; test/build checks the dist/manifest.xml a build writes.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";

const ROOT = path.resolve(__dirname, "..", "..");
const MANIFEST_PATH = path.join(ROOT, "manifest.xml");
const ORIGIN = "https://localhost:3000";

const { addinBaseUrl, rewriteManifest } = require(path.join(ROOT, "scripts", "manifest-url.js")) as {
  addinBaseUrl: (raw: string | undefined) => string | null;
  rewriteManifest: (xml: string, baseUrl: string | null) => string;
};

const xml = fs.readFileSync(MANIFEST_PATH, "utf8");

interface Value {
  where: string;
  value: string;
}

/** Every attribute value and every text of the document, in order, entities decoded; comments left out. */
function values(doc: string): Value[] {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
  });
  const out: Value[] = [];
  const visit = (entries: Record<string, unknown>[], where: string) => {
    for (const entry of entries) {
      const name = Object.keys(entry).find((k) => k !== ":@")!;
      if (name === "#text") {
        out.push({ where: `${where}#text`, value: String(entry[name]) });
        continue;
      }
      for (const [attr, value] of Object.entries((entry[":@"] as Record<string, string>) ?? {})) {
        out.push({ where: `${where}/${name}@${attr}`, value: String(value) });
      }
      if (Array.isArray(entry[name])) visit(entry[name] as Record<string, unknown>[], `${where}/${name}`);
    }
  };
  visit(parser.parse(doc) as Record<string, unknown>[], "");
  return out;
}

const isUrl = (v: Value) => /^[a-z][a-z0-9+.-]*:\/\//i.test(v.value.trim()) && !/@xmlns(:|$)/.test(v.where);

/** The manifest's Id, as parsed. */
const idOf = (doc: string) => values(doc).find((v) => v.where === "/OfficeApp/Id#text")?.value;

describe("ADDIN_URL: the address dist/manifest.xml is written for", () => {
  it.each([
    ["https://maychu.phuong.local/cchc/", "https://maychu.phuong.local/cchc/"],
    ["https://maychu.phuong.local/cchc", "https://maychu.phuong.local/cchc/"],
    ["https://maychu.phuong.local", "https://maychu.phuong.local/"],
    ["  https://10.0.0.5:8443/bo-tro/cchc  ", "https://10.0.0.5:8443/bo-tro/cchc/"],
    ["HTTPS://MayChu.Phuong.Local/CCHC", "https://maychu.phuong.local/CCHC/"],
  ])("accepts %j as %s (a trailing slash added if missing)", (raw, base) => {
    expect(addinBaseUrl(raw)).toBe(base);
  });

  it.each([undefined, "", "   "])("is the dev server's manifest, unchanged, when ADDIN_URL is %j", (raw) => {
    expect(addinBaseUrl(raw)).toBeNull();
    expect(rewriteManifest(xml, null)).toBe(xml);
  });

  it.each([
    ["http://maychu.phuong.local/cchc/", /uses http, not https/],
    ["http://localhost:3000/", /uses http, not https/],
    ["ftp://maychu.phuong.local/cchc/", /uses ftp, not https/],
    ["file:///C:/cchc/", /uses file, not https/],
    ["maychu.phuong.local/cchc/", /not an absolute URL/],
    ["/cchc/", /not an absolute URL/],
    ["//maychu.phuong.local/cchc/", /not an absolute URL/],
    ["https://", /not an absolute URL/],
    ["https:///cchc/", /no host name/],
    ["https://can.bo:matkhau@maychu.phuong.local/cchc/", /user name or password/],
    ["https://maychu.phuong.local/cchc/?v=2", /query/],
    ["https://maychu.phuong.local/cchc/#pane", /fragment/],
  ])("refuses %j with one clear line", (raw, why) => {
    let message = "";
    try {
      addinBaseUrl(raw);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(why);
    expect(message).toMatch(/^ADDIN_URL /);
    expect(message).toContain("https://");
    expect(message).not.toMatch(/\n/);
    expect(() => rewriteManifest(xml, raw)).toThrow(why);
  });

  it("fails the build with that one line before anything is built", () => {
    const cli = require.resolve("webpack-cli/bin/cli.js");
    const run = spawnSync(process.execPath, [cli, "--mode", "production"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, ADDIN_URL: "http://maychu.phuong.local/cchc/" },
      timeout: 60_000,
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr.trim()).toMatch(/^ADDIN_URL "http:\/\/maychu\.phuong\.local\/cchc\/" uses http, not https[^\n]*$/);
    expect(run.stdout).not.toMatch(/Bundle sizes|compiled/);
  });
});

describe("manifest.xml rewritten for ADDIN_URL", () => {
  const BASE = "https://maychu.phuong.local/bo-tro/cchc/";
  const out = rewriteManifest(xml, "https://maychu.phuong.local/bo-tro/cchc");

  it("is still well-formed XML", () => {
    expect(XMLValidator.validate(out)).toBe(true);
  });

  it("has every URL at the given address, none left on the dev server", () => {
    const urls = values(out).filter(isUrl);
    // the icons, both pages and SupportUrl, at least
    expect(urls.length).toBeGreaterThanOrEqual(9);
    expect(urls.filter((v) => !v.value.trim().startsWith(BASE))).toEqual([]);
    for (const page of ["taskpane.html", "commands.html", "assets/icon-16.png", "assets/icon-32.png", "assets/icon-64.png", "assets/icon-80.png"]) {
      expect(urls.map((v) => v.value)).toContain(`${BASE}${page}`);
    }
    expect(values(out).find((v) => v.where === "/OfficeApp/SupportUrl@DefaultValue")?.value).toBe(`${BASE}taskpane.html`);
    // raw scan outside comments (the source file's own notes are kept as written)
    expect(out.replace(/<!--[\s\S]*?-->/g, "")).not.toMatch(/localhost/i);
  });

  it("keeps the Id and everything else unchanged", () => {
    expect(idOf(out)).toBe(idOf(xml));
    expect(idOf(out)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    const before = values(xml);
    const after = values(out);
    expect(after.map((v) => v.where)).toEqual(before.map((v) => v.where));
    after.forEach((v, i) => {
      const was = before[i]!.value;
      expect(v.value).toBe(isUrl(before[i]!) ? was.replace(`${ORIGIN}/`, BASE) : was);
    });
    // byte for byte, once the address is put back
    expect(out.split(BASE).join(`${ORIGIN}/`)).toBe(xml);
  });

  it("XML-escapes the address", () => {
    const odd = rewriteManifest(xml, "https://maychu.phuong.local/a&b/c'd/");
    expect(XMLValidator.validate(odd)).toBe(true);
    expect(odd).toContain('DefaultValue="https://maychu.phuong.local/a&amp;b/c&apos;d/taskpane.html"');
    expect(values(odd).find((v) => v.where === "/OfficeApp/DefaultSettings/SourceLocation@DefaultValue")?.value).toBe(
      "https://maychu.phuong.local/a&b/c'd/taskpane.html",
    );
    // characters that cannot stand in a URL reach the manifest percent-encoded
    const spaced = rewriteManifest(xml, 'https://maychu.phuong.local/bo tro/"cchc"<x>/');
    expect(XMLValidator.validate(spaced)).toBe(true);
    expect(spaced).toContain('DefaultValue="https://maychu.phuong.local/bo%20tro/%22cchc%22%3Cx%3E/taskpane.html"');
  });

  it("moves a bare dev-server origin (an AppDomain) to the address's origin, and nothing that only looks alike", () => {
    const withDomains = xml.replace(
      "  <Hosts>",
      `  <AppDomains>\n    <AppDomain>${ORIGIN}</AppDomain>\n    <AppDomain>https://localhost:30001</AppDomain>\n  </AppDomains>\n  <Hosts>`,
    );
    const moved = rewriteManifest(withDomains, BASE);
    expect(XMLValidator.validate(moved)).toBe(true);
    expect(moved).toContain("<AppDomain>https://maychu.phuong.local</AppDomain>");
    expect(moved).toContain("<AppDomain>https://localhost:30001</AppDomain>");
  });

  it("refuses a manifest with no dev-server URL to move", () => {
    expect(() => rewriteManifest(xml.split(ORIGIN).join("https://elsewhere.example"), BASE)).toThrow(/no https:\/\/localhost:3000 URL/);
  });
});
