import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Text,
  Textarea,
  makeStyles,
  tokens,
  typographyStyles,
} from "@fluentui/react-components";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { SelfCheckReport, SelfCheckStep } from "../../adapters/host/types";
import { StatusMessage } from "../common/StatusMessage";
import { useFocusAfterWork } from "../common/use-focus-after-work";
import { useResultIntoView } from "../common/use-result-into-view";
import { useViewStyles } from "../common/view-styles";
import { useHost } from "../host-context";
import { browserFacts, countSteps, reportText, requirementSummary, stepDetail, type BrowserFacts } from "./report-text";
import { useSelfCheckStrings, type SelfCheckStrings } from "./self-check-strings";
import { useSelfCheck } from "./use-self-check";

const useStyles = makeStyles({
  heading: {
    ...typographyStyles.subtitle2,
    margin: 0,
  },
  subheading: {
    margin: 0,
  },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    "& dd": { margin: 0, overflowWrap: "anywhere" },
    "& dt": { color: tokens.colorNeutralForeground2 },
  },
  steps: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  passed: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  failed: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  skipped: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  detail: {
    display: "block",
    color: tokens.colorNeutralForeground2,
    overflowWrap: "anywhere",
  },
  buttons: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  report: {
    fontFamily: tokens.fontFamilyMonospace,
  },
});

/**
 * Kiểm tra môi trường: in Excel, runs the host's self-check and shows Excel's
 * version, its requirement sets and each step; outside Excel, says it runs
 * only in Excel and shows the browser. Either way "Sao chép kết quả" copies a
 * plain-text report for the ward's IT staff.
 */
export function SelfCheckView({ onClose }: { onClose: () => void }) {
  const host = useHost();
  const s = useSelfCheckStrings();
  const view = useViewStyles();
  const styles = useStyles();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const check = useSelfCheck(host);
  const { phase } = check;
  const running = phase.kind === "running";
  const runRef = useFocusAfterWork(running);
  const browser = useMemo(() => browserFacts(), []);
  const report = phase.kind === "done" ? phase.report : null;
  // The results (or why the check could not run) come into view and take the focus: below the button, out of sight in a narrow pane.
  const ended = report ?? (phase.kind === "failed" ? phase : null);
  const result = useResultIntoView(ended);

  // Opened from the menu: the focus goes to the view's heading, which a screen reader then reads.
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <section className={view.root} aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className={styles.heading}>
        {s.title}
      </h2>
      {check.available ? (
        <>
          <Text>{s.intro}</Text>
          <Button ref={runRef} appearance="primary" className={view.primary} disabled={running} onClick={() => void check.run()}>
            {report ? s.runAgain : s.run}
          </Button>
          {running ? (
            <div role="status">
              <Spinner size="small" label={s.running(phase.step ? s.steps[phase.step] : s.steps.prepare)} />
            </div>
          ) : null}
          {ended ? (
            <div ref={result} tabIndex={-1} role="group" aria-label={s.title} className={view.root}>
              {phase.kind === "failed" ? (
                <MessageBar intent="error" layout="multiline" role="alert">
                  <MessageBarBody>{s.loadFailed}</MessageBarBody>
                </MessageBar>
              ) : null}
              {report ? <Results report={report} s={s} /> : null}
            </div>
          ) : null}
        </>
      ) : (
        <>
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{s.browserTitle}</MessageBarTitle>
              <div>{s.browserText}</div>
            </MessageBarBody>
          </MessageBar>
          <BrowserInfo browser={browser} s={s} />
        </>
      )}
      {report || !check.available ? <CopyReport key={report?.startedAt ?? "browser"} text={reportText(report, browser, s)} s={s} /> : null}
      <div className={styles.buttons}>
        <Button disabled={running} onClick={onClose}>
          {s.close}
        </Button>
      </div>
    </section>
  );
}

function Summary({ report, s }: { report: SelfCheckReport; s: SelfCheckStrings }) {
  const { failed, skipped } = countSteps(report);
  if (failed > 0) {
    return (
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>{s.summary.failed(failed)}</MessageBarBody>
      </MessageBar>
    );
  }
  return <StatusMessage intent={skipped > 0 ? "info" : "success"} text={skipped > 0 ? s.summary.skipped(skipped) : s.summary.passed} />;
}

