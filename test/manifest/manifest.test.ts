// Offline checks of manifest.xml and the icons in assets/: what Office would reject or
// silently get wrong (element order, dangling resids, wrong icon sizes, URLs leaving
// the add-in's origin). No network: Microsoft's online validator is not used.
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { XMLParser, XMLValidator } from "fast-xml-parser";

const ROOT = path.resolve(__dirname, "..", "..");
const MANIFEST_PATH = path.join(ROOT, "manifest.xml");
const ASSETS_DIR = path.join(ROOT, "assets");

/** The one origin the add-in may load from (dev server; see docs/sideloading.md). */
const ORIGIN = "https://localhost:3000";

const NS = {
  officeApp: "http://schemas.microsoft.com/office/appforoffice/1.1",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  versionOverrides: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
};

/** The icon sizes shipped in assets/ as icon-<size>.png (scripts/make-icons.js). */
const ICON_SIZES = [16, 32, 64, 80, 128];

// Child element order, from the XSD sequences (OfficeAppManifestV1_1.xsd,
// TaskPaneAppVersionOverridesV1_0.xsd, OfficeAppBasicTypesV1_0.xsd).
const SEQUENCES: Record<string, string[]> = {
  OfficeApp: [
    "Id",
    "AlternateId",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "IconUrl",
    "HighResolutionIconUrl",
    "SupportUrl",
    "AppDomains",
    "Hosts",
    "Requirements",
    "DefaultSettings",
    "Permissions",
    "Dictionary",
    "VersionOverrides",
    "ExtendedOverrides",
  ],
  VersionOverrides: ["Description", "Requirements", "Hosts", "Resources", "WebApplicationInfo", "EquivalentAddins"],
  DesktopFormFactor: ["GetStarted", "FunctionFile", "ExtensionPoint"],
  Group: ["Label", "Icon", "Control"],
  Control: ["Label", "Supertip", "Icon", "Action", "Enabled"],
  Supertip: ["Title", "Description"],
  Action: ["TaskpaneId", "SourceLocation", "Title"],
  Resources: ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"],
};

/** Max lengths of bt:ShortString / bt:LongString values (OfficeAppBasicTypesV1_0.xsd). */
const SHORT_STRING_MAX = 125;
const LONG_STRING_MAX = 250;
const RESID_MAX = 32;

interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

type OrderedEntry = Record<string, unknown>;

function toNodes(entries: OrderedEntry[]): XmlNode[] {
  const nodes: XmlNode[] = [];
  for (const entry of entries) {
    const name = Object.keys(entry).find((k) => k !== ":@");
    if (name === undefined || name === "#text" || name.startsWith("?") || name === "#comment") continue;
    const inner = (entry[name] as OrderedEntry[]) ?? [];
    const text = inner
      .filter((e) => "#text" in e)
      .map((e) => String(e["#text"]))
      .join("");
    nodes.push({
      name,
      attrs: (entry[":@"] as Record<string, string>) ?? {},
      children: toNodes(inner),
      text,
    });
  }
  return nodes;
}

function parseManifest(xml: string): XmlNode {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseTagValue: false,
    parseAttributeValue: false,
    commentPropName: "#comment",
  });
  const roots = toNodes(parser.parse(xml) as OrderedEntry[]);
  if (roots.length !== 1) throw new Error(`expected one root element, found ${roots.length}`);
  return roots[0]!;
}

function walk(node: XmlNode, visit: (n: XmlNode, parents: XmlNode[]) => void, parents: XmlNode[] = []): void {
  visit(node, parents);
  for (const child of node.children) walk(child, visit, [...parents, node]);
}

function all(root: XmlNode, name: string): XmlNode[] {
  const found: XmlNode[] = [];
  walk(root, (n) => {
    if (n.name === name) found.push(n);
  });
  return found;
}

function child(node: XmlNode, name: string): XmlNode {
  const matches = node.children.filter((c) => c.name === name);
  if (matches.length !== 1) throw new Error(`<${node.name}> has ${matches.length} <${name}> children, expected 1`);
  return matches[0]!;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

// ---- PNG reading (independent of scripts/make-icons.js) ----

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
}

