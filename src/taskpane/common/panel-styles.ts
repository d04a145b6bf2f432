import { makeStyles, tokens } from "@fluentui/react-components";

/** A panel inside a view (Đơn vị của phường, the summary of Tổng hợp): a bordered column with its heading. */
export const usePanelStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  heading: {
    margin: 0,
    wordBreak: "break-word",
  },
});
