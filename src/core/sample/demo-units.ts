import type { UnitRegistry } from "../units/registry";

/**
 * Built-in sample data for `npm run demo`: four units of a sample ward filling
 * their forms for 6 tháng đầu năm 2026, with figures in the range of the real
 * report (seed 003). Planted so that each kind of finding shows once: BM7
 * 1.3.2 larger than 1.3.1 at the one-stop centre (validation, and the ward's
 * BM7 that it leads); KT copying VHXH's plan tasks into BM1 (a likely double
 * count); VHXH's BM5 1.2 above KT's BM6 2.1 (a rule only the ward's figures
 * break).
 */
export interface SampleUnit {
  /** short code, used in file names */
  code: string;
  name: string;
  forms: string[];
  figures: Record<string, Record<string, number>>;
  /** the unit's Ghi chú, by form and STT */
  notes?: Record<string, Record<string, string>>;
}

/** The sample ward's setup (`cchc aggregate --units`): its own name, its units, who leads each form. */
export const SAMPLE_SETUP: UnitRegistry = {
  ward: "Phường Hòa An (dữ liệu mẫu)",
  units: [
    { code: "VHXH", name: "Phòng Văn hóa - Xã hội", aliases: ["Phòng VHXH"], forms: ["BM1", "BM4", "BM5"] },
    { code: "VP", name: "Văn phòng HĐND và UBND", aliases: ["Văn phòng HĐND&UBND"], forms: ["BM1", "BM2"] },
    { code: "TTPVHCC", name: "Trung tâm Phục vụ hành chính công", aliases: ["Bộ phận Một cửa"], forms: ["BM1", "BM3", "BM7"] },
    { code: "KT", name: "Phòng Kinh tế, Hạ tầng và Đô thị", aliases: ["Phòng Kinh tế"], forms: ["BM1", "BM6"] },
  ],
  leads: { BM1: "VHXH", BM2: "VP", BM3: "TTPVHCC", BM4: "VHXH", BM5: "VHXH", BM6: "KT", BM7: "TTPVHCC" },
  combine: { BM1: "sum" },
};

export const SAMPLE_PERIOD = "2026-H1";

export const SAMPLE_UNITS: SampleUnit[] = [
  {
    code: "vhxh",
    name: "Phòng Văn hóa - Xã hội",
    forms: ["BM1", "BM4", "BM5"],
    figures: {
      BM1: {
        "1": 4,
        "2.1": 30,
        "2.2": 16,
        "3.1": 0,
        "3.2": 0,
        "3.3.1": 3,
        "3.3.2": 2,
        "4.1": 20,
        "4.1.1": 15,
        "4.1.2": 1,
        "4.1.3": 0,
        "4.2": 5000,
        "4.3": 1,
        "5": 1,
      },
      BM4: { "1.1": 52, "1.2": 43, "1.3": 1, "1.4": 0, "2.1": 586, "2.2": 573, "2.3": 0, "2.4": 0 },
      BM5: { "1.1": 4, "1.2": 19, "1.3": 0, "2.1": 0, "2.2": 10, "3": 0, "4.1": 0, "4.2": 0, "4.3": 0 },
    },
  },
  {
    code: "vp",
    name: "Văn phòng HĐND và UBND",
    forms: ["BM1", "BM2"],
    figures: {
      BM1: {
        "1": 2,
        "2.1": 12,
        "2.2": 6,
        "3.1": 0,
        "3.2": 0,
        "3.3.1": 0,
        "3.3.2": 0,
        "4.1": 10,
        "4.1.1": 8,
        "4.1.2": 0,
        "4.1.3": 0,
        "4.2": 2500,
        "4.3": 1,
        "5": 0,
      },
      BM2: { "1.1": 4 },
    },
  },
  {
    code: "tt-pvhcc",
    name: "Trung tâm Phục vụ hành chính công",
    forms: ["BM1", "BM3", "BM7"],
    figures: {
      BM1: {
        "1": 1,
        "2.1": 6,
        "2.2": 3,
        "3.1": 0,
        "3.2": 0,
        "3.3.1": 0,
        "3.3.2": 0,
        "4.1": 5,
        "4.1.1": 4,
        "4.1.2": 0,
        "4.1.3": 0,
        "4.2": 2000,
        "4.3": 0,
        "5": 0,
      },
      BM3: { "1.1": 100, "1.2": 2060, "2.1.1": 9275, "2.1.2": 9275, "2.2.1": 2, "2.2.2": 2 },
      // Planted mistake: more dossiers submitted online (1.3.2) than dossiers in all (1.3.1).
      BM7: { "1.1.1": 99, "1.1.2": 99, "1.2.1": 19, "1.2.2": 19, "1.3.1": 352, "1.3.2": 372, "1.4.1": 4523, "1.4.2": 4400, "1.5.1": 23, "1.5.2": 23 },
    },
  },
  {
    code: "kt",
    name: "Phòng Kinh tế, Hạ tầng và Đô thị",
    forms: ["BM1", "BM6"],
    figures: {
      // Copied VHXH's plan tasks instead of its own (4 and 2): the ward would count them twice.
      BM1: {
        "1": 0,
        "2.1": 30,
        "2.2": 16,
        "3.1": 0,
        "3.2": 0,
        "3.3.1": 0,
        "3.3.2": 0,
        "4.1": 3,
        "4.1.1": 1,
        "4.1.2": 0,
        "4.1.3": 0,
        "4.2": 0,
        "4.3": 1,
        "5": 0,
      },
      // 10 staff under the expenditure autonomy scheme, fewer than the 19 VHXH reports in BM5 1.2: a rule across two units' forms.
      BM6: { "1.1": 42809, "1.2": 21406, "2.1": 10, "2.2": 0, "2.3": 0, "2.4.1": 0, "2.4.2": 0, "2.4.3": 10, "2.5": 0, "2.6": 0 },
    },
    notes: { BM6: { "1.1": "Số liệu theo QĐ giao vốn" } },
  },
];
