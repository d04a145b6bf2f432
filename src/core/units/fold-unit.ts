import { foldText, memoText } from "../read/text";

/** Folds a unit name for matching: accents, case and punctuation do not matter. */
export const foldUnit = memoText((s) =>
  foldText(s)
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim(),
);
