/**
 * Built-in sample data for `npm run demo`: four units of a ward filling their
 * forms for 6 tháng đầu năm 2026, with figures in the range of the real report
 * (seed 003). One planted mistake (BM7 1.3.2 larger than 1.3.1 at the one-stop
 * centre) shows what validation reports.
 */
export interface SampleUnit {
  /** short code, used in file names */
  code: string;
  name: string;
  forms: string[];
  figures: Record<string, Record<string, number>>;
}

export const SAMPLE_PERIOD = "2026-H1";

export const SAMPLE_UNITS: SampleUnit[] = [
  {
    code: "vhxh",
    name: "Phòng Văn hóa - Xã hội",
    forms: ["BM1", "BM4", "BM5", "BM7"],
    figures: {
      BM1: { "1": 4, "2.1": 30, "2.2": 16, "3.1": 0, "3.2": 0, "3.3.1": 3, "3.3.2": 2, "4.1": 20, "4.1.1": 15, "4.1.2": 1, "4.1.3": 0, "4.2": 5000, "4.3": 1, "5": 1 },
      BM4: { "1.1": 52, "1.2": 43, "1.3": 1, "1.4": 0, "2.1": 586, "2.2": 573, "2.3": 0, "2.4": 0 },
      BM5: { "1.1": 4, "1.2": 19, "1.3": 0, "2.1": 0, "2.2": 10, "3": 0, "4.1": 0, "4.2": 0, "4.3": 0 },
      BM7: { "1.1.1": 120, "1.1.2": 120, "1.2.1": 20, "1.2.2": 19, "1.3.1": 400, "1.3.2": 380, "1.4.1": 4000, "1.4.2": 3900, "1.5.1": 20, "1.5.2": 20 },
    },
  },
  {
    code: "vp",
    name: "Văn phòng HĐND và UBND",
    forms: ["BM1", "BM2"],
    figures: {
      BM1: { "1": 2, "2.1": 12, "2.2": 6, "3.1": 0, "3.2": 0, "3.3.1": 0, "3.3.2": 0, "4.1": 10, "4.1.1": 8, "4.1.2": 0, "4.1.3": 0, "4.2": 2500, "4.3": 1, "5": 0 },
      BM2: { "1.1": 4 },
    },
  },
  {
    code: "tt-pvhcc",
    name: "Trung tâm Phục vụ hành chính công",
    forms: ["BM1", "BM3", "BM7"],
    figures: {
      BM1: { "1": 1, "2.1": 6, "2.2": 3, "3.1": 0, "3.2": 0, "3.3.1": 0, "3.3.2": 0, "4.1": 5, "4.1.1": 4, "4.1.2": 0, "4.1.3": 0, "4.2": 2000, "4.3": 0, "5": 0 },
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
      BM1: { "1": 0, "2.1": 4, "2.2": 2, "3.1": 0, "3.2": 0, "3.3.1": 0, "3.3.2": 0, "4.1": 3, "4.1.1": 1, "4.1.2": 0, "4.1.3": 0, "4.2": 0, "4.3": 1, "5": 0 },
      BM6: { "1.1": 42809, "1.2": 21406, "2.1": 19, "2.2": 0, "2.3": 0, "2.4.1": 0, "2.4.2": 0, "2.4.3": 19, "2.5": 0, "2.6": 0 },
    },
  },
];
