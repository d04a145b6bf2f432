import type { FormValues } from "./fill";

/**
 * A clean, consistent fill of all seven forms: every input filled with a
 * number, every part within its whole, the BM6 autonomy groups adding up to
 * 2.1 and BM5 1.2 within BM6 2.1. Ratio and total rows are left to the
 * template's formulas. Validating it gives no error and no warning.
 */
export const CLEAN_VALUES: FormValues = {
  BM1: {
    "1": 7,
    "2.1": 52,
    "2.2": 27,
    "3.1": 2,
    "3.2": 3,
    "3.3.1": 10,
    "3.3.2": 8,
    "4.1": 38,
    "4.1.1": 28,
    "4.1.2": 3,
    "4.1.3": 2,
    "4.2": 9500,
    "4.3": 1,
    "5": 1,
  },
  BM2: { "1.1": 7 },
  BM3: { "1.1": 100, "1.2": 2060, "2.1.1": 9275, "2.1.2": 9201, "2.2.1": 2, "2.2.2": 2 },
  BM4: { "1.1": 52, "1.2": 43, "1.3": 1, "1.4": 0, "2.1": 586, "2.2": 573, "2.3": 0, "2.4": 12.5 },
  BM5: { "1.1": 4, "1.2": 12, "1.3": 0, "2.1": 0, "2.2": 10, "3": 0, "4.1": 0, "4.2": 1, "4.3": 2 },
  BM6: { "1.1": 42809, "1.2": 21406.5, "2.1": 19, "2.2": 0, "2.3": 2, "2.4.1": 3, "2.4.2": 5, "2.4.3": 4, "2.5": 5, "2.6": 0 },
  BM7: {
    "1.1.1": 219,
    "1.1.2": 200,
    "1.2.1": 39,
    "1.2.2": 35,
    "1.3.1": 752,
    "1.3.2": 700,
    "1.4.1": 8523,
    "1.4.2": 8000,
    "1.5.1": 43,
    "1.5.2": 40,
  },
};
