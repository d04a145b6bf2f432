import { Button, Caption1, Subtitle2, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useId } from "react";
import type { AggregationResult } from "../../core/aggregate/aggregate";
import { countFindings } from "../../core/validate/validate-workbook";
import { ConfirmReplaceDialog } from "../common/ConfirmReplaceDialog";
import { ErrorMessage } from "../common/ErrorMessage";
import { usePanelStyles } from "../common/panel-styles";
import { ProgressRow } from "../common/ProgressRow";
import { StatusMessage } from "../common/StatusMessage";
import { useResultIntoView } from "../common/use-result-into-view";
import { useCycleStrings } from "../cycle/cycle-strings";
import { useHost } from "../host-context";
import { useStrings } from "../strings";
import { useFeedback } from "./use-feedback";
import { ShowAll, useLongList } from "./long-list";

const useStyles = makeStyles({
  root: { rowGap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground2 },
  list: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  // Lines off screen are not laid out until scrolled to (see AggregateSummary's unit lines).
  item: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    minWidth: 0,
    contentVisibility: "auto",
    containIntrinsicSize: "auto 2.5em",
  },
  unit: { display: "flex", flexDirection: "column", minWidth: 0, wordBreak: "break-word" },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  outcome: { ":focus": { outline: "none" }, ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
});

/**
 * Phiếu kiểm tra số liệu: for each unit with findings, its form to download
 * (one .xlsx, or all as a .zip) and, in Excel, all written as sheets.
 */
export function FeedbackSection({ result }: { result: AggregationResult }) {
  const host = useHost();
  const { lang, t } = useStrings();
  const c = useCycleStrings().feedback;
  const panel = usePanelStyles();
  const styles = useStyles();
  const headingId = useId();
  const state = useFeedback(host, result, lang, c, t.errors);
  const { phase, working } = state;
  // What came of a download or a write (done, stopped, failed) comes into view and takes the focus.
  const ended = phase.kind === "done" || phase.kind === "stopped" || phase.kind === "error";
  const outcomeRef = useResultIntoView(ended ? phase : null);
  const lines = useLongList(state.feedback, result);
  return (
    <section className={mergeClasses(panel.panel, styles.root)} aria-labelledby={headingId} data-section="feedback">
      <Subtitle2 as="h2" id={headingId} className={panel.heading}>
        {c.title}
      </Subtitle2>
      <Caption1 className={styles.muted}>{state.feedback.length > 0 ? c.intro : c.none}</Caption1>
      {state.feedback.length > 0 ? (
        <>
          <ul className={styles.list}>
            {lines.shown.map((one) => {
              const counts = countFindings(one.findings);
              return (
                <li key={`${one.code ?? ""}:${one.unit}`} className={styles.item} data-unit={one.unit}>
                  <span className={styles.unit}>
                    <Text>{one.unit}</Text>
                    <Caption1 className={styles.muted}>{c.counts(counts.error, counts.warning, counts.info)}</Caption1>
                  </span>
                  <Button size="small" disabled={working} aria-label={c.downloadUnit(one.unit)} onClick={() => state.downloadForms(one)}>
                    {c.download}
                  </Button>
                </li>
              );
            })}
          </ul>
          <ShowAll rest={lines.rest} onClick={lines.showAll} />
          {working ? (
            <ProgressRow label={phase.kind === "working" && phase.task === "write" ? c.writing : c.preparing} stopLabel={c.stop} onStop={state.stop} />
          ) : (
            <div className={styles.actions}>
              <Button onClick={() => state.downloadForms()}>{c.downloadAll}</Button>
              {state.canWrite ? <Button onClick={state.write}>{c.write}</Button> : null}
            </div>
          )}
        </>
      ) : null}
      {ended ? (
        <div
          ref={outcomeRef}
          tabIndex={-1}
          role="group"
          aria-label={phase.kind === "error" ? c.failedTitle : phase.kind === "done" ? phase.text : c.stopped}
          className={styles.outcome}
        >
          {phase.kind === "done" ? <StatusMessage intent="success" text={phase.text} /> : null}
          {phase.kind === "stopped" ? <StatusMessage intent="info" text={c.stopped} /> : null}
          {phase.kind === "error" ? <ErrorMessage title={c.failedTitle} error={phase.error} /> : null}
        </div>
      ) : null}
      <ConfirmReplaceDialog existing={phase.kind === "confirm" ? phase.existing : null} strings={t.aggregate} onReplace={state.replace} onKeep={state.keep} />
    </section>
  );
}
