#!/usr/bin/env node
/*
 * Serves the built task pane (dist/) on this machine only, so the pane can be
 * used in a plain browser without Excel: `npm run build && npm run serve`.
 * Plain node:http on purpose: no dependency, nothing to configure.
 */
const fs = require("fs");
const http = require("http");
const path = require("path");
const zlib = require("zlib");

const ROOT = path.resolve(__dirname, "..", "dist");
const HOST = "127.0.0.1";
const PORT = Number(process.env.PORT) || 3001;

/** Text is sent gzipped to a browser that takes it: ~1 MB becomes ~0.3 MB, 5.2 s -> 1.7 s to a usable pane on a 1.5 Mbps ward line (npm run bench). */
const COMPRESSIBLE = /\.(html|js|mjs|css|json|map|txt|xml|svg)$/i;
/** Compressed bodies by file, kept while the file is unchanged (a rebuild changes its size or time). */
const gzipped = new Map();

function gzipOf(file, stat) {
  const known = gzipped.get(file);
  if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return known.body;
  const body = zlib.gzipSync(fs.readFileSync(file), { level: 9 });
  gzipped.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, body });
  return body;
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".gif": "image/gif",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

function send(res, status, body, type = "text/plain; charset=utf-8") {
  res.writeHead(status, { "Content-Type": type, "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}

/** The file under dist/ that a URL path names, or null when it would leave dist/. */
function resolvePath(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const file = path.resolve(ROOT, "." + path.posix.normalize("/" + decoded));
  return file === ROOT || file.startsWith(ROOT + path.sep) ? file : null;
}

const server = http.createServer((req, res) => {
  if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, "Method not allowed");
  const { pathname } = new URL(req.url, `http://${HOST}`);
  if (pathname === "/") {
    res.writeHead(302, { Location: "/taskpane.html" });
    return res.end();
  }
  const file = resolvePath(pathname);
  if (!file) return send(res, 400, "Bad path");
  fs.stat(file, (err, stat) => {
    if (err || !stat.isFile()) return send(res, 404, "Not found");
    const gzip = COMPRESSIBLE.test(file) && /\bgzip\b/.test(req.headers["accept-encoding"] || "");
    let body;
    try {
      body = gzip ? gzipOf(file, stat) : undefined;
    } catch {
      return send(res, 500, "Could not read the file");
    }
    res.writeHead(200, {
      "Content-Type": TYPES[path.extname(file).toLowerCase()] || "application/octet-stream",
      "Content-Length": body ? body.length : stat.size,
      ...(body ? { "Content-Encoding": "gzip" } : {}),
      Vary: "Accept-Encoding",
      // Hashed bundle names change with every build; the pages themselves must not be stale.
      "Cache-Control": /\.[0-9a-f]{8}\.js$/.test(file) ? "public, max-age=31536000, immutable" : "no-cache",
      "X-Content-Type-Options": "nosniff",
    });
    if (req.method === "HEAD") return res.end();
    if (body) return res.end(body);
    fs.createReadStream(file).pipe(res);
  });
});

if (!fs.existsSync(path.join(ROOT, "taskpane.html"))) {
  console.error("Chưa có dist/taskpane.html. Chạy `npm run build` trước. (Run `npm run build` first.)");
  process.exit(1);
}

server.on("error", (err) => {
  console.error(
    err.code === "EADDRINUSE"
      ? `Cổng ${PORT} đang được dùng; đặt cổng khác, ví dụ PORT=3002 npm run serve. (Port ${PORT} is in use.)`
      : `Không chạy được máy chủ: ${err.message}`,
  );
  process.exit(1);
});

server.listen(PORT, HOST, () => {
  console.log(`Biểu mẫu CCHC: http://${HOST}:${PORT}/taskpane.html  (Ctrl+C để dừng)`);
});
