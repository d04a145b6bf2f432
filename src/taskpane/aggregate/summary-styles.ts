import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

/** The summary's sections: a heading, then a list of items with a left edge (coloured by severity where it matters). */
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
});
