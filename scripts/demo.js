#!/usr/bin/env node
"use strict";
/**
 * `npm run demo`: the product's main job on built-in sample data. For now it
 * generates the forms each unit of a ward fills (the default split of seed 000)
 * into demo/, with the same code path as `cchc template`.
 */
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
let cli;
try {
  cli = require(path.join(root, "lib", "cli", "main.js"));
} catch {
  console.error("Chưa biên dịch công cụ dòng lệnh. Chạy: npm ci (hoặc npm run build:cli) rồi thử lại.");
  process.exit(2);
}

const PERIOD = "2026-H1";
const UNITS = [
  { file: "vhxh", unit: "Phòng Văn hóa - Xã hội", forms: "BM1,BM4,BM5,BM7" },
  { file: "vp", unit: "Văn phòng HĐND và UBND", forms: "BM1,BM2" },
  { file: "tt-pvhcc", unit: "Trung tâm Phục vụ hành chính công", forms: "BM1,BM3,BM7" },
  { file: "kt", unit: "Phòng Kinh tế, Hạ tầng và Đô thị", forms: "BM1,BM6" },
  { file: "ca-bieu-mau", unit: "Ủy ban nhân dân phường Nhị Chiểu", forms: "" },
];

async function run() {
  process.chdir(root);
  const out = path.join(root, "demo");
  fs.mkdirSync(out, { recursive: true });
  console.log(`Tạo biểu mẫu kỳ ${PERIOD} cho từng đơn vị vào thư mục demo/:`);
  for (const u of UNITS) {
    const file = path.join("demo", `bieu-mau-${u.file}-${PERIOD}.xlsx`);
    const args = ["template", "--unit", u.unit, "--period", PERIOD, "-o", file];
    if (u.forms) args.push("--forms", u.forms);
    const code = await cli.main(args);
    if (code !== 0) process.exit(code);
  }
  console.log("Mở các tệp trên bằng Excel hoặc LibreOffice để điền số liệu.");
}

run();
