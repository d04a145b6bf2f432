import type { FormContext } from "../validate/context";
import type { RawFinding } from "../validate/finding";
import { checkFormulaCells } from "./formula-cells";
import { checkInputValues } from "./input-values";
import { checkMissing } from "./missing";
import { checkParts } from "./parts";
import { checkPastedRows } from "./pasted-rows";
import { checkRatios } from "./ratios";
import { checkStructure } from "./structure";
import { checkSums } from "./sums";
import { checkUnits } from "./units";

export { checkCrossForm } from "./cross-form";

/**
 * The rules of one form, in the order they must run: inputs are read into
 * figures first, then formula rows, then the rules that compare figures.
 */
export const FORM_RULES: ReadonlyArray<(ctx: FormContext) => RawFinding[]> = [
  checkStructure,
  checkPastedRows,
  checkInputValues,
  checkFormulaCells,
  checkUnits,
  checkRatios,
  checkSums,
  checkParts,
  checkMissing,
];
