/** The styles of Đơn vị của phường, one block per component; the panel, fieldset and validation colours are common/'s. */
import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

/** The panel and the editor's blocks. */
export const useSetupStyles = makeStyles({
  panel: {
    rowGap: tokens.spacingVerticalS,
  },
  muted: {
    color: tokens.colorNeutralForeground2,
  },
  toggle: {
    alignSelf: "flex-start",
  },
  editor: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    minWidth: 0,
  },
  subheading: {
    ...typographyStyles.body1Strong,
    margin: 0,
  },
  block: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  table: {
    width: "100%",
    tableLayout: "fixed",
    borderCollapse: "collapse",
    ...typographyStyles.body1,
  },
  th: {
    ...typographyStyles.caption1Strong,
    textAlign: "left",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  unitCol: { width: "62%" },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  issues: {
    margin: `${tokens.spacingVerticalXXS} 0 0`,
    paddingLeft: tokens.spacingHorizontalL,
    wordBreak: "break-word",
  },
});

/** A unit's rows of the table and its fields. */
export const useUnitRowStyles = makeStyles({
  td: {
    verticalAlign: "top",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    wordBreak: "break-word",
  },
  unitName: {
    display: "block",
    fontWeight: tokens.fontWeightSemibold,
  },
  block: { display: "block" },
  muted: {
    color: tokens.colorNeutralForeground2,
  },
  rowActions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalXS,
    rowGap: tokens.spacingVerticalXXS,
    marginTop: tokens.spacingVerticalXS,
  },
  unitEditor: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  formBoxes: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalXS,
  },
  done: {
    alignSelf: "flex-start",
  },
});

/** A form's lead and mode. */
export const useFormAssignmentStyles = makeStyles({
  formBlock: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  formTitle: {
    ...typographyStyles.body1Strong,
    wordBreak: "break-word",
  },
  pair: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
  },
  pairField: {
    flex: "1 1 12em",
    minWidth: 0,
  },
  dropdown: {
    // Fluent's 250 px minimum would not fit the pane at 320 px.
    minWidth: 0,
    width: "100%",
  },
  muted: {
    color: tokens.colorNeutralForeground2,
  },
});
