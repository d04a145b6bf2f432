import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

/**
 * A group of checkboxes as a fieldset (Field names one control; here each box
 * needs its own name), its legend as a Field's label, and a validation
 * message in Field's error colour for what a Field cannot hold.
 */
export const useFieldStyles = makeStyles({
  fieldset: {
    display: "flex",
    flexDirection: "column",
    margin: 0,
    padding: 0,
    border: "none",
    minWidth: 0,
  },
  legend: {
    ...typographyStyles.body1,
    color: tokens.colorNeutralForeground1,
    padding: `0 0 ${tokens.spacingVerticalXXS}`,
  },
  error: {
    color: tokens.colorPaletteRedForeground1,
  },
});
