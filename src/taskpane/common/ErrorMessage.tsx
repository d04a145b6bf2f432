import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import type { ErrorView } from "../describe-error";

const useStyles = makeStyles({
  detail: {
    display: "block",
    marginTop: tokens.spacingVerticalXS,
    color: tokens.colorNeutralForeground3,
    wordBreak: "break-word",
  },
});

/**
 * A failed attempt: what failed, the sentence saying what to do (with `note`
 * after it, e.g. that nothing was changed), and the raw detail as a footnote.
 */
export function ErrorMessage({ title, error, note }: { title: string; error: ErrorView; note?: string }) {
  const styles = useStyles();
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <div>
          {error.text}
          {note ? ` ${note}` : null}
        </div>
        {error.detail ? <small className={styles.detail}>{error.detail}</small> : null}
      </MessageBarBody>
    </MessageBar>
  );
}