function Results({ report, s }: { report: SelfCheckReport; s: SelfCheckStrings }) {
  const styles = useStyles();
  const { supported, missing } = requirementSummary(report, s);
  const excel = report.excel;
  return (
    <>
      <Summary report={report} s={s} />
      {report.structureProtected ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{s.structureProtected}</MessageBarBody>
        </MessageBar>
      ) : null}
      {report.leftovers.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{s.leftovers(report.leftovers.join(", "))}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Subtitle2 as="h3" className={styles.subheading}>
        {s.environmentTitle}
      </Subtitle2>
      <dl className={styles.facts}>
        <dt>{s.host}</dt>
        <dd>{excel?.host ?? s.unknown}</dd>
        <dt>{s.platform}</dt>
        <dd>{excel?.platform ?? s.unknown}</dd>
        <dt>{s.version}</dt>
        <dd>{excel?.version ?? s.unknown}</dd>
        <dt>{s.apiSupported}</dt>
        <dd>{supported}</dd>
        <dt>{s.apiMissing}</dt>
        <dd>{missing}</dd>
      </dl>
      <Subtitle2 as="h3" className={styles.subheading}>
        {s.stepsTitle}
      </Subtitle2>
      <ol className={styles.steps}>
        {report.steps.map((step) => (
          <StepItem key={step.id} step={step} s={s} />
        ))}
      </ol>
    </>
  );
}

function StepItem({ step, s }: { step: SelfCheckStep; s: SelfCheckStrings }) {
  const styles = useStyles();
  const detail = stepDetail(step, s);
  return (
    <li>
      <Text>{s.steps[step.id]}: </Text>
      <Text className={styles[step.status]}>{s.status[step.status]}</Text>
      {step.status === "skipped" ? null : <Text> ({s.ms(step.ms)})</Text>}
      {detail ? <Text className={styles.detail}>{detail}</Text> : null}
    </li>
  );
}

function BrowserInfo({ browser, s }: { browser: BrowserFacts; s: SelfCheckStrings }) {
  const styles = useStyles();
  return (
    <>
      <Subtitle2 as="h3" className={styles.subheading}>
        {s.browserInfoTitle}
      </Subtitle2>
      <dl className={styles.facts}>
        <dt>{s.userAgent}</dt>
        <dd>{browser.userAgent || s.unknown}</dd>
        <dt>{s.language}</dt>
        <dd>{browser.language || s.unknown}</dd>
        <dt>{s.screen}</dt>
        <dd>{browser.screen || s.unknown}</dd>
        <dt>{s.online}</dt>
        <dd>{browser.online ? s.yes : s.no}</dd>
      </dl>
    </>
  );
}

/**
 * "Sao chép kết quả": the report to the clipboard; where the clipboard is
 * refused (some Office web views, an http page), the report in a read-only
 * box, selected, for Ctrl+C.
 */
function CopyReport({ text, s }: { text: string; s: SelfCheckStrings }) {
  const styles = useStyles();
  const [state, setState] = useState<"idle" | "copied" | "manual">("idle");
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (state !== "manual") return;
    area.current?.focus();
    area.current?.select();
  }, [state]);
  const copy = async () => {
    try {
      if (typeof navigator === "undefined" || !navigator.clipboard?.writeText) throw new Error("no clipboard");
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("manual");
    }
  };
  return (
    <>
      <div className={styles.buttons}>
        <Button onClick={() => void copy()}>{s.copy}</Button>
      </div>
      {state === "copied" ? <StatusMessage intent="success" text={s.copied} /> : null}
      {state === "manual" ? (
        <>
          <StatusMessage intent="info" text={s.copyManual} />
          <Field label={s.reportLabel}>
            <Textarea ref={area} readOnly value={text} rows={12} resize="vertical" textarea={{ className: styles.report }} />
          </Field>
        </>
      ) : null}
    </>
  );
}
