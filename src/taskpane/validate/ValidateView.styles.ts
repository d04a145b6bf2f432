/** The styles of Kiểm tra, one block per component (as Fluent v9 keeps a component's styles beside it). */
import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

/** The view: the drop zone, the rows of buttons, the severity filter. */
export const useValidateViewStyles = makeStyles({
  root: {
    rowGap: tokens.spacingVerticalM,
  },
  drop: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    textAlign: "center",
  },
  hiddenInput: {
    display: "none",
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
  filter: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
  },
});

/** A workbook's report and its groups of findings. */
export const useReportStyles = makeStyles({
  report: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  fileName: {
    margin: 0,
    wordBreak: "break-word",
  },
  group: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  groupTitle: {
    ...typographyStyles.body1Strong,
    margin: `${tokens.spacingVerticalS} 0 0`,
    display: "flex",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
  groupCount: {
    ...typographyStyles.caption1,
    color: tokens.colorNeutralForeground3,
    whiteSpace: "nowrap",
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
});

/** One finding: its button (severity edge and badge from common/severity-styles), its Sửa, the cell shown large. */
export const useFindingStyles = makeStyles({
  item: {
    display: "flex",
    flexDirection: "column",
    alignItems: "stretch",
    rowGap: tokens.spacingVerticalXXS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  finding: {
    ...typographyStyles.body1,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    width: "100%",
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: "none",
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    textAlign: "left",
    cursor: "pointer",
    wordBreak: "break-word",
    ":hover": { backgroundColor: tokens.colorNeutralBackground2Hover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  current: {
    backgroundColor: tokens.colorNeutralBackground2Selected,
  },
  head: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalS,
  },
  severity: {
    ...typographyStyles.caption1Strong,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
  },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
  },
  muted: {
    ...typographyStyles.caption1,
    color: tokens.colorNeutralForeground2,
  },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
  },
  fix: {
    alignSelf: "flex-start",
    margin: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalS}`,
  },
  reveal: {
    display: "flex",
    flexDirection: "column",
    margin: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalS}`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
  },
  revealTitle: {
    ...typographyStyles.caption1Strong,
  },
  bigCell: {
    display: "block",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    margin: `${tokens.spacingVerticalXS} 0`,
    wordBreak: "break-word",
  },
});

/** Chuyển sang biểu mẫu chuẩn: its block and the unit and period asked for. */
export const useConvertStyles = makeStyles({
  convert: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
  },
  choice: {
    display: "flex",
    flexDirection: "column",
    alignSelf: "stretch",
    rowGap: tokens.spacingVerticalS,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
});

/** The cells a fix changes, old and new. */
export const useFixDialogStyles = makeStyles({
  changes: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  change: {
    wordBreak: "break-word",
  },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
  },
});