/** Reads a PNG fully: signature, chunk CRCs, IHDR first, IEND last, IDAT inflating to the right size. */
function readPng(bytes: Buffer): PngInfo {
  if (bytes.length < 8 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error("not a PNG signature");
  const chunks: { type: string; data: Buffer }[] = [];
  let pos = 8;
  while (pos < bytes.length) {
    if (pos + 12 > bytes.length) throw new Error("truncated chunk header");
    const length = bytes.readUInt32BE(pos);
    const type = bytes.toString("latin1", pos + 4, pos + 8);
    if (pos + 12 + length > bytes.length) throw new Error(`truncated ${type} chunk`);
    const data = bytes.subarray(pos + 8, pos + 8 + length);
    const crc = bytes.readUInt32BE(pos + 8 + length);
    if (crc !== crc32(bytes.subarray(pos + 4, pos + 8 + length))) throw new Error(`bad CRC in ${type}`);
    chunks.push({ type, data });
    pos += 12 + length;
  }
  if (chunks[0]?.type !== "IHDR" || chunks[0].data.length !== 13) throw new Error("first chunk is not a 13-byte IHDR");
  if (chunks[chunks.length - 1]?.type !== "IEND") throw new Error("last chunk is not IEND");
  const ihdr = chunks[0].data;
  const info: PngInfo = {
    width: ihdr.readUInt32BE(0),
    height: ihdr.readUInt32BE(4),
    bitDepth: ihdr[8]!,
    colorType: ihdr[9]!,
  };
  if (info.width === 0 || info.height === 0) throw new Error("zero-sized image");
  if (ihdr[12] !== 0) throw new Error("interlaced PNGs are not expected here");
  const channels: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
  const ch = channels[info.colorType];
  if (ch === undefined) throw new Error(`bad colour type ${info.colorType}`);
  const idat = Buffer.concat(chunks.filter((c) => c.type === "IDAT").map((c) => c.data));
  if (idat.length === 0) throw new Error("no IDAT");
  const raw = zlib.inflateSync(idat);
  const stride = Math.ceil((info.width * ch * info.bitDepth) / 8);
  if (raw.length !== info.height * (stride + 1)) throw new Error(`IDAT inflates to ${raw.length} bytes`);
  for (let y = 0; y < info.height; y++) {
    if (raw[y * (stride + 1)]! > 4) throw new Error(`bad filter type on row ${y}`);
  }
  return info;
}

// ---- the manifest, read once ----

const xml = fs.readFileSync(MANIFEST_PATH, "utf8");
let root: XmlNode;

beforeAll(() => {
  root = parseManifest(xml);
});

/** Every resource id defined in Resources, with its kind and value. */
function resources(): Map<string, { kind: string; value: string }[]> {
  const defs = new Map<string, { kind: string; value: string }[]>();
  const res = child(child(root, "VersionOverrides"), "Resources");
  for (const group of res.children) {
    for (const item of group.children) {
      const id = item.attrs["id"] ?? "";
      defs.set(id, [...(defs.get(id) ?? []), { kind: group.name, value: item.attrs["DefaultValue"] ?? "" }]);
    }
  }
  return defs;
}

function resourceValue(id: string): string {
  const defs = resources().get(id);
  if (!defs || defs.length !== 1) throw new Error(`resid "${id}" is not defined exactly once`);
  return defs[0]!.value;
}

describe("manifest.xml", () => {
  it("is well-formed XML", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it("is an Office task pane add-in with the real schema namespaces", () => {
    expect(root.name).toBe("OfficeApp");
    expect(root.attrs["xmlns"]).toBe(NS.officeApp);
    expect(root.attrs["xmlns:xsi"]).toBe(NS.xsi);
    expect(root.attrs["xmlns:bt"]).toBe(NS.bt);
    expect(root.attrs["xsi:type"]).toBe("TaskPaneApp");
    const vo = child(root, "VersionOverrides");
    expect(vo.attrs["xmlns"]).toBe(NS.versionOverrides);
    expect(vo.attrs["xsi:type"]).toBe("VersionOverridesV1_0");
  });

  it("has a fresh GUID id, a four-part version and the vi-VN default locale", () => {
    const id = child(root, "Id").text;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
    expect(id.toLowerCase()).not.toBe("05c2e1c9-3e1d-406e-9a91-e9ac64854143"); // the yo-office template's id
    expect(child(root, "Version").text).toMatch(/^\d{1,5}(\.\d{1,5}){3}$/);
    expect(child(root, "DefaultLocale").text).toBe("vi-VN");
    expect(child(root, "ProviderName").text.trim()).not.toBe("");
  });

  it("has a Vietnamese name and description with en-US overrides", () => {
    const name = child(root, "DisplayName");
    expect(name.attrs["DefaultValue"]).toBe("Biểu mẫu CCHC");
    const description = child(root, "Description");
    expect(description.attrs["DefaultValue"]).toMatch(/tạo, kiểm tra và tổng hợp biểu mẫu thống kê cải cách hành chính/i);
    for (const el of [name, description]) {
      const en = el.children.filter((c) => c.name === "Override" && c.attrs["Locale"] === "en-US");
      expect(en).toHaveLength(1);
      expect(en[0]!.attrs["Value"]?.trim()).toBeTruthy();
    }
    expect(name.attrs["DefaultValue"]!.length).toBeLessThanOrEqual(SHORT_STRING_MAX);
    expect(description.attrs["DefaultValue"]!.length).toBeLessThanOrEqual(LONG_STRING_MAX);
  });

  it("keeps the schema's element order and required elements", () => {
    const problems: string[] = [];
    walk(root, (node) => {
      const sequence = SEQUENCES[node.name];
      if (!sequence) return;
      let last = -1;
      for (const c of node.children) {
        const at = sequence.indexOf(c.name);
        if (at < 0) problems.push(`<${c.name}> is not allowed in <${node.name}>`);
        else if (at < last) problems.push(`<${c.name}> comes too late in <${node.name}> (expected order: ${sequence.join(", ")})`);
        else last = at;
      }
    });
    expect(problems).toEqual([]);
    for (const required of [
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
    ]) {
      expect(root.children.filter((c) => c.name === required)).toHaveLength(1);
    }
    expect(child(root, "Permissions").text).toBe("ReadWriteDocument");
  });

  it("targets the Workbook host only", () => {
    expect(child(root, "Hosts").children.map((h) => h.attrs["Name"])).toEqual(["Workbook"]);
    const voHosts = child(child(root, "VersionOverrides"), "Hosts").children;
    expect(voHosts.map((h) => h.attrs["xsi:type"])).toEqual(["Workbook"]);
  });

  it("requires ExcelApi 1.8 at most (Office 2019)", () => {
    const sets = all(child(root, "Requirements"), "Set");
    const excel = sets.filter((s) => s.attrs["Name"] === "ExcelApi");
    expect(excel).toHaveLength(1);
    const min = excel[0]!.attrs["MinVersion"] ?? "";
    expect(min).toMatch(/^\d+\.\d+$/);
    expect(compareVersions(min, "1.8")).toBeLessThanOrEqual(0);
    // nothing else may raise the bar above what Office 2019 has
    for (const s of sets) expect(["ExcelApi"]).toContain(s.attrs["Name"]);
    expect(all(child(root, "VersionOverrides"), "Requirements")).toHaveLength(0);
  });

  it("opens the task pane from a Home-tab ribbon button", () => {
    const desktop = child(child(child(child(root, "VersionOverrides"), "Hosts"), "Host"), "DesktopFormFactor");
    expect(resourceValue(child(desktop, "FunctionFile").attrs["resid"]!)).toBe(`${ORIGIN}/commands.html`);
    const ext = child(desktop, "ExtensionPoint");
    expect(ext.attrs["xsi:type"]).toBe("PrimaryCommandSurface");
    const tab = child(ext, "OfficeTab");
    expect(tab.attrs["id"]).toBe("TabHome");
    const group = child(tab, "Group");
    expect(resourceValue(child(group, "Label").attrs["resid"]!)).toBe("CCHC");
    const button = child(group, "Control");
    expect(button.attrs["xsi:type"]).toBe("Button");
    expect(resourceValue(child(button, "Label").attrs["resid"]!)).toBe("Biểu mẫu CCHC");
    expect(resourceValue(child(child(button, "Supertip"), "Description").attrs["resid"]!)).toMatch(/^Mở ngăn Biểu mẫu CCHC/);
    const action = child(button, "Action");
    expect(action.attrs["xsi:type"]).toBe("ShowTaskpane");
    expect(child(action, "TaskpaneId").text.trim()).not.toBe("");
    expect(resourceValue(child(action, "SourceLocation").attrs["resid"]!)).toBe(`${ORIGIN}/taskpane.html`);
    // control and group ids are unique across the manifest
    const ids = [...all(root, "Group"), ...all(root, "Control")].map((n) => n.attrs["id"]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("loads the task pane from the add-in's own origin", () => {
    const source = child(child(root, "DefaultSettings"), "SourceLocation").attrs["DefaultValue"]!;
    expect(source).toBe(`${ORIGIN}/taskpane.html`);
    expect(new URL(source).origin).toBe(ORIGIN);
  });

  it("has every URL in the file on that same https origin", () => {
    const namespaceUris = new Set(Object.values(NS));
    const problems: string[] = [];
    // raw scan: catches URLs in any attribute, text or comment
    for (const match of xml.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]*/gi)) {
      const url = match[0];
      if (namespaceUris.has(url)) continue;
      if (!url.startsWith(`${ORIGIN}/`) && url !== ORIGIN) problems.push(url);
    }
    // parsed scan: every URL-valued attribute or element
    walk(root, (node) => {
      for (const [attr, value] of Object.entries(node.attrs)) {
        if (attr === "xmlns" || attr.startsWith("xmlns:")) continue;
        if (/:\/\//.test(value) && new URL(value).origin !== ORIGIN) problems.push(`${node.name}@${attr}: ${value}`);
      }
      if (/:\/\//.test(node.text) && new URL(node.text.trim()).origin !== ORIGIN) problems.push(`${node.name}: ${node.text}`);
    });
    // AppDomains: only needed for other origins, so there must be none that leave ours
    for (const d of all(root, "AppDomain")) {
      if (d.text.trim() !== ORIGIN) problems.push(`AppDomain ${d.text}`);
    }
    expect(problems).toEqual([]);
  });

  it("defines every referenced resid exactly once, with the right kind, and uses every resource", () => {
    const defs = resources();
    const problems: string[] = [];
    for (const [id, list] of defs) {
      if (list.length !== 1) problems.push(`"${id}" defined ${list.length} times`);
      if (id.length === 0 || id.length > RESID_MAX) problems.push(`"${id}" is not 1..${RESID_MAX} characters`);
      for (const d of list) {
        if (d.kind === "bt:ShortStrings" && d.value.length > SHORT_STRING_MAX) problems.push(`"${id}" is longer than ${SHORT_STRING_MAX}`);
        if (d.kind === "bt:LongStrings" && d.value.length > LONG_STRING_MAX) problems.push(`"${id}" is longer than ${LONG_STRING_MAX}`);
        if (d.value.trim() === "") problems.push(`"${id}" has an empty DefaultValue`);
      }
    }
    const used = new Set<string>();
    walk(root, (node, parents) => {
      const resid = node.attrs["resid"];
      if (resid === undefined) return;
      used.add(resid);
      const list = defs.get(resid) ?? [];
      if (list.length !== 1) {
        problems.push(`<${node.name} resid="${resid}"> matches ${list.length} resources`);
        return;
      }
      const parent = parents[parents.length - 1]?.name;
      const expected =
        node.name === "bt:Image"
          ? "bt:Images"
          : node.name === "SourceLocation" || node.name === "FunctionFile" || node.name === "LearnMoreUrl"
            ? "bt:Urls"
            : node.name === "Description" && parent === "Supertip"
              ? "bt:LongStrings"
              : node.name === "Label" || node.name === "Title"
                ? "bt:ShortStrings"
                : undefined;
      if (expected === undefined) problems.push(`unexpected resid on <${node.name}>`);
      else if (list[0]!.kind !== expected) problems.push(`<${node.name} resid="${resid}"> points at ${list[0]!.kind}, expected ${expected}`);
    });
    for (const id of defs.keys()) if (!used.has(id)) problems.push(`"${id}" is defined but never used`);
    expect(problems).toEqual([]);
    expect(used.size).toBeGreaterThan(0);
  });

  it("gives each ribbon icon the 16, 32 and 80 pixel images", () => {
    const icons = all(child(root, "VersionOverrides"), "Icon");
    expect(icons.length).toBeGreaterThanOrEqual(2); // the group and the button
    for (const icon of icons) {
      expect(icon.children.map((i) => i.attrs["size"]).sort()).toEqual(["16", "32", "80"]);
    }
  });

  it("points every icon URL at a PNG in assets/ of exactly the size the manifest names", () => {
    // URL -> every size the manifest implies for it
    const expected = new Map<string, Set<number>>();
    const need = (url: string, size: number) => expected.set(url, (expected.get(url) ?? new Set()).add(size));
    need(child(root, "IconUrl").attrs["DefaultValue"]!, 32);
    need(child(root, "HighResolutionIconUrl").attrs["DefaultValue"]!, 64);
    for (const img of all(child(root, "VersionOverrides"), "bt:Image")) {
      if (img.attrs["resid"] !== undefined) need(resourceValue(img.attrs["resid"]), Number(img.attrs["size"]));
      if (img.attrs["id"] !== undefined) {
        const m = /(\d+)x(\d+)$/.exec(img.attrs["id"]);
        expect(m).not.toBeNull(); // ids say their size, e.g. Icon.16x16
        expect(m![1]).toBe(m![2]);
        need(img.attrs["DefaultValue"]!, Number(m![1]));
      }
    }
    expect(expected.size).toBeGreaterThanOrEqual(4);
    const problems: string[] = [];
    for (const [url, sizes] of expected) {
      const m = new RegExp(`^${ORIGIN}/assets/(icon-(\\d+)\\.png)$`).exec(url);
      if (!m) {
        problems.push(`${url} is not ${ORIGIN}/assets/icon-NN.png`);
        continue;
      }
      sizes.add(Number(m[2]));
      if (sizes.size !== 1) {
        problems.push(`${url} is used with sizes ${[...sizes].join(", ")}`);
        continue;
      }
      const size = [...sizes][0]!;
      const file = path.join(ASSETS_DIR, m[1]!);
      if (!fs.existsSync(file)) {
        problems.push(`${url}: assets/${m[1]} is missing`);
        continue;
      }
      const png = readPng(fs.readFileSync(file));
      if (png.width !== size || png.height !== size) problems.push(`assets/${m[1]} is ${png.width}x${png.height}, expected ${size}x${size}`);
    }
    expect(problems).toEqual([]);
  });
});

describe("assets/ icons", () => {
  it.each(ICON_SIZES)("icon-%i.png is a valid RGBA PNG of that size", (size) => {
    const png = readPng(fs.readFileSync(path.join(ASSETS_DIR, `icon-${size}.png`)));
    expect(png).toEqual({ width: size, height: size, bitDepth: 8, colorType: 6 });
  });

  it("holds exactly the icon files the add-in ships", () => {
    const files = fs.readdirSync(ASSETS_DIR).filter((f) => /^icon-\d+\.png$/.test(f));
    expect(files.sort()).toEqual(ICON_SIZES.map((s) => `icon-${s}.png`).sort());
  });

  it("rejects a broken PNG (the reader really checks)", () => {
    const good = fs.readFileSync(path.join(ASSETS_DIR, "icon-16.png"));
    const badCrc = Buffer.from(good);
    badCrc[20] = badCrc[20]! ^ 0xff; // inside IHDR data
    expect(() => readPng(badCrc)).toThrow(/CRC/);
    expect(() => readPng(good.subarray(0, good.length - 12))).toThrow(/IEND/);
    expect(() => readPng(Buffer.from("GIF89a"))).toThrow(/signature/);
  });
});
