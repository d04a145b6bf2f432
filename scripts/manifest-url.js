"use strict";
/**
 * issue 13: deploying without hand edits. `ADDIN_URL=https://server/path/ npm run build`
 * writes dist/manifest.xml with every URL of manifest.xml moved from the dev server
 * (https://localhost:3000) to that address; without ADDIN_URL, dist/manifest.xml is
 * manifest.xml unchanged. Used by webpack.config.js; tested by test/manifest/addin-url.test.ts.
 */

/** The origin every URL of manifest.xml is written for (the dev server, webpack.config.js). */
const DEV_ORIGIN = "https://localhost:3000";

/**
 * The folder ADDIN_URL names, as an absolute https URL ending in "/", or null when
 * ADDIN_URL is unset or empty. Throws an Error with a one-line message when it is not
 * an absolute https:// URL of a folder (no user name, password, query or fragment).
 */
function addinBaseUrl(raw) {
  if (raw === undefined || raw === null || String(raw).trim() === "") return null;
  const value = String(raw).trim();
  const refuse = (why) =>
    new Error(
      `ADDIN_URL ${JSON.stringify(value)} ${why}; give the https:// address the add-in is served from, e.g. ADDIN_URL=https://maychu.phuong.local/cchc/`,
    );
  let url;
  try {
    url = new URL(value);
  } catch {
    throw refuse("is not an absolute URL");
  }
  if (url.protocol !== "https:") throw refuse(`uses ${url.protocol.replace(/:$/, "")}, not https (Office loads add-ins over https only)`);
  if (!/^https:\/\/[^/]/i.test(value) || url.hostname === "") throw refuse("has no host name");
  if (url.username !== "" || url.password !== "") throw refuse("must not hold a user name or password");
  if (url.search !== "" || url.hash !== "" || /[?#]/.test(value)) throw refuse("must not have a query (?) or a fragment (#)");
  return url.pathname.endsWith("/") ? url.href : `${url.href}/`;
}

/** Text made safe for an XML attribute value or element text. */
function xmlEscape(text) {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]);
}

/**
 * manifest.xml (its text) with every dev-server URL in its attributes and text moved to
 * baseUrl (as returned by addinBaseUrl): "https://localhost:3000/x" becomes baseUrl + "x",
 * and the bare origin (an AppDomain) becomes baseUrl's origin. Everything else, the Id
 * and the comments included, is left byte for byte; a null baseUrl returns xml unchanged.
 */
function rewriteManifest(xml, baseUrl) {
  if (baseUrl === null || baseUrl === undefined) return xml;
  const base = addinBaseUrl(baseUrl);
  const origin = new URL(base).origin;
  const devUrl = new RegExp(`${DEV_ORIGIN.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}(?![\\w.:-])(/)?`, "gi");
  let moved = 0;
  // Comments are documentation of the source file (and "--" in a URL would break one): kept as they are.
  const out = xml
    .split(/(<!--[\s\S]*?-->)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(devUrl, (_, slash) => (moved++, xmlEscape(slash ? base : origin)))))
    .join("");
  if (moved === 0) throw new Error(`manifest.xml has no ${DEV_ORIGIN} URL to move to ${base}`);
  return out;
}

module.exports = { DEV_ORIGIN, addinBaseUrl, rewriteManifest, xmlEscape };
