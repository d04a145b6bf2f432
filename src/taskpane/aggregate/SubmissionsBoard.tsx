import { Caption1, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useId } from "react";
import type { Submission, SubmissionStatus } from "../../core/cycle/submissions";
import { submissionDetail, submissionStatusWords, submissionsTitle } from "../../core/messages/submissions";
import type { Severity } from "../../core/validate/finding";
import { severityClasses, useSeverityStyles } from "../common/severity-styles";
import { useStrings } from "../strings";
import { useSummaryStyles } from "./summary-styles";

const useStyles = makeStyles({
  status: { fontWeight: tokens.fontWeightSemibold },
});

/** How urgent each status is, in the severity colours the findings use: nothing usable is an error, late a warning. */
const URGENCY: Record<SubmissionStatus, Severity | undefined> = {
  missing: "error",
  unreadable: "error",
  "wrong-period": "error",
  late: "warning",
  "on-time": undefined,
};

/**
 * Theo dõi tiếp nhận: one line per unit of the ward's setup, whom to chase
 * first (not sent, a file that cannot be used, another period, late), with
 * when its file came and what it holds.
 */
export function SubmissionsBoard({ board, deadline }: { board: readonly Submission[]; deadline: string }) {
  const styles = { ...useSummaryStyles(), ...useStyles() };
  const severities = useSeverityStyles();
  const { lang } = useStrings();
  const headingId = useId();
  if (board.length === 0) return null;
  return (
    <div data-section="submissions">
      <h3 id={headingId} className={styles.sectionTitle}>
        {submissionsTitle(deadline, lang)}
      </h3>
      <ul className={styles.list} aria-labelledby={headingId}>
        {board.map((s) => {
          const urgency = URGENCY[s.status];
          const classes = urgency ? severityClasses(severities, urgency) : undefined;
          return (
            <li key={s.code} className={mergeClasses(styles.item, classes?.edge)} data-unit-code={s.code} data-status={s.status}>
              <Text className={styles.line}>
                <span className={mergeClasses(styles.status, classes?.text)}>{submissionStatusWords(s.status, lang)}</span>
                {` · ${s.unit}`}
              </Text>
              <Caption1 className={styles.muted}>{submissionDetail(s, lang)}</Caption1>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
