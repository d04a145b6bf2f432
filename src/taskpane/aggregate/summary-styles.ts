import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

/** The summary's sections: a heading, then a list of items with a left edge (coloured by severity where it matters), and a finding as a button that goes to its cell. */
export const useSummaryStyles = makeStyles({
  sectionTitle: {
    ...typographyStyles.body1Strong,
    margin: `0 0 ${tokens.spacingVerticalXS}`,
  },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  item: {
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorNeutralStroke2}`,
    wordBreak: "break-word",
    minWidth: 0,
  },
  line: {
    display: "block",
  },
  muted: {
    display: "block",
    color: tokens.colorNeutralForeground2,
  },
  goTo: {
    ...typographyStyles.body1,
    display: "block",
    width: "100%",
    margin: 0,
    padding: `${tokens.spacingVerticalXXS} 0`,
    border: "none",
    background: "none",
    color: "inherit",
    textAlign: "left",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground2Hover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});
