#!/usr/bin/env node
"use strict";
// The compiled CLI lives in lib/ (built by `npm ci` through the prepare script).
let cli;
try {
  cli = require("../lib/cli/main.js");
} catch {
  process.stderr.write("Lỗi: chưa biên dịch công cụ dòng lệnh. Chạy: npm run build:cli\n");
  process.exit(2);
}
cli.main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  () => (process.exitCode = 2),
);
