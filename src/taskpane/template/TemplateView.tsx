import { Button, Caption1, Checkbox, MessageBarTitle, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { lazy, Suspense, useId } from "react";
import { FORM_LAYOUT } from "../../core/layout/form-layout";
import { ErrorMessage } from "../common/ErrorMessage";
import { useFieldStyles } from "../common/field-styles";
import { ProgressRow } from "../common/ProgressRow";
import { StatusMessage } from "../common/StatusMessage";
import { UnitPeriodFields } from "../common/UnitPeriodFields";
import { WrittenMessage } from "../common/WrittenMessage";
import { useResultIntoView } from "../common/use-result-into-view";
import { useViewStyles } from "../common/view-styles";
import { useHost } from "../host-context";
import { LoadBoundary } from "../lazy-view";
import { useStrings } from "../strings";
import { FORM_CHOICES, FORM_CHOICE_IDS, choiceTitle } from "./form-choices";
import { ReplaceDialog } from "./replace-dialog";
import { UnitPicker } from "./UnitPicker";
import { useTemplate, type TemplatePhase } from "./use-template";

// The dates it prints, with the ward's setup they come from: fetched after the first render.
const TemplateDates = lazy(async () => ({ default: (await import(/* webpackChunkName: "template-dates" */ "./TemplateDates")).TemplateDates }));

const useStyles = makeStyles({
  error: {
    paddingLeft: tokens.spacingHorizontalS,
  },
  allForms: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    marginBottom: tokens.spacingVerticalXS,
  },
});

/** Visible form sheets named in a host's answer, in catalogue order ("BM1, BM4"); the hidden sheet is internal. */
const formList = (sheets: readonly string[]) => FORM_CHOICE_IDS.filter((id) => sheets.includes(id)).join(", ");

/** The Tạo biểu mẫu action: choose unit, period and forms, then write them through the host. */
export function TemplateView({ today }: { today?: Date }) {
  const host = useHost();
  const { lang, t } = useStrings();
  const s = t.template;
  const view = useViewStyles();
  const styles = useStyles();
  const field = useFieldStyles();
  const state = useTemplate(host, t.errors, today);
  const formsErrorId = useId();
  const working = state.phase.kind === "working";
  const noForms = state.forms.length === 0;
  const { phase } = state;
  // How the attempt ended, brought into view and focused: below the fold at 350 × 700 otherwise.
  const ended = phase.kind === "done" ? s.doneTitle : phase.kind === "stopped" ? s.stoppedTitle : phase.kind === "error" ? t.errors.title : "";
  const result = useResultIntoView(ended ? phase : null);

  return (
    <section className={view.root} aria-busy={working}>
      <Caption1 className={view.muted}>{host.kind === "excel" ? t.mode.excel : t.mode.browser}</Caption1>

      <UnitPeriodFields
        unit={state.unit}
        onUnitChange={state.setUnit}
        period={state.dated ?? state.period}
        periods={state.periods}
        onPeriodChange={state.setPeriodId}
        disabled={working}
        strings={s}
        unitField={<UnitPicker value={state.unit} onChange={state.setUnit} onPick={state.pickUnit} disabled={working} strings={s} />}
      />

      {state.period ? (
        // Dates that cannot be fetched are no reason to lose the view: the plan's step reads the setup's.
        <LoadBoundary fallback={null}>
          <Suspense fallback={null}>
            <TemplateDates periodId={state.period.id} onPeriod={state.setDated} disabled={working} />
          </Suspense>
        </LoadBoundary>
      ) : null}

      {/* A fieldset, not a Field: Field names one control, and here each checkbox needs its own name. */}
      <fieldset className={field.fieldset} aria-describedby={noForms ? formsErrorId : undefined}>
        <legend className={field.legend}>{s.formsLabel}</legend>
        <div className={styles.allForms}>
          <Checkbox
            label={s.allForms}
            disabled={working}
            checked={state.forms.length === FORM_CHOICE_IDS.length ? true : noForms ? false : "mixed"}
            onChange={(_, data) => state.setAllForms(data.checked === true)}
          />
        </div>
        {FORM_CHOICES.map((form) => (
          <Checkbox
            key={form.id}
            label={s.formOption(form.id, choiceTitle(form, lang))}
            disabled={working}
            checked={state.forms.includes(form.id)}
            onChange={(_, data) => state.toggleForm(form.id, data.checked === true)}
          />
        ))}
        {noForms ? (
          <Caption1 id={formsErrorId} className={mergeClasses(field.error, styles.error)}>
            {s.formsRequired}
          </Caption1>
        ) : null}
      </fieldset>

      {working ? (
        <ProgressRow label={s.working} stopLabel={s.stop} onStop={state.stop} />
      ) : (
        <Button appearance="primary" className={view.primary} disabled={!state.canCreate} onClick={state.create}>
          {s.create}
        </Button>
      )}

      {ended ? (
        <div ref={result} tabIndex={-1} role="group" aria-label={ended} className={view.root}>
          <Outcome phase={phase} />
        </div>
      ) : null}

      <ReplaceDialog existing={state.phase.kind === "confirm" ? state.phase.existing : null} strings={s} onReplace={state.replace} onKeep={state.keep} />
    </section>
  );
}

/** The message after an attempt: success (and the print note), stopped, or a Vietnamese error with the way forward. */
function Outcome({ phase }: { phase: TemplatePhase }) {
  const { t } = useStrings();
  const s = t.template;
  switch (phase.kind) {
    case "done": {
      const { outcome } = phase;
      const sheets = formList(outcome.sheets);
      return (
        <WrittenMessage
          outcome={outcome}
          title={s.doneTitle}
          text={outcome.fileName ? s.doneBrowser(sheets, outcome.fileName) : s.doneExcel(sheets)}
          printNote={
            <>
              <MessageBarTitle>{s.printTitle}</MessageBarTitle>
              <div>{s.printHow(`$${FORM_LAYOUT.headerRow}:$${FORM_LAYOUT.headerRow}`)}</div>
            </>
          }
        />
      );
    }
    case "stopped":
      return <StatusMessage intent="info" title={s.stoppedTitle} text={s.stoppedText} />;
    case "error":
      return <ErrorMessage title={t.errors.title} error={phase.error} />;
    default:
      return null;
  }
}
