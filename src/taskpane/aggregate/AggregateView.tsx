import {
  Button,
  Caption1,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  ProgressBar,
  mergeClasses,
  makeStyles,
  tokens,
  typographyStyles,
} from "@fluentui/react-components";
import { useCallback, useEffect, useId, useRef, useState, type DragEvent, type RefObject } from "react";
import { ConfirmReplaceDialog } from "../common/ConfirmReplaceDialog";
import { ErrorMessage } from "../common/ErrorMessage";
import { ProgressRow } from "../common/ProgressRow";
import { StatusMessage } from "../common/StatusMessage";
import { WrittenMessage } from "../common/WrittenMessage";
import { useResultIntoView } from "../common/use-result-into-view";
import { useViewStyles } from "../common/view-styles";
import { useHost } from "../host-context";
import { SetupPanel } from "../setup/SetupPanel";
import { useSetupStrings } from "../setup/setup-strings";
import { useWardSetup } from "../setup/use-ward-setup";
import { useStrings } from "../strings";
import { useAggregateRunner } from "../jobs/runner-context";
import { useCycleStrings } from "../cycle/cycle-strings";
import { PeriodDatesFields } from "../cycle/PeriodDatesFields";
import { PreviousPicker } from "../cycle/PreviousPicker";
import { AggregateSummary } from "./AggregateSummary";
import { FileList } from "./FileList";
import { useFileChecks } from "./use-file-checks";
import { FeedbackSection } from "./FeedbackSection";
import { AUTO_PERIOD, useAggregate, type AggregatePhase } from "./use-aggregate";

const useStyles = makeStyles({
  group: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    minWidth: 0,
  },
  label: {
    ...typographyStyles.body1,
    color: tokens.colorNeutralForeground1,
  },
  drop: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  chosen: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
  result: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    ":focus": { outline: "none" },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  progress: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  error: {
    color: tokens.colorPaletteRedForeground1,
  },
});

