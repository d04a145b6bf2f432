import { makeStyles, tokens } from "@fluentui/react-components";

/** Layout every action view shares: the column it stacks in, its main button, muted text and the drop zone's highlight. */
export const useViewStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    minWidth: 0,
  },
  muted: {
    color: tokens.colorNeutralForeground2,
  },
  primary: {
    alignSelf: "stretch",
  },
  dropActive: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
});
