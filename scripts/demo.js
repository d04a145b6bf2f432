#!/usr/bin/env node
"use strict";
/**
 * `npm run demo`: the product's main job on built-in sample data. Each unit of
 * a sample ward gets its forms filled with sample figures (demo/don-vi/), every
 * workbook is validated (one planted mistake shows what a finding looks like),
 * then the units are consolidated into the ward's report (demo/tong-hop/),
 * with who sent on time and who late (the files' times are set for the story)
 * and a Phiếu kiểm tra for each unit with findings (demo/phieu-kiem-tra/).
 * Same code paths as `cchc template`, `cchc validate` and `cchc aggregate`.
 */
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const lib = (p) => require(path.join(root, "lib", p));
let cli, core, xlsx, atomic;
try {
  cli = lib("cli/main.js");
  core = lib("core/index.js");
  xlsx = lib("adapters/xlsx/write-plan.js");
  atomic = lib("cli/write-file.js");
} catch {
  console.error("Chưa biên dịch công cụ dòng lệnh. Chạy: npm ci (hoặc npm run build:cli) rồi thử lại.");
  process.exit(2);
}
const { SAMPLE_UNITS, SAMPLE_PERIOD, SAMPLE_SETUP } = lib("core/sample/demo-units.js");

async function run() {
  process.chdir(root);
  const out = path.join("demo", "don-vi");
  fs.rmSync("demo", { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const period = core.parsePeriod(SAMPLE_PERIOD);
  console.log(`1. Biểu mẫu kỳ ${period.value.label.vi} của từng phòng ban, đã điền số liệu mẫu, trong thư mục ${out}/:`);
  for (const unit of SAMPLE_UNITS) {
    const plan = core.buildWorkbookPlan({
      unit: unit.name,
      period: period.value,
      forms: unit.forms,
      figures: unit.figures,
      notes: unit.notes,
      createdAt: new Date().toISOString(),
    });
    const file = path.join(out, `${unit.code}-${SAMPLE_PERIOD}.xlsx`);
    await atomic.writeFileAtomic(file, await xlsx.planToXlsx(plan));
    console.log(`   ${file}: ${unit.name} (${unit.forms.join(", ")})`);
  }
  const blank = path.join("demo", "mau-trong", `bieu-mau-trong-${SAMPLE_PERIOD}.xlsx`);
  fs.mkdirSync(path.dirname(blank), { recursive: true });
  console.log(`\n2. Bộ biểu mẫu trống BM1–BM7 để điền (cchc template):`);
  if ((await cli.main(["template", "--unit", SAMPLE_SETUP.units[0].name, "--period", SAMPLE_PERIOD, "-o", blank])) !== 0) process.exit(2);

  console.log(`\n3. Kiểm tra các tệp của phòng ban (cchc validate ${out}):\n`);
  const code = await cli.main(["validate", out]);
  if (code === 2) process.exit(2);
  if (code === 1) console.log("Lỗi ở trên là lỗi cài sẵn trong dữ liệu mẫu để minh họa (BM7 1.3.2 lớn hơn 1.3.1).");

  const ward = path.join("demo", "tong-hop", `tong-hop-${SAMPLE_PERIOD}.xlsx`);
  const setup = path.join("demo", "don-vi-cua-phuong.json");
  fs.mkdirSync(path.dirname(ward), { recursive: true });
  fs.writeFileSync(setup, `${JSON.stringify(SAMPLE_SETUP, null, 2)}\n`);
  // When each file "arrived": its modification time, as the ward's folder keeps it (Vietnam's time, UTC+7).
  // Against the period's deadline, Phòng Kinh tế sent two days late; the others on time.
  const deadline = period.value.unitDeadline;
  const sentAt = (day, time) => new Date(`${day}T${time}:00+07:00`);
  const dayAfter = (iso, days) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);
  for (const unit of SAMPLE_UNITS) {
    const at = unit.code === "kt" ? sentAt(dayAfter(deadline, 2), "09:00") : sentAt(dayAfter(deadline, -1), "16:30");
    fs.utimesSync(path.join(out, `${unit.code}-${SAMPLE_PERIOD}.xlsx`), at, at);
  }
  const feedback = path.join("demo", "phieu-kiem-tra");
  console.log(`\n4. Tổng hợp thành báo cáo của ${SAMPLE_SETUP.ward}: tên phường, các đơn vị và đơn vị chủ trì từng biểu mẫu ở ${setup}`);
  console.log(`   Hạn gửi của kỳ là ${core.formatDateVi(deadline)}: các tệp mẫu được đặt giờ sửa để Phòng Kinh tế nộp muộn 2 ngày, các đơn vị khác đúng hạn.`);
  console.log(`   (cchc aggregate --units ${setup} -o ${ward} --feedback ${feedback} ${out}):\n`);
  const aggregated = await cli.main(["aggregate", "--units", setup, "-o", ward, "--feedback", feedback, out]);
  if (aggregated !== 0) process.exit(aggregated);
  console.log(
    "\nDữ liệu mẫu cài sẵn để minh họa: Phòng Kinh tế chép số nhiệm vụ kế hoạch của Phòng VHXH vào BM1 2.1, 2.2 (có thể tính trùng);" +
      " BM5 1.2 của Phòng VHXH (19) lớn hơn BM6 2.1 của Phòng Kinh tế (10): lỗi chỉ thấy khi ghép số liệu của phường.",
  );
  console.log(
    `\nMở ${ward}: BM1–BM7 của phường (ô có vấn đề được tô màu, nội dung ở cột Ghi chú), trang "Chi tiết theo đơn vị", "Kết quả tổng hợp" và "Theo dõi tiếp nhận".`,
  );
  console.log(`Phiếu kiểm tra số liệu gửi lại từng đơn vị có vấn đề (in khổ A4) ở thư mục ${feedback}/:`);
  for (const name of fs.readdirSync(feedback).sort()) console.log(`   ${path.join(feedback, name)}`);
}

run().catch((e) => {
  console.error(`Lỗi: ${e && e.message ? e.message : e}`);
  process.exit(2);
});