/** The Tổng hợp action: pick the units' files, read them in a worker, read the summary, write the ward's sheets. */
export function AggregateView({ today }: { today?: Date }) {
  const host = useHost();
  const runner = useAggregateRunner();
  const { lang, t } = useStrings();
  const s = t.aggregate;
  const w = useSetupStrings().aggregate;
  const c = useCycleStrings();
  const view = useViewStyles();
  const styles = useStyles();
  const setup = useWardSetup();
  const state = useAggregate(host, runner, s, w, setup, lang, today);
  const filesInput = useRef<HTMLInputElement>(null);
  const wardInput = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const filesLabelId = useId();
  const listId = useId();
  const { phase, busy } = state;
  const checks = useFileChecks(state.files, lang, state.result);
  // The summary, then what came of writing it (or of a run that failed or was stopped), comes into view and takes the focus.
  const summaryRef = useResultIntoView<HTMLElement>(state.result);
  const outcomeRef = useResultIntoView(phase.kind === "done" || phase.kind === "stopped" || phase.kind === "error" ? phase : null);
  const pickButton = useRef<HTMLButtonElement>(null);
  const runButton = useRef<HTMLButtonElement>(null);
  // Where the focus goes once a removed file's Bỏ is gone: Tổng hợp (from the summary, which goes too: to run again),
  // or Chọn tệp… (the list is empty); within the list, FileList moves it to the next file's Bỏ.
  const focusTo = useRef<"run" | "pick" | null>(null);
  const { removeFile, files } = state;
  useEffect(() => {
    const to = focusTo.current;
    if (!to) return;
    focusTo.current = null;
    (to === "run" ? runButton : pickButton).current?.focus();
  }, [files]);
  const removeFromList = useCallback(
    (file: File) => {
      if (files.length === 1) focusTo.current = "pick";
      removeFile(file);
    },
    [files, removeFile],
  );
  const removeByName = useCallback(
    (name: string) => {
      const file = files.find((f) => f.name === name);
      if (!file) return;
      removeFile(file);
      focusTo.current = files.length === 1 ? "pick" : "run";
    },
    [files, removeFile],
  );
  const periodOption = state.periods.find((p) => p.id === state.periodChoice);

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    if (!busy && event.dataTransfer?.files?.length) state.addFiles(Array.from(event.dataTransfer.files));
  };
  const onDragOver = (event: DragEvent<HTMLElement>) => {
    // Without this the browser opens the dropped file instead of handing it to the page.
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = busy ? "none" : "copy";
    setDragging(true);
  };

  return (
    <section className={view.root} aria-busy={busy} onDragOver={onDragOver} onDragLeave={() => setDragging(false)} onDrop={onDrop}>
      <Caption1 className={view.muted}>{s.intro}</Caption1>

      <div className={styles.group} role="group" aria-labelledby={filesLabelId}>
        <span id={filesLabelId} className={styles.label}>
          {s.filesLabel}
        </span>
        <div className={mergeClasses(styles.drop, dragging && view.dropActive)}>
          <Button ref={pickButton} disabled={busy} onClick={() => filesInput.current?.click()}>
            {s.pick}
          </Button>
          <Caption1 className={view.muted}>{s.dropHint}</Caption1>
          <input
            ref={filesInput}
            type="file"
            multiple
            hidden
            aria-label={s.filesLabel}
            onChange={(event) => {
              if (event.target.files) state.addFiles(Array.from(event.target.files));
              // The same files may be picked again after a change on disk.
              event.target.value = "";
            }}
          />
        </div>
        {state.files.length > 0 ? (
          <>
            <div className={styles.chosen}>
              <Caption1 id={listId}>{s.chosen(state.files.length)}</Caption1>
              <Button size="small" appearance="subtle" disabled={busy} onClick={state.clearFiles}>
                {s.clearFiles}
              </Button>
            </div>
            <FileList files={state.files} labelledBy={listId} busy={busy} onRemove={removeFromList} />
          </>
        ) : (
          <Caption1 className={styles.error}>{s.needFiles}</Caption1>
        )}
        <Caption1 className={view.muted}>{c.others.hint}</Caption1>
        {state.skipped.length > 0 ? <Caption1 className={view.muted}>{s.skipped(state.skipped.join(", "))}</Caption1> : null}
      </div>

      <Field label={s.periodLabel} hint={s.periodHint}>
        <Dropdown
          value={periodOption ? periodOption.label[lang] : s.periodAuto}
          selectedOptions={[state.periodChoice]}
          disabled={busy}
          onOptionSelect={(_, data) => data.optionValue && state.choosePeriod(data.optionValue)}
        >
          <Option value={AUTO_PERIOD}>{s.periodAuto}</Option>
          {state.periods.map((p) => (
            <Option key={p.id} value={p.id}>
              {p.label[lang]}
            </Option>
          ))}
        </Dropdown>
      </Field>

      {state.datesBase && state.dates ? (
        <PeriodDatesFields
          base={state.datesBase}
          typed={state.typedDates}
          problems={state.dates.problems}
          onChange={state.changeDates}
          hint={c.dates.fromSetup}
          wardDeadline
          disabled={busy}
        />
      ) : state.periodChoice === AUTO_PERIOD ? (
        <Caption1 className={view.muted}>{c.dates.pickPeriod}</Caption1>
      ) : null}

      <Field
        label={w.wardLabel}
        required
        hint={w.wardHint}
        validationState={state.wardMissing ? "error" : "none"}
        validationMessage={state.wardMissing ? w.wardRequired : undefined}
      >
        <Input
          ref={wardInput}
          value={state.ward}
          maxLength={200}
          placeholder={s.wardPlaceholder}
          disabled={busy}
          onChange={(_, data) => state.changeWard(data.value)}
        />
      </Field>

      {state.previous ? <PreviousPicker state={state.previous.state} onChoose={state.previous.choose} hint={c.previous.aggregateHint} disabled={busy} /> : null}

      <SetupPanel />

      {phase.kind === "running" ? (
        <RunProgress phase={phase} className={styles.progress} onStop={state.stop} />
      ) : (
        <Button
          ref={runButton}
          appearance="primary"
          className={view.primary}
          disabled={!state.canRun}
          onClick={() => {
            // Without the ward's name the run does not start: the officer is taken to the field that says so.
            if (!state.run()) wardInput.current?.focus();
          }}
        >
          {s.run}
        </Button>
      )}

      {state.result ? (
        <AggregateSummary
          ref={summaryRef}
          result={state.result}
          ward={state.wardName}
          written={phase.kind === "done"}
          checks={checks}
          onRemoveFile={busy ? undefined : removeByName}
        />
      ) : null}
      {state.unmatched.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{c.others.unmatched(state.unmatched.join(", "))}</MessageBarBody>
        </MessageBar>
      ) : null}

      {state.result && state.usedCount > 0 && !state.wardPeriod ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{s.noPeriodChosen}</MessageBarBody>
        </MessageBar>
      ) : null}
      {state.result && state.usedCount === 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{s.noUsable}</MessageBarBody>
        </MessageBar>
      ) : null}

      {state.result && host.writeWard ? (
        phase.kind === "writing" ? (
          <ProgressRow label={s.writing} stopLabel={s.stop} onStop={state.stop} />
        ) : (
          <Button appearance="primary" className={view.primary} disabled={!state.canSave} onClick={state.save}>
            {host.kind === "excel" ? s.write : s.download}
          </Button>
        )
      ) : null}

      <Outcome phase={phase} innerRef={outcomeRef} className={styles.result} />

      {state.result && !busy ? <FeedbackSection result={state.result} /> : null}

      <ConfirmReplaceDialog existing={phase.kind === "confirm" ? phase.existing : null} strings={s} onReplace={state.replace} onKeep={state.keep} />
    </section>
  );
}

