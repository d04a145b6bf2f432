import type { FormValues } from "./fill";

/**
 * The figures of the real report (seed 003, Phụ lục 3, phường Nhị Chiểu, 6 tháng
 * 2026) typed into a template exactly as the ward wrote them: numbers as text in
 * Vietnamese notation, placeholders instead of formulas, ratio results in the
 * unit column, "Thủ tục" for dossier counts.
 */
export const SEED_VALUES: FormValues = {
  BM1: {
    "1": 7,
    "2": { value: "= 27/52*100", unit: "51,9%" },
    "2.1": 52,
    "2.2": 27,
    "3.1": null,
    "3.2": null,
    "3.3": { value: "= b/a*100" },
    "3.3.1": "a",
    "3.3.2": "b",
    "4.1": 38,
    "4.1.1": 28,
    "4.1.2": 0,
    "4.1.3": 0,
    "4.2": "9.500",
    "4.3": 1,
    "5": 0,
  },
  BM2: { "1": { value: "=a+b" }, "1.1": 0 },
  BM3: {
    "1.1": { value: 100, unit: "100%" },
    "1.2": "2.060",
    "2.1": { value: "= 9.275/9.275*100", unit: "100%" },
    "2.1.1": "9.275",
    "2.1.2": "9.275",
    "2.2": { value: "= 2/2*100", unit: "100%" },
    "2.2.1": 2,
    "2.2.2": 2,
  },
  BM4: { "1.1": 52, "1.2": 43, "1.3": "01", "1.4": 0, "2.1": 586, "2.2": 573, "2.3": 0, "2.4": 0 },
  BM5: { "1.1": 4, "1.2": 19, "1.3": 0, "2.1": 0, "2.2": 10, "3": 0, "4": { value: "=a+b+c+d", unit: "" }, "4.1": 0, "4.2": 0, "4.3": 0 },
  BM6: {
    "1": { value: "= b/a*100", unit: "50,0%" },
    "1.1": "42,809",
    "1.2": "21.406",
    "2.1": 19,
    "2.2": 0,
    "2.3": 0,
    "2.4": 19,
    "2.4.1": 0,
    "2.4.2": 0,
    "2.4.3": 0,
    "2.5": 19,
    "2.6": 0,
  },
  BM7: {
    "1.1": { value: "= b/a*100", unit: "100%" },
    "1.1.1": 219,
    "1.1.2": 219,
    "1.2": { value: "= b/a*100", unit: "100%" },
    "1.2.1": 39,
    "1.2.2": 39,
    "1.3": { value: "= b/a*100", unit: "100%" },
    "1.3.1": { value: 752, unit: "Thủ tục" },
    "1.3.2": { value: 752, unit: "Thủ tục" },
    "1.4": { value: "= b/a*100", unit: "100%" },
    "1.4.1": "8.523",
    "1.4.2": "8.523",
    "1.5": { value: "= b/a*100", unit: "100%" },
    "1.5.1": 43,
    "1.5.2": 43,
  },
};
