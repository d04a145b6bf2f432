import { Button, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useLayoutEffect, useRef, type ReactNode } from "react";
import { focusIsLost, focusWhereItWas } from "./use-focus-after-work";

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

/**
 * The line shown while work runs: what is happening, and Dừng. The row takes
 * the place of the button that started the work, so it looks after the focus
 * of a keyboard user: when that button had it (the focus is lost with it),
 * Dừng gets it; when Dừng has it as the work ends, the button that comes back
 * in the row's place gets it again. Nobody is sent back to the top of the page.
 */
export function ProgressRow({ label, children, stopLabel, onStop }: ProgressRowProps) {
  const styles = useStyles();
  const row = useRef<HTMLDivElement>(null);
  const stop = useRef<HTMLButtonElement>(null);
  const stoppable = onStop !== undefined;
  useLayoutEffect(() => {
    if (stoppable && focusIsLost()) stop.current?.focus();
  }, [stoppable]);
  useLayoutEffect(() => {
    const el = row.current;
    // Runs as the row leaves the page, while it is still there: where it sits is where its successor comes.
    return () => {
      if (el && el.contains(document.activeElement)) focusWhereItWas(el);
    };
  }, []);
  return (
    <div ref={row} className={styles.row}>
      {children ?? <Spinner size="tiny" label={label} />}
      {onStop ? (
        <Button ref={stop} onClick={onStop}>
          {stopLabel}
        </Button>
      ) : null}
    </div>
  );
}