/** The progress bar while files are read ("n / N tệp", then the adding-up step, then the drawing of the summary), with Dừng. */
function RunProgress({ phase, className, onStop }: { phase: Extract<AggregatePhase, { kind: "running" }>; className: string; onStop: () => void }) {
  const { t } = useStrings();
  const view = useViewStyles();
  const s = t.aggregate;
  const p = phase.progress;
  const step = phase.drawing ? s.drawing : s.combining;
  const text = !p ? s.reading : p.done >= p.total ? `${s.progress(p.done, p.total)} · ${step}` : s.progress(p.done, p.total);
  return (
    <div className={className}>
      <ProgressBar aria-label={s.progressLabel} aria-valuetext={text} value={p ? p.done : undefined} max={p ? p.total : undefined} thickness="large" />
      <ProgressRow stopLabel={s.stop} onStop={onStop}>
        <Caption1 aria-live="polite" className={view.muted}>
          {text}
        </Caption1>
      </ProgressRow>
    </div>
  );
}

/** The message after an attempt: written (and where), stopped, or a Vietnamese error with the way forward. */
function Outcome({ phase, innerRef, className }: { phase: AggregatePhase; innerRef: RefObject<HTMLDivElement | null>; className: string }) {
  const { t } = useStrings();
  const s = t.aggregate;
  const title = phase.kind === "done" ? s.doneTitle : phase.kind === "stopped" ? s.stoppedTitle : phase.kind === "error" ? phase.title : undefined;
  // Focused when it appears (useResultIntoView): named by its title, so a screen reader says what happened.
  return title ? (
    <div ref={innerRef} tabIndex={-1} role="group" aria-label={title} className={className}>
      <OutcomeMessage phase={phase} />
    </div>
  ) : null;
}

function OutcomeMessage({ phase }: { phase: AggregatePhase }) {
  const { t } = useStrings();
  const s = t.aggregate;
  switch (phase.kind) {
    case "done": {
      const { outcome } = phase;
      return (
        <WrittenMessage outcome={outcome} title={s.doneTitle} text={outcome.fileName ? s.doneBrowser(outcome.fileName) : s.doneExcel} printNote={s.printNote} />
      );
    }
    case "stopped":
      return <StatusMessage intent="info" title={s.stoppedTitle} text={s.stoppedText} />;
    case "error":
      return <ErrorMessage title={phase.title} error={phase.error} />;
    default:
      return null;
  }
}
