import { Button, Caption1, ToggleButton, mergeClasses } from "@fluentui/react-components";
import { useRef, useState, type DragEvent } from "react";
import type { UiStrings } from "../../core/messages/vi-ui";
import type { Severity } from "../../core/validate/finding";
import { ConfirmReplaceDialog } from "../common/ConfirmReplaceDialog";
import { ProgressRow } from "../common/ProgressRow";
import { useFocusAfterWork } from "../common/use-focus-after-work";
import { useResultIntoView } from "../common/use-result-into-view";
import { useViewStyles } from "../common/view-styles";
import { useCycleStrings } from "../cycle/cycle-strings";
import { PreviousPicker } from "../cycle/PreviousPicker";
import { useValidateRunner } from "../jobs/runner-context";
import { useHost } from "../host-context";
import { useStrings } from "../strings";
import { FixDialog } from "./FixDialog";
import { PhaseMessage } from "./PhaseMessage";
import { ReportView } from "./ReportView";
import { useValidate } from "./use-validate";
import { useValidateViewStyles } from "./ValidateView.styles";
import type { SeverityFilter, ValidatePhase } from "./validate-model";

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
const XLSX_ACCEPT = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The Kiểm tra action: checks the open workbook (Excel) or chosen .xlsx files (browser) and lists what is wrong, cell by cell. */
export function ValidateView({ today }: { today?: Date } = {}) {
  const host = useHost();
  const { lang, t } = useStrings();
  const s = t.validate;
  const view = useViewStyles();
  const styles = useValidateViewStyles();
  const runner = useValidateRunner();
  const state = useValidate(host, runner, s, lang, today);
  const c = useCycleStrings();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const { phase } = state;
  // Back on Kiểm tra after the work that replaced it with Dừng (a keyboard user is not sent to the top).
  const checkButton = useFocusAfterWork(state.working);
  // What an action ended with (a check's summary, a notice, an error), brought into view and focused: below the fold at 350 × 700 otherwise.
  const ended = phase.kind === "done" || phase.kind === "stopped" || phase.kind === "error";
  const results = useResultIntoView(ended ? phase : null);

  const totals = { error: 0, warning: 0, info: 0 };
  for (const r of state.reports) for (const sev of SEVERITIES) totals[sev] += r.result?.counts[sev] ?? 0;
  const anyFindings = totals.error + totals.warning + totals.info > 0;

  const pick = () => input.current?.click();
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (!state.working) state.chooseFiles([...event.dataTransfer.files]);
  };

  return (
    <section className={mergeClasses(view.root, styles.root)} aria-busy={state.working}>
      <Caption1 className={view.muted}>{state.excel ? s.intro.excel : s.intro.browser}</Caption1>

      {state.excel ? null : (
        <div
          className={mergeClasses(styles.drop, dragging && view.dropActive)}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <input
            ref={input}
            className={styles.hiddenInput}
            type="file"
            accept={XLSX_ACCEPT}
            multiple
            aria-label={s.filesLabel}
            onChange={(event) => {
              const chosen = [...(event.currentTarget.files ?? [])];
              // Cleared so that choosing the same file again (after editing it) fires a change.
              event.currentTarget.value = "";
              state.chooseFiles(chosen);
            }}
          />
          <Button disabled={state.working} onClick={pick}>
            {s.pick}
          </Button>
          <Caption1>{s.dropHint}</Caption1>
        </div>
      )}

      {state.previous ? (
        <PreviousPicker state={state.previous.state} onChoose={state.previous.choose} hint={c.previous.validateHint} disabled={state.working} />
      ) : null}

      {state.working ? (
        <ProgressRow label={workingLabel(phase, s)} stopLabel={s.stop} onStop={phase.kind === "working" && phase.task === "check" ? state.stop : undefined} />
      ) : (
        <Button ref={checkButton} appearance="primary" className={view.primary} onClick={state.excel || state.fileCount > 0 ? state.check : pick}>
          {s.check}
        </Button>
      )}

      {state.excel ? (
        <div className={styles.actions}>
          {state.canMark ? (
            <Button size="small" disabled={state.working} onClick={state.mark}>
              {s.mark}
            </Button>
          ) : null}
          {state.canClear ? (
            <Button size="small" disabled={state.working} onClick={state.clearMarks}>
              {s.clearMarks}
            </Button>
          ) : null}
          {state.canFix && state.fixable.length > 0 ? (
            <Button size="small" disabled={state.working} onClick={() => state.askFix(state.fixable)}>
              {s.fixAll}
            </Button>
          ) : null}
        </div>
      ) : null}

      <div
        ref={results}
        tabIndex={-1}
        role="group"
        aria-label={phase.kind === "error" ? s.errorTitles[phase.task] : s.resultsLabel}
        className={mergeClasses(view.root, styles.root)}
      >
        <PhaseMessage phase={phase} s={s} />

        {anyFindings ? (
          <div className={styles.filter} role="group" aria-label={s.filterLabel}>
            {(["all", ...SEVERITIES] as SeverityFilter[]).map((f) => (
              <ToggleButton key={f} size="small" checked={state.filter === f} onClick={() => state.setFilter(f)}>
                {s.filterOption(f === "all" ? s.filterAll : s.severity[f], f === "all" ? totals.error + totals.warning + totals.info : totals[f])}
              </ToggleButton>
            ))}
          </div>
        ) : null}

        {state.reports.map((report) => (
          <ReportView key={report.id} report={report} state={state} />
        ))}
      </div>

      <FixDialog changes={state.pendingFix} onConfirm={state.confirmFix} onCancel={state.cancelFix} />
      <ConfirmReplaceDialog existing={state.replaceAsk} strings={s.convert} onReplace={state.replaceConverted} onKeep={state.keepExisting} />
    </section>
  );
}

function workingLabel(phase: ValidatePhase, s: UiStrings["validate"]): string {
  if (phase.kind !== "working") return s.working;
  switch (phase.task) {
    case "mark":
      return s.workingMark;
    case "clear":
      return s.workingClear;
    case "fix":
      return s.workingFix;
    case "convert":
      return s.workingConvert;
    default:
      return phase.file ? s.workingFile(phase.file) : s.working;
  }
}
