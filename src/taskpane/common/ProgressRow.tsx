import { Button, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  row: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalM,
  },
});

export interface ProgressRowProps {
  /** what is being done, shown beside a small spinner */
  label?: string;
  /** instead of the spinner: the caller's own progress text */
  children?: ReactNode;
  /** the Dừng button's text */
  stopLabel: string;
  /** what Dừng does; without it the work cannot be stopped and no button shows */
  onStop?: () => void;
}

/** The line shown while work runs: what is happening, and Dừng. */
export function ProgressRow({ label, children, stopLabel, onStop }: ProgressRowProps) {
  const styles = useStyles();
  return (
    <div className={styles.row}>
      {children ?? <Spinner size="tiny" label={label} />}
      {onStop ? <Button onClick={onStop}>{stopLabel}</Button> : null}
    </div>
  );
}
